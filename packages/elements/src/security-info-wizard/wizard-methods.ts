/**
 * The wizard's steps for the methods beyond phone (an email address and the code sent to it, an authenticator app's
 * key and a code of the app, security questions) and the required flow (a step indicator above each method, Skip for
 * now, a summary), as a controller of `<security-info-wizard>`. It brings those methods' part to the wizard's runner
 * (core's runner-methods.ts), keeps what their calls need out of the state (the code, the answers) and renders
 * their steps. The wizard loads this module only when one of those methods is chosen or started, or with `required`.
 *
 * Built on the phone's steps (wizard-steps.ts: the code step's forwarded parts and states, and the phone itself in the
 * required flow), which the wizard fetches when the browser is idle in any flow. Each method's element comes with a
 * module of its own (methods-app.ts, methods-email.ts, methods-questions.ts) that imports this one: a bundler puts a
 * module shared by lazy chunks in a file of its own, so an element imported here, or loaded from here, would cut the
 * phone's chunk into small files (about 4.7 KB more for a phone enrollment, measured with the bench's esbuild build).
 * Until the element of the method shown is defined, `view` has nothing to show and the wizard waits.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { msg, str } from '../shared/lit-localize.js';
import {
  enrolledMethod,
  isSignInReason,
  maskEmail,
  methodsEnrollment,
  type EnrollmentEvent,
  type EnrollmentOperation,
  type EnrollmentState,
  type MethodId,
  type SecurityQuestionAnswer,
} from '@security-info/core';
import { addEnrollMessages } from '../shared/enroll-messages.js';
import { emit } from '../shared/events.js';
import { errorMessage } from '../shared/error-messages.js';
import { tooManyChanges } from '../shared/too-many-changes.js';
import { getLocale } from '../shared/localization.js';
import { textLocale } from '../shared/text-locale.js';
import { PLACE, placeIn } from '../shared/placeholder.js';
import { signInWait } from './sign-in.js';
import { renderDone, renderSequence, renderSummary, SEQUENCE_STYLES } from './wizard-sequence.js';
import { CODE_PARTS, CODE_STATUSES, type CodeStatus, type StepsHost, type WizardSteps } from './wizard-steps.js';
import type { CodeResendDetail, CodeSubmitDetail } from '../code-verify/code-verify.js';
import type { EmailSubmitDetail } from '../email-address/email-address.js';
import type { QuestionsSubmitDetail } from '../security-questions/security-questions-form.js';
import type { PasskeyBrowser, PasskeySaveDetail } from '../passkey/passkey.js';

// The words of these steps in the other languages load with them, never with the phone flow.
addEnrollMessages();

/** What these steps need of the wizard that shows them. */
export interface MethodsHost extends StepsHost {
  element: StepsHost['element'] & { required: boolean; registered: MethodId[] };
  /** The phone's steps, which the required flow shows among the others. */
  phone(): Promise<WizardSteps>;
}

/** The parts of the inner elements that the wizard forwards, named after their step (see its JSDoc). */
const EMAIL_PARTS =
  'heading: email-heading, intro: email-intro, label: email-label, input: email-input, error: email-error, ' +
  'actions: email-actions, button: email-button, next: email-next, back: email-back';
const APP_PARTS =
  'heading: app-heading, intro: app-intro, loading: app-loading, qr: app-qr, key: app-key, copy: app-copy, ' +
  'error: app-error, button: app-button, next: app-next, back: app-back';
const QUESTIONS_PARTS =
  'heading: questions-heading, intro: questions-intro, summary: questions-summary, row: questions-row, ' +
  'label: questions-label, select: questions-select, input: questions-input, error: questions-error, ' +
  'actions: questions-actions, button: questions-button, save: questions-save, back: questions-back';
const PASSKEY_PARTS =
  'heading: passkey-heading, intro: passkey-intro, status: passkey-status, error: passkey-error, ' +
  'label: passkey-label, input: passkey-input, hint: passkey-hint, button: passkey-button, ' +
  'create: passkey-create, save: passkey-save, back: passkey-back';

/** The browser's side of a passkey, once the passkey's module (methods-passkey.ts) has brought it. */
let passkeys: PasskeyBrowser | undefined;

/** Called by the passkey's module when it loads: its dialog and suggested name, for the passkey's calls. */
export function usePasskeys(browser: PasskeyBrowser): void {
  passkeys = browser;
}

/** The element each method's steps show, defined by the method's own module (see above). */
const ELEMENTS: Partial<Record<MethodId, string>> = {
  'authenticator-app': 'authenticator-app-setup',
  email: 'email-address',
  'security-questions': 'security-questions-form',
  passkey: 'passkey-setup',
};

const signingIn = (state: EnrollmentState) => state.request?.operation === 'signIn';

/** The calls of these steps that send a code: refused for now, there were too many codes. */
const SENDS_CODES: readonly EnrollmentOperation[] = ['sendEmailCode', 'resendEmailCode'];

/**
 * Whether an input the person submitted (a code, answers) may still be sent by `operation`: now, or again once they
 * have signed in (from the refusal, as the host may yet start a sign-in, until the person acts again).
 */
const needed = ({ request, error }: EnrollmentState, operation: EnrollmentOperation) =>
  request?.operation === operation ||
  request?.repeats === operation ||
  (error?.operation === operation && isSignInReason(error.code));

const controllers = new WeakMap<HTMLElement, WizardMethods>();

export class WizardMethods implements ReactiveController {
  /** The code being verified, only while a call needs it (see `needed`). Never part of the state. */
  private code: string | undefined;
  /** The answers being registered, only while a call needs them. Never part of the state. */
  private answers: SecurityQuestionAnswer[] | undefined;
  private phoneSteps: WizardSteps | undefined;
  private shownChallenge: unknown;
  private unsubscribe: (() => void) | undefined;

  /** The wizard's controller (one per wizard), once what the wizard's present step shows has loaded. */
  static async ready(host: MethodsHost): Promise<WizardMethods> {
    let methods = controllers.get(host.element);
    if (!methods) controllers.set(host.element, (methods = new WizardMethods(host)));
    await methods.load(host.runner.state);
    return methods;
  }

  private constructor(private readonly host: MethodsHost) {
    const { element, runner } = host;
    runner.use(
      methodsEnrollment({
        code: () => this.code,
        answers: () => this.answers,
        locale: getLocale,
        replaces: () => element.replaces,
        createPasskey: (options, signal) =>
          passkeys ? passkeys.createPasskey(options, signal) : Promise.reject(new Error('No passkey module.')),
        passkeyName: () => passkeys?.deviceName(),
      }),
    );
    const root = element.renderRoot as ShadowRoot;
    if (root.adoptedStyleSheets && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(SEQUENCE_STYLES);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } else {
      // Without constructable style sheets (as Lit falls back to): a style element of the shadow root's own.
      const style = document.createElement('style');
      style.textContent = SEQUENCE_STYLES;
      root.append(style);
    }
    element.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = this.host.runner.subscribe(this.stateChanged);
    this.begin();
  }

  /** Off the page: the call in flight is abandoned, so its inputs are forgotten. */
  hostDisconnected(): void {
    this.unsubscribe?.();
    this.code = this.answers = undefined;
  }

  /** After each update: a new email code's cooldown is the server's word, whatever came before. */
  hostUpdated(): void {
    const state = this.host.runner.state;
    const challenge = state?.step === 'code' && state.method === 'email' ? state.challenge : undefined;
    if (!challenge || challenge === this.shownChallenge) return;
    this.shownChallenge = challenge;
    const verify = this.host.element.renderRoot.querySelector('code-verify');
    void verify?.updateComplete.then(() => verify.restartCooldown(challenge.resendInSeconds ?? 0));
  }

  /**
   * This controller when what `state` shows is here; undefined while the phone's steps load for the required flow
   * (the wizard shows its loading meanwhile).
   */
  view(state: EnrollmentState): this | undefined {
    const element = state.method && state.step !== 'summary' ? ELEMENTS[state.method] : undefined;
    if (element && !customElements.get(element)) return undefined;
    return state.method === 'phone' && state.step !== 'summary' && !this.phoneSteps ? undefined : this;
  }

  /** Loads what `state` shows: the phone's steps, in the required flow. */
  private async load(state: EnrollmentState | undefined): Promise<void> {
    if (state?.method !== 'phone' || this.phoneSteps) return;
    this.phoneSteps = await this.host.phone();
    this.host.element.requestUpdate();
  }

  /** Starts what the state waits for from these steps: the required flow, an authenticator app's key. */
  private begin(state = this.host.runner.state): void {
    const { element, runner } = this.host;
    if (!state) return;
    if (element.required && !state.sequence) {
      runner.dispatch({ type: 'sequence-started', registered: element.registered });
    } else if (state.step === 'authenticator-app' && !state.challenge && !state.request && !state.error) {
      // A key of its own each time the step is entered from the methods (Back from the code keeps it).
      runner.dispatch({ type: 'app-requested' });
    }
  }

  /**
   * After each change of the wizard's state: inputs no call needs are forgotten; the page hears of a registered
   * method (the phone's own steps tell of a phone), and of the end of the required flow, which moves on by itself
   * from each finished method once every listener has heard of it.
   */
  private readonly stateChanged = (before: EnrollmentState, after: EnrollmentState) => {
    const { element, runner } = this.host;
    if (!needed(after, 'verifyMethodCode')) this.code = undefined;
    if (!needed(after, 'setSecurityQuestions')) this.answers = undefined;
    if (after.step === before.step) return;
    const enrolled = after.step === 'done' && enrolledMethod(after);
    if (enrolled && enrolled.method !== 'phone') emit(element, 'security-info-complete', enrolled);
    if (enrolled && after.sequence) queueMicrotask(() => runner.dispatch({ type: 'sequence-next' }));
    if (after.step === 'summary') {
      emit(element, 'security-info-sequence-complete', { enrolled: after.sequence?.enrolled ?? [] });
    }
    this.begin(after);
  };

  // --- What the person does -------------------------------------------------------------------------------

  private dispatch(event: EnrollmentEvent): boolean {
    return this.host.runner.dispatch(event);
  }

  private readonly onEmailSubmit = (event: CustomEvent<EmailSubmitDetail>) =>
    this.dispatch({ type: 'email-submitted', email: event.detail.email });

  /** Next under the key; without a key (it failed to come), Next asks for one again. */
  private readonly onAppContinue = () =>
    this.dispatch({ type: this.host.runner.state?.challenge ? 'app-added' : 'app-requested' });

  private readonly onQuestionsSubmit = (event: CustomEvent<QuestionsSubmitDetail>) => {
    // The answers are secrets the page never needs (it hears the question ids): their event ends here.
    event.stopPropagation();
    this.answers = event.detail.answers;
    const questionIds = this.answers.map((answer) => answer.questionId);
    if (!this.dispatch({ type: 'questions-submitted', questionIds })) this.answers = undefined;
  };

  private readonly onCodeSubmit = (event: CustomEvent<CodeSubmitDetail>) => {
    this.code = event.detail.code;
    if (!this.dispatch({ type: 'code-submitted' })) this.code = undefined;
  };

  private readonly onResend = (event: CustomEvent<CodeResendDetail>) =>
    this.dispatch({ type: 'resend-requested', channel: event.detail.channel });

  private readonly onPasskeyCreate = () => this.dispatch({ type: 'passkey-requested', at: Date.now() });
  private readonly onPasskeySave = (event: CustomEvent<PasskeySaveDetail>) =>
    this.dispatch({ type: 'passkey-named', name: event.detail.name });

  private readonly onBack = () => this.dispatch({ type: 'back' });
  private readonly onDone = () => emit(this.host.element, 'security-info-close', undefined);

  /** Skip for now: the page hears it (and may refuse it); then the wizard ends as Cancel ends it. */
  private readonly onSkip = () => {
    const state = this.host.runner.state;
    const sequence = state?.sequence;
    if (!sequence) return;
    const detail = {
      daysLeft: state.policy?.enrollment?.skip?.daysLeft,
      remaining: sequence.methods.slice(sequence.enrolled.length),
    };
    if (emit(this.host.element, 'security-info-skip', detail, { cancelable: true })) this.dispatch({ type: 'cancel' });
  };

  // --- Rendering --------------------------------------------------------------------------------------------

  /** The view of the step, inside the required flow's indicator when there is one. */
  render(state: EnrollmentState): TemplateResult | undefined {
    const view = this.renderStep(state);
    return state.sequence && state.step !== 'summary' ? renderSequence(state, view, this.onSkip) : view;
  }

  private renderStep(state: EnrollmentState): TemplateResult | undefined {
    if (state.step === 'summary') return renderSummary(state, this.onDone);
    if (state.method === 'phone') return this.phoneSteps?.render(state);
    switch (state.step) {
      case 'loading':
        return signInWait(state, { actions: this.host.cancelButton(nothing) });
      case 'email':
        return this.renderEmail(state);
      case 'authenticator-app':
        return this.renderApp(state);
      case 'security-questions':
        return this.renderQuestions(state);
      case 'passkey':
        return this.renderPasskey(state);
      case 'code':
        return this.renderCode(state);
      case 'done':
        return renderDone(state, this.onDone, !!this.host.element.replaces);
      default:
        return undefined;
    }
  }

  /**
   * The message for the last failure (with the wait the backend asked for, in words, as nothing here counts it
   * down), except the codes in `except`. Refused for now, only sending a code is about codes; anything else is a
   * change, as the Security info page says it.
   */
  private errorText(state: EnrollmentState, except: readonly string[] = []): string {
    const error = state.error;
    if (!error || except.includes(error.code)) return '';
    const locale = textLocale(this.host.element);
    if (error.code === 'rate-limited' && !SENDS_CODES.includes(error.operation))
      return tooManyChanges(error.retryAfterSeconds, locale);
    return errorMessage(error.code, { retryAfterSeconds: error.retryAfterSeconds, locale, still: true });
  }

  /** The wizard's Cancel and the wait for a sign-in, in a step's row of buttons. */
  private actions(state: EnrollmentState): TemplateResult {
    return html`${this.host.cancelButton()} ${signInWait(state, { slot: 'actions' })}`;
  }

  private renderEmail(state: EnrollmentState): TemplateResult {
    return html`<email-address
      exportparts=${EMAIL_PARTS}
      .value=${state.email ?? ''}
      .pending=${state.request?.operation === 'sendEmailCode'}
      ?replacing=${!!this.host.element.replaces}
      ?disabled=${signingIn(state)}
      .error=${this.errorText(state)}
      ?address-rejected=${state.error?.code === 'number-rejected'}
      @email-submit=${this.onEmailSubmit}
      ?hide-back=${!state.showsMethods}
      @back=${this.onBack}
      >${this.actions(state)}</email-address
    >`;
  }

  private renderApp(state: EnrollmentState): TemplateResult {
    // The key and the URI are properties only: never in an attribute, where inspectors and session replays read them.
    return html`<authenticator-app-setup
      exportparts=${APP_PARTS}
      .uri=${(state.challenge && state.app?.otpauthUri) || ''}
      .secret=${(state.challenge && state.app?.secret) || ''}
      .pending=${!!state.request}
      .error=${this.errorText(state)}
      @app-continue=${this.onAppContinue}
      ?hide-back=${!state.showsMethods}
      @back=${this.onBack}
      >${this.actions(state)}</authenticator-app-setup
    >`;
  }

  private renderQuestions(state: EnrollmentState): TemplateResult {
    const policy = state.policy?.securityQuestions;
    return html`<security-questions-form
      exportparts=${QUESTIONS_PARTS}
      .questions=${policy?.questions ?? []}
      .required=${policy?.required ?? 3}
      .pending=${state.request?.operation === 'setSecurityQuestions'}
      .error=${this.errorText(state)}
      @questions-submit=${this.onQuestionsSubmit}
      ?hide-back=${!state.showsMethods}
      @back=${this.onBack}
      >${this.actions(state)}</security-questions-form
    >`;
  }

  /**
   * A passkey: Create, the browser's dialog, then its name. A failure of the dialog (or the backend's refusal of its
   * answer) is said by the step in its own words; any other failure as every step says it.
   */
  private renderPasskey(state: EnrollmentState): TemplateResult {
    const { error, passkey } = state;
    const failure = error?.reason?.startsWith('passkey-') ? error.reason : '';
    return html`<passkey-setup
      exportparts=${PASSKEY_PARTS}
      ?unsupported=${!passkeys?.supportsPasskeys()}
      ?created=${!!passkey?.registered}
      .name=${passkey?.registered?.name ?? ''}
      .pending=${!!state.request && !signingIn(state)}
      .failure=${failure}
      .error=${failure ? '' : this.errorText(state)}
      @passkey-create=${this.onPasskeyCreate}
      @passkey-save=${this.onPasskeySave}
      ?hide-back=${!state.showsMethods}
      @back=${this.onBack}
      >${this.actions(state)}</passkey-setup
    >`;
  }

  /** The code step of an email (named, masked; resent by email) or of an authenticator app (no resend). */
  private renderCode(state: EnrollmentState): TemplateResult {
    const { error, challenge } = state;
    const email = state.method === 'email';
    const length = challenge?.codeLength ?? 6;
    const masked = email ? maskEmail(state.email ?? '') : '';
    const verifyStatus =
      error?.operation === 'verifyMethodCode' && (CODE_STATUSES as readonly string[]).includes(error.code);
    const status: CodeStatus | 'idle' = verifyStatus
      ? (error.code as CodeStatus)
      : state.locked
        ? 'too-many-attempts'
        : 'idle';
    const operation = state.request?.operation;
    const intro = email
      ? placeIn(
          msg(str`We sent a code to ${PLACE}.`, {
            id: 'enroll.email.code-intro',
            desc: 'Above the code field; the placeholder is the masked email address the code went to, such as j•••@example.com.',
          }),
          html`<span class="ltr">${masked}</span>`,
        )
      : msg(str`Enter the ${length}-digit code from your authenticator app.`, {
          id: 'enroll.app.code-intro',
          desc: 'Above the code field; the placeholder is the number of digits (usually 6).',
        });
    // The masked address names the resend cooldown kept across a reload; an app's code has no resend.
    return html`<code-verify
      exportparts=${CODE_PARTS}
      destination=${masked}
      length=${length}
      .resendInSeconds=${(email && challenge?.resendInSeconds) || 0}
      .pending=${operation === 'verifyMethodCode' || operation === 'resendEmailCode'}
      ?disabled=${signingIn(state)}
      status=${status}
      .attemptsRemaining=${error?.attemptsRemaining}
      .retryAfterSeconds=${status === 'too-many-attempts' ? error?.retryAfterSeconds : undefined}
      .error=${this.errorText(state, verifyStatus ? CODE_STATUSES : [])}
      @code-submit=${this.onCodeSubmit}
      @code-resend=${this.onResend}
      @back=${this.onBack}
      ><span slot="intro">${intro}</span
      >${email ? nothing : html`<span slot="resend"></span>`}${this.actions(state)}</code-verify
    >`;
  }
}
