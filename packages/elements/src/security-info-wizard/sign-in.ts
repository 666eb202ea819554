/**
 * Signing the person in again, for `<security-info-wizard>`, after the backend refused a call because their
 * session ended or because the change wants a recent sign-in: asks the host (the `security-info-reauthenticate`
 * event), waits for the sign-in the host starts with `retryAfter()`, and shows that wait. The state it moves
 * through is core's `signInTransition`. The wizard loads this module when a call is first refused for either
 * reason, and its later steps bring it along, so none of it is downloaded before then.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  canRepeatAfterSignIn,
  isSignInReason,
  signInTransition,
  type EnrollmentRequest,
  type EnrollmentState,
  type SignInEvent,
} from '@security-info/core';
import { msg } from '../shared/lit-localize.js';
import { emit } from '../shared/events.js';
// Runs inside the wizard, whose module is therefore loaded already: saying so keeps what the two share in the
// wizard's own chunk rather than in one more file to download first (see wizard-steps.ts).
import './security-info-wizard.js';

/** What signing in needs of the wizard. */
export interface SignInHost {
  /** The wizard element: the event's target. */
  element: HTMLElement;
  state(): EnrollmentState | undefined;
  /** Applies an event to the wizard's state machine with `transition`; false when nothing changed. */
  dispatch(event: SignInEvent, transition: typeof signInTransition): boolean;
}

export class SignIn {
  constructor(private readonly host: SignInHost) {}

  /**
   * Fires `security-info-reauthenticate` for `refused`, when it may be made again after a sign-in. With
   * `retryAfter(signedIn)` called during the event the step waits, and `signedIn` decides: fulfilled, the call
   * is made again; rejected, the person is told to sign in. A cancelled event without it leaves signing in to the
   * host (no message of the wizard's own); otherwise the failure's message stays.
   */
  ask(refused: EnrollmentRequest): void {
    const state = this.host.state();
    const reason = state?.error?.code;
    if (!state || !canRepeatAfterSignIn(state, refused) || !isSignInReason(reason)) return;
    let open = true;
    let signedIn: Promise<unknown> | undefined;
    const proceed = emit(
      this.host.element,
      'security-info-reauthenticate',
      {
        reason,
        retryAfter: (promise) => {
          if (!open || signedIn) {
            throw new DOMException('Call retryAfter() once, while the event is dispatched.', 'InvalidStateError');
          }
          signedIn = Promise.resolve(promise);
        },
      },
      { cancelable: true },
    );
    open = false;
    if (!signedIn) {
      if (!proceed) this.apply({ type: 'sign-in-handled', refused });
      return;
    }
    this.apply({ type: 'signing-in', refused });
    const wait = this.host.state()?.request;
    // A listener moved the flow on during the event (Cancel, say): there is nothing to wait for.
    if (wait?.operation !== 'signIn') return void signedIn.catch(() => undefined);
    // An answer after Back, Cancel or leaving the page names a request that is over: it changes nothing.
    signedIn.then(
      () => this.apply({ type: 'signed-in', requestId: wait.id }),
      () => this.apply({ type: 'sign-in-failed', requestId: wait.id }),
    );
  }

  private apply(event: SignInEvent): boolean {
    return this.host.dispatch(event, signInTransition);
  }

  /** The wait, in place of the loading status, with `actions` (Cancel). */
  render(state: EnrollmentState, actions: TemplateResult): TemplateResult | undefined {
    return signInWait(state, { actions });
  }
}

/**
 * While the host signs the person in: what the step waits for, in the step's row of buttons (`slot`), or followed
 * by `actions` where the step has none of its own (loading).
 */
export function signInWait(
  state: EnrollmentState,
  { slot, actions }: { slot?: string; actions?: TemplateResult } = {},
): TemplateResult | undefined {
  if (state.request?.operation !== 'signIn') return undefined;
  return html`<span class="status" role="status" slot=${slot ?? nothing}>
      <span class="spinner" aria-hidden="true"></span>${msg('Waiting for you to sign in…', {
        id: 'wizard.signing-in',
        desc: 'Shown while the person signs in again after their session ended; what they entered is kept.',
      })}
    </span>
    ${actions ? html`<div class="actions">${actions}</div>` : nothing}`;
}
