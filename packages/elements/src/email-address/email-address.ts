import { html, nothing, type PropertyValues } from 'lit';
import { checkEmail, type EmailProblem } from '@security-info/core';
import { msg } from '../shared/lit-localize.js';
import { defineElement } from '../shared/define.js';
import { LocalizeController } from '../shared/localized.js';
import { addEnrollMessages } from '../shared/enroll-messages.js';
import { emit } from '../shared/events.js';
import { fireInput, keepInputInside } from '../shared/input-method.js';
import { FormAssociatedElement } from '../shared/form-associated.js';
import { StepElement } from '../shared/step.js';
import { IntentLock } from '../shared/intent-lock.js';
import { tokens } from '../shared/tokens.styles.js';
import { fieldStyles } from '../shared/field.styles.js';
import * as text from './email-address.messages.js';
import { emailStyles } from './email-address.styles.js';

// The words of this step in the other languages load with it, never with the phone flow.
addEnrollMessages();

export interface EmailSubmitDetail {
  /** The address as checked: trimmed, its domain as typed (Unicode or `xn--`). */
  email: string;
}

/**
 * "Add an email address" (or "Change your email address" with `replacing`): one email field, Next and Back. The
 * address is checked with core's `checkEmail`, the rules the server applies too; each problem has its own message,
 * shown when Next is pressed and following the edits from then on. A form control whose value is the address once
 * it is valid.
 *
 * The field is `maxlength` 300: a few characters more than an address may have (254), so a long paste is told it
 * is too long instead of being cut to something that looks right.
 *
 * @customElement email-address
 * @summary The email step: the address a code is sent to, for resetting a password.
 *
 * @fires {CustomEvent<EmailSubmitDetail>} email-submit - Next was pressed with a valid address; `detail.email` holds it.
 * @fires {CustomEvent<void>} back - The person pressed Back.
 * @fires {Event} input - The person edited the address.
 *
 * @slot actions - Extra buttons after Next and Back, for example Cancel.
 *
 * @csspart heading - The step's heading.
 * @csspart intro - The sentence under it.
 * @csspart label - The field's label.
 * @csspart input - The email field.
 * @csspart error - The error message under the field.
 * @csspart actions - The row with Next, Back and the `actions` slot.
 * @csspart button - Every button.
 * @csspart next - The Next button.
 * @csspart back - The Back button.
 *
 * @cssstate pending - The host is working (also the reflected `pending` attribute).
 * @cssstate invalid - A problem with the address, or a host error, is shown (the field itself is marked invalid only for the address's problems and a host error with `addressRejected`).
 *
 * @cssprop --si-color-accent - Buttons and focus ring.
 * @cssprop --si-color-error - Error messages and the invalid field's border.
 * @cssprop --si-radius - Corner radius of the field and buttons.
 */
export class EmailAddress extends StepElement(FormAssociatedElement) {
  static override styles = [tokens, fieldStyles, emailStyles];

  static override properties = {
    value: { noAccessor: true },
    replacing: { type: Boolean },
    hideBack: { type: Boolean, attribute: 'hide-back' },
    error: {},
    addressRejected: { type: Boolean, attribute: 'address-rejected' },
    problem: { state: true },
  };

  /** Changing a registered address rather than adding one: the heading says so. */
  declare replacing: boolean;
  /**
   * Leaves Back out, where the step is the first of the flow (the wizard started at this method, as for Change on the
   * Security info page): a Back that leads nowhere would only confuse.
   */
  declare hideBack: boolean;
  /** The host is working: Next shows progress and takes no second submission. */
  declare pending: boolean;
  /**
   * A message from the host, such as the backend refusing the address; cleared when the address is edited or the
   * form is reset.
   */
  declare error: string;
  /**
   * The host's `error` is about the address itself (the backend refused it): the field is marked invalid for it. A
   * failure that says nothing against what was typed (offline, a slow server, a wait) leaves the field as it is.
   * Cleared with `error`.
   */
  declare addressRejected: boolean;

  declare private problem: EmailProblem | undefined;

  /** What is in the field, as typed. */
  #text = '';
  /** Problems are shown only after Next; from then on they follow the edits. */
  #showProblems = false;
  /** One intent, one event: an address submitted is not submitted again until the host answers or it changes. */
  readonly #submitting = new IntentLock<string>({ timeout: 1000 });

  constructor() {
    super();
    this.replacing = false;
    this.error = '';
    this.addressRejected = false;
    new LocalizeController(this);
  }

  /** The address when it is valid, else `''`. Setting it shows it in the field. */
  get value(): string {
    const check = checkEmail(this.#text);
    return 'email' in check ? check.email : '';
  }

  set value(value: string) {
    const old = this.value;
    this.#text = String(value ?? '');
    this.#submitting.release();
    this.#updateProblem();
    this.requestUpdate('value', old);
  }

  get #input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  // --- Lifecycle ------------------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('error') && this.error) this.#showProblems = true;
    if ((changed.has('pending') && !this.pending) || changed.has('error')) this.#submitting.release();
    this.toggleState('pending', this.pending);
    this.toggleState('invalid', this.#message() !== '');
  }

  protected override updated(): void {
    const input = this.#input;
    // Set here rather than bound, so what the browser shows is never written over while the person types.
    if (input && input.value !== this.#text) input.value = this.#text;
    this.#syncForm(input);
  }

  /** The form's value and validity, from the address as typed. */
  #syncForm(input = this.#input): void {
    const check = checkEmail(this.#text);
    this.internals.setFormValue('email' in check ? check.email : null, this.#text);
    if (!this.#text.trim()) {
      if (this.required) this.setValidity({ valueMissing: true }, text.problem('required'), input ?? undefined);
      else this.setValidity({});
    } else if ('problem' in check) {
      this.setValidity({ customError: true }, text.problem(check.problem), input ?? undefined);
    } else {
      this.setValidity({});
    }
  }

  formResetCallback(): void {
    this.#text = this.getAttribute('value') ?? '';
    // A reset puts another address in the field, as an edit does: what the host said was about the one before.
    this.#forgetAnswer();
    this.#showProblems = false;
    this.problem = undefined;
    this.requestUpdate();
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.value = state;
  }

  // --- Edits ----------------------------------------------------------------------------------------------

  readonly #onInput = (event: InputEvent) => {
    this.#text = (event.target as HTMLInputElement).value;
    this.#forgetAnswer();
    this.#updateProblem();
    this.requestUpdate();
    // Before the event, not at the update after it: a listener reads the validity and the form's data, as a native
    // field's listener does.
    this.#syncForm();
    // The field's own input event stays in the shadow root (keepInputInside): the host hears the element's.
    fireInput(this);
  };

  /** The host's error and refusal, and the lock on the address submitted, belong to an address no longer there. */
  #forgetAnswer(): void {
    if (this.error) this.error = '';
    this.addressRejected = false;
    this.#submitting.release();
  }

  #updateProblem(): void {
    const check = checkEmail(this.#text);
    this.problem = 'problem' in check && this.#text.trim() ? check.problem : undefined;
  }

  // --- Submit ---------------------------------------------------------------------------------------------

  readonly #onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    this.#submit();
  };

  #submit(): void {
    if (this.pending || this.isDisabled || this.#submitting.current !== undefined) return;
    this.#showProblems = true;
    const check = checkEmail(this.#text);
    if ('email' in check) {
      this.problem = undefined;
      this.#submitting.take(check.email);
      emit(this, 'email-submit', { email: check.email });
      return;
    }
    this.problem = this.#text.trim() ? check.problem : 'required';
    this.requestUpdate();
    this.#input?.focus();
  }

  readonly #onBack = () => emit(this, 'back', undefined);

  // --- Rendering ------------------------------------------------------------------------------------------

  /** The address's own problem, once shown. */
  #problemShown(): string {
    return this.#showProblems && this.problem ? text.problem(this.problem) : '';
  }

  #message(): string {
    return this.#problemShown() || this.error;
  }

  protected override render() {
    const message = this.#message();
    return html`
      <h2 part="heading" tabindex="-1">${text.heading(this.replacing)}</h2>
      <p id="intro" part="intro">
        ${msg("You can use this address to reset your password. We'll send a code to it to check that it's yours.", {
          id: 'enroll.email.intro',
          desc: 'Explains the email step, under its heading.',
        })}
      </p>
      <form novalidate @submit=${this.#onSubmit} @input=${keepInputInside}>
        <div class="field">
          <label for="email" part="label">
            ${msg('Email address', { id: 'enroll.email.label', desc: 'Label of the email address field.' })}
          </label>
          <input
            id="email"
            part="input"
            type="email"
            autocomplete="email"
            inputmode="email"
            spellcheck="false"
            autocapitalize="off"
            dir="ltr"
            maxlength="300"
            aria-invalid=${this.#problemShown() || (this.error && this.addressRejected) ? 'true' : 'false'}
            aria-describedby="email-message"
            ?required=${this.required}
            ?disabled=${this.isDisabled}
            ?readonly=${this.pending}
            @input=${this.#onInput}
          />
          <p id="email-message" class="error" part="error" role="alert">${message}</p>
        </div>
        <div class="actions" part="actions">
          <button
            type="submit"
            class="primary"
            part="button next"
            ?disabled=${this.isDisabled}
            aria-disabled=${this.pending ? 'true' : 'false'}
          >
            ${this.pending ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
            ${msg('Next', { id: 'enroll.email.next', desc: 'Button that sends a code to the email address.' })}
          </button>
          ${
            this.hideBack
              ? nothing
              : html`<button type="button" part="button back" @click=${this.#onBack}>
                  ${msg('Back', { id: 'enroll.email.back', desc: 'Button that returns to the choice of method.' })}
                </button>`
          }
          <slot name="actions"></slot>
        </div>
        <div class="visually-hidden" role="status">
          ${
            this.pending
              ? msg('Sending your code…', { id: 'enroll.email.pending', desc: 'Announced while the code is sent.' })
              : ''
          }
        </div>
      </form>
    `;
  }
}

defineElement('email-address', EmailAddress);

declare global {
  interface HTMLElementTagNameMap {
    'email-address': EmailAddress;
  }
  interface HTMLElementEventMap {
    'email-submit': CustomEvent<EmailSubmitDetail>;
    back: CustomEvent<void>;
  }
}
