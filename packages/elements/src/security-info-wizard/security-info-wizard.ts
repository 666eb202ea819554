import { LitElement, html, nothing, svg, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import {
  channelsFor,
  enrollmentTransition,
  initialEnrollment,
  parsePolicy,
  readChallenge,
  SecurityInfoError,
  toSecurityInfoError,
  type Channel,
  type EnrollmentEvent,
  type EnrollmentRequest,
  type EnrollmentState,
  type EnrollmentStep,
  type PhoneChallenge,
  type Purpose,
  type SecurityInfoAdapter,
  type SecurityInfoPolicy,
} from '@security-info/core';
import { defineElement } from '../shared/define.js';
import { LocalizeController } from '../shared/localized.js';
import { emit } from '../shared/events.js';
import { errorMessage } from '../shared/error-messages.js';
import { CountdownController } from '../shared/countdown.js';
import { tokens } from '../shared/tokens.styles.js';
import { wizardStyles } from './security-info-wizard.styles.js';
import '../method-picker/method-picker.js';
import type { MethodSelectDetail } from '../method-picker/method-picker.js';
import type { PhoneSubmitDetail } from '../security-info-phone/security-info-phone.js';
import type { CodeResendDetail, CodeSubmitDetail } from '../code-verify/code-verify.js';

export interface SecurityInfoCompleteDetail {
  method: 'phone';
  /** The registered number, E.164. */
  phoneNumber: string;
  /** How the last code reached the person. */
  channel: Channel;
}

export interface SecurityInfoStepDetail {
  step: Exclude<EnrollmentStep, 'cancelled'>;
}

/**
 * The later steps load on demand (and when the browser is idle), so what loads before the phone step is small:
 * the phone library and its metadata come with them.
 */
const loadPhoneStep = () => import('../security-info-phone/security-info-phone.js');
const loadCodeStep = () => import('../code-verify/code-verify.js');
const loadDisplay = () => import('../shared/phone-display.js');

/** Used when the adapter has no `getPolicy` and the host gives no `policy`: the wizard enrolls phones. */
const PHONE_POLICY: SecurityInfoPolicy = { methods: [{ id: 'phone', purposes: ['mfa', 'password-reset'] }] };

const CODE_STATUSES = ['invalid-code', 'code-expired', 'too-many-attempts'] as const;
type CodeStatus = (typeof CODE_STATUSES)[number];

/** Settles with `promise`, or rejects as soon as `signal` aborts, so a hung adapter call never holds the wizard. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  promise.catch(() => undefined); // A late rejection after an abort is expected, not unhandled.
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    promise.then(resolve, reject);
  });
}

/**
 * The whole "set up security info" flow: choose a method, enter a phone number, enter the code (or answer the
 * call), done. Drives the backend through the host's `adapter`; every call can be cancelled, times out, and
 * leaves the person a way forward when it fails.
 *
 * The flow itself is the pure state machine `enrollmentTransition` from `@security-info/core`; this element
 * renders its state and performs the adapter call a state asks for.
 *
 * Events of the steps (`method-select`, `phone-submit`, `code-submit`, `code-resend`, `back`) bubble out of the
 * wizard too. Choosing a method other than phone is left to the host: listen for `method-select`.
 *
 * @customElement security-info-wizard
 * @summary The complete enrollment wizard for a phone as a security method.
 *
 * @fires {CustomEvent<SecurityInfoStepDetail>} security-info-step - The visible step changed; `detail.step` is `loading`, `methods`, `phone`, `code`, `call` or `done`.
 * @fires {CustomEvent<SecurityInfoCompleteDetail>} security-info-complete - The phone was registered; `detail` is `{ method, phoneNumber, channel }`.
 * @fires {CustomEvent<undefined>} security-info-cancel - The person cancelled; every call in flight was aborted.
 * @fires {CustomEvent<undefined>} security-info-close - The person pressed Done after the phone was registered.
 *
 * @csspart heading - The heading of the wizard's own steps (loading, call, done).
 * @csspart panel - The container of the current step.
 * @csspart button - Buttons of the wizard's own steps.
 * @csspart error - Error messages of the wizard's own steps.
 *
 * @cssprop --si-wizard-max-width - Widest the wizard grows. Default `32rem`.
 * @cssprop --si-wizard-background - Background of the step panel. Default transparent.
 * @cssprop --si-wizard-padding - Padding of the step panel. Default `0`.
 * @cssprop --si-color-accent - Accent of buttons and focus rings, shared by every element.
 */
export class SecurityInfoWizard extends LitElement {
  static override styles = [tokens, wizardStyles];

  static override properties = {
    adapter: { attribute: false },
    purpose: { reflect: true },
    start: {},
    defaultCountry: { attribute: 'default-country' },
    policy: { attribute: false },
    timeout: { type: Number },
    state: { state: true },
    mask: { state: true },
    stepUnavailable: { state: true },
  };

  /** The host's backend. Required; the flow starts once the element is connected and has one. */
  declare adapter: SecurityInfoAdapter | undefined;
  /** What the method is for: `mfa` (two-step verification) or `password-reset`; unset offers every method. */
  declare purpose: Purpose | undefined;
  /** `phone` skips the method step. Read when the flow starts. */
  declare start: 'methods' | 'phone' | undefined;
  /** The country or region chosen at first (ISO 3166-1 alpha-2), when the policy names none. */
  declare defaultCountry: string | undefined;
  /** The organization's policy; when given, `adapter.getPolicy` is not called. Read when the flow starts. */
  declare policy: SecurityInfoPolicy | undefined;
  /** Milliseconds each adapter call may take before it is aborted with the `timeout` error. Default 30000. */
  declare timeout: number;

  declare private state: EnrollmentState | undefined;
  /** The step whose code could not be loaded, while that lasts. */
  declare private stepUnavailable: EnrollmentStep | undefined;
  declare private mask: ((e164: string) => string) | undefined;

  private inflight: { id: number; controller: AbortController } | undefined;
  /** The code being verified, only for the duration of the call that needs it. */
  private codeInFlight: string | undefined;
  private focusAfterUpdate = false;
  private shownChallenge: PhoneChallenge | undefined;
  private readonly retryCountdown = new CountdownController(this);

  constructor() {
    super();
    this.timeout = 30_000;
    new LocalizeController(this);
  }

  /** The step shown now. */
  get step(): EnrollmentStep | undefined {
    return this.state?.step;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener?.('online', this.onOnline);
    // Back on the page after an interruption: a policy that never arrived is asked for again.
    if (this.state?.step === 'loading' && !this.state.request && !this.state.error) this.dispatch({ type: 'retry' });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener?.('online', this.onOnline);
    this.codeInFlight = undefined;
    if (this.state) this.dispatch({ type: 'interrupted' });
  }

  protected override willUpdate(): void {
    if (!this.state && this.isConnected && (this.adapter || this.policy)) {
      this.state = initialEnrollment({
        ...(this.policy ? { policy: this.policy } : {}),
        ...(this.purpose ? { purpose: this.purpose } : {}),
        ...(this.start ? { start: this.start } : {}),
      });
      if (!this.adapter?.getPolicy && this.state.request?.operation === 'getPolicy') {
        // Nothing to ask: a backend without policies enrolls phones.
        this.state = enrollmentTransition(this.state, {
          type: 'policy-loaded',
          requestId: this.state.request.id,
          policy: PHONE_POLICY,
        });
      }
      if (this.state.request) queueMicrotask(() => this.startRequest());
      this.loadStep(this.state.step);
      // The phone step is the likely next one: fetch it while the person reads.
      const idle = globalThis.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
      idle(() => {
        loadPhoneStep().catch(() => undefined);
      });
    }
  }

  protected override updated(): void {
    // A new code came: its cooldown is the server's word, whatever an earlier one left behind.
    const challenge = this.state?.step === 'code' ? this.state.challenge : undefined;
    if (challenge && challenge !== this.shownChallenge) {
      this.shownChallenge = challenge;
      const verify = this.renderRoot.querySelector('code-verify');
      if (verify) {
        void customElements.whenDefined('code-verify').then(async () => {
          // Replaced meanwhile (its code had failed to load): the new one starts from the bound cooldown.
          if (!verify.isConnected) return;
          await verify.updateComplete;
          verify.restartCooldown(challenge.resendInSeconds ?? 0);
        });
      }
    }
    if (!this.focusAfterUpdate) return;
    this.focusAfterUpdate = false;
    void this.focusStep();
  }

  private async focusStep(): Promise<void> {
    const panel = this.renderRoot.querySelector('[part~="panel"]');
    let child = panel?.firstElementChild as
      (HTMLElement & { focusHeading?: () => void; updateComplete?: Promise<unknown> }) | null;
    if (child?.localName.includes('-')) {
      // A step loaded on demand may not be defined yet.
      await customElements.whenDefined(child.localName);
      child = panel?.firstElementChild as typeof child;
    }
    if (child?.focusHeading) {
      await child.updateComplete;
      child.focusHeading();
    } else {
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    }
  }

  /** Applies an event to the state machine; performs the call the new state asks for. */
  private dispatch(event: EnrollmentEvent): boolean {
    const before = this.state;
    if (!before) return false;
    const after = enrollmentTransition(before, event);
    if (after === before) return false;
    this.state = after;
    if (this.inflight && after.request?.id !== this.inflight.id) {
      this.inflight.controller.abort(new DOMException('The step was left.', 'AbortError'));
      this.inflight = undefined;
    }
    if (after.error?.retryAfterSeconds !== undefined && after.error !== before.error) {
      this.retryCountdown.start(after.error.retryAfterSeconds);
    } else if (!after.error) {
      this.retryCountdown.stop();
    }
    this.startRequest();
    if (after.step !== before.step) this.stepChanged(before.step, after);
    return true;
  }

  private startRequest(): void {
    const request = this.state?.request;
    if (!request || !this.isConnected || this.inflight?.id === request.id) return;
    void this.perform(request);
  }

  private stepChanged(previous: EnrollmentStep, state: EnrollmentState): void {
    if (state.step === 'cancelled') {
      emit(this, 'security-info-cancel', undefined);
      return;
    }
    // Focus follows the person's own actions; the first step appearing after the policy loads does not take
    // focus away from wherever it is on the page.
    this.focusAfterUpdate = previous !== 'loading' || this.matches(':focus-within');
    emit(this, 'security-info-step', { step: state.step });
    this.loadStep(state.step);
    if (state.step === 'done' && state.phone) {
      emit(this, 'security-info-complete', {
        method: 'phone',
        phoneNumber: state.phone.phoneNumber,
        channel: state.phone.channel,
      });
    }
  }

  /**
   * Loads what the current step needs. A step whose code cannot load (offline) shows why, with Try again;
   * coming back online tries again by itself.
   */
  private loadStep(step: EnrollmentStep): void {
    const load = step === 'phone' ? loadPhoneStep : step === 'code' ? loadCodeStep : undefined;
    load?.().then(
      () => {
        if (this.stepUnavailable !== step) return;
        this.stepUnavailable = undefined;
        this.focusAfterUpdate = true; // From Try again to the step that is there now.
      },
      () => {
        if (this.state?.step !== step) return;
        this.stepUnavailable = step;
        this.focusAfterUpdate = true;
      },
    );
    const number = this.state?.phone?.phoneNumber;
    if ((step === 'code' || step === 'call' || step === 'done') && number) {
      loadDisplay()
        .then(({ loadMasker }) => loadMasker(number))
        .then((mask) => (this.mask = mask))
        .catch(() => undefined); // The masked number falls back to its last digits.
    }
  }

  private async perform(request: EnrollmentRequest): Promise<void> {
    const controller = new AbortController();
    this.inflight = { id: request.id, controller };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException('The backend took too long.', 'TimeoutError'));
    }, this.timeout);
    try {
      const result = await abortable(this.call(request, controller.signal), controller.signal);
      if (this.inflight?.id !== request.id) return;
      this.inflight = undefined;
      this.dispatch(this.success(request, result));
    } catch (error) {
      // Aborted by back, cancel or disconnect: the state already moved on, nothing to report.
      if (this.inflight?.id !== request.id) return;
      this.inflight = undefined;
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      this.dispatch({
        type: 'failed',
        requestId: request.id,
        error: toSecurityInfoError(error, { timedOut, offline }),
      });
    } finally {
      clearTimeout(timer);
    }
  }

  private success(request: EnrollmentRequest, result: unknown): EnrollmentEvent {
    switch (request.operation) {
      case 'getPolicy':
        return { type: 'policy-loaded', requestId: request.id, policy: result as SecurityInfoPolicy };
      case 'sendCode':
      case 'resendCode':
        return { type: 'code-sent', requestId: request.id, challenge: result as PhoneChallenge };
      case 'verifyCode':
        return { type: 'verified', requestId: request.id };
      case 'awaitCallConfirmation':
        return { type: 'call-confirmed', requestId: request.id };
    }
  }

  /** The adapter call for a request, with its answer checked against the contract. */
  private async call(request: EnrollmentRequest, signal: AbortSignal): Promise<unknown> {
    const adapter = this.adapter;
    const state = this.state;
    if (!adapter || !state) throw new SecurityInfoError('unknown', 'No adapter was given to the wizard.');
    const phone = state.phone;
    const challenge = state.challenge;
    switch (request.operation) {
      case 'getPolicy':
        return adapter.getPolicy ? parsePolicy(await adapter.getPolicy({ signal })) : PHONE_POLICY;
      case 'sendCode':
        if (!phone) throw new SecurityInfoError('unknown');
        return readChallenge(
          await adapter.sendCode({ phoneNumber: phone.phoneNumber, channel: phone.channel }, { signal }),
        );
      case 'resendCode':
        if (!phone || !challenge) throw new SecurityInfoError('unknown');
        return readChallenge(
          adapter.resendCode
            ? await adapter.resendCode({ challengeId: challenge.challengeId, channel: phone.channel }, { signal })
            : await adapter.sendCode({ phoneNumber: phone.phoneNumber, channel: phone.channel }, { signal }),
        );
      case 'verifyCode': {
        const code = this.codeInFlight;
        this.codeInFlight = undefined;
        if (!challenge || !code) throw new SecurityInfoError('unknown');
        await adapter.verifyCode({ challengeId: challenge.challengeId, code }, { signal });
        return undefined;
      }
      case 'awaitCallConfirmation':
        if (!challenge || !adapter.awaitCallConfirmation) {
          throw new SecurityInfoError('unknown', 'The adapter cannot wait for a call to be answered.');
        }
        await adapter.awaitCallConfirmation({ challengeId: challenge.challengeId }, { signal });
        return undefined;
    }
  }

  // --- What the person does -------------------------------------------------------------------------------

  private readonly onMethodSelect = (event: CustomEvent<MethodSelectDetail>) => {
    if (!event.defaultPrevented) this.dispatch({ type: 'method-chosen', method: event.detail.method });
  };

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
  private readonly onCancel = () => this.dispatch({ type: 'cancel' });
  private readonly onRetry = () => this.dispatch({ type: 'retry' });
  private readonly onRetryStep = () => {
    if (this.state) this.loadStep(this.state.step);
  };
  private readonly onOnline = () => {
    if (this.stepUnavailable) this.onRetryStep();
  };
  private readonly onDone = () => emit(this, 'security-info-close', undefined);

  // --- Rendering --------------------------------------------------------------------------------------------

  /** The message for the last failure, with the wait counting down; nothing once a wait is over. */
  private errorText(state: EnrollmentState, except: readonly string[] = []): string {
    const error = state.error;
    if (!error || except.includes(error.code)) return '';
    if (error.retryAfterSeconds !== undefined && error.code === 'rate-limited' && !this.retryCountdown.running)
      return '';
    const retryAfterSeconds = error.retryAfterSeconds !== undefined ? this.retryCountdown.remaining : undefined;
    return errorMessage(error.code, { retryAfterSeconds });
  }

  private masked(state: EnrollmentState): string {
    if (!state.phone) return '';
    return this.mask ? this.mask(state.phone.phoneNumber) : `•••• ${state.phone.phoneNumber.slice(-4)}`;
  }

  private cancelButton(slot: string | typeof nothing = 'actions'): TemplateResult {
    return html`<button type="button" part="button" slot=${slot} @click=${this.onCancel}>
      ${msg('Cancel', { id: 'wizard.cancel', desc: 'Button that stops setting up security info.' })}
    </button>`;
  }

  protected override render() {
    const state = this.state;
    return html`<div part="panel" class="panel">${state ? this.renderStep(state) : this.renderLoading()}</div>`;
  }

  private renderStep(state: EnrollmentState): TemplateResult | typeof nothing {
    switch (state.step) {
      case 'loading':
        return state.error ? this.renderFailure(this.errorText(state), this.onRetry) : this.renderLoading();
      case 'methods':
        return html`<method-picker
          .policy=${state.policy}
          purpose=${state.purpose ?? nothing}
          @method-select=${this.onMethodSelect}
          >${this.cancelButton()}</method-picker
        >`;
      case 'phone':
        return this.stepUnavailable === 'phone' ? this.stepFailure() : this.renderPhone(state);
      case 'code':
        return this.stepUnavailable === 'code' ? this.stepFailure() : this.renderCode(state);
      case 'call':
        return this.renderCall(state);
      case 'done':
        return this.renderDone(state);
      case 'cancelled':
        return nothing;
    }
  }

  private renderLoading(): TemplateResult {
    return html`<p class="status" role="status">
      <span class="spinner" aria-hidden="true"></span>${msg('Loading your options…', {
        id: 'wizard.loading',
        desc: 'Shown while the organization’s policy is fetched.',
      })}
    </p>`;
  }

  /** Something the flow needs could not be loaded: what happened, Try again and Cancel. */
  private renderFailure(text: string, retry: () => void): TemplateResult {
    return html`<h2 part="heading" tabindex="-1">
        ${msg('Set up security info', { id: 'wizard.title', desc: 'Heading when the options could not be loaded.' })}
      </h2>
      <p class="error" part="error" role="alert">${text}</p>
      <div class="actions">
        <button type="button" class="primary" part="button" @click=${retry}>
          ${msg('Try again', { id: 'wizard.retry', desc: 'Button that loads the options again after a failure.' })}
        </button>
        ${this.cancelButton(nothing)}
      </div>`;
  }

  /** The step's code did not load (offline). */
  private stepFailure(): TemplateResult {
    return this.renderFailure(errorMessage('network'), this.onRetryStep);
  }

  private renderPhone(state: EnrollmentState): TemplateResult {
    const phone = state.phone;
    return html`<security-info-phone
      .policy=${state.policy}
      default-country=${this.defaultCountry ?? nothing}
      .value=${phone?.phoneNumber ?? ''}
      .channel=${phone?.channel ?? channelsFor(state.policy)[0] ?? 'sms'}
      .pending=${state.request?.operation === 'sendCode'}
      .error=${this.errorText(state)}
      @phone-submit=${this.onPhoneSubmit}
    >
      ${
        state.showsMethods
          ? html`<button type="button" part="button" slot="actions" @click=${this.onBack}>
              ${msg('Back', { id: 'wizard.back', desc: 'Button that returns to the previous step.' })}
            </button>`
          : nothing
      }
      ${this.cancelButton()}
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
    return html`<code-verify
      destination=${state.phone?.phoneNumber ?? ''}
      channel=${state.phone?.channel ?? 'sms'}
      .channels=${channelsFor(state.policy, state.phone?.country)}
      length=${state.challenge?.codeLength ?? 6}
      .resendInSeconds=${state.challenge?.resendInSeconds ?? 0}
      .pending=${operation === 'verifyCode' || operation === 'resendCode'}
      status=${status}
      .attemptsRemaining=${error?.attemptsRemaining}
      .retryAfterSeconds=${status === 'too-many-attempts' ? error?.retryAfterSeconds : undefined}
      .error=${this.errorText(state, verifyStatus ? CODE_STATUSES : [])}
      @code-submit=${this.onCodeSubmit}
      @code-resend=${this.onResend}
      @back=${this.onBack}
      >${this.cancelButton()}</code-verify
    >`;
  }

  private renderCall(state: EnrollmentState): TemplateResult {
    const masked = this.masked(state);
    const waiting = state.request?.operation === 'awaitCallConfirmation';
    const calling = state.request?.operation === 'resendCode';
    return html`<h2 part="heading" tabindex="-1">
        ${msg(html`We're calling <span class="ltr">${masked}</span>`, {
          id: 'wizard.calling',
          desc: 'Heading while the phone is called; the placeholder is the masked number, such as +31 6 •••• 5678.',
        })}
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
      <p class="error" part="error" role="alert">${this.errorText(state)}</p>
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
        ${this.cancelButton(nothing)}
      </div>`;
  }

  private renderDone(state: EnrollmentState): TemplateResult {
    return html`<svg class="done-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        ${svg`<circle cx="12" cy="12" r="11" fill="none" stroke="currentColor" stroke-width="2"/><path d="M7 12.5l3.2 3.2L17 9" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>`}
      </svg>
      <h2 part="heading" tabindex="-1">
        ${msg('Your phone was registered', { id: 'wizard.done', desc: 'Heading when enrollment succeeded.' })}
      </h2>
      <p>
        ${msg(html`You can now use <span class="ltr">${this.masked(state)}</span> to verify it's you.`, {
          id: 'wizard.done-detail',
          desc: 'Explains what the registered phone is for; the placeholder is the masked number.',
        })}
      </p>
      <div class="actions">
        <button type="button" class="primary" part="button" @click=${this.onDone}>
          ${msg('Done', { id: 'wizard.done-button', desc: 'Button that closes the wizard after success.' })}
        </button>
      </div>`;
  }
}

defineElement('security-info-wizard', SecurityInfoWizard);

declare global {
  interface HTMLElementTagNameMap {
    'security-info-wizard': SecurityInfoWizard;
  }
  interface HTMLElementEventMap {
    'security-info-step': CustomEvent<SecurityInfoStepDetail>;
    'security-info-complete': CustomEvent<SecurityInfoCompleteDetail>;
    'security-info-cancel': CustomEvent<undefined>;
    'security-info-close': CustomEvent<undefined>;
  }
}
