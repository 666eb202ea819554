import { html, nothing, type PropertyValues } from 'lit';
import { msg, str } from '@lit/localize';
import {
  loadPhoneMetadata,
  maskPhoneNumber,
  toAsciiDigits,
  type Channel,
  type PhoneMetadata,
} from '@security-info/core';
import { defineElement } from '../shared/define.js';
import { LocalizeController } from '../shared/localized.js';
import { emit } from '../shared/events.js';
import { FormAssociatedElement } from '../shared/form-associated.js';
import { CountdownController } from '../shared/countdown.js';
import { errorMessage, formatWait } from '../shared/error-messages.js';
import { tokens } from '../shared/tokens.styles.js';
import { codeVerifyStyles } from './code-verify.styles.js';

export interface CodeSubmitDetail {
  /** The digits the person entered, ASCII. */
  code: string;
}

export interface CodeResendDetail {
  /** How to send the new code: the same channel, or the other one ("Call me instead"). */
  channel: Channel;
}

export type CodeVerifyStatus = 'idle' | 'invalid-code' | 'code-expired' | 'too-many-attempts';

type InputProblem = 'required' | 'too-short' | 'not-digits';

const STORAGE_PREFIX = 'security-info:resend:';

/** A short non-reversible-at-a-glance key for a destination, so storage never holds the number in clear. */
function storageKey(destination: string): string {
  let hash = 0x811c9dc5;
  for (const ch of destination) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return STORAGE_PREFIX + hash.toString(36);
}

function session(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined; // Storage can be blocked; the cooldown then lasts for this page only.
  }
}

/**
 * Reads a code out of whatever was typed or pasted: digits in any script, separators ignored, and a whole
 * message ("Your code is 123-456") reduced to its code when it holds exactly one run of the right length.
 */
export function readCode(raw: string, length: number): { digits: string; letters: boolean } {
  const ascii = toAsciiDigits(raw.slice(0, 1000));
  const compact = ascii.replace(/[\s\-.\u2010-\u2015]/g, '');
  if (/^\d*$/.test(compact)) return { digits: compact.slice(0, length), letters: false };
  const runs = (ascii.match(/\d[\d \-.]*\d|\d/g) ?? []).map((run) => run.replace(/\D/g, ''));
  const matching = runs.filter((run) => run.length === length);
  if (matching.length === 1) return { digits: matching[0]!, letters: false };
  return { digits: compact.replace(/\D/g, '').slice(0, length), letters: true };
}

/**
 * "Enter the code we sent to +31 6 •••• 5678": one field for the one-time code, Verify, a resend that waits
 * for the server's cooldown, and Back. The host verifies the code and tells the element how it went through
 * `status`.
 *
 * One real `<input>` with `autocomplete="one-time-code"`, so phones offer the code from the message. It
 * accepts pasted codes with spaces or dashes, digits of any script and a whole message; letters are refused
 * with a message. With `web-otp` the browser's WebOTP API fills the code where it exists.
 *
 * The resend cooldown is remembered per destination in `sessionStorage` (under a hash of the number, never
 * the number or the code) so a reload does not reset it. The code itself is never written to an attribute,
 * stored or logged, and is cleared on success (`clear()`) and when the element leaves the page.
 *
 * @customElement code-verify
 * @summary The one-time code step: enter, verify, resend, and every way it can go wrong.
 *
 * @fires {CustomEvent<CodeSubmitDetail>} code-submit - The person submitted a complete code; `detail.code` holds the digits.
 * @fires {CustomEvent<CodeResendDetail>} code-resend - The person asked for a new code; `detail.channel` says how to send it.
 * @fires {CustomEvent<undefined>} back - The person pressed Back.
 *
 * @slot actions - Extra buttons after Verify and Back, for example Cancel.
 *
 * @csspart heading - The step's heading.
 * @csspart destination - The masked phone number.
 * @csspart label - The field's label.
 * @csspart input - The code field.
 * @csspart error - The error message under the field.
 * @csspart button - Every button.
 * @csspart verify - The Verify button.
 * @csspart resend - The resend buttons and wait message.
 *
 * @cssprop --si-code-input-width - Widest the code field grows. Default `14rem`.
 * @cssprop --si-color-accent - Buttons and focus ring.
 * @cssprop --si-color-error - Error messages and the invalid field's border.
 */
export class CodeVerify extends FormAssociatedElement {
  static override styles = [tokens, codeVerifyStyles];

  static override properties = {
    length: { type: Number },
    destination: {},
    channel: { reflect: true },
    channels: {
      converter: {
        fromAttribute: (value: string | null) =>
          (value ?? '').split(/[\s,]+/).filter((c) => c === 'sms' || c === 'voice'),
        toAttribute: (value: Channel[]) => value.join(' '),
      },
    },
    autoSubmit: { type: Boolean, attribute: 'auto-submit' },
    webOtp: { type: Boolean, attribute: 'web-otp' },
    resendInSeconds: { type: Number, attribute: 'resend-in-seconds' },
    pending: { type: Boolean, reflect: true },
    status: { reflect: true },
    attemptsRemaining: { type: Number, attribute: 'attempts-remaining' },
    retryAfterSeconds: { type: Number, attribute: 'retry-after-seconds' },
    error: {},
    code: { state: true },
    problem: { state: true },
    metadata: { state: true },
  };

  /** Digits in the code, 4 to 10. Default 6. */
  declare length: number;
  /** Where the code went, E.164; shown masked. */
  declare destination: string;
  /** How the code arrives: `sms` (text message) or `voice` (a call that speaks it). */
  declare channel: Channel;
  /** Channels the organization allows; with both, the other one is offered ("Call me instead"). */
  declare channels: Channel[];
  /** Submits as soon as the code is complete. */
  declare autoSubmit: boolean;
  /** Lets the browser fill the code from the text message (WebOTP), where it can. */
  declare webOtp: boolean;
  /** The server's cooldown before a new code may be requested, in seconds; counts down from when it is set. */
  declare resendInSeconds: number;
  /** The host is verifying or sending: the form is disabled and shows progress. */
  declare pending: boolean;
  /** How the last verification went, as the host learned it from the backend. */
  declare status: CodeVerifyStatus;
  /** With `invalid-code`: tries left, when the backend says. */
  declare attemptsRemaining: number | undefined;
  /** With `too-many-attempts`: seconds until the person may try again. */
  declare retryAfterSeconds: number | undefined;
  /** A message from the host for any other failure (network, time-out...); shown and announced. */
  declare error: string;

  declare private code: string;
  declare private problem: InputProblem | undefined;
  declare private metadata: PhoneMetadata | undefined;

  private readonly cooldown = new CountdownController(this, () => this.announce(this.resendNowText()));
  private readonly lockout = new CountdownController(this);
  private lastSubmitted: string | undefined;
  private webOtpAbort: AbortController | undefined;
  private announcement = '';

  constructor() {
    super();
    this.length = 6;
    this.destination = '';
    this.channel = 'sms';
    this.channels = [];
    this.autoSubmit = false;
    this.webOtp = false;
    this.resendInSeconds = 0;
    this.pending = false;
    this.status = 'idle';
    this.attemptsRemaining = undefined;
    this.retryAfterSeconds = undefined;
    this.error = '';
    this.code = '';
    new LocalizeController(this);
  }

  /** The code entered so far (digits only). It never appears as an attribute. */
  get value(): string {
    return this.code;
  }

  set value(value: string) {
    this.code = readCode(String(value ?? ''), this.codeLength).digits;
    this.lastSubmitted = undefined;
  }

  private get codeLength(): number {
    const n = Math.round(Number(this.length));
    return Number.isFinite(n) ? Math.min(10, Math.max(4, n)) : 6;
  }

  private get locked(): boolean {
    return this.status === 'too-many-attempts';
  }

  /** Forgets the code: call it after a successful verification. */
  clear(): void {
    this.code = '';
    this.problem = undefined;
    this.lastSubmitted = undefined;
    const input = this.input;
    if (input) input.value = '';
  }

  /** Starts the resend cooldown again, for example after the host sent a new code. */
  restartCooldown(seconds: number): void {
    this.startCooldown(seconds);
  }

  /** Moves focus to the heading, so a screen reader starts reading the step there. */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void loadPhoneMetadata().then(
      (metadata) => (this.metadata = metadata),
      () => undefined,
    );
    this.startWebOtp();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.webOtpAbort?.abort();
    this.webOtpAbort = undefined;
    this.clear();
    this.internals.setFormValue(null);
  }

  formResetCallback(): void {
    this.clear();
  }

  private get input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('destination')) this.restoreCooldown();
    if (changed.has('resendInSeconds') && changed.get('resendInSeconds') !== undefined) {
      this.startCooldown(this.resendInSeconds);
    } else if (changed.has('resendInSeconds') && !this.cooldown.running) {
      this.startCooldown(this.resendInSeconds);
    }
    if (changed.has('retryAfterSeconds') || changed.has('status')) {
      if (this.locked && this.retryAfterSeconds) this.lockout.start(this.retryAfterSeconds);
      else if (!this.locked) this.lockout.stop();
    }
    const finishedPending = changed.has('pending') && changed.get('pending') === true && !this.pending;
    if (finishedPending || (changed.has('status') && changed.get('status') !== undefined) || changed.has('error')) {
      // The host answered the last submission: the person may submit again.
      this.lastSubmitted = undefined;
    }
    if (changed.has('webOtp') && this.webOtp) this.startWebOtp();
    this.toggleState('pending', this.pending);
    this.toggleState('invalid', this.status !== 'idle' || this.problem !== undefined);
    this.toggleState('locked', this.locked);
  }

  protected override updated(): void {
    const input = this.input;
    if (input && input.value !== this.code) input.value = this.code;
    const message = this.problem ? this.problemText(this.problem) : '';
    this.internals.setFormValue(this.code || null);
    if (this.required && !this.code) {
      this.internals.setValidity({ valueMissing: true }, this.problemText('required'), input ?? undefined);
    } else if (this.code && this.code.length < this.codeLength) {
      this.internals.setValidity({ tooShort: true }, this.problemText('too-short'), input ?? undefined);
    } else if (message) {
      this.internals.setValidity({ customError: true }, message, input ?? undefined);
    } else {
      this.internals.setValidity({});
    }
  }

  private restoreCooldown(): void {
    if (!this.destination) return;
    const stored = Number(session()?.getItem(storageKey(this.destination)));
    if (stored > Date.now()) this.cooldown.startUntil(stored);
  }

  private startCooldown(seconds: number): void {
    const wait = Math.max(0, Number(seconds) || 0);
    this.cooldown.start(wait);
    if (this.destination) {
      const store = session();
      try {
        if (wait > 0) store?.setItem(storageKey(this.destination), String(Date.now() + wait * 1000));
        else store?.removeItem(storageKey(this.destination));
      } catch {
        // Full or blocked storage: the cooldown lasts for this page only.
      }
    }
    if (wait > 0) this.announce(this.waitText(wait));
  }

  private startWebOtp(): void {
    if (!this.webOtp || !this.isConnected || this.webOtpAbort || !('OTPCredential' in globalThis)) return;
    const controller = new AbortController();
    this.webOtpAbort = controller;
    const request = { otp: { transport: ['sms'] }, signal: controller.signal } as CredentialRequestOptions;
    navigator.credentials
      .get(request)
      .then((credential) => {
        const code = (credential as (Credential & { code?: string }) | null)?.code;
        if (!code || controller.signal.aborted) return;
        this.code = readCode(code, this.codeLength).digits;
        this.problem = undefined;
        if (this.autoSubmit && this.code.length === this.codeLength) this.submit();
      })
      .catch(() => undefined) // No code, or aborted: the person types it.
      .finally(() => {
        if (this.webOtpAbort === controller) this.webOtpAbort = undefined;
      });
  }

  private announce(text: string): void {
    this.announcement = text;
    this.requestUpdate();
  }

  private readonly onInput = (event: InputEvent) => {
    const input = event.target as HTMLInputElement;
    const { digits, letters } = readCode(input.value, this.codeLength);
    this.code = digits;
    this.problem = letters ? 'not-digits' : undefined;
    this.lastSubmitted = undefined;
    if (input.value !== digits) input.value = digits;
    if (this.autoSubmit && !letters && digits.length === this.codeLength) this.submit();
  };

  private readonly onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    this.submit();
  };

  private submit(): void {
    if (this.pending || this.isDisabled || this.locked) return;
    if (!this.code) {
      this.problem = 'required';
    } else if (this.code.length < this.codeLength) {
      this.problem = 'too-short';
    } else if (this.lastSubmitted !== this.code) {
      this.problem = undefined;
      this.lastSubmitted = this.code;
      emit(this, 'code-submit', { code: this.code });
      return;
    } else {
      return;
    }
    this.input?.focus();
  }

  private resend(channel: Channel): void {
    if (this.pending || this.cooldown.running) return;
    this.clear();
    emit(this, 'code-resend', { channel });
  }

  private readonly onBack = () => emit(this, 'back', undefined);

  // --- Text -----------------------------------------------------------------------------------------------

  private problemText(problem: InputProblem): string {
    const length = this.codeLength;
    switch (problem) {
      case 'required':
        return msg(str`Enter the ${length}-digit code.`, {
          id: 'code-verify.required',
          desc: 'Shown when Verify is pressed with an empty field; the placeholder is the number of digits.',
        });
      case 'too-short':
        return msg(str`The code has ${length} digits. Check the message and enter all of them.`, {
          id: 'code-verify.too-short',
          desc: 'Shown when fewer digits than the code has were entered.',
        });
      case 'not-digits':
        return msg('The code has only digits. Remove any letters or symbols.', {
          id: 'code-verify.not-digits',
          desc: 'Shown when letters were typed or pasted into the code field.',
        });
    }
  }

  private statusText(): string {
    switch (this.status) {
      case 'invalid-code': {
        const left = this.attemptsRemaining;
        if (left === undefined) return errorMessage('invalid-code');
        const count = new Intl.NumberFormat().format(left);
        return new Intl.PluralRules().select(left) === 'one'
          ? msg(str`That code isn't right. You have ${count} try left.`, {
              id: 'code-verify.invalid-one',
              desc: 'The code entered was wrong; exactly one more try is allowed. The placeholder is that number.',
            })
          : msg(str`That code isn't right. You have ${count} tries left.`, {
              id: 'code-verify.invalid-other',
              desc: 'The code entered was wrong; the placeholder is the number of tries left.',
            });
      }
      case 'code-expired':
        return errorMessage('code-expired');
      case 'too-many-attempts':
        // The same words as the wizard's, with the wait counting down here.
        return errorMessage(
          'too-many-attempts',
          this.lockout.running ? { retryAfterSeconds: this.lockout.remaining } : {},
        );
      case 'idle':
      default:
        return '';
    }
  }

  private waitText(seconds: number): string {
    return msg(str`You can ask for a new code in ${formatWait(seconds)}.`, {
      id: 'code-verify.resend-wait',
      desc: 'The cooldown before another code may be requested; the placeholder is a wait such as 0:25.',
    });
  }

  private resendNowText(): string {
    return msg('You can ask for a new code now.', {
      id: 'code-verify.resend-now',
      desc: 'Announced when the resend cooldown is over.',
    });
  }

  // --- Rendering ------------------------------------------------------------------------------------------

  protected override render() {
    const masked = this.destination ? maskPhoneNumber(this.destination, this.metadata) : '';
    const voice = this.channel === 'voice';
    const problem = this.problem ? this.problemText(this.problem) : '';
    const message = problem || this.statusText() || this.error;
    const invalid = Boolean(problem) || this.status === 'invalid-code' || this.status === 'code-expired';
    const inputDisabled = this.isDisabled || this.locked;
    return html`
      <h2 part="heading" tabindex="-1">
        ${msg('Enter code', { id: 'code-verify.heading', desc: 'Heading of the step where the code is entered.' })}
      </h2>
      <p id="intro">
        ${
          voice
            ? msg(html`We're calling <span class="ltr" part="destination">${masked}</span>. Enter the code you hear.`, {
                id: 'code-verify.intro-voice',
                desc: 'The placeholder is the masked phone number being called.',
              })
            : msg(html`We sent a code to <span class="ltr" part="destination">${masked}</span>.`, {
                id: 'code-verify.intro-sms',
                desc: 'The placeholder is the masked phone number the text message went to.',
              })
        }
      </p>
      <form novalidate @submit=${this.onSubmit}>
        <div class="field">
          <label for="code" part="label">
            ${msg('Verification code', { id: 'code-verify.label', desc: 'Label of the code field.' })}
          </label>
          <input
            id="code"
            part="input"
            type="text"
            inputmode="numeric"
            autocomplete="one-time-code"
            enterkeyhint="done"
            spellcheck="false"
            autocapitalize="off"
            aria-describedby="intro hint message"
            aria-invalid=${invalid ? 'true' : 'false'}
            ?disabled=${inputDisabled}
            ?readonly=${this.pending}
            ?required=${this.required}
            @input=${this.onInput}
          />
          <p id="hint" class="hint">
            ${msg(str`${this.codeLength} digits`, {
              id: 'code-verify.hint',
              desc: 'Hint under the code field; the placeholder is the number of digits.',
            })}
          </p>
          <p id="message" class="error" part="error" role="alert">${message}</p>
        </div>
        <div class="actions">
          <button
            type="submit"
            class="primary"
            part="button verify"
            ?disabled=${inputDisabled}
            aria-disabled=${this.pending ? 'true' : 'false'}
          >
            ${this.pending ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
            ${msg('Verify', { id: 'code-verify.verify', desc: 'Button that checks the code.' })}
          </button>
          <button type="button" part="button" @click=${this.onBack}>
            ${msg('Back', { id: 'code-verify.back', desc: 'Button that returns to the phone number step.' })}
          </button>
          <slot name="actions"></slot>
        </div>
      </form>
      ${this.renderResend()}
      <div class="visually-hidden" role="status">${this.pending ? this.pendingText() : this.announcement}</div>
    `;
  }

  private pendingText(): string {
    return msg('Checking…', { id: 'code-verify.pending', desc: 'Announced while the code is being checked.' });
  }

  private renderResend() {
    const waiting = this.cooldown.running;
    const other: Channel = this.channel === 'voice' ? 'sms' : 'voice';
    const offerOther = this.channels.includes('sms') && this.channels.includes('voice');
    const disabled = waiting || this.pending || this.isDisabled;
    return html`<div class="resend" part="resend">
      <button type="button" class="link" part="button" ?disabled=${disabled} @click=${() => this.resend(this.channel)}>
        ${
          this.channel === 'voice'
            ? msg('Resend code by calling again', { id: 'code-verify.resend-voice', desc: 'Button: call again.' })
            : msg('Resend code', { id: 'code-verify.resend', desc: 'Button that sends a new text message.' })
        }
      </button>
      ${
        offerOther
          ? html`<button
              type="button"
              class="link"
              part="button"
              ?disabled=${disabled}
              @click=${() => this.resend(other)}
            >
              ${
                other === 'voice'
                  ? msg('Call me instead', { id: 'code-verify.call-instead', desc: 'Button: get the code by a call.' })
                  : msg('Text me instead', {
                      id: 'code-verify.text-instead',
                      desc: 'Button: get the code by text message.',
                    })
              }
            </button>`
          : nothing
      }
      ${waiting ? html`<p class="wait">${this.waitText(this.cooldown.remaining)}</p>` : nothing}
    </div>`;
  }
}

defineElement('code-verify', CodeVerify);

declare global {
  interface HTMLElementTagNameMap {
    'code-verify': CodeVerify;
  }
  interface HTMLElementEventMap {
    'code-submit': CustomEvent<CodeSubmitDetail>;
    'code-resend': CustomEvent<CodeResendDetail>;
    back: CustomEvent<undefined>;
  }
}
