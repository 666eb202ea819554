/**
 * One thing open over or in place of the list at a time (a confirmation, the wizard): shown as a modal `<dialog>`
 * once rendered, or inline, with focus moved to its `autofocus` element; when it closes, focus goes back to the
 * control that opened it, found again by its `data-focus` key (the list may have been rendered anew meanwhile),
 * or to the page's heading when that control is gone.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ModalController<T> implements ReactiveController {
  /** What is open, for the host's template. */
  current: T | undefined;
  /**
   * The control focus was to go back to, not there when what was open closed (the list not yet shown anew with the
   * row it belongs to): focus went to the heading, and the host may move it on once the control shows.
   */
  missed: string | undefined;
  private returnTo = '';
  /** Where focus goes after the next update: into what opened, back to a control as it closed, or to a control. */
  private focus: 'open' | 'close' | 'return' | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    /** Called each time what was open closes. */
    private readonly closed?: () => void,
  ) {
    host.addController(this);
  }

  /** Opens `value`; focus returns to the `[data-focus="returnTo"]` control when it closes. */
  open(value: T, returnTo: string): void {
    this.current = value;
    this.returnTo = returnTo;
    this.focus = 'open';
    this.host.requestUpdate();
  }

  /** Closes what is open, giving focus to `returnTo` (by default the control that opened it). */
  close(returnTo = this.returnTo): void {
    if (this.current === undefined) return;
    this.current = undefined;
    this.returnTo = returnTo;
    this.focus = 'close';
    this.host.requestUpdate();
    this.closed?.();
  }

  /**
   * Moves focus to the `[data-focus="key"]` control (or the one of that id, or the heading) after the next update;
   * `*:id` to the first control keyed `<action>:id`, whatever the action.
   */
  refocus(key: string): void {
    this.returnTo = key;
    this.focus = 'return';
    this.host.requestUpdate();
  }

  /** For the dialog's `cancel` event (Escape): the host's state closes it, so what it holds is dropped with it. */
  readonly onCancel = (event: Event): void => {
    event.preventDefault();
    this.close();
  };

  hostUpdated(): void {
    const root = this.host.renderRoot;
    const dialog = root.querySelector('dialog');
    if (this.focus === 'open' && this.current !== undefined) {
      // showModal() moves focus to the dialog's autofocus element; inline, it is moved here.
      if (!dialog) root.querySelector<HTMLElement>('[autofocus]')?.focus();
      // An update may come after the element left the page, where a dialog cannot open.
      else if (!dialog.open && dialog.isConnected) dialog.showModal();
    } else if (this.focus === 'close' || this.focus === 'return') {
      // `*:id` is the first of the controls keyed `<action>:id`: a row's first action, whichever its kind offers.
      const id = this.returnTo.startsWith('*:') ? this.returnTo.slice(2) : undefined;
      const control =
        id === undefined
          ? // Or by its id: a control without a key, as a phone's Show number (refocus).
            root.querySelector<HTMLElement>(
              `[data-focus="${CSS.escape(this.returnTo)}"], #${CSS.escape(this.returnTo)}`,
            )
          : // Keyed with a colon: the page's own controls ("add", "default") are no row's, whatever a method's id.
            [...root.querySelectorAll<HTMLElement>('[data-focus*=":"]')].find(
              (each) => each.dataset['focus']!.replace(/^[^:]*:/, '') === id,
            );
      if (this.focus === 'close') this.missed = control ? undefined : this.returnTo;
      (control ?? root.querySelector<HTMLElement>('h2'))?.focus();
    } else return;
    this.focus = undefined;
  }
}
