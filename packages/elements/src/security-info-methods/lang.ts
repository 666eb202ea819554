/**
 * Renders the page again when the lang that applies to it changes: its own, a wrapper's in its tree, or the
 * document's (hostLocale), which text-locale.ts reads for the dates' conventions. Part of the actions' chunk
 * (actions.ts), so the list's first view carries none of it.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { hostLocale } from '../shared/host-locale.js';

export class LangController implements ReactiveController {
  private lang: string | undefined;
  // Only lang attributes are watched, so other changes in the tree cost nothing.
  private readonly observer = new MutationObserver(() => this.check());

  constructor(private readonly host: ReactiveElement) {
    this.lang = hostLocale(host);
    host.addController(this);
  }

  hostConnected(): void {
    // The tree may be another one than last time: the observer follows the element into it.
    this.observer.disconnect();
    const root = this.host.getRootNode();
    this.observer.observe(root, { attributeFilter: ['lang'], subtree: true });
    // From inside a shadow root, hostLocale falls back to <html lang>, which is outside it.
    if (root !== document) this.observer.observe(document.documentElement, { attributeFilter: ['lang'] });
    this.check();
  }

  hostDisconnected(): void {
    this.observer.disconnect();
  }

  /** Any lang changed: the page renders again only when the one that applies to it did. */
  private check(): void {
    const lang = hostLocale(this.host);
    if (lang === this.lang) return;
    this.lang = lang;
    this.host.requestUpdate();
  }
}
