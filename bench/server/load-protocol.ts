/** The messages between `load.ts` and the server process it measures (`load-server.ts`), over Node's IPC channel. */
import type { Profiler } from 'node:inspector';

/** From the bench to the server process. */
export type ParentMessage =
  /** The codes last sent to these numbers (each forgotten once taken). */
  | { type: 'codes'; numbers: string[] }
  /** The process's CPU time so far. */
  | { type: 'cpu' }
  | { type: 'profile-start' }
  | { type: 'profile-stop' }
  /** Stop as the command stops (requests in flight finish, the store closes), then exit. */
  | { type: 'stop' };

/** From the server process to the bench. */
export type ServerMessage =
  | { type: 'ready'; origin: string }
  | { type: 'codes'; codes: (string | null)[] }
  /**
   * User and system CPU time in microseconds, and the event loop's busy and idle time in milliseconds (busy
   * includes time blocked in synchronous calls, such as PGlite's flushes to the disk).
   */
  | { type: 'cpu'; micros: number; loopActive: number; loopIdle: number }
  | { type: 'profile-started' }
  | { type: 'profile'; profile: Profiler.Profile };
