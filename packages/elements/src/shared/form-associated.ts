/**
 * The platform's form association, once for every form control here: `ElementInternals` for value and
 * validity, `name`/`disabled`/`required`, a disabled `<fieldset>` honoured, states a designer can style with
 * `:state(...)`.
 */
import { LitElement, type PropertyDeclarations } from 'lit';

export abstract class FormAssociatedElement extends LitElement {
  static formAssociated = true;

  /** Focus moves into the shadow root's first control, so a `<label for>` and `focus()` reach the input. */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override properties: PropertyDeclarations = {
    name: {},
    disabled: { type: Boolean, reflect: true },
    required: { type: Boolean, reflect: true },
    formDisabled: { state: true },
  };

  /** The name under which the value is submitted with the form. */
  declare name: string;
  /** Disables the control; it is then neither focusable nor submitted. */
  declare disabled: boolean;
  /** The form cannot be submitted until the control holds a valid value. */
  declare required: boolean;
  /** Set while an ancestor `<fieldset>` is disabled. */
  declare protected formDisabled: boolean;

  protected readonly internals: ElementInternals;

  constructor() {
    super();
    this.name = '';
    this.disabled = false;
    this.required = false;
    this.formDisabled = false;
    this.internals = this.attachInternals();
  }

  /** The form that owns this control, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** What `setValidity` set last. */
  #validity: { key: string; anchor: HTMLElement | undefined } | undefined;

  /**
   * Sets the control's validity (no flags: valid), unless it is what was set last: a field sets it at every
   * keystroke, and the platform's call is not free. The controls set their validity through here only, so the last
   * one set is the one the platform holds.
   */
  protected setValidity(flags: ValidityStateFlags = {}, message = '', anchor?: HTMLElement): void {
    let key = '';
    for (const flag in flags) if (flags[flag as keyof ValidityStateFlags]) key += `${flag},`;
    key += `\n${message}`;
    if (this.#validity?.key === key && this.#validity.anchor === anchor) return;
    this.internals.setValidity(flags, message, anchor);
    this.#validity = { key, anchor };
  }

  /** True when the control itself or an ancestor fieldset is disabled. */
  protected get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
    // Setting `disabled` calls this while Lit reflects it to the attribute, at the end of an update that has
    // rendered already and then forgets what changed: without another update the field would stay as it was.
    if (this.isUpdatePending) queueMicrotask(() => this.requestUpdate());
  }

  /** Turns a custom state (`:state(name)`) on or off; browsers without `CustomStateSet` simply skip it. */
  protected toggleState(name: string, on: boolean): void {
    const states = this.internals.states as Set<string> | undefined;
    if (!states) return;
    try {
      if (on) states.add(name);
      else states.delete(name);
    } catch {
      // Older engines accept only `--name` states; the reflected attributes still carry the state.
    }
  }
}
