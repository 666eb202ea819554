/**
 * The start of an enrollment and what every step shares: the policy, the choice of method, a failed call, Cancel,
 * leaving the page, and Back to the methods. A part of the state machine (enrollment.ts) of its own because it is
 * all a wizard's first step needs; the phone's steps are phone-enrollment.ts, loaded with them.
 */
import type { EnrollmentError, EnrollmentEvent, EnrollmentOptions, EnrollmentState } from './enrollment-state.js';
import { offeredMethods } from './policy.js';
import { answers, settled, withRequest } from './requests.js';
import type { MethodId, Purpose, SecurityInfoPolicy } from './types.js';

function firstStep(policy: SecurityInfoPolicy, purpose: Purpose | undefined, start: EnrollmentOptions['start']) {
  const offered = offeredMethods(policy, purpose);
  // The method `start` names, or the phone when it is all there is: its first step, without the methods. (A start
  // the policy does not offer shows the methods, which say why.)
  const method = offered.includes(start as MethodId)
    ? (start as MethodId)
    : `${offered}` === 'phone'
      ? 'phone'
      : undefined;
  return { step: method ?? ('methods' as const), method, showsMethods: !method };
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
    case 'cancel': {
      // The app's key leaves the state with its step (whatever the wizard's host keeps a reference to).
      const { app: _app, ...rest } = state;
      return { ...rest, step: 'cancelled', request: null };
    }

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
      // Each method's first step is named after it.
      return { ...state, step: event.method, method: event.method };

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
      // Too many wrong codes (`verifyCode`, or `verifyMethodCode` for email and the app) lock the code until a new one.
      const locked = state.locked || (state.request.operation.startsWith('verify') && code === 'too-many-attempts');
      return { ...settled(state), error, locked };
    }

    case 'show-methods':
    case 'back': {
      // Back from a method's first step when the methods were shown; `show-methods` from any step but a sequence's.
      const leaves = event.type === 'back' ? state.step === state.method && state.showsMethods : !state.sequence;
      if (!leaves || !state.policy || state.step === 'methods') return state;
      // The app's key goes with its challenge: a person who comes back to the app is given a new one.
      const { error: _error, challenge: _challenge, app: _app, ...rest } = state;
      return { ...rest, step: 'methods', showsMethods: true, request: null, locked: false };
    }

    default:
      return state;
  }
}
