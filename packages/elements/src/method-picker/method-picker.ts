import { LitElement, html, nothing, svg, type SVGTemplateResult } from 'lit';
import { msg, str } from '../shared/lit-localize.js';
import {
  offeredMethods,
  withheldMethods,
  type MethodId,
  type Purpose,
  type SecurityInfoPolicy,
} from '@security-info/core';
import { defineElement } from '../shared/define.js';
import { listConverter } from '../shared/converters.js';
import { hostLocale } from '../shared/host-locale.js';
import { getLocale, sourceLocale } from '../shared/localization.js';
import { StepElement } from '../shared/step.js';
import { LocalizeController } from '../shared/localized.js';
import { emit } from '../shared/events.js';
import { tokens } from '../shared/tokens.styles.js';
import { methodPickerStyles } from './method-picker.styles.js';

export interface MethodSelectDetail {
  method: MethodId;
}

let icons: Record<MethodId, SVGTemplateResult> | undefined;
let iconsLoading: Promise<void> | undefined;

/**
 * Loads the methods' icons (method-icons.ts), once: the wizard asks as it starts, beside the policy request, and a
 * picker when it connects. A picker shows its list at once and draws the icons when they are here; a load that
 * failed (offline) is tried again next time.
 */
export function loadMethodIcons(): Promise<void> {
  iconsLoading ??= import('./method-icons.js').then(
    ({ methodIcons }) => void (icons = methodIcons(svg)),
    () => void (iconsLoading = undefined),
  );
  return iconsLoading;
}

/** Each method's name and the line under it, in the language shown. */
const WORDS: Record<MethodId, () => [name: string, description: string]> = {
  'authenticator-app': () => [
    msg('Authenticator app', { id: 'method-picker.app', desc: 'Name of the authenticator app method.' }),
    msg('Approve sign-ins or get codes in an app on your phone.', {
      id: 'method-picker.app-description',
      desc: 'One line under "Authenticator app".',
    }),
  ],
  phone: () => [
    msg('Phone', { id: 'method-picker.phone', desc: 'Name of the phone method (text message or call).' }),
    msg('Get a code by text message or phone call.', {
      id: 'method-picker.phone-description',
      desc: 'One line under "Phone".',
    }),
  ],
  email: () => [
    msg('Email', { id: 'method-picker.email', desc: 'Name of the email method.' }),
    msg('Get a code by email to reset your password.', {
      id: 'method-picker.email-description',
      desc: 'One line under "Email".',
    }),
  ],
  'security-questions': () => [
    msg('Security questions', { id: 'method-picker.questions', desc: 'Name of the security questions method.' }),
    msg('Answer questions only you know to reset your password.', {
      id: 'method-picker.questions-description',
      desc: 'One line under "Security questions".',
    }),
  ],
  passkey: () => [
    msg('Passkey', { id: 'method-picker.passkey', desc: 'Name of the passkey method (WebAuthn).' }),
    msg('Sign in with your face, fingerprint or screen lock.', {
      id: 'method-picker.passkey-description',
      desc: 'One line under "Passkey".',
    }),
  ],
};
const methodName = (method: MethodId) => WORDS[method]()[0];

/**
 * "Which method would you like to add?": the verification methods the organization allows for a purpose,
 * each with one line that says what it is, and a note about the ones it does not allow.
 *
 * Each method is a button, in a list. Choosing a method is an action that moves the flow on, not a setting
 * to confirm later: a radio group would need arrow keys to choose and a separate Next button to act, two
 * steps where one does. Screen readers announce "button, Phone, Get a code by text message or phone call,
 * 2 of 3" and list navigation works; every option is reachable with Tab, as people expect of buttons.
 *
 * Email and security questions serve password reset only: with `purpose="mfa"` they are never offered,
 * whatever the policy says.
 *
 * @customElement method-picker
 * @summary Lists the security methods an organization allows for a purpose.
 *
 * @fires {CustomEvent<MethodSelectDetail>} method-select - A method was chosen; `detail.method` is its id. Cancelable: `preventDefault()`
 * keeps the picker where it is.
 *
 * @slot actions - Buttons after the list, for example Cancel.
 *
 * @csspart heading - The question at the top.
 * @csspart list - The list of methods.
 * @csspart method-card - Each method's card: icon, name, description; a click anywhere on it chooses.
 * @csspart method - Each method's button (its name).
 * @csspart icon - Each method's icon.
 * @csspart note - The note about methods the organization does not allow, or an empty policy.
 *
 * @cssprop --si-method-background - Background of each method's button.
 * @cssprop --si-color-accent - Icons and focus ring.
 */
export class MethodPicker extends StepElement(LitElement) {
  static override styles = [tokens, methodPickerStyles];

  static override properties = {
    policy: { attribute: false },
    purpose: { reflect: true },
    registered: { converter: listConverter },
  };

  /** What the organization allows. Without one, no method is offered. */
  declare policy: SecurityInfoPolicy | undefined;
  /** `mfa` (two-step verification) or `password-reset`; unset offers every method the policy allows. */
  declare purpose: Purpose | undefined;
  /** Methods the person has already set up: shown as such (attribute: a space-separated list). */
  declare registered: MethodId[];
  /** Disables the choice while the host works. */
  declare pending: boolean;

  private selecting = false;

  constructor() {
    super();
    this.registered = [];
    new LocalizeController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void loadMethodIcons().then(() => this.requestUpdate());
  }

  private choose(method: MethodId): void {
    if (this.pending || this.selecting) return;
    // One intent, one event: a double click lands in the same task burst. IntentLock's rule (shared/intent-lock.ts)
    // with a timeout of 0, written out: the class would add 128 bytes to what the wizard loads before the phone
    // step, more than it has to spare.
    this.selecting = true;
    setTimeout(() => (this.selecting = false));
    emit(this, 'method-select', { method }, { cancelable: true });
  }

  protected override render() {
    const purpose = this.purpose === 'mfa' || this.purpose === 'password-reset' ? this.purpose : undefined;
    // No policy, or one without its methods (a JavaScript host's), offers none: the note says so (renderEmpty).
    const offered = offeredMethods(this.policy, purpose);
    const withheld = withheldMethods(this.policy, purpose);
    return html`
      <h2 part="heading" tabindex="-1">
        ${msg('Which method would you like to add?', {
          id: 'method-picker.heading',
          desc: 'Heading of the step where a person chooses a security method.',
        })}
      </h2>
      ${offered.length === 0 ? this.renderEmpty() : this.renderList(offered)}
      ${offered.length > 0 && withheld.length > 0 ? this.renderWithheld(withheld) : nothing}
      <div class="actions"><slot name="actions"></slot></div>
    `;
  }

  private renderList(offered: MethodId[]) {
    return html`<ul part="list" role="list">
      ${offered.map((method) => {
        const registered = this.registered?.includes(method); // None for a React prop left out (`undefined`).
        return html`<li class="card" part="method-card">
          <svg part="icon" viewBox="0 0 24 24" aria-hidden="true">${icons?.[method] ?? nothing}</svg>
          <button
            type="button"
            class="method"
            part="method"
            aria-describedby="${method}-description${registered ? ` ${method}-registered` : ''}"
            ?disabled=${this.pending}
            @click=${() => this.choose(method)}
          >
            ${methodName(method)}
          </button>
          <span class="description" id="${method}-description">${WORDS[method]()[1]}</span>
          ${
            registered
              ? html`<span class="registered" id="${method}-registered">
                  ${msg('Already set up', {
                    id: 'method-picker.registered',
                    desc: 'Marks a method the person has already registered.',
                  })}
                </span>`
              : nothing
          }
        </li>`;
      })}
    </ul>`;
  }

  private renderWithheld(withheld: MethodId[]) {
    // The names are joined in the words' language ("E-Mail und Passkey"), in the page's while the words are English.
    const words = getLocale();
    const list = new Intl.ListFormat(words === sourceLocale ? hostLocale(this) : words, { type: 'conjunction' }).format(
      withheld.map(methodName),
    );
    return html`<p class="note" part="note">
      ${msg(str`Your organization doesn't allow ${list} here. If you need one, contact your administrator.`, {
        id: 'method-picker.withheld',
        desc: 'Shown when the organization does not allow some methods; the placeholder lists them, such as "Phone and Email".',
      })}
    </p>`;
  }

  private renderEmpty() {
    return html`<p class="note" part="note" role="status">
      ${msg("Your organization doesn't allow any method you could add here. Contact your administrator for help.", {
        id: 'method-picker.empty',
        desc: 'Shown when the policy allows no method at all.',
      })}
    </p>`;
  }
}

defineElement('method-picker', MethodPicker);

declare global {
  interface HTMLElementTagNameMap {
    'method-picker': MethodPicker;
  }
  interface HTMLElementEventMap {
    'method-select': CustomEvent<MethodSelectDetail>;
  }
}
