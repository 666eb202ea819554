/**
 * The phone's steps in the enrollment state machine (enrollment.ts): sending a code to the number, sending it
 * again, verifying it, waiting for a call to be answered, and Back from the code or the call to the number. A part
 * of its own, loaded with the phone steps (see the runner's `use()`), not before them.
 */
import type { EnrollmentEvent, EnrollmentState } from './enrollment-state.js';
import { answers, settled, withRequest } from './requests.js';

/**
 * The next state for the phone's events; any other event (the start's: see enrollment-start.ts) leaves the state as
 * it is, the same object.
 */
export function phoneTransition(state: EnrollmentState, event: EnrollmentEvent): EnrollmentState {
  // Another method's steps (its code step too) are its own part's (methods-enrollment.ts).
  if (state.step === 'done' || state.step === 'cancelled' || state.method !== 'phone') return state;
  switch (event.type) {
    case 'phone-submitted':
      if (state.step !== 'phone' || state.request) return state;
      return { ...withRequest(state, 'sendCode'), phone: event.phone };

    case 'code-sent': {
      if (!answers(state, event.requestId, 'sendCode', 'resendCode') || !state.phone) return state;
      const next: EnrollmentState = { ...settled(state), challenge: event.challenge, locked: false };
      if (state.phone.channel === 'voice' && event.challenge.confirmation === 'keypress') {
        return withRequest({ ...next, step: 'call' }, 'awaitCallConfirmation');
      }
      return { ...next, step: 'code' };
    }

    case 'resend-requested': {
      if ((state.step !== 'code' && state.step !== 'call') || !state.phone || !state.challenge) return state;
      // Waiting for a call to be answered is not an intent in flight: "Call again" replaces it.
      if (state.request && state.request.operation !== 'awaitCallConfirmation') return state;
      return { ...withRequest(state, 'resendCode'), phone: { ...state.phone, channel: event.channel } };
    }

    case 'code-submitted':
      if (state.step !== 'code' || state.request || state.locked || !state.challenge) return state;
      return withRequest(state, 'verifyCode');

    case 'verified':
      if (!answers(state, event.requestId, 'verifyCode')) return state;
      return { ...settled(state), step: 'done' };

    case 'call-confirmed':
      if (!answers(state, event.requestId, 'awaitCallConfirmation')) return state;
      return { ...settled(state), step: 'done' };

    case 'back': {
      if (state.step !== 'code' && state.step !== 'call') return state;
      const { error: _error, challenge: _challenge, ...rest } = state;
      return { ...rest, step: 'phone', request: null, locked: false };
    }

    default:
      return state;
  }
}
