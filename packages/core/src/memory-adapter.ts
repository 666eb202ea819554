/**
 * An in-memory backend for Storybook, the demo and tests: codes are handed to a callback instead of being
 * sent, and every fault the wizard must survive can be injected.
 */
import { SecurityInfoError, type SecurityInfoErrorCode, type SecurityInfoErrorReason } from './errors.js';
import { methodPurposes, type MethodKind, type RegisteredMethod, type Registrations } from './registrations.js';
import type { AdapterCallOptions, Channel, PhoneChallenge, SecurityInfoAdapter, SecurityInfoPolicy } from './types.js';

export type MemoryAdapterOperation =
  | 'getPolicy'
  | 'sendCode'
  | 'resendCode'
  | 'verifyCode'
  | 'awaitCallConfirmation'
  | 'listMethods'
  | 'removeMethod'
  | 'setDefaultMethod';

/**
 * A fault to inject: a {@link SecurityInfoError} code (with its details), `hang` (never settles until aborted),
 * `malformed` (an answer that breaks the contract; a call that answers nothing resolves without doing anything),
 * `network` (a failed fetch's TypeError), or `error` (a plain Error). `unauthenticated` is a session that ended;
 * `reauthentication-required` a change the backend wants a recent sign-in for; `{ code: 'channel-unavailable',
 * reason: 'landline' }` a number that cannot receive text messages but can be called.
 */
export type MemoryAdapterFault =
  | SecurityInfoErrorCode
  | {
      code: SecurityInfoErrorCode;
      retryAfterSeconds?: number;
      attemptsRemaining?: number;
      reason?: SecurityInfoErrorReason;
    }
  | 'hang'
  | 'malformed'
  | 'network'
  | 'error';

export interface IssuedCode {
  challengeId: string;
  phoneNumber: string;
  channel: Channel;
  code: string;
  /** The language the message was asked for in, when the call named one. */
  locale?: string;
}

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
}

export interface MemoryAdapterOptions {
  /** Returned by `getPolicy`. Default: every method for its purposes, both channels. */
  policy?: SecurityInfoPolicy;
  /** Receives each code instead of a text message or call. */
  onCode?: (issued: IssuedCode) => void;
  /** Milliseconds each call takes. Default 0. */
  latency?: number;
  codeLength?: number;
  expiresInSeconds?: number;
  resendInSeconds?: number;
  /** How a voice call is confirmed. Default `code`. */
  voiceConfirmation?: 'code' | 'keypress';
  /** Wrong codes accepted per challenge before it locks. Default 5. */
  maxAttempts?: number;
  /** Makes the codes; default random digits. */
  generateCode?: (length: number) => string;
  /** Time source in milliseconds, for expiry and the times of registered methods. Default `Date.now`. */
  now?: () => number;
  /**
   * The person's methods to start with, oldest first, and their default sign-in method (by default the oldest
   * that can serve two-step verification). A verified phone joins them.
   */
  registrations?: { methods: PreloadedMethod[]; defaultMethodId?: string | null };
  /**
   * How many methods able to serve two-step verification the person must keep: removing one of the last is
   * refused with `method-required`. Default 1, as the reference server; 0 lets everything go.
   */
  minimumMfaMethods?: number;
}

export interface MemoryAdapter extends Required<
  Omit<SecurityInfoAdapter, 'getPolicy' | 'sendEmailCode' | 'startAuthenticatorApp' | 'setSecurityQuestions'>
> {
  getPolicy(options: AdapterCallOptions): Promise<SecurityInfoPolicy>;
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
}

export const DEFAULT_POLICY: SecurityInfoPolicy = {
  methods: [
    { id: 'authenticator-app', purposes: ['mfa', 'password-reset'] },
    { id: 'phone', purposes: ['mfa', 'password-reset'] },
    { id: 'email', purposes: ['password-reset'] },
    { id: 'security-questions', purposes: ['password-reset'] },
  ],
  phone: { channels: ['sms', 'voice'] },
};

interface Challenge {
  phoneNumber: string;
  channel: Channel;
  /** The registered phone the number replaces once verified. */
  replaces: string | null;
  code: string;
  expiresAt: number;
  attemptsLeft: number;
  confirmation: 'code' | 'keypress';
  confirmed: boolean;
  waiters: Set<() => void>;
}

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
}

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

  /** Refuses a `replaces` that is not one of the person's phones. */
  function checkReplaces(id: string | null): void {
    if (id !== null && find(id)?.kind !== 'phone')
      throw new SecurityInfoError('unknown', 'The phone to replace is not registered.');
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
          };
        }),
        defaultMethodId,
      };
    },
    checkReplaces,
    registerPhone(phoneNumber: string, channel: Channel, replaces: string | null): void {
      checkReplaces(replaces);
      const same = methods.find((method) => method.kind === 'phone' && method.phone?.phoneNumber === phoneNumber);
      // The number already registered keeps its method; only the channel follows the new choice.
      const method: KeptMethod = same ?? { id: newId(), kind: 'phone', addedAt: iso(), lastUsedAt: null };
      method.phone = { phoneNumber, channel };
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
        throw new SecurityInfoError('method-required', 'This is the last method the organization requires.');
      methods.splice(methods.indexOf(method), 1);
      keepDefault();
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
    listMethods: 0,
    removeMethod: 0,
    setDefaultMethod: 0,
  };
  let lastCode: IssuedCode | undefined;
  let counter = 0;

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
        const { code, ...details } = typeof fault === 'string' ? { code: fault } : fault;
        throw new SecurityInfoError(code, `Injected ${code}`, details);
      }
    }
  }

  function issue(
    phoneNumber: string,
    channel: Channel,
    replaces: string | null,
    locale: string | undefined,
  ): PhoneChallenge {
    const challengeId = `mem-${++counter}-${randomDigits(8)}`;
    const confirmation = channel === 'voice' ? (options.voiceConfirmation ?? 'code') : 'code';
    const code = generate(codeLength);
    const expiresInSeconds = options.expiresInSeconds ?? 300;
    challenges.set(challengeId, {
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

  function find(challengeId: string): Challenge {
    const challenge = challenges.get(challengeId);
    if (!challenge) throw new SecurityInfoError('code-expired', 'No such challenge');
    return challenge;
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
    confirmCall(challengeId) {
      const challenge = challenges.get(challengeId);
      if (!challenge) return;
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
      registry.checkReplaces(replaces ?? null);
      return issue(phoneNumber, channel, replaces ?? null, locale);
    },
    async resendCode({ challengeId, channel, locale }, { signal }) {
      if ((await begin('resendCode', signal)) === 'malformed') return {} as PhoneChallenge;
      const previous = find(challengeId);
      challenges.delete(challengeId);
      return issue(previous.phoneNumber, channel === 'email' ? 'sms' : channel, previous.replaces, locale);
    },
    async verifyCode({ challengeId, code }, { signal }) {
      if ((await begin('verifyCode', signal)) === 'malformed') return;
      const challenge = find(challengeId);
      if (now() >= challenge.expiresAt) throw new SecurityInfoError('code-expired', 'The code expired');
      if (challenge.attemptsLeft <= 0) throw new SecurityInfoError('too-many-attempts', 'Locked');
      if (code !== challenge.code) {
        challenge.attemptsLeft--;
        if (challenge.attemptsLeft <= 0) throw new SecurityInfoError('too-many-attempts', 'Locked');
        throw new SecurityInfoError('invalid-code', 'Wrong code', { attemptsRemaining: challenge.attemptsLeft });
      }
      // Registered before the code is used up: when that fails, the code still works, as on the server.
      registry.registerPhone(challenge.phoneNumber, challenge.channel, challenge.replaces);
      challenges.delete(challengeId);
    },
    async awaitCallConfirmation({ challengeId }, { signal }) {
      if ((await begin('awaitCallConfirmation', signal)) === 'malformed') return;
      const challenge = find(challengeId);
      if (challenge.confirmation !== 'keypress') throw new SecurityInfoError('unknown', 'Not a keypress challenge');
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
      registry.registerPhone(challenge.phoneNumber, challenge.channel, challenge.replaces);
      challenges.delete(challengeId);
    },
    async listMethods({ signal }) {
      if ((await begin('listMethods', signal)) === 'malformed') return { methods: 'none' } as unknown as Registrations;
      return registry.view();
    },
    async removeMethod({ id }, { signal }) {
      if ((await begin('removeMethod', signal)) === 'malformed') return;
      registry.remove(id);
    },
    async setDefaultMethod({ id }, { signal }) {
      if ((await begin('setDefaultMethod', signal)) === 'malformed') return;
      registry.setDefault(id);
    },
  };
}
