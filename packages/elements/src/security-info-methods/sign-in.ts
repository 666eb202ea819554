/**
 * Asking the host to sign the person in again, for a call of the Security info page refused as `unauthenticated`
 * or `reauthentication-required`: the wizard's `security-info-reauthenticate` event, with the same detail, so a
 * host answers both with one listener.
 */
import type { SignInReason } from '@security-info/core';
import { emit } from '../shared/events.js';
import type { SecurityInfoReauthenticateDetail } from '../security-info-wizard/security-info-wizard.js';

/**
 * `signed-in`: make the call again; `not-signed-in`: the host's sign-in failed or was given up; `handled`: the
 * host cancelled the event and signs the person in its own way; `unanswered`: nobody listened.
 */
export type SignInOutcome = 'signed-in' | 'not-signed-in' | 'handled' | 'unanswered';

/** Fires the event from `element`; `waiting` is called when the host starts a sign-in with `retryAfter()`. */
export function askToSignIn(element: HTMLElement, reason: SignInReason, waiting: () => void): Promise<SignInOutcome> {
  let open = true;
  let signedIn: Promise<unknown> | undefined;
  const detail: SecurityInfoReauthenticateDetail = {
    reason,
    retryAfter(promise) {
      if (!open || signedIn)
        throw new DOMException('Call retryAfter() once, while the event is dispatched.', 'InvalidStateError');
      signedIn = Promise.resolve(promise);
    },
  };
  const proceed = emit(element, 'security-info-reauthenticate', detail, { cancelable: true });
  open = false;
  if (!signedIn) return Promise.resolve(proceed ? 'unanswered' : 'handled');
  waiting();
  return signedIn.then(
    () => 'signed-in',
    () => 'not-signed-in',
  );
}
