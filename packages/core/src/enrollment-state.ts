/**
 * The shapes of the enrollment state machine (enrollment.ts): its state, its events and what starts it. A module of
 * their own, so that the parts of the machine (enrollment-start.ts, phone-enrollment.ts) and the machine that joins
 * them all read them from here.
 */
import type { SecurityInfoError, SecurityInfoErrorCode, SecurityInfoErrorReason } from './errors.js';
import type { EnrollmentOperation, EnrollmentRequest } from './requests.js';
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

/**
 * What a failed call is described by: a {@link SecurityInfoError}, or only its code where nothing shows more (a
 * failed policy request, before the later steps have loaded).
 */
export type EnrollmentFailure = Pick<SecurityInfoError, 'code' | 'retryAfterSeconds' | 'attemptsRemaining' | 'reason'>;

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
  | { type: 'failed'; requestId: number; error: EnrollmentFailure }
  | { type: 'back' }
  | { type: 'cancel' }
  /** The call in flight was abandoned (the element left the page): the step stays, nothing failed. */
  | { type: 'interrupted' };
