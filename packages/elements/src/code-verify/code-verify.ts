import { html, nothing, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '../shared/lit-localize.js';
import { maskPhoneNumber, toAsciiDigits, type Channel } from '@security-info/core';
import { defineElement } from '../shared/define.js';
import { listConverter } from '../shared/converters.js';
import { LocalizeController } from '../shared/localized.js';
import { emit } from '../shared/events.js';
import { FormAssociatedElement } from '../shared/form-associated.js';
import { StepElement } from '../shared/step.js';
import { inputMethodGuard } from '../shared/input-method.js';
import { IntentLock } from '../shared/intent-lock.js';
import { PhoneDataController } from '../shared/phone-data.js';
import { CountdownController } from '../shared/countdown.js';
import { errorMessage, formatWait } from '../shared/error-messages.js';
import { numberFormat, pluralRules } from '../shared/intl.js';
import { getLocale } from '../shared/localization.js';
import { tokens } from '../shared/tokens.styles.js';
import { fieldStyles } from '../shared/field.styles.js';
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
/** A stored deadline further away than this was not written by us; it is ignored. */
const LONGEST_COOLDOWN_MS = 24 * 60 * 60 * 1000;

/**
 * A short key for a destination (32-bit FNV-1a of the E.164 string), so storage never holds the number in clear.
 * It hides the number from a casual look at storage; it is not a secret, as phone numbers are few enough to try.
 */
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
 * `status`, `attemptsRemaining`, `retryAfterSeconds` and `error`.
 *
 * One real `<input>` with `autocomplete="one-time-code"`, so phones offer the code from the message. It
 * accepts pasted codes with spaces or dashes, digits of any script and a whole message; letters are refused
 * with a message. With `web-otp` the browser's WebOTP API fills the code where it exists (text messages only);
 * the request is aborted when the element leaves the page.
 *
 * Cooldown and reload: the resend cooldown is remembered in `sessionStorage` (this tab only), as the time it
 * ends, under `security-info:resend:<hash>` where the hash is a short FNV-1a hash of the destination. The
 * number itself and the code are never stored. Storage that is blocked or full only means a reload forgets
 * the wait.
 *
 * The code is never written to an attribute, stored or logged, and is cleared on success (`clear()`) and when
 * the element leaves the page.
 *
 * Intents fire once: a second Verify for the same code, or a second resend, waits until the host answers by
 * changing `pending`, `status`, `error` or `resendInSeconds` (or calling `restartCooldown()`). With
 * `too-many-attempts` the field stays locked until the host sets another `status`; `retryAfterSeconds` only
 * tells the person when.
 *
 * Announcements: errors through an alert that is linked to the field; the start and the end of a wait through
 * a polite status region. Countdowns tick visibly but are never announced each second.
 *
 * @customElement code-verify
 * @summary The one-time code step: enter, verify, resend, and every way it can go wrong.
 *
 * @fires {CustomEvent<CodeSubmitDetail>} code-submit - The person submitted a complete code; `detail.code` holds the digits.
 * @fires {CustomEvent<CodeResendDetail>} code-resend - The person asked for a new code; `detail.channel` says how to send it.
 * @fires {CustomEvent<void>} back - The person pressed Back.
 *
 * @slot actions - Extra buttons after Verify and Back, for example Cancel.
 *
 * @csspart heading - The step's heading.
 * @csspart intro - The sentence that says where the code went.
 * @csspart destination - The masked phone number.
 * @csspart label - The field's label.
 * @csspart input - The code field.
 * @csspart hint - The number of digits, under the field.
 * @csspart error - The error message under the field.
 * @csspart wait - A countdown line: when a new code may be asked for, or when to try again.
 * @csspart actions - The row with Verify, Back and the `actions` slot.
 * @csspart button - Every button.
 * @csspart verify - The Verify button.
 * @csspart back - The Back button.
 * @csspart resend - The resend area, and each resend button (with `button`).
 *
 * @cssprop --si-code-input-width - Widest the code field grows. Default `14rem`.
 * @cssprop --si-color-accent - Buttons and focus ring.
 * @cssprop --si-color-error - Error messages and the invalid field's border.
 * @cssprop --si-color-text-muted - The hint and the countdown lines.
 *
 * The element's states for styling: `:state(pending)`, `:state(invalid)`, `:state(locked)`, `:state(cooldown)`,
 * and the reflected `pending` and `status` attributes.
 */
export class CodeVerify extends StepElement(FormAssociatedElement) {
  static override styles = [tokens, fieldStyles, codeVerifyStyles];

  static override properties = {
    length: { type: Number },
    destination: {},
    channel: { reflect: true },
    channels: { converter: listConverter },
    autoSubmit: { type: Boolean, attribute: 'auto-submit' },
    webOtp: { type: Boolean, attribute: 'web-otp' },
    // Setting the same number again is a new cooldown from the server: always treated as a change.
    resendInSeconds: { type: Number, attribute: 'resend-in-seconds', hasChanged: () => true },
    status: { reflect: true },
    attemptsRemaining: { type: Number, attribute: 'attempts-remaining' },
    retryAfterSeconds: { type: Number, attribute: 'retry-after-seconds' },
    error: {},
    code: { state: true },
    problem: { state: true },
  };

  /** Digits in the code, 4 to 10 (other values are clamped). Default 6. */
  declare length: number;
  /** Where the code went, E.164; shown masked. */
  declare destination: string;
  /** How the code arrives: `sms` (text message) or `voice` (a call that speaks it). Default `sms`. */
  declare channel: Channel;
  /**
   * Channels the organization allows (attribute: `channels="sms voice"`); with both, the other one is offered
   * ("Call me instead" / "Text me instead").
   */
  declare channels: Channel[];
  /** Submits as soon as the code is complete. */
  declare autoSubmit: boolean;
  /** Lets the browser fill the code from the text message (WebOTP), where it can. */
  declare webOtp: boolean;
  /**
   * The server's cooldown before a new code may be requested, in seconds; counts down from when it is set.
   * Setting it again, even to the same number, starts a new cooldown.
   */
  declare resendInSeconds: number;
  /** The host is verifying or sending: shows progress, and nothing can be submitted twice. */
  declare pending: boolean;
  /** How the last verification went, as the host learned it from the backend. Default `idle`. */
  declare status: CodeVerifyStatus;
  /** With `invalid-code`: tries left, when the backend says. */
  declare attemptsRemaining: number | undefined;
  /** With `too-many-attempts`: seconds until the person may try again; counts down, shown but not announced. */
  declare retryAfterSeconds: number | undefined;
  /** A message from the host for any other failure (network, time-out...); shown and announced. */
  declare error: string;

  declare private code: string;
  declare private problem: InputProblem | undefined;

  private readonly cooldown = new CountdownController(this, () => this.announce(this.resendNowText()));
  private readonly lockout = new CountdownController(this);
  /**
   * The metadata of the destination's calling code (a small chunk), for the masked number's grouping. Until it is
   * here, or while it cannot load, the number shows masked without its grouping: `•••• 5678`.
   */
  private readonly phoneData = new PhoneDataController(this, { loaded: () => this.requestUpdate() });
  /** One intent, one event: the code submitted, until the host answers or the code changes. */
  private readonly submitting = new IntentLock<string>();
  /** The new code asked for, by its channel, until the host answers: shown while it is sent. */
  private readonly resending = new IntentLock<Channel>({ host: this });
  private webOtpAbort: AbortController | undefined;
  private announcement = '';
  /** Bumped for each announcement, so the same sentence said twice is still heard twice. */
  private announcements = 0;
  private hadFocus = false;

  constructor() {
    super();
    this.length = 6;
    this.destination = '';
    this.channel = 'sms';
    this.channels = [];
    this.autoSubmit = false;
    this.webOtp = false;
    this.resendInSeconds = 0;
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
    this.submitting.release();
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
    this.submitting.release();
    const input = this.input;
    if (input) input.value = '';
  }

  /** Starts the resend cooldown again from now, for example after the host sent a new code; 0 ends it. */
  restartCooldown(seconds: number): void {
    this.resending.release();
    this.startCooldown(seconds);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.startWebOtp();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWebOtp();
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
    if (changed.has('destination')) {
      this.restoreCooldown();
      if (this.destination) this.phoneData.need(this.destination);
    }
    const firstUpdate = !this.hasUpdated;
    if (changed.has('resendInSeconds') && (!firstUpdate || !this.cooldown.running)) {
      // On the first render a cooldown restored after a reload wins over the default.
      this.resending.release();
      this.startCooldown(this.resendInSeconds);
    }
    if (changed.has('retryAfterSeconds') || changed.has('status')) {
      if (this.locked && this.retryAfterSeconds) {
        this.lockout.start(this.retryAfterSeconds);
        if (!firstUpdate) this.announce(this.retryWaitText(this.lockout.remaining));
      } else {
        this.lockout.stop();
      }
    }
    const finishedPending = changed.has('pending') && changed.get('pending') === true && !this.pending;
    const answered = (name: string) => changed.has(name) && changed.get(name) !== undefined;
    if (finishedPending || answered('status') || answered('error')) {
      // The host answered: the person may submit or ask again.
      this.submitting.release();
      this.resending.release();
    }
    if (changed.has('pending') && this.pending) this.announcement = '';
    if (changed.has('webOtp') || changed.has('channel')) {
      if (this.webOtp && this.channel === 'sms') this.startWebOtp();
      else this.stopWebOtp();
    }
    this.hadFocus = this.matches(':focus-within');
    this.toggleState('pending', this.pending);
    this.toggleState('invalid', this.status !== 'idle' || this.problem !== undefined);
    this.toggleState('locked', this.locked);
    this.toggleState('cooldown', this.cooldown.running);
  }

  protected override updated(changed: PropertyValues): void {
    const input = this.input;
    if (input && input.value !== this.code) input.value = this.code;
    this.updateValidity(input);
    if (!this.hadFocus) return;
    if (changed.has('status') && this.status === 'invalid-code' && input && !input.disabled) {
      // A wrong code is usually retyped whole: select it, so typing replaces it.
      input.focus();
      input.select();
    } else if (this.lostFocus()) {
      // What had focus became disabled (a lock): keep the person in the step rather than on the page.
      if (input && !input.disabled) input.focus();
      else this.focusHeading();
    }
  }

  /** Whether focus left the element, or sits on a control that was just disabled (the browser moves it later). */
  private lostFocus(): boolean {
    if (!this.matches(':focus-within')) return true;
    const active = this.shadowRoot?.activeElement;
    return (active instanceof HTMLInputElement || active instanceof HTMLButtonElement) && active.disabled;
  }

  private updateValidity(input: HTMLInputElement | null): void {
    this.internals.setFormValue(this.code || null);
    const anchor = input ?? undefined;
    if (this.required && !this.code) {
      this.internals.setValidity({ valueMissing: true }, this.problemText('required'), anchor);
    } else if (this.code && this.code.length < this.codeLength) {
      this.internals.setValidity({ tooShort: true }, this.problemText('too-short'), anchor);
    } else if (this.problem) {
      this.internals.setValidity({ customError: true }, this.problemText(this.problem), anchor);
    } else {
      this.internals.setValidity({});
    }
  }

  private restoreCooldown(): void {
    if (!this.destination) return;
    const store = session();
    const key = storageKey(this.destination);
    let stored = NaN;
    try {
      stored = Number(store?.getItem(key));
    } catch {
      return;
    }
    const now = Date.now();
    if (stored > now && stored - now <= LONGEST_COOLDOWN_MS) {
      this.cooldown.startUntil(stored);
    } else if (!Number.isNaN(stored)) {
      try {
        store?.removeItem(key);
      } catch {
        // Nothing to tidy when storage is blocked.
      }
    }
  }

  private startCooldown(seconds: number): void {
    const wait = Math.min(LONGEST_COOLDOWN_MS / 1000, Math.max(0, Number(seconds) || 0));
    const wasRunning = this.cooldown.running;
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
    else if (wasRunning) this.announce(this.resendNowText());
  }

  private startWebOtp(): void {
    if (!this.webOtp || this.channel !== 'sms' || !this.isConnected || this.webOtpAbort) return;
    if (!('OTPCredential' in globalThis) || !navigator.credentials) return;
    const controller = new AbortController();
    this.webOtpAbort = controller;
    const request = { otp: { transport: ['sms'] }, signal: controller.signal } as CredentialRequestOptions;
    navigator.credentials
      .get(request)
      .then((credential) => {
        const code = (credential as (Credential & { code?: string }) | null)?.code;
        if (!code || controller.signal.aborted || this.pending || this.locked) return;
        this.code = readCode(code, this.codeLength).digits;
        this.problem = undefined;
        this.submitting.release();
        if (this.autoSubmit && this.code.length === this.codeLength) this.submit();
      })
      .catch(() => undefined) // No code, or aborted: the person types it.
      .finally(() => {
        if (this.webOtpAbort === controller) this.webOtpAbort = undefined;
      });
  }

  private stopWebOtp(): void {
    this.webOtpAbort?.abort();
    this.webOtpAbort = undefined;
  }

  private announce(text: string): void {
    this.announcement = text;
    this.announcements++;
    this.requestUpdate();
  }

  /** Reads what is typed, never while an input method composes (full-width digits). */
  private readonly typing = inputMethodGuard(
    () => this.code,
    (input) => this.codeEdited(input),
  );

  private codeEdited(input: HTMLInputElement): void {
    const { digits, letters } = readCode(input.value, this.codeLength);
    this.code = digits;
    this.problem = letters ? 'not-digits' : undefined;
    this.submitting.release();
    if (input.value !== digits) input.value = digits;
    if (this.autoSubmit && !letters && digits.length === this.codeLength) this.submit();
  }

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
    } else {
      if (!this.submitting.take(this.code)) return;
      this.problem = undefined;
      emit(this, 'code-submit', { code: this.code });
      return;
    }
    this.input?.focus();
  }

  private get resendBlocked(): boolean {
    return this.cooldown.running || this.pending || this.isDisabled || this.resending.current !== undefined;
  }

  private resend(channel: Channel): void {
    if (this.resendBlocked) return;
    this.clear();
    this.resending.take(channel);
    emit(this, 'code-resend', { channel });
    // A new text message may come: listen for it again.
    this.startWebOtp();
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

  /** The alert's text for `status`. It never holds a ticking countdown, or it would be read out every second. */
  private statusText(): string {
    switch (this.status) {
      case 'invalid-code': {
        const left = this.attemptsRemaining;
        if (left === undefined || left === null || !Number.isFinite(Number(left))) return errorMessage('invalid-code');
        // The active language's digits and plural rule: the one the message is shown in.
        const count = numberFormat(getLocale()).format(left);
        return pluralRules(getLocale()).select(left) === 'one'
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
        return errorMessage('too-many-attempts');
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

  private retryWaitText(seconds: number): string {
    return msg(str`You can try again in ${formatWait(seconds)}.`, {
      id: 'code-verify.retry-wait',
      desc: 'After too many wrong codes: when entering a code is possible again; the placeholder is a wait such as 4:59.',
    });
  }

  private resendNowText(): string {
    return msg('You can ask for a new code now.', {
      id: 'code-verify.resend-now',
      desc: 'Announced when the resend cooldown is over.',
    });
  }

  private pendingText(): string {
    return this.resending.current
      ? msg('Sending a new code…', {
          id: 'code-verify.resend-pending',
          desc: 'Announced while a new code is being sent.',
        })
      : msg('Checking…', { id: 'code-verify.pending', desc: 'Announced while the code is being checked.' });
  }

  // --- Rendering ------------------------------------------------------------------------------------------

  protected override render() {
    const masked = this.destination ? maskPhoneNumber(this.destination, this.phoneData.metadata) : '';
    const voice = this.channel === 'voice';
    const problem = this.problem ? this.problemText(this.problem) : '';
    const message = problem || this.statusText() || this.error;
    const invalid = Boolean(problem) || this.status === 'invalid-code' || this.status === 'code-expired';
    const inputDisabled = this.isDisabled || this.locked;
    const verifying = this.pending && !this.resending.current;
    return html`
      <h2 part="heading" tabindex="-1">
        ${msg('Enter code', { id: 'code-verify.heading', desc: 'Heading of the step where the code is entered.' })}
      </h2>
      <p id="intro" part="intro">
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
            @input=${this.typing.input}
            @compositionend=${this.typing.compositionend}
          />
          <p id="hint" class="hint" part="hint">
            ${msg(str`${this.codeLength} digits`, {
              id: 'code-verify.hint',
              desc: 'Hint under the code field; the placeholder is the number of digits.',
            })}
          </p>
          <p id="message" class="error" part="error" role="alert">${message}</p>
          ${
            this.lockout.running
              ? html`<p class="wait" part="wait">${this.retryWaitText(this.lockout.remaining)}</p>`
              : nothing
          }
        </div>
        <div class="actions" part="actions">
          <button
            type="submit"
            class="primary"
            part="button verify"
            ?disabled=${inputDisabled}
            aria-disabled=${this.pending ? 'true' : 'false'}
          >
            ${verifying ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
            ${msg('Verify', { id: 'code-verify.verify', desc: 'Button that checks the code.' })}
          </button>
          <button type="button" part="button back" @click=${this.onBack}>
            ${msg('Back', { id: 'code-verify.back', desc: 'Button that returns to the phone number step.' })}
          </button>
          <slot name="actions"></slot>
        </div>
      </form>
      ${this.renderResend()}
      <div class="visually-hidden" role="status">
        ${keyed(this.announcements, html`<span>${this.pending ? this.pendingText() : this.announcement}</span>`)}
      </div>
    `;
  }

  private renderResend() {
    const waiting = this.cooldown.running;
    const other: Channel = this.channel === 'voice' ? 'sms' : 'voice';
    const offerOther = this.channels.includes('sms') && this.channels.includes('voice');
    // Unavailable but still focusable, so focus is not lost when a cooldown starts under the person's finger.
    const unavailable = this.resendBlocked ? 'true' : 'false';
    const button = (channel: Channel, label: string) =>
      html`<button
        type="button"
        class="link"
        part="button resend"
        ?disabled=${this.isDisabled}
        aria-disabled=${unavailable}
        aria-describedby=${waiting ? 'resend-wait' : nothing}
        @click=${() => this.resend(channel)}
      >
        ${
          this.pending && this.resending.current === channel
            ? html`<span class="spinner" aria-hidden="true"></span>`
            : nothing
        }${label}
      </button>`;
    return html`<div class="resend" part="resend">
      ${button(
        this.channel,
        this.channel === 'voice'
          ? msg('Resend code by calling again', { id: 'code-verify.resend-voice', desc: 'Button: call again.' })
          : msg('Resend code', { id: 'code-verify.resend', desc: 'Button that sends a new text message.' }),
      )}
      ${
        offerOther
          ? button(
              other,
              other === 'voice'
                ? msg('Call me instead', { id: 'code-verify.call-instead', desc: 'Button: get the code by a call.' })
                : msg('Text me instead', {
                    id: 'code-verify.text-instead',
                    desc: 'Button: get the code by text message.',
                  }),
            )
          : nothing
      }
      ${
        waiting
          ? html`<p class="wait" part="wait" id="resend-wait">${this.waitText(this.cooldown.remaining)}</p>`
          : nothing
      }
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
    back: CustomEvent<void>;
  }
}
