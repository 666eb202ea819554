/**
 * An in-memory backend for Storybook, the demo and tests: codes are handed to a callback instead of being
 * sent, and every fault the wizard must survive can be injected.
 */
import { base32Encode } from './base32.js';
import { checkEmail } from './email.js';
import { createMemoryRecovery } from './memory-recovery.js';
import { createMemoryPasskeys } from './memory-passkeys.js';
import { SecurityInfoError, type SecurityInfoErrorCode, type SecurityInfoErrorReason } from './errors.js';
import { methodPurposes, offeredMethods } from './policy.js';
import { checkAnswers, normalizeAnswer, PREDEFINED_QUESTION_IDS } from './questions.js';
import type { MethodKind, RegisteredMethod, Registrations } from './registrations.js';
import { APP_TOTP, hotp, totpStep } from './totp.js';
import type {
  AuthenticatorAppSetup,
  Channel,
  CodeMethod,
  EmailChallenge,
  PasskeyLimitReason,
  PhoneChallenge,
  SecurityInfoAdapter,
  SecurityInfoPolicy,
  SecurityQuestionAnswer,
} from './types.js';

export type MemoryAdapterOperation =
  | 'getPolicy'
  | 'sendCode'
  | 'resendCode'
  | 'verifyCode'
  | 'awaitCallConfirmation'
  | 'sendEmailCode'
  | 'startAuthenticatorApp'
  | 'setSecurityQuestions'
  | 'listMethods'
  | 'removeMethod'
  | 'setDefaultMethod'
  | 'generateRecoveryCodes'
  | 'startPasskey'
  | 'finishPasskey'
  | 'renameMethod';

/**
 * A fault to inject: a {@link SecurityInfoError} code (with its details), `hang` (never settles until aborted),
 * `malformed` (an answer that breaks the contract; a call that answers nothing resolves without doing anything),
 * `network` (a failed fetch's TypeError), or `error` (a plain Error). `unauthenticated` is a session that ended;
 * `reauthentication-required` a change the backend wants a recent sign-in for; `{ code: 'channel-unavailable',
 * reason: 'landline' }` a number that cannot receive text messages but can be called; `{ code: 'unknown', reason:
 * 'method-limit' }` a passkey beyond the most a person may have.
 */
export type MemoryAdapterFault =
  | SecurityInfoErrorCode
  | {
      code: SecurityInfoErrorCode;
      retryAfterSeconds?: number;
      attemptsRemaining?: number;
      reason?: SecurityInfoErrorReason | PasskeyLimitReason;
    }
  | 'hang'
  | 'malformed'
  | 'network'
  | 'error';

/** A code the adapter would have sent: to a phone by text message or call, or to an email address. */
export type IssuedCode = {
  challengeId: string;
  code: string;
  /** The language the message was asked for in, when the call named one. */
  locale?: string;
} & ({ channel: Channel; phoneNumber: string } | { channel: 'email'; email: string });

/**
 * A registered method to start with. What the list derives (purposes from the policy, whether it can be removed)
 * is left out; `addedAt` defaults to the adapter's clock at creation.
 */
export interface PreloadedMethod {
  id: string;
  kind: MethodKind;
  /** ISO 8601. */
  addedAt?: string;
  /** ISO 8601; never used when absent. */
  lastUsedAt?: string | null;
  phone?: { phoneNumber: string; channel: Channel };
  email?: { address: string };
  /** The questions answered; the answers are unknown, so none matches until they are set again. */
  securityQuestions?: { questionIds: string[] };
  /** For recovery codes: how many of the set are left, of how many. */
  recoveryCodes?: { remaining: number; total: number };
}

export interface MemoryAdapterOptions {
  /**
   * Returned by `getPolicy`. Default {@link DEFAULT_POLICY}: every method for its purposes, both channels, the
   * predefined security questions with three to answer.
   */
  policy?: SecurityInfoPolicy;
  /** Receives each code instead of a text message, call or email. */
  onCode?: (issued: IssuedCode) => void;
  /** Milliseconds each call takes. Default 0. */
  latency?: number;
  /** Digits in the codes sent by text message, call or email (an authenticator app's are 6). Default 6. */
  codeLength?: number;
  /** Seconds a code sent, or an authenticator app's setup, stays valid. Default 300 for a code, 600 for a setup. */
  expiresInSeconds?: number;
  resendInSeconds?: number;
  /** How a voice call is confirmed. Default `code`. */
  voiceConfirmation?: 'code' | 'keypress';
  /** Wrong codes accepted per challenge before it locks. Default 5. */
  maxAttempts?: number;
  /** Makes the codes sent; default random digits. (An authenticator app's come from its secret and the clock.) */
  generateCode?: (length: number) => string;
  /** The issuer and account an authenticator app shows. Default `security-info demo` and `person@example.com`. */
  authenticatorApp?: { issuer?: string; accountName?: string };
  /**
   * Time source in milliseconds, for expiry, the times of registered methods and an authenticator app's codes.
   * Default `Date.now`.
   */
  now?: () => number;
  /**
   * The person's methods to start with, oldest first, and their default sign-in method (by default the oldest
   * that can serve two-step verification). A verified phone, email address or authenticator app joins them, and
   * so do security questions once answered.
   */
  registrations?: { methods: PreloadedMethod[]; defaultMethodId?: string | null };
  /**
   * How many methods able to serve two-step verification the person must keep: removing one of the last is
   * refused with `method-required`. Default 1, as the reference server; 0 lets everything go.
   */
  minimumMfaMethods?: number;
  /**
   * How many passkeys a person may have: one more is refused with `unknown` and reason `method-limit`, at the options
   * and at the answer. Default 20, as the reference server.
   */
  maxPasskeys?: number;
}

export interface MemoryAdapter extends Required<SecurityInfoAdapter> {
  /** Makes the next call (or every call, with `{ persist: true }`) of an operation fail this way. */
  injectFault(operation: MemoryAdapterOperation, fault: MemoryAdapterFault, options?: { persist?: boolean }): void;
  /** Removes injected faults, of one operation or all. */
  clearFaults(operation?: MemoryAdapterOperation): void;
  /** Answers the voice call of a `keypress` challenge, resolving `awaitCallConfirmation`. */
  confirmCall(challengeId: string): void;
  /** How often each operation was called (not what with: codes are not kept in a log). */
  readonly calls: Readonly<Record<MemoryAdapterOperation, number>>;
  /** The latest code issued, for a person or test that needs to finish the flow. */
  readonly lastCode: IssuedCode | undefined;
  /**
   * The code an authenticator app would show now for the latest setup started (or the one named), for a person or
   * test without an app; `undefined` when there is no such setup waiting to be verified.
   */
  appCode(challengeId?: string): Promise<string | undefined>;
  /**
   * Whether the answers match the person's registered security questions as sign-in would check them: each one
   * normalized like `normalizeAnswer`, at least as many as were set up.
   */
  matchesSecurityAnswers(answers: SecurityQuestionAnswer[]): boolean;
}

export const DEFAULT_POLICY: SecurityInfoPolicy = {
  methods: [
    { id: 'authenticator-app', purposes: ['mfa', 'password-reset'] },
    { id: 'phone', purposes: ['mfa', 'password-reset'] },
    { id: 'email', purposes: ['password-reset'] },
    { id: 'security-questions', purposes: ['password-reset'] },
  ],
  phone: { channels: ['sms', 'voice'] },
  securityQuestions: { questions: PREDEFINED_QUESTION_IDS.map((id) => ({ id })), required: 3 },
};

/** What every challenge has: the method it registers once verified, and the one it then replaces. */
interface Pending {
  replaces: string | null;
  expiresAt: number;
  attemptsLeft: number;
}

interface PhonePending extends Pending {
  method: 'phone';
  phoneNumber: string;
  channel: Channel;
  code: string;
  confirmation: 'code' | 'keypress';
  confirmed: boolean;
  waiters: Set<() => void>;
}

interface EmailPending extends Pending {
  method: 'email';
  email: string;
  code: string;
}

interface AppPending extends Pending {
  method: 'authenticator-app';
  /** The app's secret, raw. */
  key: Uint8Array;
}

type Challenge = PhonePending | EmailPending | AppPending;

// RFC 6238 as every authenticator app reads it: HMAC-SHA-1, 6 digits, 30-second steps; a 160-bit secret (RFC 4226).
const APP_SECRET_BYTES = 20;
function randomDigits(length: number): string {
  const out = new Uint32Array(length);
  crypto.getRandomValues(out);
  // 2^32 is not a multiple of 10, but the bias is below 1e-9: fine for a test double.
  return Array.from(out, (n) => String(n % 10)).join('');
}

/** A registered method as kept: what the list shows is derived from it and the policy when listed. */
interface KeptMethod {
  id: string;
  kind: MethodKind;
  addedAt: string;
  lastUsedAt: string | null;
  phone?: { phoneNumber: string; channel: Channel };
  email?: { address: string };
  securityQuestions?: { questionIds: string[] };
  /** Security questions' answers, normalized, by question id: never listed. */
  answers?: Map<string, string>;
}

/** What a registration adds or changes: the kind, and what that kind shows (and keeps). */
type Registration = Pick<KeptMethod, 'kind' | 'phone' | 'email' | 'securityQuestions' | 'answers'>;

/**
 * The person's methods and default, kept by the rules of the reference server: a verified phone is registered
 * (the same number once), `replaces` swaps the old phone for the new one (which takes over as default), the last
 * methods the organization requires cannot be removed, and the default is always a method that can serve two-step
 * verification, the oldest one when the person chose none.
 */
function createRegistry(options: MemoryAdapterOptions, policy: SecurityInfoPolicy, now: () => number) {
  const minimum = options.minimumMfaMethods ?? 1;
  if (!Number.isInteger(minimum) || minimum < 0)
    throw new RangeError('createMemoryAdapter: minimumMfaMethods must be a whole number.');
  const iso = () => new Date(now()).toISOString();
  const preloaded = options.registrations;
  const methods: KeptMethod[] = (preloaded?.methods ?? []).map((method) => ({
    id: method.id,
    kind: method.kind,
    addedAt: method.addedAt ?? iso(),
    lastUsedAt: method.lastUsedAt ?? null,
    ...(method.phone ? { phone: { ...method.phone } } : {}),
    ...(method.email ? { email: { ...method.email } } : {}),
    ...(method.securityQuestions
      ? { securityQuestions: { questionIds: [...method.securityQuestions.questionIds] } }
      : {}),
  }));
  if (new Set(methods.map((method) => method.id)).size !== methods.length)
    throw new RangeError('createMemoryAdapter: two preloaded methods have the same id.');
  let defaultMethodId = preloaded?.defaultMethodId ?? null;
  if (defaultMethodId !== null && !methods.some((method) => method.id === defaultMethodId))
    throw new RangeError('createMemoryAdapter: the preloaded defaultMethodId is none of the preloaded methods.');
  let counter = 0;

  const servesMfa = (method: KeptMethod) => methodPurposes(method.kind, policy).includes('mfa');
  const required = (method: KeptMethod) => servesMfa(method) && methods.filter(servesMfa).length <= minimum;
  const find = (id: string) => methods.find((method) => method.id === id);
  const notFound = () => new SecurityInfoError('unknown', 'No such method');

  function keepDefault(): void {
    const current = defaultMethodId === null ? undefined : find(defaultMethodId);
    if (current && servesMfa(current)) return;
    defaultMethodId = methods.find(servesMfa)?.id ?? null;
  }
  if (preloaded?.defaultMethodId === undefined) keepDefault();

  /** Refuses a `replaces` that is not one of the person's methods of the kind that takes its place. */
  function checkReplaces(id: string | null, kind: MethodKind): void {
    if (id !== null && find(id)?.kind !== kind)
      throw new SecurityInfoError('unknown', `The ${kind} to replace is not registered.`);
  }

  /**
   * The method a registration updates rather than adds: the same number or address (only the channel follows the
   * new choice), or the person's one set of security questions. Each authenticator app is a method of its own.
   */
  function existing({ kind, phone, email }: Registration): KeptMethod | undefined {
    return methods.find((method) => {
      if (method.kind !== kind) return false;
      if (kind === 'phone') return method.phone?.phoneNumber === phone?.phoneNumber;
      if (kind === 'email') return method.email?.address === email?.address;
      return kind === 'security-questions';
    });
  }

  function newId(): string {
    let id: string;
    do id = `method-${++counter}`;
    while (find(id));
    return id;
  }

  return {
    view(): Registrations {
      return {
        methods: methods.map((method): RegisteredMethod => {
          const isRequired = required(method);
          return {
            id: method.id,
            kind: method.kind,
            addedAt: method.addedAt,
            lastUsedAt: method.lastUsedAt,
            purposes: methodPurposes(method.kind, policy),
            removable: !isRequired,
            ...(isRequired ? { notRemovableReason: 'method-required' as const } : {}),
            ...(method.phone ? { phone: { ...method.phone } } : {}),
            ...(method.email ? { email: { ...method.email } } : {}),
            ...(method.securityQuestions
              ? { securityQuestions: { questionIds: [...method.securityQuestions.questionIds] } }
              : {}),
          };
        }),
        defaultMethodId,
      };
    },
    checkReplaces,
    register(registration: Registration, replaces: string | null): void {
      checkReplaces(replaces, registration.kind);
      const same = existing(registration);
      const method: KeptMethod = same ?? { id: newId(), kind: registration.kind, addedAt: iso(), lastUsedAt: null };
      Object.assign(method, registration);
      if (!same) methods.push(method);
      if (replaces !== null && replaces !== method.id) {
        methods.splice(methods.indexOf(find(replaces)!), 1);
        if (defaultMethodId === replaces) defaultMethodId = method.id;
      }
      keepDefault();
    },
    remove(id: string): void {
      const method = find(id);
      if (!method) throw notFound();
      if (required(method))
        throw new SecurityInfoError(
          'method-required',
          'Removing this method would leave fewer two-step methods than the organization requires: add another first.',
        );
      methods.splice(methods.indexOf(method), 1);
      keepDefault();
    },
    /** The normalized answers of the person's security questions, if they have set them. */
    answers(): Map<string, string> | undefined {
      return methods.find((method) => method.kind === 'security-questions')?.answers;
    },
    setDefault(id: string): void {
      const method = find(id);
      if (!method) throw notFound();
      if (!servesMfa(method)) throw new SecurityInfoError('unknown', 'This method cannot serve two-step verification.');
      defaultMethodId = id;
    },
  };
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Resolves after `ms`, or rejects as soon as the signal aborts; `ms = Infinity` waits for the abort. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError(signal));
    const timer = Number.isFinite(ms) ? setTimeout(done, ms) : undefined;
    function done() {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(abortError(signal));
    }
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const policy = options.policy ?? DEFAULT_POLICY;
  const codeLength = options.codeLength ?? 6;
  const maxAttempts = options.maxAttempts ?? 5;
  const now = options.now ?? Date.now;
  const generate = options.generateCode ?? randomDigits;
  const challenges = new Map<string, Challenge>();
  const registry = createRegistry(options, policy, now);
  const faults = new Map<MemoryAdapterOperation, { fault: MemoryAdapterFault; persist: boolean }>();
  const calls: Record<MemoryAdapterOperation, number> = {
    getPolicy: 0,
    sendCode: 0,
    resendCode: 0,
    verifyCode: 0,
    awaitCallConfirmation: 0,
    sendEmailCode: 0,
    startAuthenticatorApp: 0,
    setSecurityQuestions: 0,
    listMethods: 0,
    removeMethod: 0,
    setDefaultMethod: 0,
    generateRecoveryCodes: 0,
    startPasskey: 0,
    finishPasskey: 0,
    renameMethod: 0,
  };
  let lastCode: IssuedCode | undefined;
  let lastAppSetup: string | undefined;
  let counter = 0;
  const expiresInSeconds = options.expiresInSeconds ?? 300;
  const newChallengeId = () => `mem-${++counter}-${randomDigits(8)}`;

  /** Counts the call, waits the latency, then throws or returns the injected fault, if any. */
  async function begin(operation: MemoryAdapterOperation, signal: AbortSignal): Promise<'malformed' | undefined> {
    calls[operation]++;
    await wait(options.latency ?? 0, signal);
    const injected = faults.get(operation);
    if (!injected) return undefined;
    if (!injected.persist) faults.delete(operation);
    const { fault } = injected;
    switch (fault) {
      case 'hang':
        await wait(Infinity, signal);
        return undefined;
      case 'malformed':
        return 'malformed';
      case 'network':
        throw new TypeError('Failed to fetch');
      case 'error':
        throw new Error('Injected failure');
      default: {
        const { code, reason, ...details } = typeof fault === 'string' ? { code: fault, reason: undefined } : fault;
        const error = new SecurityInfoError(code, `Injected ${code}`, {
          ...details,
          ...(reason === 'method-limit' || reason === undefined ? {} : { reason }),
        });
        // A passkey's limit rides on the error as the fetch adapter carries it, beside the class's own reasons.
        if (reason === 'method-limit') Object.defineProperty(error, 'reason', { value: reason, enumerable: true });
        throw error;
      }
    }
  }

  const recovery = createMemoryRecovery(
    registry,
    begin,
    options.registrations?.methods.find((m) => m.recoveryCodes)?.recoveryCodes,
  );

  const passkeys = createMemoryPasskeys(registry, begin, {
    now,
    ...(options.maxPasskeys !== undefined ? { max: options.maxPasskeys } : {}),
  });

  function issue(
    phoneNumber: string,
    channel: Channel,
    replaces: string | null,
    locale: string | undefined,
  ): PhoneChallenge {
    const challengeId = newChallengeId();
    const confirmation = channel === 'voice' ? (options.voiceConfirmation ?? 'code') : 'code';
    const code = generate(codeLength);
    challenges.set(challengeId, {
      method: 'phone',
      phoneNumber,
      channel,
      replaces,
      code,
      expiresAt: now() + expiresInSeconds * 1000,
      attemptsLeft: maxAttempts,
      confirmation,
      confirmed: false,
      waiters: new Set(),
    });
    lastCode = { challengeId, phoneNumber, channel, code, ...(locale !== undefined ? { locale } : {}) };
    options.onCode?.(lastCode);
    return {
      challengeId,
      codeLength,
      expiresInSeconds,
      resendInSeconds: options.resendInSeconds ?? 30,
      ...(channel === 'voice' ? { confirmation } : {}),
    };
  }

  function issueEmail(email: string, replaces: string | null, locale: string | undefined): EmailChallenge {
    const challengeId = newChallengeId();
    const code = generate(codeLength);
    challenges.set(challengeId, {
      method: 'email',
      email,
      replaces,
      code,
      expiresAt: now() + expiresInSeconds * 1000,
      attemptsLeft: maxAttempts,
    });
    lastCode = { challengeId, email, channel: 'email', code, ...(locale !== undefined ? { locale } : {}) };
    options.onCode?.(lastCode);
    return { challengeId, codeLength, expiresInSeconds, resendInSeconds: options.resendInSeconds ?? 30 };
  }

  /** The challenge, of the method named (a phone's when none is); any other is as good as not there. */
  function find(challengeId: string, method: CodeMethod = 'phone'): Challenge {
    const challenge = challenges.get(challengeId);
    if (!challenge || challenge.method !== method) throw new SecurityInfoError('code-expired', 'No such challenge');
    return challenge;
  }

  /** Whether `code` is the one the challenge waits for: the code sent, or one of the app's steps around now. */
  async function matches(challenge: Challenge, code: string): Promise<boolean> {
    if (challenge.method !== 'authenticator-app') return code === challenge.code;
    // The step now and one either side, for a clock that drifts and a code typed as it changes.
    const step = totpStep(now());
    for (const candidate of [step - 1, step, step + 1]) {
      if (candidate >= 0 && (await hotp(challenge.key, candidate)) === code) return true;
    }
    return false;
  }

  /** What a verified challenge registers. */
  function registration(challenge: Challenge): Registration {
    switch (challenge.method) {
      case 'phone':
        return { kind: 'phone', phone: { phoneNumber: challenge.phoneNumber, channel: challenge.channel } };
      case 'email':
        return { kind: 'email', email: { address: challenge.email } };
      default:
        return { kind: 'authenticator-app' };
    }
  }

  return {
    get calls() {
      return { ...calls };
    },
    get lastCode() {
      return lastCode;
    },
    injectFault(operation, fault, { persist = false } = {}) {
      faults.set(operation, { fault, persist });
    },
    clearFaults(operation) {
      if (operation) faults.delete(operation);
      else faults.clear();
    },
    async appCode(challengeId = lastAppSetup) {
      const challenge = challengeId === undefined ? undefined : challenges.get(challengeId);
      if (challenge?.method !== 'authenticator-app') return undefined;
      return hotp(challenge.key, totpStep(now()));
    },
    matchesSecurityAnswers(answers) {
      const stored = registry.answers();
      // Each question once: one right answer given three times is not three right answers.
      const asked = new Set(answers.map(({ questionId }) => questionId));
      if (!stored || asked.size !== answers.length || asked.size < stored.size) return false;
      return answers.every(({ questionId, answer }) => stored.get(questionId) === normalizeAnswer(answer));
    },
    confirmCall(challengeId) {
      const challenge = challenges.get(challengeId);
      if (challenge?.method !== 'phone') return;
      challenge.confirmed = true;
      for (const wake of challenge.waiters) wake();
      challenge.waiters.clear();
    },
    async getPolicy({ signal }) {
      if ((await begin('getPolicy', signal)) === 'malformed')
        return { methods: 'all' } as unknown as SecurityInfoPolicy;
      return structuredClone(policy);
    },
    async sendCode({ phoneNumber, channel, replaces, locale }, { signal }) {
      if ((await begin('sendCode', signal)) === 'malformed') return {} as PhoneChallenge;
      if (!/^\+[1-9]\d{6,14}$/.test(phoneNumber)) throw new SecurityInfoError('number-rejected', 'Not an E.164 number');
      // Checked before a code goes out, and again when it is verified: the phone may be removed meanwhile.
      registry.checkReplaces(replaces ?? null, 'phone');
      return issue(phoneNumber, channel, replaces ?? null, locale);
    },
    async resendCode({ challengeId, channel, locale }, { signal }) {
      if ((await begin('resendCode', signal)) === 'malformed') return {} as PhoneChallenge;
      const previous = find(challengeId, channel === 'email' ? 'email' : 'phone');
      challenges.delete(challengeId);
      if (previous.method === 'email') return issueEmail(previous.email, previous.replaces, locale);
      return issue((previous as PhonePending).phoneNumber, channel as Channel, previous.replaces, locale);
    },
    async verifyCode({ challengeId, code, method }, { signal }) {
      if ((await begin('verifyCode', signal)) === 'malformed') return;
      const challenge = find(challengeId, method);
      if (now() >= challenge.expiresAt) throw new SecurityInfoError('code-expired', 'The code expired');
      if (challenge.attemptsLeft <= 0) throw new SecurityInfoError('too-many-attempts', 'Locked');
      if (!(await matches(challenge, code))) {
        challenge.attemptsLeft--;
        if (challenge.attemptsLeft <= 0) throw new SecurityInfoError('too-many-attempts', 'Locked');
        throw new SecurityInfoError('invalid-code', 'Wrong code', { attemptsRemaining: challenge.attemptsLeft });
      }
      // Registered before the code is used up: when that fails, the code still works, as on the server.
      registry.register(registration(challenge), challenge.replaces);
      challenges.delete(challengeId);
    },
    async sendEmailCode({ email, replaces, locale }, { signal }) {
      if ((await begin('sendEmailCode', signal)) === 'malformed') return {} as EmailChallenge;
      // The rules of the email step and the server: an address they would refuse is a malformed request (400).
      const checked = checkEmail(email);
      if ('problem' in checked) throw new SecurityInfoError('unknown', `Not an email address: ${checked.problem}`);
      registry.checkReplaces(replaces ?? null, 'email');
      return issueEmail(checked.email, replaces ?? null, locale);
    },
    async startAuthenticatorApp({ replaces }, { signal }) {
      if ((await begin('startAuthenticatorApp', signal)) === 'malformed') return {} as AuthenticatorAppSetup;
      registry.checkReplaces(replaces ?? null, 'authenticator-app');
      const bytes = crypto.getRandomValues(new Uint8Array(APP_SECRET_BYTES));
      const secret = base32Encode(bytes);
      const issuer = options.authenticatorApp?.issuer ?? 'security-info demo';
      const account = options.authenticatorApp?.accountName ?? 'person@example.com';
      const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
      const query = `secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
      const challengeId = newChallengeId();
      const setupSeconds = options.expiresInSeconds ?? 600;
      challenges.set(challengeId, {
        method: 'authenticator-app',
        key: bytes,
        replaces: replaces ?? null,
        expiresAt: now() + setupSeconds * 1000,
        attemptsLeft: maxAttempts,
      });
      lastAppSetup = challengeId;
      return {
        challengeId,
        otpauthUri: `otpauth://totp/${label}?${query}`,
        secret,
        codeLength: APP_TOTP.digits,
        expiresInSeconds: setupSeconds,
      };
    },
    async setSecurityQuestions({ answers, replaces }, { signal }) {
      if ((await begin('setSecurityQuestions', signal)) === 'malformed') return;
      const questions = policy.securityQuestions;
      if (!questions || !offeredMethods(policy).includes('security-questions'))
        throw new SecurityInfoError('unknown', 'The organization does not offer security questions.');
      const offered = new Map(questions.questions.map((question) => [question.id, question.text]));
      const check = checkAnswers(answers, {
        required: questions.required ?? 3,
        questionText: (id) => offered.get(id),
      });
      if (!check.ok || answers.some(({ questionId }) => !offered.has(questionId)))
        throw new SecurityInfoError('unknown', 'The answers break the rules for security questions.');
      registry.register(
        {
          kind: 'security-questions',
          securityQuestions: { questionIds: answers.map(({ questionId }) => questionId) },
          answers: new Map(answers.map(({ questionId, answer }) => [questionId, normalizeAnswer(answer)])),
        },
        replaces ?? null,
      );
    },
    async awaitCallConfirmation({ challengeId }, { signal }) {
      if ((await begin('awaitCallConfirmation', signal)) === 'malformed') return;
      const challenge = find(challengeId);
      if (challenge.method !== 'phone' || challenge.confirmation !== 'keypress')
        throw new SecurityInfoError('unknown', 'Not a keypress challenge');
      if (!challenge.confirmed) {
        await new Promise<void>((resolve, reject) => {
          const wake = () => {
            signal.removeEventListener('abort', onAbort);
            resolve();
          };
          const onAbort = () => {
            challenge.waiters.delete(wake);
            reject(abortError(signal));
          };
          challenge.waiters.add(wake);
          signal.addEventListener('abort', onAbort, { once: true });
        });
      }
      registry.register(registration(challenge), challenge.replaces);
      challenges.delete(challengeId);
    },
    async listMethods({ signal }) {
      if ((await begin('listMethods', signal)) === 'malformed') return { methods: 'none' } as unknown as Registrations;
      return passkeys.view(recovery.view(registry.view()));
    },
    async removeMethod({ id }, { signal }) {
      if ((await begin('removeMethod', signal)) === 'malformed') return;
      registry.remove(id);
    },
    generateRecoveryCodes: recovery.generate,
    ...passkeys.methods,
    async setDefaultMethod({ id }, { signal }) {
      if ((await begin('setDefaultMethod', signal)) === 'malformed') return;
      registry.setDefault(id);
    },
  };
}
