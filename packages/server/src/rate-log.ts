/**
 * Sliding-window send counts in memory, kept small: most keys (a user, an address, a number) see one send and then
 * nothing, so a key with one event is stored as a bare number, and keys are grouped by their longest window so
 * that no per-key expiry needs storing. Event times are kept in order, so a window's count is a binary search.
 */
export interface RateWindow {
  max: number;
  windowSeconds: number;
}

/** One counter to charge: its key and the windows it must stay within. */
export interface RateCharge {
  key: string;
  windows: readonly RateWindow[];
}

export type RateDecision = { allowed: true } | { allowed: false; key: string; retryAfterSeconds: number };

type Times = number | number[];

/** The index of the first time after `since` in ascending `times`. */
function firstAfter(times: readonly number[], since: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle]! > since) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * The refusal of one window, given the oldest of its `max` newest events when the window is full: the wait until
 * that event leaves it (at least a second). A window that allows nothing refuses for its whole length.
 */
export function windowRefusal(
  key: string,
  window: RateWindow,
  oldestCounted: number | undefined,
  now: number,
): RateDecision | undefined {
  if (window.max <= 0) return { allowed: false, key, retryAfterSeconds: window.windowSeconds };
  if (oldestCounted === undefined) return undefined;
  const wait = Math.ceil((oldestCounted + window.windowSeconds * 1000 - now) / 1000);
  return { allowed: false, key, retryAfterSeconds: Math.max(1, wait) };
}

type Refused = Extract<RateDecision, { allowed: false }>;

/**
 * The refusal of a call from those of its full windows: named after the first (the order of the charges), with the
 * longest wait, since the call goes through only once every one of them has room. A wait until the first had room
 * would have the caller try again, and be refused again, as often as there are full windows.
 */
export function combineRefusals(refusals: Iterable<RateDecision | undefined>): Refused | undefined {
  let combined: Refused | undefined;
  for (const refused of refusals) {
    if (!refused || refused.allowed) continue;
    if (!combined) combined = refused;
    else if (refused.retryAfterSeconds > combined.retryAfterSeconds)
      combined = { ...combined, retryAfterSeconds: refused.retryAfterSeconds };
  }
  return combined;
}

const longestOf = (windows: readonly RateWindow[]) => Math.max(0, ...windows.map((w) => w.windowSeconds)) * 1000;
const mostOf = (windows: readonly RateWindow[]) => Math.max(1, ...windows.map((w) => w.max));
const asArray = (times: Times | undefined): readonly number[] =>
  times === undefined ? [] : typeof times === 'number' ? [times] : times;

export function createRateLog() {
  // Longest window (ms) -> key -> its events.
  const groups = new Map<number, Map<string, Times>>();

  const groupOf = (longest: number) => {
    let group = groups.get(longest);
    if (!group) groups.set(longest, (group = new Map()));
    return group;
  };

  function* refusals(key: string, times: readonly number[], windows: readonly RateWindow[], now: number) {
    for (const window of windows) {
      const inWindow = times.length - firstAfter(times, now - window.windowSeconds * 1000);
      yield windowRefusal(key, window, inWindow >= window.max ? times[times.length - window.max] : undefined, now);
    }
  }

  return {
    /**
     * Counts one event on every charge if each has room, and nothing otherwise: then the first full charge is named,
     * with the wait until every full window has room.
     */
    consume(charges: readonly RateCharge[], now: number): RateDecision {
      const denied = combineRefusals(
        charges.flatMap(({ key, windows }) => [
          ...refusals(key, asArray(groups.get(longestOf(windows))?.get(key)), windows, now),
        ]),
      );
      if (denied) return denied;
      for (const { key, windows } of charges) {
        const longest = longestOf(windows);
        const group = groupOf(longest);
        const current = group.get(key);
        if (current === undefined || (typeof current === 'number' && current <= now - longest)) {
          group.set(key, now);
          continue;
        }
        // Only the last `most` events can decide a refusal, and only those inside the longest window.
        const times = asArray(current);
        const from = Math.max(firstAfter(times, now - longest), times.length + 1 - mostOf(windows));
        if (Array.isArray(current) && current.length > 16) {
          current.splice(0, from);
          current.push(now);
        } else {
          group.set(key, [...times.slice(from), now]);
        }
      }
      return { allowed: true };
    },
    /** Drops every key whose last event is older than its longest window. */
    sweep(now: number): void {
      for (const [longest, group] of groups) {
        for (const [key, times] of group) {
          const last = typeof times === 'number' ? times : times[times.length - 1]!;
          if (last <= now - longest) group.delete(key);
        }
        if (group.size === 0) groups.delete(longest);
      }
    },
    size(): number {
      let size = 0;
      for (const group of groups.values()) size += group.size;
      return size;
    },
  };
}
