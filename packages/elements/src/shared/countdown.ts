/**
 * A reactive controller that counts down whole seconds to a deadline and re-renders its host each second,
 * only while it runs. Deadlines are wall-clock times, so a tab that slept still shows the right wait.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class CountdownController implements ReactiveController {
  private deadline = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Called once when the countdown reaches zero. */
    private readonly onEnd?: () => void,
  ) {
    host.addController(this);
  }

  /** Seconds left, rounded up; 0 when not running. */
  get remaining(): number {
    return Math.max(0, Math.ceil((this.deadline - Date.now()) / 1000));
  }

  get running(): boolean {
    return this.remaining > 0;
  }

  /** Starts (or restarts) counting down `seconds` from now; 0 or less stops it. */
  start(seconds: number): void {
    this.deadline = Date.now() + Math.max(0, seconds) * 1000;
    this.tick();
  }

  /** Counts down to an absolute time in milliseconds since the epoch. */
  startUntil(deadline: number): void {
    this.deadline = deadline;
    this.tick();
  }

  stop(): void {
    this.deadline = 0;
    this.clear();
    this.host.requestUpdate();
  }

  hostConnected(): void {
    if (this.running) this.tick();
  }

  hostDisconnected(): void {
    this.clear();
  }

  private tick(): void {
    this.clear();
    this.host.requestUpdate();
    if (!this.running) return;
    this.timer = setInterval(() => {
      this.host.requestUpdate();
      if (!this.running) {
        this.clear();
        this.onEnd?.();
      }
    }, 1000);
  }

  private clear(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
