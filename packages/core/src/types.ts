/** The contract between the security-info elements and the backend the host page provides. */

/** How a code reaches the person: a text message or a voice call. */
export type Channel = 'sms' | 'voice';

/** The verification methods an organization can allow. */
export type MethodId = 'authenticator-app' | 'phone' | 'email' | 'security-questions';

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

export interface ResendCodeRequest {
  challengeId: string;
  channel: Channel;
  /** The person's language (BCP 47), for the wording of the new message. */
  locale?: string;
}

export interface VerifyCodeRequest {
  challengeId: string;
  code: string;
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

/**
 * The kinds of registered method: every method a policy can offer today, passkeys, and recovery codes. (`passkey`
 * joins `MethodId` when the method picker can offer it.)
 */
export type MethodKind = MethodId | 'passkey' | 'recovery-codes';

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
}

export interface Registrations {
  /** Oldest first. */
  methods: RegisteredMethod[];
  /** The method sign-in uses first; `null` when none is chosen or none can serve two-step verification. */
  defaultMethodId: string | null;
}
