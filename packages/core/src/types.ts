/** The contract between the security-info elements and the backend the host page provides. */

/** How a code reaches a phone: a text message or a voice call. */
export type Channel = 'sms' | 'voice';

/** How a one-time code reaches the person: a phone's channels, or an email message. */
export type CodeChannel = Channel | 'email';

/** The methods whose enrollment ends with a code the person types: one sent to them, or one their app shows. */
export type CodeMethod = 'phone' | 'email' | 'authenticator-app';

/** The verification methods an organization can allow. */
export type MethodId = 'authenticator-app' | 'phone' | 'email' | 'security-questions' | 'passkey';

/** What the method is being set up for: two-step verification, or resetting a forgotten password. */
export type Purpose = 'mfa' | 'password-reset';

/** What an organization allows. Usually fetched through {@link SecurityInfoAdapter.getPolicy}. */
export interface SecurityInfoPolicy {
  /** The methods the organization allows, in the order they should be offered, with their purposes. */
  methods: { id: MethodId; purposes: Purpose[] }[];
  phone?: {
    /** Channels offered; both when absent. */
    channels?: Channel[];
    /** ISO 3166-1 alpha-2 region codes a number may belong to; every region when absent. */
    allowedCountries?: string[];
    /** Channels per region, where a region offers fewer than `channels` (for example no voice calls). */
    channelsByCountry?: Record<string, Channel[]>;
    /** The region chosen before the person picks one. */
    defaultCountry?: string;
  };
  /** The questions a person may choose from, when `security-questions` is among the methods. */
  securityQuestions?: SecurityQuestionsPolicy;
  /** What a person must have set up, and whether they may put it off: the wizard's `required` flow reads it. */
  enrollment?: EnrollmentPolicy;
  /** Whether people may generate recovery codes (one-time codes for when every other method is lost). */
  recoveryCodes?: boolean;
}

/**
 * A question of the organization's list: a predefined one (its `id` names it, and the elements word it in the
 * person's language: see `PREDEFINED_QUESTION_IDS`), or a custom one whose `text` is in the organization's language.
 */
export interface SecurityQuestion {
  /** Stable id, 1 to 64 of `A-Z a-z 0-9 _ -`: answers are stored under it. */
  id: string;
  /** The wording of a custom question; absent for a predefined one. */
  text?: string;
}

export interface SecurityQuestionsPolicy {
  /** The questions offered, in order; a person answers `required` of them, each question once. */
  questions: SecurityQuestion[];
  /** How many a person must answer (Microsoft Entra: 3 to 5). Default 3. */
  required?: number;
  /**
   * How many of a person's answers a password reset must check, at most `required` (Entra's "number of questions
   * required to reset"). Default `required`. The reference server refuses a check with fewer, whatever the sign-in
   * page sent, so that nobody answers the one question they found out.
   */
  requiredToReset?: number;
}

/** What a person must have set up for one purpose. */
export interface RequiredMethods {
  purpose: Purpose;
  /** How many methods that serve the purpose a person must have. Default 1. */
  count?: number;
  /** The methods that must be among them, in the order they are asked for; any offered method when absent. */
  methods?: MethodId[];
}

export interface EnrollmentPolicy {
  /** Asked at sign-in: what a person must have, per purpose. */
  required?: RequiredMethods[];
  /** Whether a person may skip for now, and for how many more days; no skipping when absent. */
  skip?: { allowed: boolean; daysLeft?: number };
}

/** The backend's answer to a request for a code. */
export interface PhoneChallenge {
  /** Opaque id that the following calls refer to. */
  challengeId: string;
  /** Digits in the code; 6 when absent. */
  codeLength?: number;
  /** Seconds until the code stops working. */
  expiresInSeconds?: number;
  /** Seconds the person must wait before asking for another code. */
  resendInSeconds?: number;
  /** For voice: the call speaks a code to enter (`code`), or asks the person to press a key (`keypress`). */
  confirmation?: 'code' | 'keypress';
}

/** Passed to every adapter call; the signal aborts on cancel, back, disconnect and time-out. */
export interface AdapterCallOptions {
  signal: AbortSignal;
}

/** A request for a code by text message or call; see {@link EmailCodeRequest} for a code by email. */
export interface SendCodeRequest {
  /** E.164, for example `+31612345678`. */
  phoneNumber: string;
  channel: Channel;
  /**
   * The id of the person's registered phone this number is to take the place of. Nothing changes until the new
   * number is verified; then the new phone replaces the old one in one step (keeping its place as the default).
   */
  replaces?: string;
  /** The person's language (BCP 47, such as `nl`), for the wording of the text message or call. */
  locale?: string;
}

/** A request for a code by email, to register (or verify a change of) an email address for password reset. */
export interface EmailCodeRequest {
  /** The address as the person typed it, trimmed; its domain may be internationalized (Unicode or `xn--`). */
  email: string;
  channel: 'email';
  /** The id of the person's registered email address this one is to take the place of, once verified. */
  replaces?: string;
  /** The person's language (BCP 47), for the wording of the message. */
  locale?: string;
}

/** The backend's answer to a request for a code by email: a challenge like a phone's. */
export type EmailChallenge = Omit<PhoneChallenge, 'confirmation'>;

export interface ResendCodeRequest {
  challengeId: string;
  /** `email` for a challenge that `sendEmailCode` started. */
  channel: CodeChannel;
  /** The person's language (BCP 47), for the wording of the new message. */
  locale?: string;
}

export interface VerifyCodeRequest {
  challengeId: string;
  code: string;
  /** Whose challenge it is: `phone` when absent. (The fetch adapter sends it to that method's route.) */
  method?: CodeMethod;
}

export interface AuthenticatorAppRequest {
  /** The id of the person's registered authenticator app this one is to take the place of, once verified. */
  replaces?: string;
}

/**
 * What the person needs to add the account to their authenticator app. The secret lives on the server; after the
 * enrollment is verified it is never sent again.
 */
export interface AuthenticatorAppSetup {
  /** Verified with `verifyCode({ challengeId, code, method: 'authenticator-app' })`. */
  challengeId: string;
  /** `otpauth://totp/Issuer:label?secret=…&issuer=…` (RFC 6238: SHA-1, 6 digits, 30-second steps): the QR code's text. */
  otpauthUri: string;
  /** The same secret in base32 (RFC 4648, no padding), for typing into the app. */
  secret: string;
  /** Digits in the app's codes; 6 when absent. */
  codeLength?: number;
  /** Seconds until this setup must be started again. */
  expiresInSeconds?: number;
}

export interface SecurityQuestionAnswer {
  /** A `SecurityQuestion.id` of the policy. */
  questionId: string;
  /** As the person typed it; the backend normalizes it (NFKC, invisible characters, digits, case, white space) and keeps only a slow hash. */
  answer: string;
}

export interface SecurityQuestionsRequest {
  answers: SecurityQuestionAnswer[];
  /** The id of the person's registered security questions these answers replace. */
  replaces?: string;
}

/**
 * WebAuthn's `PublicKeyCredentialCreationOptions` in their JSON form (WebAuthn Level 3: buffers as base64url),
 * as `@simplewebauthn/server` makes them and `@simplewebauthn/browser`'s `startRegistration` takes them.
 */
export interface PasskeyCreationOptions {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName: string };
  pubKeyCredParams: { type: 'public-key'; alg: number }[];
  timeout?: number;
  excludeCredentials?: { id: string; type: 'public-key'; transports?: string[] }[];
  authenticatorSelection?: { residentKey?: string; requireResidentKey?: boolean; userVerification?: string };
  attestation?: string;
  hints?: string[];
  extensions?: Record<string, unknown>;
}

/** The browser's answer to a passkey's creation, in its JSON form (`RegistrationResponseJSON`). */
export interface PasskeyRegistrationResponse {
  id: string;
  rawId: string;
  type: 'public-key';
  response: {
    clientDataJSON: string;
    attestationObject: string;
    transports?: string[];
    [field: string]: unknown;
  };
  authenticatorAttachment?: string;
  clientExtensionResults: Record<string, unknown>;
}

/** The backend's answer to starting a passkey: what the browser's dialog needs, under a short-lived challenge. */
export interface PasskeySetup {
  /** Finished with `finishPasskey({ challengeId, … })`. */
  challengeId: string;
  options: PasskeyCreationOptions;
}

export interface FinishPasskeyRequest {
  challengeId: string;
  response: PasskeyRegistrationResponse;
  /** A name for the passkey, suggested from the device (the person may rename it after). 1 to 64 characters. */
  name?: string;
}

/**
 * Why the backend refused a passkey's answer, as the `reason` of its `invalid-code` error (on `finishPasskey`, and on
 * a sign-in check through the service API): `already-registered`, the credential is registered already (to this
 * person or another); `origin`, the ceremony happened on an origin the backend does not accept; `rp-id`, for
 * another relying party; `user-verification`, the authenticator did not verify the person (PIN, biometrics);
 * `challenge`, the answer signs another ceremony's challenge; `counter`, the authenticator's signature counter went
 * back (a cloned authenticator); `unknown-credential`, a sign-in with a passkey that is not the person's;
 * `not-verified`, anything else that does not verify (a bad signature, a malformed answer).
 */
export type PasskeyFailureReason =
  | 'already-registered'
  | 'origin'
  | 'rp-id'
  | 'user-verification'
  | 'challenge'
  | 'counter'
  | 'unknown-credential'
  | 'not-verified';

/**
 * Why the backend refused to add a passkey at all, as the `reason` of its `unknown` error (on `startPasskey`, before
 * the browser's dialog opens, and on `finishPasskey`, when the last place was taken while the dialog was open):
 * `method-limit`, the person has the most passkeys there can be (20 with the reference server) and must delete one
 * to add another. It rides on the error as a passkey's other reasons do, not among `SecurityInfoError`'s own: the
 * error class is in the Security info page's first view, and only the passkey step, which loads on its own, says it.
 */
export type PasskeyLimitReason = 'method-limit';

export interface RenameMethodRequest {
  /** A `RegisteredMethod`'s id (a passkey's). */
  id: string;
  /** 1 to 64 characters, trimmed. */
  name: string;
}

/** A new set of recovery codes: shown once, then kept by the backend only as slow hashes. */
export interface RecoveryCodes {
  /** Each code once, grouped for reading (for example `7KQM4-XPDW9-TNHR2`); any earlier set no longer works. */
  codes: string[];
  /** The registration that now stands for the set. */
  method: RegisteredMethod;
}

export interface CallConfirmationRequest {
  challengeId: string;
}

export interface RemoveMethodRequest {
  /** A `RegisteredMethod`'s id. */
  id: string;
}

export interface SetDefaultMethodRequest {
  /** A `RegisteredMethod`'s id; it must be able to serve two-step verification. */
  id: string;
}

/**
 * What the host page provides to connect the wizard to its backend. Methods may throw anything; a
 * {@link SecurityInfoError} with a known code gives the person the most helpful message.
 */
export interface SecurityInfoAdapter {
  getPolicy?(options: AdapterCallOptions): Promise<SecurityInfoPolicy>;
  sendCode(request: SendCodeRequest, options: AdapterCallOptions): Promise<PhoneChallenge>;
  /** Sends another code for the same challenge; without it, the wizard calls `sendCode` again. */
  resendCode?(request: ResendCodeRequest, options: AdapterCallOptions): Promise<PhoneChallenge>;
  /** Resolves when the code is right. */
  verifyCode(request: VerifyCodeRequest, options: AdapterCallOptions): Promise<void>;
  /** Sends a code to an email address (password reset); resent with `resendCode({ channel: 'email' })`. */
  sendEmailCode?(request: EmailCodeRequest, options: AdapterCallOptions): Promise<EmailChallenge>;
  /** Starts adding an authenticator app: the secret and its `otpauth://` URI; then `verifyCode` with a code of the app. */
  startAuthenticatorApp?(request: AuthenticatorAppRequest, options: AdapterCallOptions): Promise<AuthenticatorAppSetup>;
  /** Registers (or replaces) the person's answers to security questions; the elements check the rules first; a backend refuses answers that break them (400). */
  setSecurityQuestions?(request: SecurityQuestionsRequest, options: AdapterCallOptions): Promise<void>;
  /** Starts adding a passkey: the options for the browser's WebAuthn dialog. */
  startPasskey?(options: AdapterCallOptions): Promise<PasskeySetup>;
  /** Verifies the browser's answer and registers the passkey. */
  finishPasskey?(request: FinishPasskeyRequest, options: AdapterCallOptions): Promise<RegisteredMethod>;
  /** Renames one of the person's methods that carries a name (a passkey). */
  renameMethod?(request: RenameMethodRequest, options: AdapterCallOptions): Promise<void>;
  /**
   * Makes a new set of recovery codes, replacing any earlier set. Refused with `reauthentication-required` when the
   * backend wants a recent sign-in first.
   */
  generateRecoveryCodes?(options: AdapterCallOptions): Promise<RecoveryCodes>;
  /** For a voice call with `confirmation: 'keypress'`: resolves when the person answered and pressed the key. */
  awaitCallConfirmation?(request: CallConfirmationRequest, options: AdapterCallOptions): Promise<void>;
  /** The person's registered methods and their default sign-in method. */
  listMethods?(options: AdapterCallOptions): Promise<Registrations>;
  /**
   * Removes one of the person's methods. Refused with `method-required` when it is one the organization requires
   * them to keep, and with `reauthentication-required` when the backend wants a recent sign-in first.
   */
  removeMethod?(request: RemoveMethodRequest, options: AdapterCallOptions): Promise<void>;
  /**
   * Makes one of the person's methods the one sign-in asks for first. Refused with `reauthentication-required`
   * when the backend wants a recent sign-in first.
   */
  setDefaultMethod?(request: SetDefaultMethodRequest, options: AdapterCallOptions): Promise<void>;
}

/** The kinds of registered method: every method a policy can offer, and recovery codes. */
export type MethodKind = MethodId | 'recovery-codes';

/** Why a method cannot be removed now. */
export type NotRemovableReason = 'method-required';

export interface RegisteredMethod {
  /** Opaque id, for `removeMethod`, `setDefaultMethod` and `replaces`. */
  id: string;
  kind: MethodKind;
  /** ISO 8601. */
  addedAt: string;
  /** ISO 8601; `null` when never used to sign in. */
  lastUsedAt: string | null;
  /** What the method can serve, by the organization's policy. */
  purposes: Purpose[];
  /** Whether it can be removed now; when not, `notRemovableReason` says why. */
  removable: boolean;
  notRemovableReason?: NotRemovableReason;
  /** For a phone: its E.164 number (show it masked unless the person asks) and the channel they chose. */
  phone?: { phoneNumber: string; channel: Channel };
  /** For an email method: the address (show it masked unless the person asks). */
  email?: { address: string };
  /** For security questions: the ids of the questions answered (never the answers). */
  securityQuestions?: { questionIds: string[] };
  /** For a passkey: the name the person gave it, and whether it is synced (backed up) to other devices. */
  passkey?: { name: string; backedUp?: boolean; transports?: string[] };
  /** For recovery codes: how many of the set are still unused. */
  recoveryCodes?: { remaining: number; total: number };
}

export interface Registrations {
  /** Oldest first. */
  methods: RegisteredMethod[];
  /** The method sign-in uses first; `null` when none is chosen or none can serve two-step verification. */
  defaultMethodId: string | null;
}
