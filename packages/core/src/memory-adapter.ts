/**
 * An in-memory backend for Storybook, the demo and tests: codes are handed to a callback instead of being
 * sent, and every fault the wizard must survive can be injected.
 */
import { SecurityInfoError, type SecurityInfoErrorCode, type SecurityInfoErrorReason } from './errors.js';
import type { AdapterCallOptions, Channel, PhoneChallenge, SecurityInfoAdapter, SecurityInfoPolicy } from './types.js';

export type MemoryAdapterOperation = 'getPolicy' | 'sendCode' | 'resendCode' | 'verifyCode' | 'awaitCallConfirmation';

/**
 * A fault to inject: a {@link SecurityInfoError} code (with its details), `hang` (never settles until
 * aborted), `malformed` (an answer that breaks the contract), `network` (a failed fetch's TypeError), or
 * `error` (a plain Error). `unauthenticated` is a session that ended; `{ code: 'channel-unavailable', reason:
 * 'landline' }` a number that cannot receive text messages but can be called.
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
  /** Time source in milliseconds, for expiry. Default `Date.now`. */
  now?: () => number;
}

export interface MemoryAdapter extends Required<Omit<SecurityInfoAdapter, 'getPolicy'>> {
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
  const faults = new Map<MemoryAdapterOperation, { fault: MemoryAdapterFault; persist: boolean }>();
  const calls: Record<MemoryAdapterOperation, number> = {
    getPolicy: 0,
    sendCode: 0,
    resendCode: 0,
    verifyCode: 0,
    awaitCallConfirmation: 0,
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

  function issue(phoneNumber: string, channel: Channel): PhoneChallenge {
    const challengeId = `mem-${++counter}-${randomDigits(8)}`;
    const confirmation = channel === 'voice' ? (options.voiceConfirmation ?? 'code') : 'code';
    const code = generate(codeLength);
    const expiresInSeconds = options.expiresInSeconds ?? 300;
    challenges.set(challengeId, {
      phoneNumber,
      channel,
      code,
      expiresAt: now() + expiresInSeconds * 1000,
      attemptsLeft: maxAttempts,
      confirmation,
      confirmed: false,
      waiters: new Set(),
    });
    lastCode = { challengeId, phoneNumber, channel, code };
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
    async sendCode({ phoneNumber, channel }, { signal }) {
      if ((await begin('sendCode', signal)) === 'malformed') return {} as PhoneChallenge;
      if (!/^\+[1-9]\d{6,14}$/.test(phoneNumber)) throw new SecurityInfoError('number-rejected', 'Not an E.164 number');
      return issue(phoneNumber, channel);
    },
    async resendCode({ challengeId, channel }, { signal }) {
      if ((await begin('resendCode', signal)) === 'malformed') return {} as PhoneChallenge;
      const previous = find(challengeId);
      challenges.delete(challengeId);
      return issue(previous.phoneNumber, channel);
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
      challenges.delete(challengeId);
    },
  };
}
