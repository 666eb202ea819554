import { html, type PropertyValues } from 'lit';
import { msg } from '../shared/lit-localize.js';
import type { Channel } from '@security-info/core';
import { defineElement } from '../shared/define.js';
import { listConverter } from '../shared/converters.js';
import { LocalizeController } from '../shared/localized.js';
import { emit } from '../shared/events.js';
import { FormAssociatedElement } from '../shared/form-associated.js';
import { StepElement } from '../shared/step.js';
import { fireInput, inputMethodGuard, keepInputInside } from '../shared/input-method.js';
import { IntentLock } from '../shared/intent-lock.js';
import { PhoneDataController } from '../shared/phone-data.js';
import { CountdownController } from '../shared/countdown.js';
import { AnnouncerController } from '../shared/announcer.js';
import { tokens } from '../shared/tokens.styles.js';
import { fieldStyles } from '../shared/field.styles.js';
import { codeVerifyStyles } from './code-verify.styles.js';
import { ResendCooldownController } from './resend-cooldown.js';
import { WebOtpController } from './web-otp.js';
import { incompleteCode, readCode } from './read-code.js';
import * as text from './code-verify.messages.js';
import { codeField } from './code-field.js';
import { keepFocus } from './keep-focus.js';
import { resendActions, verifyActions } from './code-actions.js';

export { readCode };

/** The most digits a code has (`length` is held between 4 and this). */
const LONGEST_CODE = 10;

export interface CodeSubmitDetail {
  /** The digits the person entered, ASCII. */
  code: string;
}

export interface CodeResendDetail {
  /** How to send the new code: the same channel, or the other one ("Call me instead"). */
  channel: Channel;
}

export type CodeVerifyStatus = 'idle' | 'invalid-code' | 'code-expired' | 'too-many-attempts';

/**
 * "Enter the code we sent to +31 6 •••• 5678": one field for the one-time code, Verify, a resend that waits
 * for the server's cooldown, and Back. The host verifies the code and tells the element how it went through
 * `status`, `attemptsRemaining`, `retryAfterSeconds` and `error`.
 *
 * One real `<input>` with `autocomplete="one-time-code"`, so phones offer the code from the message. It
 * accepts pasted codes with spaces or dashes, digits of any script and a whole message; letters are refused
 * with a message. With `web-otp` the browser's WebOTP API fills the code where it exists (text messages only);
 * the request is aborted when the element leaves the page or a code is submitted, and made again for a new code.
 *
 * Cooldown and reload: the resend cooldown's end is kept in `sessionStorage` (this tab only) under
 * `security-info:resend:<hash>`, a short FNV-1a hash of the destination; never the number, nor the code. Storage
 * that is blocked or full only means a reload forgets the wait.
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
 * a polite status region. Countdowns tick visibly but are never announced each second: a host message that counts
 * a wait down (`errorCountsDown`) is said once by the alert, then shown outside it.
 *
 * Styling by state: the custom states below, and the reflected `pending`, `status`, `channel`, `disabled` and
 * `required` attributes.
 *
 * @customElement code-verify
 * @summary The one-time code step: enter, verify, resend, and every way it can go wrong.
 *
 * @fires {CustomEvent<CodeSubmitDetail>} code-submit - The person submitted a complete code; `detail.code` holds the digits.
 * @fires {CustomEvent<CodeResendDetail>} code-resend - The person asked for a new code; `detail.channel` says how to send it.
 * @fires {CustomEvent<void>} back - The person pressed Back.
 * @fires {Event} input - The person edited the code, or the browser filled it in from a text message; the element's value and validity are current.
 *
 * @slot actions - Extra buttons after Verify and Back, for example Cancel.
 * @slot intro - Says where the code is, in place of the sentence about the phone: an email address, an authenticator
 *   app. Its text stays the field's description.
 * @slot resend - In place of the resend area: an empty element, for a code no one sends (an authenticator app's).
 *
 * @csspart heading - The step's heading.
 * @csspart intro - The sentence that says where the code went.
 * @csspart destination - The masked phone number, inside `intro`.
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
 * @cssstate pending - The host is verifying the code or sending a new one.
 * @cssstate invalid - The entry has a problem or the host reported a `status` other than `idle`.
 * @cssstate locked - Too many wrong codes: the field is locked until the host sets another `status`.
 * @cssstate cooldown - A new code cannot be asked for yet.
 *
 * @cssprop --si-code-input-width - Widest the code field grows. Default `14rem`.
 * @cssprop --si-color-accent - Buttons and focus ring.
 * @cssprop --si-color-error - Error messages and the invalid field's border.
 * @cssprop --si-color-text-muted - The hint and the countdown lines.
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
    errorCountsDown: { type: Boolean, attribute: 'error-counts-down' },
    code: { state: true },
    problem: { state: true },
  };

  /** Digits in the code, 4 to 10 (other values are clamped). Default 6. */
  declare length: number;
  /**
   * Where the code went. Pass it masked as it should be shown (`+31 6 •••• 5678`): it is then shown as given, and
   * the whole number never reaches an attribute, where page inspectors and session-replay tools read it. A whole
   * E.164 number is masked before it is shown.
   */
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
  /**
   * A message from the host for any other failure (network, time-out...); shown and announced. It says nothing about
   * the code typed, so an edit or a form reset keeps it, as they keep `status`: the host changes them.
   */
  declare error: string;
  /**
   * `error` counts a wait down, the host setting it anew as the time passes ("You can ask again in 0:29."): the
   * alert says it once, as it appears, and from its first change on it is shown outside the alert, so that a
   * screen reader does not read it out each second.
   */
  declare errorCountsDown: boolean;

  declare private code: string;
  declare private problem: text.InputProblem | undefined;

  private readonly announcer = new AnnouncerController(this);
  private readonly cooldown = new ResendCooldownController(this, {
    started: (seconds) => this.announcer.announce(text.resendWait(seconds)),
    ended: () => this.announcer.announce(text.resendNow()),
  });
  private readonly lockout = new CountdownController(this);
  /**
   * The metadata of a whole destination's calling code (a small chunk), for the masked number's grouping. Until it
   * is here, or while it cannot load, the number shows masked without its grouping: `•••• 5678`.
   */
  private readonly phoneData = new PhoneDataController(this, { loaded: () => this.requestUpdate() });
  private readonly otp = new WebOtpController(this, {
    enabled: () => this.webOtp && this.channel === 'sms',
    received: (code) => {
      // Not while the host checks a code, nor while the field is locked.
      if (!this.pending && !this.locked) this.take(code);
    },
  });
  /** One intent, one event: the code submitted, until the host answers or the code changes. */
  private readonly submitting = new IntentLock<string>();
  /** The new code asked for, by its channel, until the host answers: shown while it is sent. */
  private readonly resending = new IntentLock<Channel>({ host: this });
  private hadFocus = false;
  /** The host's countdown has changed since the alert said it (`errorCountsDown`): shown outside the alert. */
  private quietError = false;

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
    this.errorCountsDown = false;
    this.code = '';
    new LocalizeController(this);
  }

  /** The code entered so far (digits only). It never appears as an attribute. */
  get value(): string {
    return this.code;
  }

  set value(value: string) {
    // As many digits as any length takes: the length it belongs to may be set after it; the update holds it to that.
    this.code = readCode(String(value ?? ''), LONGEST_CODE).digits;
    this.submitting.release();
  }

  private get codeLength(): number {
    const n = Math.round(Number(this.length));
    return Number.isFinite(n) ? Math.min(LONGEST_CODE, Math.max(4, n)) : 6;
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
    this.cooldown.start(seconds);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
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
    // A code set before its length, or typed before the length was lowered: no more digits than it go out.
    if (this.code.length > this.codeLength) this.code = this.code.slice(0, this.codeLength);
    // Shown as text whatever a host gave (a number, nothing): reading it as a number or a key must not throw.
    if (typeof this.destination !== 'string') this.destination = String(this.destination ?? '');
    if (changed.has('destination')) {
      this.cooldown.restore(this.destination);
      if (text.wholeNumber(this.destination)) this.phoneData.need(this.destination);
    }
    const firstUpdate = !this.hasUpdated;
    if (changed.has('resendInSeconds') && (!firstUpdate || !this.cooldown.running)) {
      // On the first render a cooldown restored after a reload wins over the default.
      this.restartCooldown(this.resendInSeconds);
    }
    if (changed.has('retryAfterSeconds') || changed.has('status')) {
      if (this.locked && this.retryAfterSeconds) {
        this.lockout.start(this.retryAfterSeconds);
        if (!firstUpdate) this.announcer.announce(text.retryWait(this.lockout.remaining));
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
    if (changed.has('pending') && this.pending) this.announcer.clear();
    // A message that was there already and changed is a countdown going on, not news.
    if (changed.has('error')) this.quietError = this.errorCountsDown && !!this.error && !!changed.get('error');
    if (changed.has('webOtp') || changed.has('channel')) this.otp.listen();
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
    if (this.hadFocus) keepFocus(this, input, changed.has('status') && this.status === 'invalid-code');
  }

  private updateValidity(input: HTMLInputElement | null): void {
    this.internals.setFormValue(this.code || null);
    // An empty field troubles the form only when required; a problem found by Verify stands until the next edit.
    const missing = this.code || this.required ? incompleteCode(this.code, this.codeLength) : undefined;
    const problem = missing ?? this.problem;
    const flag = missing === 'required' ? 'valueMissing' : missing ? 'tooShort' : 'customError';
    if (!problem) this.setValidity({});
    else this.setValidity({ [flag]: true }, text.problem(problem, this.codeLength), input ?? undefined);
  }

  /** Takes a code typed or pasted into `input`, or read by the browser: its digits, or why it is not one. */
  private take(raw: string, input?: HTMLInputElement): void {
    const { digits, letters } = readCode(raw, this.codeLength);
    this.code = digits;
    this.problem = letters ? 'not-digits' : undefined;
    this.submitting.release();
    if (input && input.value !== digits) input.value = digits;
    // Before the event, not at the update after it: a listener reads the validity, as a native field's listener does.
    this.updateValidity(input ?? this.input);
    fireInput(this);
    if (this.autoSubmit && !letters && digits.length === this.codeLength) this.submit();
  }

  /** Reads what is typed, never while an input method composes (full-width digits). */
  private readonly typing = inputMethodGuard(
    () => this.code,
    (input) => this.take(input.value, input),
  );

  /** A whole code pasted takes the place of what is there: beside a few digits typed, it would make a wrong one. */
  private readonly onPaste = (event: ClipboardEvent) => {
    const input = event.target as HTMLInputElement;
    const { digits, letters } = readCode(event.clipboardData?.getData('text/plain') ?? '', this.codeLength);
    // Selected, it is replaced by the browser's own paste, which the field then reads as any edit.
    if (!letters && digits.length === this.codeLength) input.setSelectionRange(0, input.value.length);
  };

  private readonly onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    this.submit();
  };

  private submit(): void {
    if (this.pending || this.isDisabled || this.locked) return;
    const missing = incompleteCode(this.code, this.codeLength);
    if (missing) {
      this.problem = missing;
      this.input?.focus();
    } else if (this.submitting.take(this.code)) {
      this.problem = undefined;
      // The code is in hand: a browser prompt offering one would only be in the way.
      this.otp.abort();
      emit(this, 'code-submit', { code: this.code });
    }
  }

  private get resendBlocked(): boolean {
    return this.cooldown.running || this.pending || this.isDisabled || this.resending.current !== undefined;
  }

  private readonly resend = (channel: Channel) => {
    if (this.resendBlocked) return;
    this.clear();
    this.resending.take(channel);
    emit(this, 'code-resend', { channel });
    // A new text message may come: listen for it again.
    this.otp.listen();
  };

  private readonly onBack = () => emit(this, 'back', undefined);

  // --- Rendering ------------------------------------------------------------------------------------------

  protected override render() {
    const { pending } = this;
    const problem = this.problem ? text.problem(this.problem, this.codeLength) : '';
    const own = problem || text.statusAlert(this.status, this.attemptsRemaining);
    const message = own || this.error;
    const invalid = Boolean(problem) || this.status === 'invalid-code' || this.status === 'code-expired';
    const disabled = this.isDisabled || this.locked;
    const sending = pending ? this.resending.current : undefined;
    return html`
      <h2 part="heading" tabindex="-1">
        ${msg('Enter code', { id: 'code-verify.heading', desc: 'Heading of the step where the code is entered.' })}
      </h2>
      <p id="intro" part="intro">
        <slot name="intro">${text.intro(this.channel, this.destination, this.phoneData.metadata)}</slot>
      </p>
      <form novalidate @submit=${this.onSubmit} @input=${keepInputInside}>
        ${codeField(this.codeLength, message, !own && this.quietError, invalid, disabled, pending, this.required, this.typing, this.onPaste, this.lockout.remaining)}
        ${verifyActions(disabled, pending, pending && !sending, this.onBack)}
      </form>
      <slot name="resend">
        ${resendActions(this.channel, this.channels ?? [], this.cooldown.remaining, this.resendBlocked, this.isDisabled, sending, this.resend)}
      </slot>
      ${this.announcer.render(pending ? text.pending(sending !== undefined) : undefined)}
    `;
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
