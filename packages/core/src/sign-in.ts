/**
 * Signing in again: the part of the enrollment state machine (enrollment.ts) that follows a call refused as
 * `unauthenticated` (the session ended) or `reauthentication-required` (the change wants a recent sign-in). The
 * host signs the person in (a pop-up, a dialog); meanwhile the step waits with everything entered, and once signed
 * in the refused call is made again, once, with the same inputs. A module of its own because a wizard needs it
 * only when a call has been refused for a sign-in, and so loads it only then.
 *
 * The wait is a request of its own (`signIn`): nothing else starts while it lasts (a second click changes
 * nothing), Back and Cancel end it like any call, and an answer after that changes nothing.
 */
import type { EnrollmentState } from './enrollment.js';
import { isSignInReason } from './errors.js';
import { answers, settled, withRequest, type AdapterOperation, type EnrollmentRequest } from './requests.js';

export type SignInEvent =
  /** The host is signing the person in again after `refused` was refused: wait, then make it again. */
  | { type: 'signing-in'; refused: EnrollmentRequest }
  /** The host signed the person in: the refused call is made again, with the same inputs. */
  | { type: 'signed-in'; requestId: number }
  /** The sign-in failed or was given up: the person is told to sign in, with the step as it was. */
  | { type: 'sign-in-failed'; requestId: number }
  /** The host signs the person in by itself (it navigates away, say): the step shows no failure of its own. */
  | { type: 'sign-in-handled'; refused: EnrollmentRequest };

/**
 * Whether the host may be asked to sign the person in and have `refused` made again: it is the last request, it
 * was refused for a sign-in (`unauthenticated` or `reauthentication-required`), and it was not itself such a repeat
 * (a call refused again after a sign-in is not repeated again: the person is told to sign in, and their next
 * action starts afresh).
 */
export function canRepeatAfterSignIn(
  state: EnrollmentState,
  refused: EnrollmentRequest,
): refused is EnrollmentRequest & { operation: AdapterOperation } {
  return (
    state.request === null &&
    state.lastRequestId === refused.id &&
    isSignInReason(state.error?.code) &&
    refused.operation !== 'signIn' &&
    !refused.afterSignIn
  );
}

/** The next state. Events that make no sense in a state return that same state object. */
export function signInTransition(state: EnrollmentState, event: SignInEvent): EnrollmentState {
  if (state.step === 'done' || state.step === 'cancelled') return state;
  switch (event.type) {
    case 'signing-in': {
      const { refused } = event;
      const reason = state.error?.code;
      if (!canRepeatAfterSignIn(state, refused) || !isSignInReason(reason)) return state;
      return withRequest(state, 'signIn', { repeats: refused.operation, reason });
    }

    case 'signed-in': {
      const repeats = state.request?.repeats;
      if (!answers(state, event.requestId, 'signIn') || !repeats) return state;
      return withRequest(state, repeats, { afterSignIn: true });
    }

    case 'sign-in-failed': {
      const { repeats, reason = 'unauthenticated' } = state.request ?? {};
      if (!answers(state, event.requestId, 'signIn') || !repeats) return state;
      return { ...settled(state), error: { code: reason, operation: repeats } };
    }

    case 'sign-in-handled': {
      if (!canRepeatAfterSignIn(state, event.refused)) return state;
      const { error: _handled, ...rest } = state;
      return rest;
    }
  }
}
