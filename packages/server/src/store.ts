/**
 * Where the server keeps challenges and send counts. Asynchronous so that a database or Redis can stand behind
 * it; the default keeps everything in memory, which suits one process and tests.
 */

export interface StoredChallenge {
  id: string;
  phoneNumber: string;
  channel: 'sms' | 'voice';
  /** Keyed hash of the current code; `null` when no usable code exists (sending failed). */
  codeHash: Uint8Array | null;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  resendAt: number;
  attemptsLeft: number;
  verified: boolean;
}

export interface RateWindow {
  max: number;
  windowSeconds: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface ChallengeStore {
  create(challenge: StoredChallenge): Promise<void>;
  get(id: string): Promise<StoredChallenge | undefined>;
  /**
   * Reads, changes and writes one challenge as one atomic step: no other `update` of the same challenge may
   * interleave (a Redis store uses WATCH/MULTI or a script; SQL a row lock or a version column).
   */
  update<T>(
    id: string,
    change: (current: StoredChallenge) => { next: StoredChallenge; result: T },
  ): Promise<T | undefined>;
  delete(id: string): Promise<void>;
  /** Counts one event for `key` if every window still has room; atomic like `update`. */
  consume(key: string, windows: readonly RateWindow[], now: number): Promise<RateDecision>;
}

export interface MemoryStoreOptions {
  /** Challenges are dropped this long after they expire. Default one hour. */
  retainMilliseconds?: number;
}

/** The default store: in this process's memory. Loses everything on restart, which is fine for codes. */
export function createMemoryStore(options: MemoryStoreOptions = {}): ChallengeStore {
  const challenges = new Map<string, StoredChallenge>();
  const events = new Map<string, number[]>();
  const retain = options.retainMilliseconds ?? 3_600_000;

  const sweep = (now: number) => {
    for (const [id, challenge] of challenges) if (challenge.expiresAt + retain < now) challenges.delete(id);
  };

  return {
    async create(challenge) {
      sweep(Date.now());
      challenges.set(challenge.id, { ...challenge });
    },
    async get(id) {
      const found = challenges.get(id);
      return found ? { ...found } : undefined;
    },
    async update(id, change) {
      const current = challenges.get(id);
      if (!current) return undefined;
      const { next, result } = change({ ...current });
      challenges.set(id, next);
      return result;
    },
    async delete(id) {
      challenges.delete(id);
    },
    async consume(key, windows, now) {
      const longest = Math.max(0, ...windows.map((w) => w.windowSeconds)) * 1000;
      const recent = (events.get(key) ?? []).filter((at) => at > now - longest);
      for (const window of windows) {
        const inWindow = recent.filter((at) => at > now - window.windowSeconds * 1000);
        if (inWindow.length >= window.max) {
          const oldest = inWindow[inWindow.length - window.max]!;
          return {
            allowed: false,
            retryAfterSeconds: Math.max(1, Math.ceil((oldest + window.windowSeconds * 1000 - now) / 1000)),
          };
        }
      }
      recent.push(now);
      events.set(key, recent);
      return { allowed: true };
    },
  };
}
