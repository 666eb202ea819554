/**
 * The enrollment state machine behind `<security-info-wizard>`: pure functions from a state and an event to
 * the next state. The wizard renders the state and performs the adapter call a state asks for; results come
 * back as events that name the request they answer, so an answer to an aborted or superseded request changes
 * nothing, and a second "send" while one is in flight is ignored (one intent, one call).
 *
 * What follows a call refused as `unauthenticated` or `reauthentication-required` (waiting for the host to sign
 * the person in again, then repeating the call) is in sign-in.ts.
 */
import type { SecurityInfoError, SecurityInfoErrorCode, SecurityInfoErrorReason } from './errors.js';
import { offeredMethods } from './policy.js';
import { answers, settled, withRequest, type EnrollmentOperation, type EnrollmentRequest } from './requests.js';
import type { Channel, MethodId, PhoneChallenge, Purpose, SecurityInfoPolicy } from './types.js';

export type EnrollmentStep = 'loading' | 'methods' | 'phone' | 'code' | 'call' | 'done' | 'cancelled';

export type { AdapterOperation, EnrollmentOperation, EnrollmentRequest } from './requests.js';

export interface EnrolledPhone {
  phoneNumber: string;
  country: string;
  channel: Channel;
  nationalNumber?: string;
}

export interface EnrollmentError {
  code: SecurityInfoErrorCode;
  /** The call that failed; after a sign-in that failed, the call it was to repeat. */
  operation: EnrollmentOperation;
  retryAfterSeconds?: number;
  attemptsRemaining?: number;
  /** With `channel-unavailable`: `landline` when the number can be called but cannot receive text messages. */
  reason?: SecurityInfoErrorReason;
}

export interface EnrollmentState {
  step: EnrollmentStep;
  purpose?: Purpose;
  start?: 'methods' | 'phone';
  policy?: SecurityInfoPolicy;
  /** Whether the methods step is part of this flow (Back from the phone step returns to it). */
  showsMethods: boolean;
  phone?: EnrolledPhone;
  challenge?: PhoneChallenge;
  /** The call in flight, if any. */
  request: EnrollmentRequest | null;
  /** Numbers the requests; never reused. */
  lastRequestId: number;
  /** The last failure, until the person acts again. */
  error?: EnrollmentError;
  /** Wrong codes locked this challenge: no more verifying until a new code. */
  locked: boolean;
}

export interface EnrollmentOptions {
  purpose?: Purpose;
  /** Given by the host: no `getPolicy` call. */
  policy?: SecurityInfoPolicy;
  /** `phone` goes straight to the phone step. */
  start?: 'methods' | 'phone';
}

export type EnrollmentEvent =
  | { type: 'retry' }
  | { type: 'policy-loaded'; requestId: number; policy: SecurityInfoPolicy }
  | { type: 'method-chosen'; method: MethodId }
  | { type: 'phone-submitted'; phone: EnrolledPhone }
  | { type: 'code-sent'; requestId: number; challenge: PhoneChallenge }
  | { type: 'resend-requested'; channel: Channel }
  | { type: 'code-submitted' }
  | { type: 'verified'; requestId: number }
  | { type: 'call-confirmed'; requestId: number }
  | { type: 'failed'; requestId: number; error: SecurityInfoError }
  | { type: 'back' }
  | { type: 'cancel' }
  /** The call in flight was abandoned (the element left the page): the step stays, nothing failed. */
  | { type: 'interrupted' };

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

/** The next state. Events that make no sense in a state return that same state object. */
export function enrollmentTransition(state: EnrollmentState, event: EnrollmentEvent): EnrollmentState {
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
      const { error: _error, challenge: _challenge, ...rest } = state;
      if (state.step === 'code' || state.step === 'call')
        return { ...rest, step: 'phone', request: null, locked: false };
      if (state.step === 'phone' && state.showsMethods && state.policy)
        return { ...rest, step: 'methods', request: null };
      return state;
    }
  }
}

/** Whether the flow has ended, by enrolment or cancellation; no event changes it any more. */
export function isFinished(state: EnrollmentState): boolean {
  return state.step === 'done' || state.step === 'cancelled';
}
