/**
 * The requests of the enrollment state machine: what a state waits on, and the helpers its modules
 * (enrollment.ts, sign-in.ts) share to start and answer them. The types are exported through enrollment.ts.
 */
import type { SignInReason } from './errors.js';

/**
 * An adapter call. The phone's are `sendCode`, `resendCode`, `verifyCode` and `awaitCallConfirmation`; the other
 * methods' (methods-enrollment.ts) have names of their own, so each part of the runner makes its own calls:
 * `sendEmailCode` and `resendEmailCode` (a code by email), `startAuthenticatorApp`, `verifyMethodCode` (verifying an
 * email's or an authenticator app's code), `setSecurityQuestions`, and a passkey's `startPasskey`, `createPasskey`
 * (the browser's dialog, not the adapter's), `finishPasskey` and `renameMethod`.
 */
export type AdapterOperation =
  | 'getPolicy'
  | 'sendCode'
  | 'resendCode'
  | 'verifyCode'
  | 'awaitCallConfirmation'
  | 'sendEmailCode'
  | 'resendEmailCode'
  | 'startAuthenticatorApp'
  | 'verifyMethodCode'
  | 'setSecurityQuestions'
  | 'startPasskey'
  | 'createPasskey'
  | 'finishPasskey'
  | 'renameMethod';

/** What a state is waiting on: an adapter call, or (`signIn`, see sign-in.ts) the host signing the person in again. */
export type EnrollmentOperation = AdapterOperation | 'signIn';

export interface EnrollmentRequest {
  /** Increases with every request; results name it. */
  id: number;
  operation: EnrollmentOperation;
  /** With `signIn`: the refused call to make again once the person has signed in. */
  repeats?: AdapterOperation;
  /** With `signIn`: why the call was refused, which is the failure again should the sign-in fail. */
  reason?: SignInReason;
  /** The call repeats one refused for a sign-in, after that sign-in; refused again, it is not repeated. */
  afterSignIn?: true;
}

/** What the helpers read of a state. */
interface Requesting {
  request: EnrollmentRequest | null;
  lastRequestId: number;
  error?: unknown;
}

/** The state with a new request in flight, numbered after every earlier one; the last failure is dropped. */
export function withRequest<S extends Requesting>(
  state: S,
  operation: EnrollmentOperation,
  details?: Omit<EnrollmentRequest, 'id' | 'operation'>,
): S {
  const id = state.lastRequestId + 1;
  const { error: _dropped, ...rest } = state;
  return { ...rest, request: { id, operation, ...details }, lastRequestId: id } as S;
}

export function settled<S extends Requesting>(state: S): S {
  return { ...state, request: null };
}

/** Whether an answer to `requestId` answers the request in flight; answers to anything else are ignored. */
export function answers(state: Requesting, requestId: number, ...operations: EnrollmentOperation[]): boolean {
  return state.request?.id === requestId && operations.includes(state.request.operation);
}
