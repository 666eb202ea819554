/**
 * The wizard's steps from the phone number on (phone, code, call and done) as a controller of
 * `<security-info-wizard>`: it brings the phone's part to the wizard's runner (its adapter calls, its part of the
 * state machine, its failures' details: core's runner-phone.ts), keeps what the steps need between renders (the code
 * being verified, the wait the backend asked for, the number's region data) and renders the step. The wizard loads this module with the phone step (and when the browser is idle), so none of it
 * is downloaded before a person has chosen the phone method. The code field and signing in again come with it: they
 * are small, and then neither the code step nor a sign-in waits for a download of its own.
 */
import { html, nothing, svg, type LitElement, type ReactiveController, type TemplateResult } from 'lit';
import { msg, str } from '../shared/lit-localize.js';
import {
  channelsFor,
  isSignInReason,
  maskPhoneNumber,
  phoneEnrollment,
  type Channel,
  type EnrollmentError,
  type EnrollmentEvent,
  type EnrollmentRequest,
  type EnrollmentRunner,
  type EnrollmentState,
  type PhoneChallenge,
} from '@security-info/core';
import { CountdownController } from '../shared/countdown.js';
import { PhoneDataController } from '../shared/phone-data.js';
import { emit } from '../shared/events.js';
import { focusHeading } from '../shared/step.js';
import { errorMessage, landlineMessage } from '../shared/error-messages.js';
import { getLocale } from '../shared/localization.js';
import { textLocale } from '../shared/text-locale.js';
import { PLACE, placeIn } from '../shared/placeholder.js';
import { askToSignIn, signInWait } from './sign-in.js';
import '../security-info-phone/security-info-phone.js';
import '../code-verify/code-verify.js';
import type { PhoneSubmitDetail } from '../security-info-phone/security-info-phone.js';
import type { CodeResendDetail, CodeSubmitDetail } from '../code-verify/code-verify.js';

/** What the steps need of the wizard that shows them. */
export interface StepsHost {
  /** The wizard element; its `default-country` is the phone step's, and its `replaces` the phone being changed. */
  element: LitElement & { defaultCountry?: string | undefined; replaces?: string | undefined };
  /** The wizard's flow: its state, and where the person's actions go. */
  runner: EnrollmentRunner;
  /** The wizard's Cancel button, for the step's row of buttons (`slot`). */
  cancelButton(slot?: string | typeof nothing): TemplateResult;
}

/**
 * The parts of the inner elements that the wizard forwards (`exportparts`), named after their step, as its own
 * JSDoc lists them. The method picker's are in security-info-wizard.ts, which shows it.
 */
const PHONE_PARTS =
  'heading: phone-heading, label: phone-label, picker: phone-country, listbox: phone-listbox, input: phone-input, ' +
  'channels: phone-channels, button: phone-button, next: phone-next, error: phone-error, ' +
  'suggested: phone-suggested, loading: phone-loading';
export const CODE_PARTS =
  'heading: code-heading, intro: code-intro, destination: code-destination, label: code-label, input: code-input, ' +
  'hint: code-hint, error: code-error, wait: code-wait, actions: code-actions, button: code-button, ' +
  'verify: code-verify, back: code-back, resend: code-resend';

export const CODE_STATUSES = ['invalid-code', 'code-expired', 'too-many-attempts'] as const;
export type CodeStatus = (typeof CODE_STATUSES)[number];

const signingIn = (state: EnrollmentState) => state.request?.operation === 'signIn';

/**
 * Whether the code the person submitted may still be verified: now, or again once they have signed in (from the
 * refusal, as the host may yet start a sign-in, until the person acts again).
 */
function codeNeeded({ request, error }: EnrollmentState): boolean {
  return (
    request?.operation === 'verifyCode' ||
    request?.repeats === 'verifyCode' ||
    (error?.operation === 'verifyCode' && isSignInReason(error.code))
  );
}

/**
 * The channel to offer instead after a refusal: a call, for a landline that text messages cannot reach, when the
 * organization allows calls to numbers of its region.
 */
function offeredInstead({ error, phone, policy }: EnrollmentState): Channel | undefined {
  const textRefused = error && isLandline(error) && phone?.channel === 'sms';
  return textRefused && channelsFor(policy, phone.country).includes('voice') ? 'voice' : undefined;
}

/** A number text messages cannot reach, but a call can. */
const isLandline = (error: EnrollmentError) => error.code === 'channel-unavailable' && error.reason === 'landline';

/**
 * Whether the last failure is about the number itself, so the phone step marks the number field invalid: the backend
 * refused it (`number-rejected`), or it is a landline and no call can be offered, so only another number will do.
 * Everything else says nothing against what was typed: offline, a slow or failing server, a session to renew, a wait
 * (`rate-limited`), and the channel's problems (`channel-unavailable` without a reason, a landline the person can be
 * called on instead), which a choice of channel or time solves, not an edit of the number.
 */
function numberRejected(state: EnrollmentState): boolean {
  const error = state.error;
  return error?.code === 'number-rejected' || (!!error && isLandline(error) && offeredInstead(state) !== 'voice');
}

/** The last failure's message counts a wait down (see `errorText`): the steps say it once, then show it quietly. */
const countsDown = (state: EnrollmentState) => state.error?.retryAfterSeconds !== undefined;

export class WizardSteps implements ReactiveController {
  /**
   * The code being verified, only while a call needs it: the verification, and after a refusal for a sign-in
   * the one that repeats it once the person has signed in again. Never part of the state.
   */
  private codeInFlight: string | undefined;
  /** The person's focus was in the step when it started waiting for a sign-in: keep it there. */
  private focusHeading = false;
  private shownChallenge: PhoneChallenge | undefined;
  private readonly retryCountdown: CountdownController;
  /** The registered number's metadata, to show it masked in its region's format (see masked()). */
  private readonly phoneData: PhoneDataController;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly host: StepsHost) {
    const { element, runner } = host;
    this.retryCountdown = new CountdownController(element);
    this.phoneData = new PhoneDataController(element, { loaded: () => element.requestUpdate() });
    // The message or call is worded in the language the person reads the steps in; a change names the phone it
    // replaces.
    runner.use(phoneEnrollment({ code: () => this.codeInFlight, locale: getLocale, replaces: () => element.replaces }));
    element.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = this.host.runner.subscribe(this.stateChanged);
  }

  /** Off the page: the call in flight is abandoned, so its code is forgotten. */
  hostDisconnected(): void {
    this.unsubscribe?.();
    this.codeInFlight = undefined;
  }

  /**
   * After each update of the wizard: focus that the wait for a sign-in would lose goes to the step's heading; the
   * registered number's metadata is asked for after the phone step; a new code's cooldown is the server's word,
   * whatever came before.
   */
  hostUpdated(): void {
    const state = this.host.runner.state;
    const root = this.host.element.renderRoot;
    if (!state) return;
    const number = state.phone?.phoneNumber;
    if (number && state.step !== 'phone') this.phoneData.need(number);
    if (this.focusHeading) {
      this.focusHeading = false;
      const step = root.querySelector('security-info-phone') ?? root.querySelector('code-verify');
      if (step) void step.updateComplete.then(() => step.focusHeading());
      else focusHeading(root);
    }
    const challenge = state.step === 'code' ? state.challenge : undefined;
    if (!challenge || challenge === this.shownChallenge) return;
    this.shownChallenge = challenge;
    const verify = root.querySelector('code-verify');
    if (!verify) return;
    void customElements.whenDefined('code-verify').then(async () => {
      // Replaced meanwhile (its code had failed to load): the new one starts from the bound cooldown.
      if (!verify.isConnected) return;
      await verify.updateComplete;
      verify.restartCooldown(challenge.resendInSeconds ?? 0);
    });
  }

  /** A call was refused until the person signs in again: the page is asked to (sign-in.ts). */
  askToSignIn(refused: EnrollmentRequest): void {
    askToSignIn(this.host.element, this.host.runner, refused);
  }

  /**
   * After each change of the wizard's state: a wait the backend asked for counts down; a code no call needs is
   * forgotten; the step's controls are disabled while a sign-in is waited for, so focus moves to its heading; the
   * page hears of a registered phone.
   */
  private readonly stateChanged = (before: EnrollmentState, after: EnrollmentState) => {
    if (after.error?.retryAfterSeconds !== undefined && after.error !== before.error) {
      this.retryCountdown.start(after.error.retryAfterSeconds);
    } else if (!after.error) {
      this.retryCountdown.stop();
    }
    if (!codeNeeded(after)) this.codeInFlight = undefined;
    const element = this.host.element;
    if (signingIn(after) && !signingIn(before) && element.matches(':focus-within')) this.focusHeading = true;
    if (after.step === 'done' && before.step !== 'done' && after.phone) {
      const { phoneNumber, channel } = after.phone;
      emit(element, 'security-info-complete', { method: 'phone', phoneNumber, channel });
    }
  };

  /** The view of the step; for the loading step, the wait for a sign-in if there is one. */
  render(state: EnrollmentState): TemplateResult | undefined {
    switch (state.step) {
      case 'loading':
        // While the page signs the person in, Cancel: nothing else leads away should the sign-in never end.
        return signInWait(state, { actions: this.host.cancelButton(nothing) });
      case 'phone':
        return this.renderPhone(state);
      case 'code':
        return this.renderCode(state);
      case 'call':
        return this.renderCall(state);
      case 'done':
        return this.renderDone(state);
      default:
        return undefined;
    }
  }

  // --- What the person does -------------------------------------------------------------------------------

  private dispatch(event: EnrollmentEvent): boolean {
    return this.host.runner.dispatch(event);
  }

  private readonly onPhoneSubmit = (event: CustomEvent<PhoneSubmitDetail>) => {
    const { phoneNumber, country, channel, nationalNumber } = event.detail;
    this.dispatch({ type: 'phone-submitted', phone: { phoneNumber, country, channel, nationalNumber } });
  };

  private readonly onCodeSubmit = (event: CustomEvent<CodeSubmitDetail>) => {
    this.codeInFlight = event.detail.code;
    if (!this.dispatch({ type: 'code-submitted' })) this.codeInFlight = undefined;
  };

  private readonly onResend = (event: CustomEvent<CodeResendDetail>) => {
    this.dispatch({ type: 'resend-requested', channel: event.detail.channel });
  };

  private readonly onCallAgain = () => this.dispatch({ type: 'resend-requested', channel: 'voice' });
  private readonly onBack = () => this.dispatch({ type: 'back' });
  private readonly onDone = () => emit(this.host.element, 'security-info-close', undefined);

  // --- Rendering --------------------------------------------------------------------------------------------

  /**
   * The message for the last failure, with the wait counting down; once a wait is over, nothing for `rate-limited`
   * and the message without its wait for any other. It changes each second: shown in a live region it would be read
   * out each second, so the steps say it once (`errorCountsDown`, `quietError`).
   */
  private errorText(state: EnrollmentState, except: readonly string[] = []): string {
    const error = state.error;
    if (!error || except.includes(error.code)) return '';
    if (isLandline(error)) return landlineMessage(offeredInstead(state) === 'voice');
    const waiting = countsDown(state) && this.retryCountdown.running;
    if (countsDown(state) && error.code === 'rate-limited' && !waiting) return '';
    const retryAfterSeconds = waiting ? this.retryCountdown.remaining : undefined;
    return errorMessage(error.code, { retryAfterSeconds, locale: textLocale(this.host.element) });
  }

  /** The wait in the last failure's message has counted down since it was shown and said: it stays out of the alert. */
  private quietError(state: EnrollmentState): boolean {
    const wait = state.error?.retryAfterSeconds;
    return wait !== undefined && this.retryCountdown.remaining < Math.ceil(wait);
  }

  /** The registered number, masked by its region's format once that has loaded; its last digits until then. */
  private masked(state: EnrollmentState): string {
    return maskPhoneNumber(state.phone?.phoneNumber ?? '', this.phoneData.metadata);
  }

  private renderPhone(state: EnrollmentState): TemplateResult {
    const phone = state.phone;
    return html`<security-info-phone
      exportparts=${PHONE_PARTS}
      .policy=${state.policy}
      default-country=${this.host.element.defaultCountry ?? nothing}
      .value=${phone?.phoneNumber ?? ''}
      .channel=${phone?.channel ?? channelsFor(state.policy)[0] ?? 'sms'}
      .pending=${state.request?.operation === 'sendCode'}
      ?disabled=${signingIn(state)}
      .error=${this.errorText(state)}
      .numberRejected=${numberRejected(state)}
      .errorCountsDown=${countsDown(state)}
      .suggestedChannel=${offeredInstead(state)}
      @phone-submit=${this.onPhoneSubmit}
    >
      ${
        state.showsMethods
          ? html`<button type="button" part="button" slot="actions" @click=${this.onBack}>
              ${msg('Back', { id: 'wizard.back', desc: 'Button that returns to the previous step.' })}
            </button>`
          : nothing
      }
      ${this.host.cancelButton()} ${signInWait(state, { slot: 'actions' })}
    </security-info-phone>`;
  }

  private renderCode(state: EnrollmentState): TemplateResult {
    const error = state.error;
    const verifyStatus = error?.operation === 'verifyCode' && (CODE_STATUSES as readonly string[]).includes(error.code);
    const status: CodeStatus | 'idle' = verifyStatus
      ? (error.code as CodeStatus)
      : state.locked
        ? 'too-many-attempts'
        : 'idle';
    const operation = state.request?.operation;
    // Masked here, so the whole number is in no attribute, where inspectors and session replays would read it.
    return html`<code-verify
      exportparts=${CODE_PARTS}
      destination=${this.masked(state)}
      channel=${state.phone?.channel ?? 'sms'}
      .channels=${channelsFor(state.policy, state.phone?.country)}
      length=${state.challenge?.codeLength ?? 6}
      .resendInSeconds=${state.challenge?.resendInSeconds ?? 0}
      .pending=${operation === 'verifyCode' || operation === 'resendCode'}
      ?disabled=${signingIn(state)}
      status=${status}
      .attemptsRemaining=${error?.attemptsRemaining}
      .retryAfterSeconds=${status === 'too-many-attempts' ? error?.retryAfterSeconds : undefined}
      .error=${this.errorText(state, verifyStatus ? CODE_STATUSES : [])}
      .errorCountsDown=${countsDown(state)}
      @code-submit=${this.onCodeSubmit}
      @code-resend=${this.onResend}
      @back=${this.onBack}
      >${this.host.cancelButton()} ${signInWait(state, { slot: 'actions' })}</code-verify
    >`;
  }

  private renderCall(state: EnrollmentState): TemplateResult {
    const masked = this.masked(state);
    const waiting = state.request?.operation === 'awaitCallConfirmation';
    const calling = state.request?.operation === 'resendCode';
    const message = this.errorText(state);
    const quiet = this.quietError(state);
    return html`<h2 part="heading" tabindex="-1">
        ${placeIn(
          msg(str`We're calling ${PLACE}`, {
            id: 'wizard.calling',
            desc: 'Heading while the phone is called; the placeholder is the masked number, such as +31 6 •••• 5678.',
          }),
          html`<span class="ltr">${masked}</span>`,
        )}
      </h2>
      <p>
        ${msg('Answer the call and follow the instructions.', {
          id: 'wizard.calling-instructions',
          desc: 'Tells the person what to do with the call.',
        })}
      </p>
      <p class="status" role="status">
        ${
          waiting || calling
            ? html`<span class="spinner" aria-hidden="true"></span>${msg('Waiting for you to answer…', {
                  id: 'wizard.calling-waiting',
                  desc: 'Shown while the call has not been answered yet.',
                })}`
            : nothing
        }
      </p>
      ${signInWait(state)}
      <p class="error" part="error" role="alert">${quiet ? '' : message}</p>
      ${quiet ? html`<p class="error" part="error">${message}</p>` : nothing}
      <div class="actions">
        <button type="button" class="primary" part="button" ?disabled=${calling} @click=${this.onCallAgain}>
          ${msg('Call again', { id: 'wizard.call-again', desc: 'Button that places the verification call again.' })}
        </button>
        <button type="button" part="button" @click=${this.onBack}>
          ${msg('Use a different number', {
            id: 'wizard.different-number',
            desc: 'Button that goes back to the phone number step.',
          })}
        </button>
        ${this.host.cancelButton(nothing)}
      </div>`;
  }

  private renderDone(state: EnrollmentState): TemplateResult {
    return html`<svg class="done-icon" viewBox="0 0 24 24" aria-hidden="true">
        ${svg`<circle cx="12" cy="12" r="11" fill="none" stroke="currentColor" stroke-width="2"/><path d="M7 12.5l3.2 3.2L17 9" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>`}
      </svg>
      <h2 part="heading" tabindex="-1">
        ${
          this.host.element.replaces
            ? msg('Your phone number was changed', {
                id: 'wizard.done-changed',
                desc: 'Heading when a new phone number, verified, took the place of the one the person chose to change.',
              })
            : msg('Your phone was registered', { id: 'wizard.done', desc: 'Heading when enrollment succeeded.' })
        }
      </h2>
      <p>
        ${placeIn(
          msg(str`You can now use ${PLACE} to verify it's you.`, {
            id: 'wizard.done-detail',
            desc: 'Explains what the registered phone is for; the placeholder is the masked number.',
          }),
          html`<span class="ltr">${this.masked(state)}</span>`,
        )}
      </p>
      <div class="actions">
        <button type="button" class="primary" part="button" @click=${this.onDone}>
          ${msg('Done', { id: 'wizard.done-button', desc: 'Button that closes the wizard after success.' })}
        </button>
      </div>`;
  }
}
