import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { msg } from '../shared/lit-localize.js';
import {
  EnrollmentRunner,
  type EnrolledMethod,
  type EnrollmentRequest,
  type EnrollmentState,
  type EnrollmentStep,
  type MethodId,
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
import { loadMethodIcons, type MethodSelectDetail } from '../method-picker/method-picker.js';
import type { WizardSteps } from './wizard-steps.js';
import type { WizardMethods } from './wizard-methods.js';

/**
 * What was registered: `{ method: 'phone', phoneNumber, channel }` (the number in E.164, how the last code reached
 * the person), `{ method: 'email', email }`, `{ method: 'authenticator-app' }`,
 * `{ method: 'security-questions', questionIds }` (never the answers) or `{ method: 'passkey', id, name }`.
 */
export type SecurityInfoCompleteDetail = EnrolledMethod;

export interface SecurityInfoSkipDetail {
  /** The days the person may still put the required methods off, as the policy says; undefined when it does not. */
  daysLeft: number | undefined;
  /** The required methods not set up yet, in the order they were asked for. */
  remaining: MethodId[];
}

export interface SecurityInfoSequenceCompleteDetail {
  /** What was set up in the required flow, in order; empty when the person had everything already. */
  enrolled: EnrolledMethod[];
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
 * The steps from the phone number on, with their adapter calls and signing in again, load on demand (and when the
 * browser is idle), so what loads before the phone step is small: the phone library, its metadata and the code
 * field come with them.
 */
const loadSteps = () => import('./wizard-steps.js');
/**
 * The other methods' steps and the required sequence: only when one of them is chosen, started or required; with
 * the element of the method shown, each a file of its own (methods-load.ts; the phone's steps come with all of them).
 */
const loadMethods = (method: MethodId | undefined) =>
  import('./methods-load.js').then((methods) => methods.loadMethods(method));

/** The steps that wizard-steps.ts renders. */
const LATER_STEPS: readonly EnrollmentStep[] = ['phone', 'code', 'call', 'done'];

/** The method picker's parts, forwarded under the names the wizard's JSDoc lists (the later steps' are in wizard-steps.ts). */
const METHODS_PARTS =
  'heading: methods-heading, list: methods-list, method-card: methods-card, method: methods-option, ' +
  'icon: methods-icon, note: methods-note';

/**
 * The whole "set up security info" flow: choose a method, enter a phone number, enter the code (or answer the
 * call), done. Drives the backend through the host's `adapter`; every call can be cancelled, times out, and
 * leaves the person a way forward when it fails.
 *
 * The flow is core's `EnrollmentRunner`: the pure state machine `enrollmentTransition` and the adapter calls its
 * states ask for. This element renders the state and feeds the person's actions into it.
 *
 * Events of the steps (`method-select`, `phone-submit`, `code-submit`, `code-resend`, `back`) bubble out of the
 * wizard too; `questions-submit` does not, as its answers are secrets the page never needs. Each method the picker
 * offers leads to its steps: the phone's number and code; an email address and the code sent to it; an
 * authenticator app's QR code and key, then a code from the app; security questions; a passkey made with the
 * browser's own dialog, then named. A host that enrolls a method itself cancels `method-select` (an
 * ordinary listener on the wizard or further up will do), and `showMethods()` brings the method step back.
 *
 * With `required`, the wizard asks for what the organization requires (`policy.enrollment.required`) and the person
 * lacks (`registered`) one method after another, each under "Method 1 of 2: Authenticator app", then sums up what was
 * set up. `security-info-complete` fires for each method as it is registered, `security-info-sequence-complete` at
 * the end; a person who has everything already sees the summary at once (and the event fires with nothing enrolled).
 * When the policy allows skipping, "Skip for now" fires `security-info-skip`.
 *
 * The parts of the inner elements are forwarded, named after their step: `security-info-wizard::part(phone-input)`
 * styles the phone number field inside the wizard.
 *
 * @customElement security-info-wizard
 * @summary The complete enrollment wizard for every security method the organization allows.
 *
 * @fires {CustomEvent<MethodSelectDetail>} method-select - The person chose a method (from `<method-picker>`, bubbling out). Cancelable: `preventDefault()` from any listener keeps the wizard at the methods, for a host that enrolls that method itself; the wizard decides once the event has been dispatched.
 * @fires {CustomEvent<SecurityInfoStepDetail>} security-info-step - The visible step changed; `detail.step` is `loading`, `methods`, a method's first step (`phone`, `email`, `authenticator-app`, `security-questions`, `passkey`), `code`, `call`, `done` or `summary` (the end of the required flow).
 * @fires {CustomEvent<SecurityInfoCompleteDetail>} security-info-complete - A method was registered (in the required flow, each one as it is): `detail` is `{ method: 'phone', phoneNumber, channel }`, `{ method: 'email', email }`, `{ method: 'authenticator-app' }`, `{ method: 'security-questions', questionIds }` or `{ method: 'passkey', id, name }` (its registration's id and the name saved).
 * @fires {CustomEvent<SecurityInfoSequenceCompleteDetail>} security-info-sequence-complete - The required flow reached its summary; `detail.enrolled` lists what was set up, in order (empty when nothing was missing).
 * @fires {CustomEvent<SecurityInfoSkipDetail>} security-info-skip - The person pressed "Skip for now" in the required flow: `detail` is `{ daysLeft, remaining }`, for the page to record. Cancelable: `preventDefault()` keeps the person in the flow; otherwise the wizard ends as Cancel ends it (`security-info-cancel` follows).
 * @fires {CustomEvent<undefined>} security-info-cancel - The person cancelled (or the host called `cancel()`, or skipped); every call in flight was aborted.
 * @fires {CustomEvent<undefined>} security-info-close - The person pressed Done after a method was registered, or at the required flow's summary.
 * @fires {CustomEvent<SecurityInfoReauthenticateDetail>} security-info-reauthenticate - The backend refused a call until the person signs in: their session ended (`detail.reason` is `unauthenticated`), or the change wants a recent sign-in (`reauthentication-required`). Cancelable. Call `detail.retryAfter(signedIn)` during the event to sign the person in again: the wizard waits, then makes the refused call once more with the same inputs (or, if `signedIn` rejects, tells the person to sign in). Without it the step tells the person to sign in and keeps what was entered, so pressing again after signing in elsewhere works; `preventDefault()` alone means the host takes care of signing in, and the wizard shows no message of its own.
 *
 * @csspart heading - The heading of the wizard's own steps (loading, call, done, summary).
 * @csspart panel - The container of the current step.
 * @csspart button - Buttons of the wizard's own steps, and its Back and Cancel buttons in the other steps.
 * @csspart error - Error messages of the wizard's own steps.
 * @csspart methods-heading - The method step's question (`<method-picker>`'s `heading`).
 * @csspart methods-list - The list of methods (`list`).
 * @csspart methods-card - Each method's card (`method-card`).
 * @csspart methods-option - Each method's button, its name (`method`).
 * @csspart methods-icon - Each method's icon (`icon`).
 * @csspart methods-note - The note about methods the organization does not allow (`note`).
 * @csspart phone-heading - The phone step's heading (`<security-info-phone>`'s `heading`).
 * @csspart phone-label - The labels of its fields (`label`).
 * @csspart phone-country - The country or region combobox (`picker`).
 * @csspart phone-listbox - Its list of countries and regions (`listbox`).
 * @csspart phone-input - The phone number field (`input`).
 * @csspart phone-channels - The group of "Text me a code" and "Call me" (`channels`).
 * @csspart phone-button - The phone step's own buttons (`button`).
 * @csspart phone-next - Its Next button (`next`).
 * @csspart phone-error - Its error message (`error`).
 * @csspart phone-suggested - The button that sends by the channel offered instead (`suggested`).
 * @csspart phone-loading - The progress shown while the phone number data loads (`loading`).
 * @csspart code-heading - The code step's heading (`<code-verify>`'s `heading`).
 * @csspart code-intro - The sentence that says where the code went (`intro`).
 * @csspart code-destination - The masked phone number in it (`destination`).
 * @csspart code-label - The code field's label (`label`).
 * @csspart code-input - The code field (`input`).
 * @csspart code-hint - The number of digits, under the field (`hint`).
 * @csspart code-error - Its error message (`error`).
 * @csspart code-wait - A countdown line (`wait`).
 * @csspart code-actions - The row with Verify, Back and the wizard's Cancel (`actions`).
 * @csspart code-button - The code step's own buttons (`button`).
 * @csspart code-verify - Its Verify button (`verify`).
 * @csspart code-back - Its Back button (`back`).
 * @csspart code-resend - The resend area, and each resend button (`resend`).
 * @csspart email-heading - The email step's heading (`<email-address>`'s `heading`).
 * @csspart email-intro - The sentence under it (`intro`).
 * @csspart email-label - The field's label (`label`).
 * @csspart email-input - The email field (`input`).
 * @csspart email-error - Its error message (`error`).
 * @csspart email-actions - The row with Next, Back and Cancel (`actions`).
 * @csspart email-button - The email step's own buttons (`button`).
 * @csspart email-next - Its Next button (`next`).
 * @csspart email-back - Its Back button (`back`).
 * @csspart app-heading - The authenticator app step's heading (`<authenticator-app-setup>`'s `heading`).
 * @csspart app-intro - Its numbered instructions (`intro`).
 * @csspart app-loading - The progress while the key is made (`loading`).
 * @csspart app-qr - The QR code (`qr`).
 * @csspart app-key - The key, in groups of four (`key`).
 * @csspart app-copy - The Copy button (`copy`).
 * @csspart app-error - Its error message (`error`).
 * @csspart app-button - The app step's own buttons (`button`).
 * @csspart app-next - Its Next button (`next`).
 * @csspart app-back - Its Back button (`back`).
 * @csspart questions-heading - The security questions step's heading (`<security-questions-form>`'s `heading`).
 * @csspart questions-intro - The sentence under it (`intro`).
 * @csspart questions-summary - The summary of what to fix, or the error (`summary`).
 * @csspart questions-row - Each question with its answer (`row`).
 * @csspart questions-label - The fields' labels (`label`).
 * @csspart questions-select - Each list of questions (`select`).
 * @csspart questions-input - Each answer field (`input`).
 * @csspart questions-error - The message under a field (`error`).
 * @csspart questions-actions - The row with Save, Back and Cancel (`actions`).
 * @csspart questions-button - The questions step's own buttons (`button`).
 * @csspart questions-save - Its Save button (`save`).
 * @csspart questions-back - Its Back button (`back`).
 * @csspart passkey-heading - The passkey step's heading (`<passkey-setup>`'s `heading`).
 * @csspart passkey-intro - What a passkey is, and what happens next (`intro`).
 * @csspart passkey-status - The line shown while the browser's dialog is open (`status`).
 * @csspart passkey-error - Its error message (`error`).
 * @csspart passkey-label - The name field's label (`label`).
 * @csspart passkey-input - The name field (`input`).
 * @csspart passkey-hint - The line under the name field (`hint`).
 * @csspart passkey-button - The passkey step's own buttons (`button`).
 * @csspart passkey-create - Its Create passkey button (`create`).
 * @csspart passkey-save - Its Save button, for the name (`save`).
 * @csspart passkey-back - Its Back button (`back`).
 * @csspart sequence-heading - In the required flow, "Method 1 of 2: Authenticator app" above each step.
 * @csspart sequence-steps - The list of the required methods, the current one marked (`aria-current="step"`).
 * @csspart summary - The list of what the required flow set up.
 * @csspart skip - The required flow's "Skip for now" button (with `button`).
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
    registered: { attribute: false },
    replaces: {},
    required: { type: Boolean },
    stepUnavailable: { state: true },
    steps: { state: true },
    methods: { state: true },
  };

  /** The host's backend. Required; the flow starts once the element is connected and has one. */
  declare adapter: SecurityInfoAdapter | undefined;
  /** What the method is for: `mfa` (two-step verification) or `password-reset`; unset offers every method. */
  declare purpose: Purpose | undefined;
  /**
   * A method's id (`phone`, `email`, `authenticator-app`, `security-questions`) skips the method step and starts at
   * that method, when the policy offers it (else the method step says why). Read when the flow starts.
   */
  declare start: 'methods' | MethodId | undefined;
  /** The country or region chosen at first (ISO 3166-1 alpha-2), when the policy names none. */
  declare defaultCountry: string | undefined;
  /** The organization's policy; when given, `adapter.getPolicy` is not called. Read when the flow starts. */
  declare policy: SecurityInfoPolicy | undefined;
  /** Milliseconds each adapter call may take before it is aborted with the `timeout` error. Default 30000. */
  declare timeout: number;
  /** The methods the person has set up already: the method step marks them, and `required` asks for the others. */
  declare registered: MethodId[];
  /**
   * The registration id of the method being changed (Change on the Security info page, with `start` naming its
   * kind): a phone's codes are sent for the number that is to take its place (`SendCodeRequest.replaces`), and the
   * old one keeps working until the new one is verified. Unset adds a method.
   */
  declare replaces: string | undefined;
  /**
   * The required flow, as at sign-in: instead of the method step, the methods that `policy.enrollment.required`
   * asks of the person and `registered` lacks, one after another ("Method 1 of 2: Authenticator app"), then a
   * summary. Read when the flow starts.
   */
  declare required: boolean;

  /** The step whose code could not be loaded, while that lasts. */
  declare private stepUnavailable: EnrollmentStep | undefined;
  /** The steps from the phone number on, once their module has loaded. */
  declare private steps: WizardSteps | undefined;
  /** The other methods' steps and the sequence, once their module has loaded. */
  declare private methods: WizardMethods | undefined;

  private readonly runner = new EnrollmentRunner({
    adapter: () => this.adapter,
    timeout: () => this.timeout,
    signInRequired: (refused) => this.askToSignIn(refused),
  });
  private focusAfterUpdate = false;

  constructor() {
    super();
    this.timeout = 30_000;
    this.registered = [];
    this.required = false;
    new LocalizeController(this);
    this.runner.subscribe(this.stateChanged);
  }

  /**
   * Does what the Cancel button does: aborts every call in flight and fires `security-info-cancel`, for a host
   * that closes the wizard by other means (Escape, its own close button). Does nothing once the phone is
   * registered, nor before the flow has started.
   */
  cancel(): void {
    this.runner.dispatch({ type: 'cancel' });
  }

  /**
   * Back to the method step from any step, as the Back button of a method's first step does (a call in flight is
   * aborted): for a host that enrolled a method itself after cancelling `method-select`, or that wants the person
   * to choose again. Does nothing in the required flow, before the policy has loaded, or once the flow has ended.
   */
  showMethods(): void {
    this.runner.dispatch({ type: 'show-methods' });
  }

  /** The step shown now. */
  get step(): EnrollmentStep | undefined {
    return this.runner.state?.step;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener?.('online', this.onOnline);
    this.runner.resume();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener?.('online', this.onOnline);
    this.runner.pause();
  }

  protected override willUpdate(): void {
    if (this.runner.state || !this.isConnected || !(this.adapter || this.policy)) return;
    const { policy, purpose, start } = this;
    this.runner.start({ policy, purpose, start });
    this.loadStep();
    // The method step's icons come while the policy does, so the step shows with them.
    if (!this.required) void loadMethodIcons();
    // The phone step is the likely next one: fetch it while the person reads.
    const idle = globalThis.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
    idle(() => loadSteps().catch(() => undefined));
  }

  protected override updated(): void {
    // A step whose module is still on its way takes focus when it arrives (or when it has failed to).
    if (!this.focusAfterUpdate || (!this.view() && this.needsSteps() && this.stepUnavailable !== this.step)) return;
    this.focusAfterUpdate = false;
    const step = this.renderRoot.querySelector('[part~="panel"]')?.firstElementChild as Step | null | undefined;
    // The custom elements the wizard shows are its steps, and they are defined by the time they show: the later
    // ones come with the module waited for above.
    if (step?.localName.includes('-')) void step.updateComplete.then(() => step.focusHeading());
    else focusHeading(this.renderRoot);
  }

  /** Whether wizard-methods.ts renders the state: another method than phone, or the required flow. */
  private another(state = this.runner.state): boolean {
    return this.required || (state?.method ?? 'phone') != 'phone';
  }

  /** Whether the step shown is one of the later ones (wizard-steps.ts, or wizard-methods.ts). */
  private needsSteps(state = this.runner.state): boolean {
    return this.another(state) || (!!state && LATER_STEPS.includes(state.step));
  }

  /** What renders the state's step, once its module (and, for another method, its element's) is here. */
  private view(state = this.runner.state) {
    return this.another(state) ? this.methods?.view(state!) : this.steps;
  }

  /** After each change of state: the page hears of a new step, which takes focus and gets its code. */
  private readonly stateChanged = (before: EnrollmentState, after: EnrollmentState) => {
    this.requestUpdate();
    if (after.step === before.step) return;
    if (after.step === 'cancelled') {
      emit(this, 'security-info-cancel', undefined);
      return;
    }
    // Focus follows the person's own actions; the first step appearing after the policy loads does not take
    // focus away from wherever it is on the page.
    this.focusAfterUpdate = before.step !== 'loading' || this.matches(':focus-within');
    emit(this, 'security-info-step', { step: after.step });
    this.loadStep();
  };

  /** The steps' controller, with its module loaded first. */
  private stepsReady(): Promise<WizardSteps> {
    return loadSteps().then(({ WizardSteps }) => (this.steps ??= new WizardSteps(this.host)));
  }

  /** The other methods' controller, with its module (and the phone's steps, in the required flow) loaded first. */
  private methodsReady(): Promise<WizardMethods> {
    return loadMethods(this.runner.state?.method)
      .then(({ WizardMethods }) => WizardMethods.ready(this.host))
      .then((methods) => {
        this.methods = methods;
        this.requestUpdate(); // The method's element may have come since the steps did.
        return methods;
      });
  }

  /**
   * Loads what a later step needs. A step whose code cannot load (offline) shows why, with Try again; coming back
   * online tries again by itself.
   */
  private loadStep(): void {
    const step = this.step;
    if (!this.needsSteps()) return;
    (this.another() ? this.methodsReady() : this.stepsReady()).then(
      () => {
        if (this.stepUnavailable !== step) return;
        this.stepUnavailable = undefined;
        this.focusAfterUpdate = true; // From Try again to the step that is there now.
      },
      () => {
        if (this.step !== step) return;
        this.stepUnavailable = step;
        this.focusAfterUpdate = true;
      },
    );
  }

  /** Refused until the person signs in: the page is asked to sign them in again (sign-in.ts, with the steps). */
  private askToSignIn(refused: EnrollmentRequest): void {
    // The same for every method: the other methods' steps are built on the phone's, so these are loaded with them.
    this.stepsReady().then(
      (steps) => steps.askToSignIn(refused),
      () => undefined, // The message stays: signing in elsewhere and trying again still works.
    );
  }

  // --- What the person does -------------------------------------------------------------------------------

  // Decided once the event has reached every listener (a host's on the wizard or further up may cancel it): the
  // picker dispatches it from a click, so the microtask runs after the dispatch returns.
  private readonly onMethodSelect = (event: CustomEvent<MethodSelectDetail>) =>
    queueMicrotask(() => {
      if (!event.defaultPrevented) this.runner.dispatch({ type: 'method-chosen', method: event.detail.method });
    });

  private readonly onCancel = () => this.cancel();
  private readonly onRetry = () => this.runner.dispatch({ type: 'retry' });
  private readonly onRetryStep = () => this.loadStep();
  private readonly onOnline = () => {
    if (this.stepUnavailable) this.onRetryStep();
  };

  // --- Rendering --------------------------------------------------------------------------------------------

  private readonly cancelButton = (slot: string | typeof nothing = 'actions'): TemplateResult =>
    html`<button type="button" part="button" slot=${slot} @click=${this.onCancel}>
      ${msg('Cancel', { id: 'wizard.cancel', desc: 'Button that stops setting up security info.' })}
    </button>`;

  /**
   * What the steps may use of the wizard (StepsHost; the other methods' MethodsHost also asks for the phone's steps,
   * which it shows in the required flow).
   */
  private readonly host = {
    element: this,
    runner: this.runner,
    cancelButton: this.cancelButton,
    phone: () => this.stepsReady(),
  };

  protected override render() {
    const state = this.runner.state;
    return html`<div part="panel" class="panel">${state ? this.renderStep(state) : this.renderLoading()}</div>`;
  }

  private renderStep(state: EnrollmentState): TemplateResult | typeof nothing {
    switch (state.step) {
      case 'methods':
        // The required flow shows no method step: its first method follows once its module is here.
        if (this.required) return this.renderLoading();
        return html`<method-picker
          exportparts=${METHODS_PARTS}
          .policy=${state.policy}
          purpose=${state.purpose ?? nothing}
          .registered=${this.registered}
          @method-select=${this.onMethodSelect}
          >${this.cancelButton()}</method-picker
        >`;
      case 'cancelled':
        return nothing;
      default:
        // Without a request the policy failed to load (or the host took signing in over, with no message).
        if (state.step === 'loading' && !state.request) return this.renderFailure(state.error?.code, this.onRetry);
        if (this.stepUnavailable === state.step) return this.renderFailure('network', this.onRetryStep);
        // The later steps, and the wait for a sign-in while loading: what the steps' module renders, once it is
        // there; the loading status until then.
        return this.view(state)?.render(state) ?? this.renderLoading();
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

  /**
   * Something the flow needs could not be loaded (the policy, or the code of a step): what happened (if the wizard
   * is to say), Try again and Cancel.
   */
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
    'security-info-skip': CustomEvent<SecurityInfoSkipDetail>;
    'security-info-sequence-complete': CustomEvent<SecurityInfoSequenceCompleteDetail>;
  }
}
