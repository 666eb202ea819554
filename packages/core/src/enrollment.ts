/**
 * The enrollment state machine behind `<security-info-wizard>`: pure functions from a state and an event to
 * the next state. The wizard renders the state and performs the adapter call a state asks for; results come
 * back as events that name the request they answer, so an answer to an aborted or superseded request changes
 * nothing, and a second "send" while one is in flight is ignored (one intent, one call).
 *
 * The machine is made of parts, each in a module of its own so that a wizard loads each part with the steps that
 * need it: the start and what every step shares (enrollment-start.ts), the phone's steps (phone-enrollment.ts), and
 * what follows a call refused as `unauthenticated` or `reauthentication-required` (waiting for the host to sign the
 * person in again, then repeating the call: sign-in.ts), the other methods' steps (methods-enrollment.ts) and a
 * sequence of required methods (sequence.ts). This module joins all but the sign-in.
 */
import { startTransition } from './enrollment-start.js';
import type { EnrollmentEvent, EnrollmentState } from './enrollment-state.js';
import { phoneTransition } from './phone-enrollment.js';
import { methodsTransition } from './methods-enrollment.js';
import { sequenceTransition } from './sequence.js';

export type * from './enrollment-state.js';
export { initialEnrollment, startTransition } from './enrollment-start.js';
export { phoneTransition } from './phone-enrollment.js';

/** The next state. Events that make no sense in a state return that same state object. */
export function enrollmentTransition(state: EnrollmentState, event: EnrollmentEvent): EnrollmentState {
  for (const part of [startTransition, phoneTransition, methodsTransition, sequenceTransition]) {
    const next = part(state, event);
    if (next !== state) return next;
  }
  return state;
}

/** Whether the flow has ended, by enrolment or cancellation; no event changes it any more. */
export function isFinished(state: EnrollmentState): boolean {
  return state.step === 'done' || state.step === 'cancelled';
}
