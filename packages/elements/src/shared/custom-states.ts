/**
 * Custom states (`:state(name)`) that an element sets from what it shows, after each update: `read` says which are
 * on. Browsers without `CustomStateSet` skip them.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class CustomStatesController<T extends string> implements ReactiveController {
  private readonly states: Set<string> | undefined;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly read: () => Record<T, boolean>,
  ) {
    this.states = host.attachInternals().states as Set<string> | undefined;
    host.addController(this);
  }

  hostUpdated(): void {
    const states = this.read();
    for (const name in states) {
      try {
        this.states?.[states[name] ? 'add' : 'delete'](name);
      } catch {
        // Older engines accept only `--name` states.
      }
    }
  }
}
