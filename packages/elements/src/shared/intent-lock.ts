/**
 * One submission per intent: a double click, or Enter and then a click, makes one call. An element takes the lock
 * with what it submits when it fires its event, and releases it when the call settles (the host answers: `pending`
 * ends, an error or a status comes) or the element is reset (a new value, an edit). A lock with a `timeout` also
 * releases itself after that many milliseconds, for a host that never answers.
 */
import type { ReactiveControllerHost } from 'lit';

export interface IntentLockOptions {
  /** Re-rendered when the lock is taken or released, for an element that shows the intent under way. */
  host?: ReactiveControllerHost;
  /** Milliseconds after which the lock releases itself. */
  timeout?: number;
}

/** `Intent` is what is under way (a number, a code, a channel): the element can show it. */
export class IntentLock<Intent extends string | number | boolean | object> {
  private intent: Intent | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: IntentLockOptions = {}) {}

  /** The intent under way, until the lock is released. */
  get current(): Intent | undefined {
    return this.intent;
  }

  /** Takes the lock for `intent`: `false`, and nothing changes, while another intent is under way. */
  take(intent: Intent): boolean {
    if (this.intent !== undefined) return false;
    this.intent = intent;
    const { host, timeout } = this.options;
    if (timeout !== undefined) this.timer = setTimeout(() => this.release(), timeout);
    host?.requestUpdate();
    return true;
  }

  /** The intent settled, or the element was reset: the next one may start. */
  release(): void {
    if (this.intent === undefined) return; // Free already: every edit releases it.
    clearTimeout(this.timer);
    this.intent = undefined;
    this.options.host?.requestUpdate();
  }
}
