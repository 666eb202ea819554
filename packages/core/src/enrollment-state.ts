/**
 * The shapes of the enrollment state machine (enrollment.ts): its state, its events and what starts it. A module of
 * their own, so that the parts of the machine (enrollment-start.ts, phone-enrollment.ts) and the machine that joins
 * them all read them from here.
 */
import type { SecurityInfoError, SecurityInfoErrorCode, SecurityInfoErrorReason } from './errors.js';
import type { EnrollmentOperation, EnrollmentRequest } from './requests.js';
import type {
  AuthenticatorAppSetup,
  Channel,
  MethodId,
  PasskeyRegistrationResponse,
  PasskeySetup,
  PhoneChallenge,
  Purpose,
  RegisteredMethod,
  SecurityInfoPolicy,
} from './types.js';

/**
 * The steps: a method's first step is named by its id (`phone`, `email`, `authenticator-app` with the QR code,
 * `security-questions`); `code` is the code step of the phone, email and authenticator app alike (`method` says
 * whose); `summary` ends a sequence of required methods (see sequence.ts).
 */
export type EnrollmentStep = 'loading' | 'methods' | MethodId | 'code' | 'call' | 'done' | 'summary' | 'cancelled';

export type { AdapterOperation, EnrollmentOperation, EnrollmentRequest } from './requests.js';

export interface EnrolledPhone {
  phoneNumber: string;
  country: string;
  channel: Channel;
  nationalNumber?: string;
}

/** What a finished enrollment registered: the method, and what to show of it. */
export type EnrolledMethod =
  | { method: 'phone'; phoneNumber: string; channel: Channel }
  | { method: 'email'; email: string }
  | { method: 'authenticator-app' }
  | { method: 'security-questions'; questionIds: string[] }
  | { method: 'passkey'; id: string; name: string };

/**
 * Why the browser's passkey dialog or the check of its answer failed, where the error's code alone does not say:
 * `passkey-cancelled` the person closed the dialog (or no authenticator answered), `passkey-exists` this
 * authenticator holds one of the person's passkeys already, `passkey-origin` the page's address is not the relying
 * party's, `passkey-unsupported` no authenticator offers what the options ask, `passkey-timeout` the dialog's own
 * time ran out, `passkey-refused` the backend did not accept the browser's answer, `passkey-limit` the person has
 * the most passkeys there can be (the backend's `method-limit`, before the dialog or at its answer).
 */
export type PasskeyStepReason =
  | 'passkey-cancelled'
  | 'passkey-exists'
  | 'passkey-origin'
  | 'passkey-unsupported'
  | 'passkey-timeout'
  | 'passkey-refused'
  | 'passkey-limit';

/** Where the creation of a passkey stands (passkey-enrollment.ts). */
export interface PasskeyProgress {
  /** The backend's options for the browser's dialog, under their challenge. */
  setup?: PasskeySetup;
  /**
   * Until when (milliseconds since the epoch) the options may open the dialog once more after the person cancelled
   * it, with time left to answer before their challenge ends.
   */
  reusableUntil?: number;
  /** The browser's answer, until the backend has checked it. */
  response?: PasskeyRegistrationResponse;
  /** The passkey registered: its registration id and name. From then on the step asks for a name. */
  registered?: Pick<RegisteredMethod, 'id'> & { name: string };
  /** The name being saved (`renameMethod`). */
  naming?: string;
}

/** A sequence of required methods being set up (sequence.ts): what it asks for in order, and what is done. */
export interface EnrollmentSequence {
  /** The methods asked for, in order. */
  methods: MethodId[];
  /** What was set up so far, one per method finished; the method being set up is `methods[enrolled.length]`. */
  enrolled: EnrolledMethod[];
}

export interface EnrollmentError {
  code: SecurityInfoErrorCode;
  /** The call that failed; after a sign-in that failed, the call it was to repeat. */
  operation: EnrollmentOperation;
  retryAfterSeconds?: number;
  attemptsRemaining?: number;
  /**
   * With `channel-unavailable`: `landline` when the number can be called but cannot receive text messages; for a
   * passkey, what went wrong with the browser's dialog or its answer.
   */
  reason?: SecurityInfoErrorReason | PasskeyStepReason;
}

/**
 * What a failed call is described by: a {@link SecurityInfoError}, or only its code where nothing shows more (a
 * failed policy request, before the later steps have loaded).
 */
export type EnrollmentFailure = Pick<SecurityInfoError, 'code' | 'retryAfterSeconds' | 'attemptsRemaining'> & {
  reason?: SecurityInfoErrorReason | PasskeyStepReason;
};

export interface EnrollmentState {
  step: EnrollmentStep;
  purpose?: Purpose;
  start?: 'methods' | MethodId;
  policy?: SecurityInfoPolicy;
  /** Whether the methods step is part of this flow (Back from a method's first step returns to it). */
  showsMethods: boolean;
  /** The method being set up, from its first step on; its steps (and the code step's words) follow it. */
  method?: MethodId;
  phone?: EnrolledPhone;
  /** The address a code is sent to (email), as checked (`checkEmail`). */
  email?: string;
  /** The authenticator app's key and its `otpauth://` URI, once the backend made them; its challenge is `challenge`. */
  app?: Pick<AuthenticatorAppSetup, 'otpauthUri' | 'secret'>;
  /** A passkey's creation: the dialog's options, the browser's answer, then the passkey registered. */
  passkey?: PasskeyProgress;
  /** The ids of the security questions answered, once registered (never the answers). */
  questionIds?: string[];
  /** A code's challenge (phone, email), or the authenticator app's setup (its id, code length and expiry). */
  challenge?: PhoneChallenge;
  /** The required methods being set up one after another, with the `required` flow. */
  sequence?: EnrollmentSequence;
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
  /** A method's id goes straight to its first step, when the policy offers it. */
  start?: 'methods' | MethodId;
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
  /** Email: the person submitted an address (checked already). */
  | { type: 'email-submitted'; email: string }
  /** Authenticator app: make (again) the key and URI to scan. */
  | { type: 'app-requested' }
  /** Authenticator app: the backend made the key. */
  | { type: 'app-started'; requestId: number; setup: AuthenticatorAppSetup }
  /** Authenticator app: the person added the key to their app, and goes on to enter a code of it. */
  | { type: 'app-added' }
  /** Security questions: the person submitted answers (checked already; the answers stay out of the state). */
  | { type: 'questions-submitted'; questionIds: string[] }
  /** Security questions: the backend registered them. */
  | { type: 'questions-set'; requestId: number }
  /**
   * Passkey: the person pressed "Create passkey" (`at`, milliseconds since the epoch): the options are asked for, then
   * the browser's dialog opens; after a cancelled dialog, the options in hand open it again at once, while they last.
   */
  | { type: 'passkey-requested'; at?: number }
  /** Passkey: the backend's options for the dialog, received `at` (milliseconds since the epoch). */
  | { type: 'passkey-started'; requestId: number; setup: PasskeySetup; at?: number }
  /** Passkey: the browser's answer, for the backend to check. */
  | { type: 'passkey-answered'; requestId: number; response: PasskeyRegistrationResponse }
  /** Passkey: the backend checked the answer and registered the passkey. */
  | { type: 'passkey-created'; requestId: number; method: RegisteredMethod }
  /** Passkey: the person saved a name (checked already); the same name as the registered one ends the step. */
  | { type: 'passkey-named'; name: string }
  /** Passkey: the backend renamed it. */
  | { type: 'passkey-renamed'; requestId: number }
  /** Back to the methods from any step (the wizard's `showMethods()`), dropping what is in flight. */
  | { type: 'show-methods' }
  /**
   * The `required` flow: set up, in order, what the policy requires and the person does not have (`registered`);
   * from the methods or a method's first step, before anything was sent.
   */
  | { type: 'sequence-started'; registered: MethodId[] }
  /** A sequence: on from a finished method to the next one, or to the summary. */
  | { type: 'sequence-next' }
  | { type: 'failed'; requestId: number; error: EnrollmentFailure }
  | { type: 'back' }
  | { type: 'cancel' }
  /** The call in flight was abandoned (the element left the page): the step stays, nothing failed. */
  | { type: 'interrupted' };
