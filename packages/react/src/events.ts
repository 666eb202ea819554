import type { EventName } from '@lit/react';

/**
 * A DOM event's name typed with the event the elements declare for it in `HTMLElementEventMap`, so an `on…`
 * callback receives `CustomEvent<Detail>` with the element's own detail type.
 */
export const on = <K extends keyof HTMLElementEventMap>(name: K): EventName<HTMLElementEventMap[K]> =>
  name as EventName<HTMLElementEventMap[K]>;
