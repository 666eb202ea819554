import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { msg } from '../shared/lit-localize.js';
import {
  enrollmentTransition,
  initialEnrollment,
  isSignInReason,
  parsePolicy,
  SecurityInfoError,
  toSecurityInfoError,
  type Channel,
  type EnrollmentEvent,
  type EnrollmentRequest,
  type EnrollmentState,
  type EnrollmentStep,
  type Purpose,
  type SecurityInfoAdapter,
  type SecurityInfoErrorCode,
  type SecurityInfoPolicy,
  type SignInReason,
} from '@security-info/core';
import { defineElement } from '../shared/define.js';
import { LocalizeController } from '../shared/localized.js';
import { emit } from '../shared/events.js';
import { failureMessage } from '../shared/failure-message.js';
import { focusHeading, type Step } from '../shared/step.js';
import { tokens } from '../shared/tokens.styles.js';
import { wizardStyles } from './security-info-wizard.styles.js';
import '../method-picker/method-picker.js';
import type { MethodSelectDetail } from '../method-picker/method-picker.js';
import type { StepsHost, WizardSteps } from './wizard-steps.js';
import type { SignIn, SignInHost } from './sign-in.js';

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
 * Why the person must sign in again: `unauthenticated` when the backend no longer knows their session;
 * `reauthentication-required` when the change they are making wants a recent sign-in.
 */
export type SecurityInfoReauthenticateReason = SignInReason;

export interface SecurityInfoReauthenticateDetail {
  reason: SecurityInfoReauthenticateReason;
  /**
   * Call it while the event is dispatched to say you are signing the person in again (a pop-up, a dialog). The
   * wizard waits with everything the person entered, and when `signedIn` fulfils it makes the refused call once
   * more, with the same inputs; when it rejects, it tells the person to sign in again. At most once per event.
   */
  retryAfter(signedIn: Promise<unknown>): void;
}

/**
 * The steps from the phone number on load on demand (and when the browser is idle), so what loads before the
 * phone step is small: the phone library, its metadata and the code field come with them.
 */
const loadSteps = () => import('./wizard-steps.js');
/** Signing in again: loaded when a call is first refused for a sign-in. */
const loadSignIn = () => import('./sign-in.js');

type Transition<E> = (state: EnrollmentState, event: E) => EnrollmentState;

/** Used when the adapter has no `getPolicy` and the host gives no `policy`: the wizard enrolls phones. */
const PHONE_POLICY: SecurityInfoPolicy = { methods: [{ id: 'phone', purposes: ['mfa', 'password-reset'] }] };

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
 * @fires {CustomEvent<SecurityInfoReauthenticateDetail>} security-info-reauthenticate - The backend refused a call until the person signs in: their session ended (`detail.reason` is `unauthenticated`), or the change wants a recent sign-in (`reauthentication-required`). Cancelable. Call `detail.retryAfter(signedIn)` during the event to sign the person in again: the wizard waits, then makes the refused call once more with the same inputs (or, if `signedIn` rejects, tells the person to sign in). Without it the step tells the person to sign in and keeps what was entered, so pressing again after signing in elsewhere works; `preventDefault()` alone means the host takes care of signing in, and the wizard shows no message of its own.
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
    stepUnavailable: { state: true },
    steps: { state: true },
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
  /** The steps from the phone number on, once their module has loaded. */
  declare private steps: WizardSteps | undefined;

  private inflight: { id: number; controller: AbortController } | undefined;
  private signIn: SignIn | undefined;
  /** What the parts that load on demand (wizard-steps.ts, sign-in.ts) may use of the wizard. */
  private readonly parts: StepsHost & SignInHost = {
    element: this,
    state: () => this.state,
    defaultCountry: () => this.defaultCountry,
    dispatch: <E>(event: E, transition?: Transition<E>) => this.dispatch(event, transition),
    cancelButton: (slot) => this.cancelButton(slot),
    close: () => emit(this, 'security-info-close', undefined),
  };
  private focusAfterUpdate = false;

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
    this.steps?.forget();
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
        loadSteps().catch(() => undefined);
      });
    }
  }

  protected override updated(): void {
    if (this.state) this.steps?.updated(this.state, this.renderRoot);
    // A step whose module is still on its way takes focus when it arrives (or when it has failed to).
    if (!this.focusAfterUpdate || this.waitingForSteps()) return;
    this.focusAfterUpdate = false;
    this.focusStep();
  }

  /** Whether the step shown is one of the later ones (see wizard-steps.ts). */
  private needsSteps(): boolean {
    const step = this.state?.step;
    return step === 'phone' || step === 'code' || step === 'call' || step === 'done';
  }

  private waitingForSteps(): boolean {
    return !this.steps && this.needsSteps() && this.stepUnavailable !== this.state?.step;
  }

  /** Moves focus to the heading of the step shown: the step element's own, or the wizard's. */
  private focusStep(): void {
    const step = this.renderRoot.querySelector('[part~="panel"]')?.firstElementChild as Step | null | undefined;
    // The custom elements the wizard shows are its steps, and they are defined by the time they show: the later
    // ones come with the module `updated` waits for (waitingForSteps).
    if (step?.localName.includes('-')) void step.updateComplete.then(() => step.focusHeading());
    else focusHeading(this.renderRoot);
  }

  /**
   * Applies an event to the state machine (`transition`: the part of it the event belongs to); performs the call
   * the new state asks for.
   */
  private dispatch<E>(event: E, transition: Transition<E> = enrollmentTransition as Transition<E>): boolean {
    const before = this.state;
    if (!before) return false;
    const after = transition(before, event);
    if (after === before) return false;
    this.state = after;
    if (this.inflight && after.request?.id !== this.inflight.id) {
      this.inflight.controller.abort(new DOMException('The step was left.', 'AbortError'));
      this.inflight = undefined;
    }
    this.steps?.stateChanged(before, after);
    this.startRequest();
    if (after.step !== before.step) this.stepChanged(before.step, after);
    return true;
  }

  private startRequest(): void {
    const request = this.state?.request;
    // A sign-in is the host's to make (sign-in.ts), not an adapter call.
    if (!request || request.operation === 'signIn' || !this.isConnected || this.inflight?.id === request.id) return;
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
    if (!this.needsSteps()) return;
    loadSteps().then(
      ({ WizardSteps }) => {
        this.steps ??= new WizardSteps(this.parts);
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
      const answered = await abortable(this.call(request, controller.signal), controller.signal);
      if (this.inflight?.id !== request.id) return;
      this.inflight = undefined;
      this.dispatch(answered);
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
      if (isSignInReason(this.state?.error?.code)) this.askToSignIn(request);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Refused until the person signs in: the host is asked to sign them in again (sign-in.ts). */
  private askToSignIn(refused: EnrollmentRequest): void {
    loadSignIn().then(
      ({ SignIn }) => {
        (this.signIn ??= new SignIn(this.parts)).ask(refused);
      },
      () => undefined, // The message stays: signing in elsewhere and trying again still works.
    );
  }

  /** Makes the adapter call of a request; its answer, checked against the contract, as the event it causes. */
  private async call(request: EnrollmentRequest, signal: AbortSignal): Promise<EnrollmentEvent> {
    const adapter = this.adapter;
    const state = this.state;
    if (!adapter || !state) throw new SecurityInfoError('unknown', 'No adapter was given to the wizard.');
    if (request.operation === 'getPolicy') {
      const policy = adapter.getPolicy ? parsePolicy(await adapter.getPolicy({ signal })) : PHONE_POLICY;
      return { type: 'policy-loaded', requestId: request.id, policy };
    }
    if (!this.steps) throw new SecurityInfoError('unknown');
    return this.steps.call(request, adapter, state, signal);
  }

  // --- What the person does -------------------------------------------------------------------------------

  private readonly onMethodSelect = (event: CustomEvent<MethodSelectDetail>) => {
    if (!event.defaultPrevented) this.dispatch({ type: 'method-chosen', method: event.detail.method });
  };

  private readonly onCancel = () => this.dispatch({ type: 'cancel' });
  private readonly onRetry = () => this.dispatch({ type: 'retry' });
  private readonly onRetryStep = () => {
    if (this.state) this.loadStep(this.state.step);
  };
  private readonly onOnline = () => {
    if (this.stepUnavailable) this.onRetryStep();
  };

  // --- Rendering --------------------------------------------------------------------------------------------

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
        // Without a request the policy failed to load (or the host took signing in over, with no message): Try again.
        if (!state.request) return this.renderFailure(state.error?.code, this.onRetry);
        // While the host signs the person in, Cancel: nothing else leads away should the sign-in never end.
        return this.signIn?.render(state, this.cancelButton(nothing)) ?? this.renderLoading();
      case 'methods':
        return html`<method-picker
          .policy=${state.policy}
          purpose=${state.purpose ?? nothing}
          @method-select=${this.onMethodSelect}
          >${this.cancelButton()}</method-picker
        >`;
      case 'cancelled':
        return nothing;
      default:
        // The later steps: what their module renders, once it is there; the loading status until then.
        return this.stepUnavailable === state.step
          ? this.stepFailure()
          : (this.steps?.render(state) ?? this.renderLoading());
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

  /** Something the flow needs could not be loaded: what happened (if the wizard is to say), Try again and Cancel. */
  private renderFailure(code: SecurityInfoErrorCode | undefined, retry: () => void): TemplateResult {
    return html`<h2 part="heading" tabindex="-1">
        ${msg('Set up security info', { id: 'wizard.title', desc: 'Heading when the options could not be loaded.' })}
      </h2>
      <p class="error" part="error" role="alert">${code && failureMessage(code)}</p>
      <div class="actions">
        <button type="button" class="primary" part="button" @click=${retry}>
          ${msg('Try again', { id: 'wizard.retry', desc: 'Button that loads the options again after a failure.' })}
        </button>
        ${this.cancelButton(nothing)}
      </div>`;
  }

  /** The step's code did not load (offline). */
  private stepFailure(): TemplateResult {
    return this.renderFailure('network', this.onRetryStep);
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
    'security-info-reauthenticate': CustomEvent<SecurityInfoReauthenticateDetail>;
  }
}
