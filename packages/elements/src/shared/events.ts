/** Typed, bubbling, composed CustomEvents: the only way the elements talk to their host. */

/** The `detail` type of an event declared in `HTMLElementEventMap` as a `CustomEvent<Detail>`. */
export type EventDetail<K extends keyof HTMLElementEventMap> =
  HTMLElementEventMap[K] extends CustomEvent<infer Detail> ? Detail : never;

export interface EmitOptions {
  /** Lets the host call `preventDefault()`; the return value then says whether it did not. */
  cancelable?: boolean;
}

/**
 * Dispatches `type` from `target` with a typed `detail`; bubbles and crosses shadow roots.
 * @returns `false` when a listener cancelled a cancelable event.
 */
export function emit<K extends keyof HTMLElementEventMap>(
  target: EventTarget,
  type: K,
  detail: EventDetail<K>,
  options: EmitOptions = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}
