/**
 * Signing in again, for the enrollment runner (runner.ts): after a call was refused as `unauthenticated` or
 * `reauthentication-required` (the runner's `signInRequired`), the host is asked to sign the person in, and its
 * answer moves the state through sign-in.ts's transitions. A module of its own, loaded with the later steps.
 */
import type { SignInReason } from './errors.js';
import type { EnrollmentRequest } from './requests.js';
import type { EnrollmentRunner } from './runner.js';
import { canRepeatAfterSignIn, signInTransition, type SignInEvent } from './sign-in.js';

/** How the host answered the request to sign the person in. */
export interface SignInAnswer {
  /** A sign-in under way: the step waits for it, then the refused call is made again (or, if it rejects, the person is told to sign in). */
  signedIn?: PromiseLike<unknown> | undefined;
  /** Without `signedIn`: the host signs the person in by itself (it navigates away, say), so the step shows no failure. */
  handled?: boolean;
}

/** Why the host should sign the person in so that `refused` can be made again; undefined when it cannot be. */
export function signInReason(runner: EnrollmentRunner, refused: EnrollmentRequest): SignInReason | undefined {
  const state = runner.state;
  return state && canRepeatAfterSignIn(state, refused) ? (state.error?.code as SignInReason) : undefined;
}

/**
 * Applies the host's answer after `refused` was refused for a sign-in. An answer to a request that is over (the
 * person went back or cancelled meanwhile) changes nothing.
 */
export function followSignIn(runner: EnrollmentRunner, refused: EnrollmentRequest, answer: SignInAnswer): void {
  const apply = (event: SignInEvent) => runner.dispatch(event, signInTransition);
  const { signedIn } = answer;
  if (!signedIn) {
    if (answer.handled) apply({ type: 'sign-in-handled', refused });
    return;
  }
  apply({ type: 'signing-in', refused });
  const wait = runner.state?.request;
  const settled = Promise.resolve(signedIn);
  // The flow moved on meanwhile (a listener cancelled): there is nothing to wait for.
  if (wait?.operation !== 'signIn') return void settled.catch(() => undefined);
  settled.then(
    () => apply({ type: 'signed-in', requestId: wait.id }),
    () => apply({ type: 'sign-in-failed', requestId: wait.id }),
  );
}
