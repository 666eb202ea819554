import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { typedPasskeyName } from '@security-info/core';
import { defineElement } from '../shared/define.js';
import { LocalizeController } from '../shared/localized.js';
import { addFeatureMessages } from '../shared/feature-messages.js';
import { emit } from '../shared/events.js';
import { fireInput, keepInputInside } from '../shared/input-method.js';
import { StepElement } from '../shared/step.js';
import { IntentLock } from '../shared/intent-lock.js';
import { tokens } from '../shared/tokens.styles.js';
import { fieldStyles } from '../shared/field.styles.js';
import { passkeyStyles } from './passkey-setup.styles.js';
import * as text from './passkey-setup.messages.js';

// The step's words in the other languages load with this module, never with another method's steps.
addFeatureMessages(() => import('../generated/locales/passkey/index.js'));

export interface PasskeySaveDetail {
  /** The name, trimmed, as core's `passkeyName` takes it: 1 to 64 characters, on one line, something visible. */
  name: string;
}

/**
 * "Create a passkey": what a passkey is, that the browser or phone will ask, and Create passkey; the host opens the
 * browser's dialog on `passkey-create`, and once the passkey is registered sets `created` and the suggested `name`.
 * Then "Name your passkey": the name, Save (`passkey-save`). Back leads out only before the passkey exists.
 *
 * The element knows no backend and no WebAuthn: the host says whether the browser has it (`unsupported`: the step
 * says so up front, with no Create button), that it is working (`pending`: the button takes no second press, and
 * the status says to follow the browser), and what failed (`failure`, one of core's passkey reasons, in the step's
 * own words; `error`, any other message). With `passkey-limit` the step offers no Create either: asking again would
 * be refused again until the person deletes a passkey, elsewhere; focus that was on Create goes to the heading.
 *
 * @customElement passkey-setup
 * @summary The passkey step: create a passkey with the browser's dialog, then name it.
 *
 * @fires {CustomEvent<void>} passkey-create - The person pressed Create passkey (never while `pending`; a double click is one press until the host answers, or for a second).
 * @fires {CustomEvent<PasskeySaveDetail>} passkey-save - The person saved a valid name for the passkey.
 * @fires {Event} input - The person edited the name.
 * @fires {CustomEvent<void>} back - The person pressed Back.
 *
 * @slot actions - Extra buttons after the step's own, for example Cancel.
 *
 * @csspart heading - The step's heading.
 * @csspart intro - What a passkey is, and what happens next.
 * @csspart status - The line shown while the browser's dialog is open.
 * @csspart error - What went wrong, with the way forward (and that this browser has no passkeys), or what is wrong
 *   with the name.
 * @csspart label - The name field's label.
 * @csspart input - The name field.
 * @csspart hint - How long the name may be.
 * @csspart button - Every button.
 * @csspart create - The Create passkey button.
 * @csspart save - The Save button.
 * @csspart back - The Back button.
 *
 * @cssprop --si-color-accent - Buttons and focus ring.
 * @cssprop --si-color-error - The error message.
 */
export class PasskeySetup extends StepElement(LitElement) {
  static override styles = [tokens, fieldStyles, passkeyStyles];

  static override properties = {
    unsupported: { type: Boolean },
    created: { type: Boolean },
    name: {},
    failure: {},
    error: {},
    hideBack: { type: Boolean, attribute: 'hide-back' },
    invalid: { state: true },
    saves: { state: true },
  };

  /** The browser cannot create passkeys at all (no WebAuthn): said up front, and no Create button. */
  declare unsupported: boolean;
  /** The passkey is registered: the step asks for its name. */
  declare created: boolean;
  /** The passkey's name, as suggested from the device (set with `created`). */
  declare name: string;
  /** Why the last try failed (`passkey-cancelled`, `passkey-exists`, `passkey-origin`, `passkey-unsupported`, `passkey-timeout`, `passkey-refused`, `passkey-limit`), said in the step's own words; after `passkey-limit` the step offers no Create. */
  declare failure: string;
  /** A message from the host for any other failure; shown and announced. */
  declare error: string;
  /** Leaves Back out, where the step is the first of the flow. */
  declare hideBack: boolean;
  declare private invalid: boolean;
  /** Saves refused for the name: each says what is wrong anew, though the field has the focus already. */
  declare private saves: number;

  constructor() {
    super();
    this.unsupported = this.created = this.hideBack = this.invalid = false;
    this.saves = 0;
    this.name = this.failure = this.error = '';
    new LocalizeController(this);
  }

  /** Focus was in the step when the update began: a render that takes away the control holding it keeps it here. */
  #hadFocus = false;

  protected override updated(changed: PropertyValues<this>): void {
    // From the button to the name: the new heading takes focus, as a new step's does. And from a Create taken away to
    // the heading too, rather than to the page: the message under it says why, and the way out follows.
    const named = changed.has('created') && this.created && changed.get('created') === false;
    if (named || (this.#hadFocus && !this.matches(':focus-within'))) this.focusHeading();
  }

  /**
   * No passkey can be made here, whatever is pressed: the browser has no passkeys, or the person has the most allowed
   * (a Create would be refused again). The step offers no Create then; Back and the host's actions lead out.
   */
  private get closed(): boolean {
    return this.unsupported || this.failure === 'passkey-limit';
  }

  /**
   * One press, one event: a double click asks once, though the host may not set `pending`; its answer (a failure,
   * the passkey created, `pending` over) or a second lets the next press through.
   */
  readonly #pressed = new IntentLock<'create' | 'save'>({ timeout: 1000 });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const answered = changed.has('failure') || changed.has('error') || changed.has('created');
    if (answered || (changed.has('pending') && !this.pending)) this.#pressed.release();
    this.#hadFocus = this.matches(':focus-within');
  }

  private readonly onCreate = () => {
    if (!this.pending && !this.closed && this.#pressed.take('create')) emit(this, 'passkey-create', undefined);
  };

  private readonly onSave = (event: Event) => {
    event.preventDefault();
    if (this.pending || this.#pressed.current) return;
    const input = this.renderRoot.querySelector('input')!;
    // The rule the backend applies: a name it would refuse is said here, at the field, not as a failed save.
    const name = typedPasskeyName(input.value);
    this.invalid = !name;
    if (name) {
      this.#pressed.take('save');
      emit(this, 'passkey-save', { name });
    } else {
      this.saves++;
      input.focus();
    }
  };

  private readonly onBack = () => emit(this, 'back', undefined);

  /** The field's own input event stays in the shadow root (it is composed): the host hears the element's. */
  private readonly onInput = (event: Event) => {
    keepInputInside(event);
    fireInput(this);
  };

  protected override render() {
    const message = text.failure(this.failure) || this.error;
    return this.created ? this.renderName(message) : this.renderCreate(message);
  }

  private renderCreate(message: string) {
    const { pending, unsupported, closed } = this;
    return html`<h2 part="heading" tabindex="-1">${text.heading()}</h2>
      <div part="intro">
        <p>${text.intro()}</p>
        ${closed ? nothing : html`<p>${text.prompt()}</p>`}
      </div>
      <p class="status" part="status" role="status">${this.renderWaiting()}</p>
      <p class="error" part="error" role="alert">${unsupported ? text.unsupported() : message}</p>
      <div class="actions">
        ${
          closed
            ? nothing
            : html`<button
                type="button"
                class="primary"
                part="button create"
                aria-disabled=${pending ? 'true' : 'false'}
                @click=${this.onCreate}
              >
                ${text.create()}
              </button>`
        }
        ${this.hideBack ? nothing : html`<button type="button" part="button back" @click=${this.onBack}>${text.back()}</button>`}
        <slot name="actions"></slot>
      </div>`;
  }

  /** While the host works: said once by the status region, and shown with a spinner. */
  private renderWaiting() {
    return this.pending ? html`<span class="spinner" aria-hidden="true"></span>${text.waiting()}` : nothing;
  }

  private renderName(message: string) {
    const { pending, invalid } = this;
    // What is wrong with the name is said by the alert, as the hint under the field is no live region and the field
    // has the focus already. A new text at each Save refused, so that the same words are said again.
    const nameMessage = invalid ? keyed(this.saves, text.nameInvalid()) : message;
    return html`<h2 part="heading" tabindex="-1">${text.nameHeading()}</h2>
      <p part="intro">${text.nameIntro()}</p>
      <form novalidate @submit=${this.onSave} @input=${this.onInput}>
        <div class="field">
          <label part="label" for="name">${text.nameLabel()}</label>
          <input
            id="name"
            part="input"
            name="name"
            autocomplete="off"
            .defaultValue=${this.name}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${invalid ? 'name-message name-hint' : 'name-hint'}
          />
          <p id="name-hint" class="hint" part="hint">${text.nameHint()}</p>
        </div>
        <p class="status" part="status" role="status">${this.renderWaiting()}</p>
        <p id="name-message" class="error" part="error" role="alert">${nameMessage}</p>
        <div class="actions">
          <button type="submit" class="primary" part="button save" aria-disabled=${pending ? 'true' : 'false'}>
            ${text.save()}
          </button>
          <slot name="actions"></slot>
        </div>
      </form>`;
  }
}

defineElement('passkey-setup', PasskeySetup);

declare global {
  interface HTMLElementTagNameMap {
    'passkey-setup': PasskeySetup;
  }
  interface HTMLElementEventMap {
    'passkey-create': CustomEvent<void>;
    'passkey-save': CustomEvent<PasskeySaveDetail>;
    back: CustomEvent<void>;
  }
}
