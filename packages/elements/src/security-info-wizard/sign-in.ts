/**
 * Signing the person in again, for `<security-info-wizard>`, after the backend refused a call because their
 * session ended or because the change wants a recent sign-in: asks the page (the `security-info-reauthenticate`
 * event) and shows the wait for the sign-in it starts. What the answer does to the flow is core's `followSignIn`.
 * It comes with the later steps (wizard-steps.ts), which show the wait, so none of it loads before them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  followSignIn,
  signInReason,
  type EnrollmentRequest,
  type EnrollmentRunner,
  type EnrollmentState,
} from '@security-info/core';
import { msg } from '../shared/lit-localize.js';
import { emit } from '../shared/events.js';

/**
 * Fires `security-info-reauthenticate` from `element` for `refused`, when it may be made again after a sign-in.
 * With `retryAfter(signedIn)` called during the event the step waits for `signedIn`; a cancelled event without it
 * leaves signing in to the page (no message of the wizard's own); otherwise the failure's message stays.
 */
export function askToSignIn(element: HTMLElement, runner: EnrollmentRunner, refused: EnrollmentRequest): void {
  const reason = signInReason(runner, refused);
  if (!reason) return;
  let open = true;
  let signedIn: Promise<unknown> | undefined;
  const proceed = emit(
    element,
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
  followSignIn(runner, refused, { signedIn, handled: !proceed });
}

/**
 * While the page signs the person in: what the step waits for, in the step's row of buttons (`slot`), or followed
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
