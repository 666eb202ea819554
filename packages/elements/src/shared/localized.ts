/** A controller that re-renders its element when the language changes, and starts automatic localization. */
import { updateWhenLocaleChanges } from './lit-localize.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { autoLocalize } from './localization.js';

export class LocalizeController implements ReactiveController {
  constructor(host: ReactiveControllerHost & HTMLElement) {
    updateWhenLocaleChanges(host);
    host.addController(this);
  }

  hostConnected(): void {
    autoLocalize();
  }
}
