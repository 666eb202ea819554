/**
 * The start of an enrollment and what every step shares: the policy, the choice of method, a failed call, Cancel,
 * leaving the page, and Back to the methods. A part of the state machine (enrollment.ts) of its own because it is
 * all a wizard's first step needs; the phone's steps are phone-enrollment.ts, loaded with them.
 */
import type { EnrollmentError, EnrollmentEvent, EnrollmentOptions, EnrollmentState } from './enrollment-state.js';
import { offeredMethods } from './policy.js';
import { answers, settled, withRequest } from './requests.js';
import type { Purpose, SecurityInfoPolicy } from './types.js';

function firstStep(policy: SecurityInfoPolicy, purpose: Purpose | undefined, start: EnrollmentOptions['start']) {
  const offered = offeredMethods(policy, purpose);
  const phoneOnly = offered.length === 1 && offered[0] === 'phone';
  const skipMethods = offered.includes('phone') && (start === 'phone' || phoneOnly);
  return { step: skipMethods ? ('phone' as const) : ('methods' as const), showsMethods: !skipMethods };
}

/** The state a wizard starts in. */
export function initialEnrollment(options: EnrollmentOptions = {}): EnrollmentState {
  const base: EnrollmentState = {
    step: 'loading',
    showsMethods: options.start !== 'phone',
    request: null,
    lastRequestId: 0,
    locked: false,
    ...(options.purpose ? { purpose: options.purpose } : {}),
    ...(options.start ? { start: options.start } : {}),
  };
  if (options.policy) {
    return { ...base, policy: options.policy, ...firstStep(options.policy, options.purpose, options.start) };
  }
  return withRequest(base, 'getPolicy');
}

/**
 * The next state for the events of the start and of every step; any other event (the phone's: see
 * phone-enrollment.ts) leaves the state as it is, the same object.
 */
export function startTransition(state: EnrollmentState, event: EnrollmentEvent): EnrollmentState {
  if (state.step === 'done' || state.step === 'cancelled') return state;
  switch (event.type) {
    case 'cancel':
      return { ...state, step: 'cancelled', request: null };

    case 'interrupted':
      return state.request ? settled(state) : state;

    case 'retry':
      // Only a failed policy load is retried from here; the other steps retry by repeating the person's action.
      if (state.step === 'loading' && state.request === null) return withRequest(state, 'getPolicy');
      return state;

    case 'policy-loaded': {
      if (!answers(state, event.requestId, 'getPolicy')) return state;
      return { ...settled(state), policy: event.policy, ...firstStep(event.policy, state.purpose, state.start) };
    }

    case 'method-chosen':
      if (state.step !== 'methods' || state.request) return state;
      // Other methods are enrolled by the host, which hears the method-select event.
      return event.method === 'phone' ? { ...state, step: 'phone' } : state;

    case 'failed': {
      if (!state.request || state.request.id !== event.requestId) return state;
      const { code, retryAfterSeconds, attemptsRemaining, reason } = event.error;
      const error: EnrollmentError = {
        code,
        operation: state.request.operation,
        ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
        ...(attemptsRemaining !== undefined ? { attemptsRemaining } : {}),
        ...(reason !== undefined ? { reason } : {}),
      };
      const locked = state.locked || (state.request.operation === 'verifyCode' && code === 'too-many-attempts');
      return { ...settled(state), error, locked };
    }

    case 'back': {
      if (state.step !== 'phone' || !state.showsMethods || !state.policy) return state;
      const { error: _error, challenge: _challenge, ...rest } = state;
      return { ...rest, step: 'methods', request: null };
    }

    default:
      return state;
  }
}
