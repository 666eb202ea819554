/**
 * The wait before a new code may be asked for: a countdown that survives a reload of the tab. The deadline is kept
 * in storage (`sessionStorage`: this tab only) under `security-info:resend:<hash>`, where the hash is a short FNV-1a
 * hash of the destination, so storage never holds the number in clear, nor the code. Storage that is blocked or
 * full only means a reload forgets the wait.
 */
import type { ReactiveControllerHost } from 'lit';
import { CountdownController } from '../shared/countdown.js';

/** The part of the Web Storage API the cooldown uses. */
export type CooldownStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface ResendCooldownOptions {
  /** A wait of `seconds` began (not one restored after a reload): a moment to say so. */
  started(seconds: number): void;
  /** A wait that was running is over: a new code may be asked for. */
  ended(): void;
  /** Where deadlines are kept: `sessionStorage` by default. `undefined` (or a throw) keeps them for this page only. */
  storage?(): CooldownStorage | undefined;
}

const STORAGE_PREFIX = 'security-info:resend:';
/** A stored deadline further away than this was not written by us; it is ignored. */
const LONGEST_COOLDOWN_MS = 24 * 60 * 60 * 1000;

/**
 * A short key for a destination (32-bit FNV-1a), so storage never holds the number in clear. It hides the number
 * from a casual look at storage; it is not a secret, as phone numbers are few enough to try.
 */
export function cooldownKey(destination: string): string {
  let hash = 0x811c9dc5;
  for (const ch of destination) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return STORAGE_PREFIX + hash.toString(36);
}

function sessionStore(): CooldownStorage | undefined {
  return globalThis.sessionStorage; // Reading it throws where storage is blocked: callers catch that.
}

/** A countdown that remembers its deadline for the destination, and says when a wait starts and ends. */
export class ResendCooldownController extends CountdownController {
  /** Where the destination's wait is kept; empty without a destination. */
  private key = '';

  constructor(
    host: ReactiveControllerHost,
    private readonly options: ResendCooldownOptions,
  ) {
    super(host, () => options.ended());
  }

  /**
   * The cooldown is now `destination`'s: a wait remembered for it (before a reload) goes on, and later waits are
   * remembered for it. A wait already running goes on when nothing was remembered.
   */
  restore(destination: string): void {
    this.key = destination && cooldownKey(destination);
    this.store((storage, key) => {
      const stored = Number(storage.getItem(key));
      const now = Date.now();
      if (stored > now && stored - now <= LONGEST_COOLDOWN_MS) this.startUntil(stored);
      else if (!Number.isNaN(stored)) storage.removeItem(key);
    });
  }

  /** Starts a wait of `seconds` from now (at most a day), remembered for the destination; 0 ends a wait. */
  override start(seconds: number): void {
    const wait = Math.min(LONGEST_COOLDOWN_MS / 1000, Math.max(0, Number(seconds) || 0));
    const wasRunning = this.running;
    super.start(wait);
    this.store((storage, key) => {
      if (wait > 0) storage.setItem(key, String(Date.now() + wait * 1000));
      else storage.removeItem(key);
    });
    if (wait > 0) this.options.started(wait);
    else if (wasRunning) this.options.ended();
  }

  /** Ends the wait, and forgets it for the destination. */
  override stop(): void {
    this.start(0);
  }

  /** Runs `use` on the storage, if there is one that works: blocked or full storage keeps the wait for this page. */
  private store(use: (storage: CooldownStorage, key: string) => void): void {
    try {
      const storage = (this.options.storage ?? sessionStore)();
      if (storage && this.key) use(storage, this.key);
    } catch {
      // Nothing to remember or tidy without storage.
    }
  }
}
