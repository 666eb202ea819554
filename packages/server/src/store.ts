/**
 * Where the server keeps challenges, send counts and wrong-code counts. Asynchronous so that a database can stand
 * behind it; the default keeps everything in this process's memory, which suits one process, edge runtimes and
 * tests, and loses everything on restart.
 */
import type { Channel } from '@security-info/core';
import { createRateLog, type RateCharge, type RateDecision } from './rate-log.js';

export type { RateCharge, RateDecision, RateWindow } from './rate-log.js';

export interface StoredChallenge {
  id: string;
  /** Who asked for it: only this user may resend or verify. */
  userId: string;
  phoneNumber: string;
  /** ISO 3166-1 alpha-2 region of the number. */
  region: string;
  channel: Channel;
  /** Keyed hash of the current code; `null` when no usable code exists (sending failed or timed out). */
  codeHash: Uint8Array | null;
  /** Milliseconds since the epoch. */
  createdAt: number;
  expiresAt: number;
  /** No resend before this time. */
  resendAt: number;
  /** Codes sent for this challenge so far, the first one included. */
  sends: number;
  attemptsLeft: number;
  /**
   * While the registration hook runs for a right code: until when the code is reserved for that request.
   * A lease, not a lock: a process that dies during the hook leaves a code usable again once it passes.
   */
  claimedUntil: number;
  verified: boolean;
}

/** Consecutive wrong codes of one user, across challenges. */
export interface FailureState {
  count: number;
  /** No verification before this time (milliseconds since the epoch); 0 when not locked. */
  lockedUntil: number;
  /** When the last wrong code was counted; a count left alone for 30 days is forgotten. */
  lastFailureAt: number;
}

/** How long an expired challenge is kept, so that a late verify hears "expired" rather than "no such challenge". */
export const CHALLENGE_GRACE_MS = 10 * 60 * 1000;

/** How long a user's count of wrong codes is kept after the last one. */
export const FAILURE_MEMORY_MS = 30 * 24 * 3600 * 1000;

export interface ChallengeStore {
  create(challenge: StoredChallenge): Promise<void>;
  get(id: string): Promise<StoredChallenge | undefined>;
  /**
   * Reads, changes and writes one challenge as one atomic step: no other `update` of the same challenge may
   * interleave (SQL: a row lock or a conditional update).
   */
  update<T>(
    id: string,
    change: (current: StoredChallenge) => { next: StoredChallenge; result: T },
  ): Promise<T | undefined>;
  delete(id: string): Promise<void>;
  /**
   * Counts one event on every charge if every one of them still has room, and nothing otherwise: a caller over
   * any limit spends no one's budget. Atomic across all the charges.
   */
  consume(charges: readonly RateCharge[], now: number): Promise<RateDecision>;
  /** Changes one user's wrong-code state atomically; a user with no state starts at all zeros. */
  updateFailures<T>(userId: string, change: (current: FailureState) => { next: FailureState; result: T }): Promise<T>;
  /** Drops what can no longer matter at `now`: expired challenges, rate windows that passed, cleared failures. */
  sweep(now: number): Promise<void>;
}

export interface MemoryStore extends ChallengeStore {
  /** How many entries it holds: what the sweep keeps flat. */
  stats(): { challenges: number; rateKeys: number; failures: number };
}

/** The default store: in this process's memory. Not shared between processes: one instance only. */
export function createMemoryStore(): MemoryStore {
  const challenges = new Map<string, StoredChallenge>();
  const rates = createRateLog();
  const failures = new Map<string, FailureState>();

  const copy = (challenge: StoredChallenge): StoredChallenge => ({
    ...challenge,
    codeHash: challenge.codeHash && new Uint8Array(challenge.codeHash),
  });

  return {
    stats: () => ({ challenges: challenges.size, rateKeys: rates.size(), failures: failures.size }),
    async create(challenge) {
      challenges.set(challenge.id, copy(challenge));
    },
    async get(id) {
      const found = challenges.get(id);
      return found && copy(found);
    },
    async update(id, change) {
      const current = challenges.get(id);
      if (!current) return undefined;
      const { next, result } = change(copy(current));
      challenges.set(id, copy(next));
      return result;
    },
    async delete(id) {
      challenges.delete(id);
    },
    async consume(charges, now) {
      return rates.consume(charges, now);
    },
    async updateFailures(userId, change) {
      const { next, result } = change({ ...(failures.get(userId) ?? { count: 0, lockedUntil: 0, lastFailureAt: 0 }) });
      if (next.count === 0 && next.lockedUntil === 0) failures.delete(userId);
      else failures.set(userId, { ...next });
      return result;
    },
    async sweep(now) {
      for (const [id, challenge] of challenges) {
        if (Math.max(challenge.expiresAt, challenge.claimedUntil) + CHALLENGE_GRACE_MS < now) challenges.delete(id);
      }
      rates.sweep(now);
      // A user's count stays until a success clears it (NIST counts consecutive failures), or for 30 days.
      for (const [userId, state] of failures) {
        if (state.lockedUntil <= now && state.lastFailureAt + FAILURE_MEMORY_MS <= now) failures.delete(userId);
      }
    },
  };
}
