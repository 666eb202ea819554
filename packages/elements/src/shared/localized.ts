/** A controller that re-renders its element when the language changes, and starts automatic localization. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LOCALE_STATUS_EVENT } from './lit-localize.js';
import { autoLocalize } from './localization.js';

/**
 * Listens for the status event that both our runtime and a host's own `@lit/localize` send on `window`, as
 * `updateWhenLocaleChanges` does, in one controller rather than two: every element of the first view has one.
 */
export class LocalizeController implements ReactiveController {
  private readonly onStatus = (event: Event): void => {
    if ((event as CustomEvent<{ status: string }>).detail.status === 'ready') this.host.requestUpdate();
  };

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener(LOCALE_STATUS_EVENT, this.onStatus);
    autoLocalize();
  }

  hostDisconnected(): void {
    removeEventListener(LOCALE_STATUS_EVENT, this.onStatus);
  }
}
