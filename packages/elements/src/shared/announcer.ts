/**
 * A polite live region that an element renders once and speaks through: things that happened (a wait began, a
 * wait ended) are announced once each, and a standing status (work under way) is said while it lasts. For what is
 * visible already, or an error linked to a field, use the element's own markup (an alert) instead.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';

export class AnnouncerController implements ReactiveController {
  private text = '';
  /** Bumped for each announcement, so the same sentence said twice is still heard twice. */
  private count = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Says `text` once, politely, as a new message even when it repeats the last one. */
  announce(text: string): void {
    this.text = text;
    this.count++;
    this.host.requestUpdate();
  }

  /** Forgets the last announcement, so it is not said again once a standing status ends. */
  clear(): void {
    if (!this.text) return;
    this.text = '';
    this.host.requestUpdate();
  }

  /**
   * The live region, for the host's template; present from the first render, as screen readers only follow a
   * region that was there before it changed. `status` (work under way) is said instead of the last announcement
   * while it is given. Hidden from sight by the `visually-hidden` class of `field.styles.ts`.
   */
  render(status?: string): TemplateResult {
    // A new node for each announcement: a region whose text is replaced by the same text says nothing.
    return html`<div class="visually-hidden" role="status">
      ${keyed(this.count, html`<span>${status || this.text}</span>`)}
    </div>`;
  }

  /** An announcement belongs to its moment: a host that leaves the page and comes back does not say it again. */
  hostDisconnected(): void {
    this.clear();
  }
}
