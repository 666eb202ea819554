/**
 * `createFetchAdapter()`: the adapter for a backend that speaks the HTTP contract of `docs/http-contract.md`
 * (the one `@security-info/server` implements).
 */
import { readAppSetup } from './app-setup.js';
import { MAX_BACKEND_SECONDS, readChallenge } from './challenge.js';
import {
  isAbortError,
  isSecurityInfoErrorCode,
  isSecurityInfoErrorReason,
  SecurityInfoError,
  type SecurityInfoErrorCode,
} from './errors.js';
import { readPolicy } from './policy-read.js';
import { readRegistrations, type Registrations } from './registrations.js';
import type {
  AdapterCallOptions,
  CodeMethod,
  EmailChallenge,
  MethodKind,
  PasskeyFailureReason,
  PasskeySetup,
  PhoneChallenge,
  RecoveryCodes,
  RegisteredMethod,
  SecurityInfoAdapter,
  SecurityInfoPolicy,
} from './types.js';

export interface FetchAdapterOptions {
  /**
   * Where the routes live, for example `/api/security-info` or `https://id.example.com/api/security-info`. A
   * trailing slash is ignored.
   */
  baseUrl: string;
  /** A `fetch` to use instead of the global one (for tests, or one that adds authentication). */
  fetch?: typeof globalThis.fetch;
  /**
   * Headers for every request, such as a CSRF token or a bearer token. A function is called for each request,
   * and again for the retry after a `refresh`, so it can return a token that changed:
   *
   * ```ts
   * headers: () => ({
   *   'x-csrf-token': document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')!.content,
   * }),
   * ```
   */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /**
   * Sent as the requests' `credentials`. Default `same-origin`; `include` for a backend on another origin that
   * reads a cookie.
   */
  credentials?: RequestCredentials;
  /**
   * Milliseconds each request may take, from getting its `headers` to reading the last byte of the answer. Then
   * it is aborted and the call rejects with the `timeout` error. Default 15000; `Infinity` turns it off. A retry
   * after `refresh` has a time of its own.
   */
  timeout?: number;
  /**
   * Called when the backend answers 401, to renew what `headers` (or `fetch`) authenticates with. Resolve `true`
   * to have the request made once more, `false` to give up. A call rejects with the `unauthenticated` error when
   * its retry gets a 401 as well, when `refresh` resolves `false` or throws, and on any 401 without `refresh`.
   * One refresh runs at a time: calls that get a 401 meanwhile wait for it rather than starting another.
   *
   * ```ts
   * let token = await signIn();
   * createFetchAdapter({
   *   baseUrl: '/api/security-info',
   *   headers: () => ({ authorization: `Bearer ${token}` }),
   *   refresh: async () => {
   *     token = await renewToken(); // your identity provider's client; null once the session has ended
   *     return token !== null;
   *   },
   * });
   * ```
   */
  refresh?: () => boolean | Promise<boolean>;
}

export interface FetchAdapter extends SecurityInfoAdapter {
  getPolicy(options: AdapterCallOptions): Promise<SecurityInfoPolicy>;
  resendCode: NonNullable<SecurityInfoAdapter['resendCode']>;
  awaitCallConfirmation: NonNullable<SecurityInfoAdapter['awaitCallConfirmation']>;
  sendEmailCode: NonNullable<SecurityInfoAdapter['sendEmailCode']>;
  startAuthenticatorApp: NonNullable<SecurityInfoAdapter['startAuthenticatorApp']>;
  setSecurityQuestions: NonNullable<SecurityInfoAdapter['setSecurityQuestions']>;
  listMethods(options: AdapterCallOptions): Promise<Registrations>;
  removeMethod: NonNullable<SecurityInfoAdapter['removeMethod']>;
  setDefaultMethod: NonNullable<SecurityInfoAdapter['setDefaultMethod']>;
  startPasskey: NonNullable<SecurityInfoAdapter['startPasskey']>;
  finishPasskey: NonNullable<SecurityInfoAdapter['finishPasskey']>;
  renameMethod: NonNullable<SecurityInfoAdapter['renameMethod']>;
  generateRecoveryCodes: NonNullable<SecurityInfoAdapter['generateRecoveryCodes']>;
}

const DEFAULT_TIMEOUT = 15_000;
// setTimeout fires at once for a delay above 2^31 - 1 ms, so a longer time-out is treated as none.
const LONGEST_TIMER = 2 ** 31 - 1;
const MAX_ATTEMPTS_REMAINING = 1000;
/**
 * Seconds between two questions about a call's confirmation: the backend's `retryAfterSeconds`, held within these
 * bounds so that a page neither floods the backend nor keeps a person waiting long after they pressed the key.
 */
const CONFIRMATION_POLL = { fallback: 2, least: 1, most: 10 };

/** The one status a route answers with when it succeeds: with a JSON body, or 204 with none. */
type Expected = 200 | 201 | 204;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The reasons a backend gives for refusing a passkey's answer, kept on the error as `reason`. */
const PASSKEY_REASONS: readonly PasskeyFailureReason[] = [
  'already-registered',
  'origin',
  'rp-id',
  'user-verification',
  'challenge',
  'counter',
  'unknown-credential',
  'not-verified',
];
// The same rule as a challenge id, and base64url (the WebAuthn options' buffers).
// An id of dots alone is a path's "." or "..", which a URL resolves away, even percent-encoded: never an id.
const OPAQUE_ID = /^(?!\.+$)[A-Za-z0-9._~-]{1,256}$/;
const BASE64URL = /^[A-Za-z0-9_-]{16,1024}$/;
const RECOVERY_CODE = /^[A-Z0-9](?:[A-Z0-9 -]{0,62}[A-Z0-9])?$/;
const MAX_RECOVERY_CODES = 100;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d\d) ([A-Z][a-z]{2}) (\d{4}) (\d\d):(\d\d):(\d\d) GMT$/;
const RFC_850 =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d\d)-([A-Z][a-z]{2})-(\d\d) (\d\d):(\d\d):(\d\d) GMT$/;
const ASCTIME = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) ([ \d]\d) (\d\d):(\d\d):(\d\d) (\d{4})$/;

/**
 * An HTTP date (RFC 9110, section 5.6.7: the preferred form and the two obsolete ones a recipient must accept)
 * in milliseconds since the epoch. `Date.parse` is not used: what it accepts besides ISO 8601 differs between
 * engines, and it reads an asctime date in local time.
 */
function parseHttpDate(text: string, now: number): number | undefined {
  let parts: (string | undefined)[] | undefined;
  let twoDigitYear = false;
  let match = IMF_FIXDATE.exec(text);
  if (match) {
    const [, day, month, year, hour, minute, second] = match;
    parts = [year, month, day, hour, minute, second];
  } else if ((match = RFC_850.exec(text))) {
    const [, day, month, year, hour, minute, second] = match;
    parts = [year, month, day, hour, minute, second];
    twoDigitYear = true;
  } else if ((match = ASCTIME.exec(text))) {
    const [, month, day, hour, minute, second, year] = match;
    parts = [year, month, day, hour, minute, second];
  }
  if (!parts) return undefined;
  const [yearText, monthName, dayText, hourText, minuteText, secondText] = parts;
  const month = MONTHS.indexOf(monthName ?? '');
  let year = Number(yearText);
  const day = Number(dayText);
  const [hour, minute, second] = [Number(hourText), Number(minuteText), Number(secondText)];
  if (month < 0 || hour > 23 || minute > 59 || second > 60) return undefined;
  if (twoDigitYear) {
    // RFC 9110: a two-digit year more than 50 years in the future means the most recent past year ending so.
    const thisYear = new Date(now).getUTCFullYear();
    year += thisYear - (thisYear % 100);
    if (year > thisYear + 50) year -= 100;
  }
  const time = Date.UTC(year, month, day, hour, minute, Math.min(second, 59));
  // Date.UTC rolls 31 February over into March; such a date is not a date.
  return new Date(time).getUTCDate() === day ? time : undefined;
}

/** Keeps a wait the backend asked for within [0, one day]; what is not a finite, non-negative number is dropped. */
function clampSeconds(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined;
  return Math.min(value, MAX_BACKEND_SECONDS);
}

/** `Retry-After` in seconds: delay-seconds, or an HTTP date counted from now (a date in the past means now). */
function retryAfterHeader(response: Response): number | undefined {
  const value = response.headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return clampSeconds(Number(value));
  const now = Date.now();
  const date = parseHttpDate(value, now);
  return date === undefined ? undefined : clampSeconds(Math.max(0, Math.ceil((date - now) / 1000)));
}

/** What one request came to: the answer's body, or the 401 that a refresh may cure. */
type Outcome = { value: unknown } | { unauthorized: SecurityInfoError };

/** Lets go of a body that will not be read, so the connection is free for the next request. */
function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

/** Settles with `work`, or rejects with the signal's reason as soon as it aborts, whichever comes first. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Resolves after `milliseconds`, or rejects with the signal's reason as soon as it aborts. */
function pause(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Reads the answer of `GET {base}/phone/challenges/{id}/confirmation`: `{ confirmed, retryAfterSeconds? }`.
 * @returns `undefined` once confirmed, else the seconds to wait before asking again.
 */
function readConfirmation(body: unknown): number | undefined {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const { confirmed, retryAfterSeconds: wait } = fields;
  if (typeof confirmed !== 'boolean' || (wait !== undefined && clampSeconds(wait) === undefined))
    throw new SecurityInfoError('unknown', 'The backend answered with something that is not a confirmation.');
  if (confirmed) return undefined;
  const { fallback, least, most } = CONFIRMATION_POLL;
  return typeof wait === 'number' ? Math.min(Math.max(wait, least), most) : fallback;
}

/** The route prefix of each method whose challenges end with a code. */
const CHALLENGE_ROUTES: Readonly<Record<CodeMethod, string>> = {
  phone: '/phone/challenges',
  email: '/email/challenges',
  'authenticator-app': '/authenticator-app/challenges',
};

/** An email challenge: a phone's, without what only a voice call has. */
function readEmailChallenge(value: unknown): EmailChallenge {
  const { confirmation: _voiceOnly, ...challenge } = readChallenge(value);
  return challenge;
}

function isJson(response: Response): boolean {
  const type = response.headers.get('content-type') ?? '';
  return type.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/**
 * Reads the error body of the contract: `{ error, message, retryAfterSeconds?, attemptsRemaining?, reason? }`.
 * A 401 is `unauthenticated` whatever the body says, and a 429 without a known code `rate-limited`.
 */
async function errorFrom(response: Response): Promise<SecurityInfoError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const retryAfterSeconds = clampSeconds(fields.retryAfterSeconds) ?? retryAfterHeader(response);
  const attempts = fields.attemptsRemaining;
  const attemptsRemaining =
    typeof attempts === 'number' && attempts >= 0 && Number.isFinite(attempts)
      ? Math.min(Math.floor(attempts), MAX_ATTEMPTS_REMAINING)
      : undefined;
  let code: SecurityInfoErrorCode = isSecurityInfoErrorCode(fields.error) ? fields.error : 'unknown';
  if (response.status === 401) code = 'unauthenticated';
  else if (response.status === 429 && code === 'unknown') code = 'rate-limited';
  const message = typeof fields.message === 'string' ? fields.message : `HTTP ${response.status}`;
  const error = new SecurityInfoError(code, message, {
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    ...(attemptsRemaining !== undefined ? { attemptsRemaining } : {}),
    ...(isSecurityInfoErrorReason(fields.reason) ? { reason: fields.reason } : {}),
  });
  // A passkey's reason (`PasskeyFailureReason`, and `PasskeyLimitReason` with `unknown`) rides on the error as
  // `reason` too, for the step to say.
  if (
    (code === 'invalid-code' && PASSKEY_REASONS.includes(fields.reason as PasskeyFailureReason)) ||
    (code === 'unknown' && fields.reason === 'method-limit')
  )
    Object.defineProperty(error, 'reason', { value: fields.reason, enumerable: true });
  return error;
}

function malformedAnswer(what: string): SecurityInfoError {
  return new SecurityInfoError('unknown', `The backend answered with ${what} that breaks the contract.`);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/**
 * Checks the answer to `startPasskey`: a challenge id, and creation options whose fields the browser's dialog needs
 * (a base64url challenge and user handle, the relying party's name, the user's names, algorithms). The options are
 * handed on as they came: the dialog ignores what it does not know.
 */
function readPasskeySetup(value: unknown): PasskeySetup {
  const { challengeId, options } = isRecord(value) ? value : {};
  if (typeof challengeId !== 'string' || !OPAQUE_ID.test(challengeId)) throw malformedAnswer('a passkey setup');
  const { challenge, rp, user, pubKeyCredParams, excludeCredentials } = isRecord(options) ? options : {};
  if (
    typeof challenge !== 'string' ||
    !BASE64URL.test(challenge) ||
    !isRecord(rp) ||
    !isText(rp.name) ||
    (rp.id !== undefined && !isText(rp.id)) ||
    !isRecord(user) ||
    typeof user.id !== 'string' ||
    !BASE64URL.test(user.id) ||
    !isText(user.name) ||
    typeof user.displayName !== 'string' ||
    !Array.isArray(pubKeyCredParams) ||
    !pubKeyCredParams.every((param) => isRecord(param) && param.type === 'public-key' && Number.isInteger(param.alg)) ||
    (excludeCredentials !== undefined &&
      !(Array.isArray(excludeCredentials) && excludeCredentials.every((c) => isRecord(c) && isText(c.id))))
  )
    throw malformedAnswer('passkey options');
  return { challengeId, options: options as unknown as PasskeySetup['options'] };
}

/** One registered method of `kind`, checked as `listMethods` checks each. */
function readMethod(value: unknown, kind: MethodKind): RegisteredMethod {
  let method: RegisteredMethod | undefined;
  try {
    method = readRegistrations({ methods: [value], defaultMethodId: null }).methods[0];
  } catch {
    method = undefined;
  }
  if (method?.kind !== kind) throw malformedAnswer(`a registered ${kind}`);
  return method;
}

/** Checks the answer to `generateRecoveryCodes`: the codes (different, printable) and the registration they make. */
function readRecoveryCodes(value: unknown): RecoveryCodes {
  const { codes, method } = isRecord(value) ? value : {};
  if (
    !Array.isArray(codes) ||
    codes.length === 0 ||
    codes.length > MAX_RECOVERY_CODES ||
    !codes.every((code) => typeof code === 'string' && RECOVERY_CODE.test(code)) ||
    new Set(codes).size !== codes.length
  )
    throw malformedAnswer('recovery codes');
  const registered = readMethod(method, 'recovery-codes');
  if (registered.recoveryCodes && registered.recoveryCodes.total !== codes.length)
    throw malformedAnswer('recovery codes');
  return { codes: [...(codes as string[])], method: registered };
}

/**
 * One signal that aborts with the caller's, or with a time-out of its own. `done` stops the timer (and, without
 * `AbortSignal.any`, stops listening to the caller's signal).
 */
function withTimeout(caller: AbortSignal, milliseconds: number) {
  const timer = new AbortController();
  const id =
    milliseconds <= LONGEST_TIMER
      ? setTimeout(() => timer.abort(new DOMException('The request took too long.', 'TimeoutError')), milliseconds)
      : undefined;
  let signal: AbortSignal;
  let stopListening = () => {};
  if (typeof AbortSignal.any === 'function') {
    signal = AbortSignal.any([caller, timer.signal]);
  } else {
    const both = new AbortController();
    const forward = (source: AbortSignal) => () => both.abort(source.reason);
    if (caller.aborted) both.abort(caller.reason);
    const onCaller = forward(caller);
    const onTimer = forward(timer.signal);
    caller.addEventListener('abort', onCaller, { once: true });
    timer.signal.addEventListener('abort', onTimer, { once: true });
    stopListening = () => {
      caller.removeEventListener('abort', onCaller);
      timer.signal.removeEventListener('abort', onTimer);
    };
    signal = both.signal;
  }
  return {
    signal,
    timedOut: () => timer.signal.aborted && !caller.aborted,
    done() {
      clearTimeout(id);
      stopListening();
    },
  };
}

/**
 * An adapter that calls the routes of the HTTP contract under `baseUrl`. It accepts only each route's documented
 * answer (its status, and a JSON body where it has one); anything else, such as a sign-in page served with 200,
 * rejects with the `unknown` error rather than passing for success. Throws a `RangeError` for a `timeout` that
 * is not a positive number.
 *
 * `verifyCode` posts to the challenge route of the request's `method` (`phone` when absent), and `resendCode` with
 * `channel: 'email'` to the email route. A 401 is the only answer after which a request is made again (with
 * `refresh`): the backend refused it before acting on it, so no second code goes out.
 *
 * `awaitCallConfirmation` asks `GET {base}/phone/challenges/{id}/confirmation` until the backend says the call
 * was confirmed, waiting the answer's `retryAfterSeconds` (1 to 10, 2 when absent) between two questions; each
 * question is a request with its own `timeout`, and the call's signal ends the wait.
 */
export function createFetchAdapter(options: FetchAdapterOptions): FetchAdapter {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  if (!(timeout > 0)) throw new RangeError('createFetchAdapter: timeout must be a positive number of milliseconds.');

  // The refresh that runs, or ran last; `generation` counts refreshes started, so that a request sent before
  // the last one started knows that it may have failed only for want of it.
  let generation = 0;
  let latest: { generation: number; settled: boolean; renewed: Promise<boolean> } | undefined;

  function refreshFor(sentInGeneration: number, refresh: () => boolean | Promise<boolean>): Promise<boolean> {
    if (latest && (!latest.settled || latest.generation > sentInGeneration)) return latest.renewed;
    const entry = { generation: ++generation, settled: false, renewed: Promise.resolve(false) };
    entry.renewed = (async () => {
      try {
        return (await refresh()) === true;
      } finally {
        entry.settled = true;
      }
    })();
    latest = entry;
    return entry.renewed;
  }

  /** Sends one request and reads its answer within `signal`, which also carries the time-out. */
  async function exchange(
    method: Method,
    path: string,
    body: unknown,
    expected: Expected,
    signal: AbortSignal,
  ): Promise<Outcome> {
    const extra = typeof options.headers === 'function' ? await options.headers() : options.headers;
    const headers = new Headers(extra);
    headers.set('accept', 'application/json');
    if (body !== undefined) headers.set('content-type', 'application/json');
    const response = await doFetch(`${base}${path}`, {
      method,
      headers,
      credentials: options.credentials ?? 'same-origin',
      // A redirect is no answer of the contract. Followed, it would carry the code, the number or the answers, and
      // the host's headers, to wherever the backend (or a proxy before it) pointed: the browser stops at it.
      redirect: 'manual',
      signal,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    // `opaqueredirect` in a browser, the 3xx itself in Node; `redirected` from a host's `fetch` that followed anyway.
    if (
      response.type === 'opaqueredirect' ||
      response.redirected ||
      (response.status >= 300 && response.status < 400)
    ) {
      discard(response);
      throw new SecurityInfoError(
        'unknown',
        'The backend answered with a redirect, which the contract does not allow.',
      );
    }
    if (response.status === 401) return { unauthorized: await errorFrom(response) };
    if (!response.ok) throw await errorFrom(response);
    if (response.status !== expected) {
      discard(response);
      throw new SecurityInfoError(
        'unknown',
        `The backend answered with HTTP ${response.status} where ${expected} was expected.`,
      );
    }
    if (expected === 204) {
      discard(response);
      return { value: undefined };
    }
    if (!isJson(response)) {
      discard(response);
      throw new SecurityInfoError('unknown', 'The backend answered with something that is not JSON.');
    }
    try {
      return { value: await response.json() };
    } catch (error) {
      if (signal.aborted) throw error;
      throw new SecurityInfoError('unknown', 'The backend answered with something that is not JSON.', {
        cause: error,
      });
    }
  }

  /**
   * Makes one request under the time-out. The caller's abort rejects with the caller's reason, even when a
   * `fetch` given in the options does not listen to its signal.
   */
  async function attempt(
    method: Method,
    path: string,
    body: unknown,
    expected: Expected,
    signal: AbortSignal,
  ): Promise<Outcome> {
    const limit = withTimeout(signal, timeout);
    try {
      return await untilAborted(exchange(method, path, body, expected, limit.signal), limit.signal);
    } catch (error) {
      if (signal.aborted) throw isAbortError(error, signal) ? error : signal.reason;
      if (limit.timedOut()) throw new SecurityInfoError('timeout', 'The request took too long.', { cause: error });
      if (error instanceof SecurityInfoError) throw error;
      // fetch rejects with a TypeError only when the request could not be made at all.
      if (error instanceof TypeError)
        throw new SecurityInfoError('network', 'The backend could not be reached.', { cause: error });
      throw error;
    } finally {
      limit.done();
    }
  }

  /** Makes a request; after a 401, has `refresh` renew the credentials and makes it once more. */
  async function call(
    method: Method,
    path: string,
    body: unknown,
    expected: Expected,
    signal: AbortSignal,
  ): Promise<unknown> {
    const sentInGeneration = generation;
    const first = await attempt(method, path, body, expected, signal);
    if ('value' in first) return first.value;
    const { refresh } = options;
    if (!refresh) throw first.unauthorized;
    let renewed: boolean;
    try {
      renewed = await untilAborted(refreshFor(sentInGeneration, refresh), signal);
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw new SecurityInfoError('unauthenticated', 'The credentials could not be renewed.', { cause: error });
    }
    if (!renewed) throw first.unauthorized;
    const second = await attempt(method, path, body, expected, signal);
    if ('value' in second) return second.value;
    throw second.unauthorized;
  }

  async function challenge(answer: Promise<unknown>): Promise<PhoneChallenge> {
    return readChallenge(await answer);
  }

  // Ids are opaque: whatever one holds, it stays one path segment. Dots alone would be "." or "..", which the URL
  // resolves away (percent-encoded too), so the request would go to another route: refused before it is sent.
  const id = (opaque: string) => {
    if (/^\.+$/.test(opaque)) throw new SecurityInfoError('unknown', 'An id of dots alone is not an id.');
    return encodeURIComponent(opaque);
  };

  return {
    async getPolicy({ signal }) {
      const body = await call('GET', '/policy', undefined, 200, signal);
      try {
        // The wizard's reader: the other methods' sections are read by a module that loads only when they are there.
        const policy = await readPolicy(body);
        // Whether recovery codes are offered: the Security info page's question, which the wizard's reader leaves out.
        const { recoveryCodes } = body as Record<string, unknown>;
        return typeof recoveryCodes === 'boolean' ? { ...policy, recoveryCodes } : policy;
      } catch (error) {
        throw new SecurityInfoError('unknown', 'The backend answered with something that is not a policy.', {
          cause: error,
        });
      }
    },
    async sendCode({ phoneNumber, channel, replaces, locale }, { signal }) {
      const body = {
        phoneNumber,
        channel,
        ...(replaces !== undefined ? { replaces } : {}),
        ...(locale !== undefined ? { locale } : {}),
      };
      return challenge(call('POST', '/phone/challenges', body, 201, signal));
    },
    async resendCode({ challengeId, channel, locale }, { signal }) {
      const language = locale !== undefined ? { locale } : {};
      // An email challenge has one channel, so its route takes none.
      if (channel === 'email') {
        const answer = call('POST', `/email/challenges/${id(challengeId)}/resend`, language, 200, signal);
        return readEmailChallenge(await answer);
      }
      const body = { channel, ...language };
      return challenge(call('POST', `/phone/challenges/${id(challengeId)}/resend`, body, 200, signal));
    },
    async verifyCode({ challengeId, code, method = 'phone' }, { signal }) {
      const route: unknown = CHALLENGE_ROUTES[method];
      // Checked because a page without types could name any method, and would then post to no route at all.
      if (typeof route !== 'string') throw new TypeError(`verifyCode: no method "${String(method)}".`);
      await call('POST', `${route}/${id(challengeId)}/verify`, { code }, 204, signal);
    },
    async sendEmailCode({ email, replaces, locale }, { signal }) {
      const body = {
        email,
        ...(replaces !== undefined ? { replaces } : {}),
        ...(locale !== undefined ? { locale } : {}),
      };
      return readEmailChallenge(await call('POST', '/email/challenges', body, 201, signal));
    },
    async startAuthenticatorApp({ replaces }, { signal }) {
      const body = replaces !== undefined ? { replaces } : {};
      return readAppSetup(await call('POST', '/authenticator-app/challenges', body, 201, signal));
    },
    async setSecurityQuestions({ answers, replaces }, { signal }) {
      // Only what the contract names goes out: an answer is sent once, to be hashed, and nothing rides along.
      const body = {
        answers: answers.map(({ questionId, answer }) => ({ questionId, answer })),
        ...(replaces !== undefined ? { replaces } : {}),
      };
      await call('PUT', '/security-questions', body, 204, signal);
    },
    // The backend learns of the key press from its telephony provider; the page asks until it has (or gives up).
    async awaitCallConfirmation({ challengeId }, { signal }) {
      for (;;) {
        const body = await call('GET', `/phone/challenges/${id(challengeId)}/confirmation`, undefined, 200, signal);
        const wait = readConfirmation(body);
        if (wait === undefined) return;
        await pause(wait * 1000, signal);
      }
    },
    async listMethods({ signal }) {
      return readRegistrations(await call('GET', '/methods', undefined, 200, signal));
    },
    async removeMethod({ id: methodId }, { signal }) {
      await call('DELETE', `/methods/${id(methodId)}`, undefined, 204, signal);
    },
    async setDefaultMethod({ id: methodId }, { signal }) {
      await call('PUT', '/methods/default', { id: methodId }, 204, signal);
    },
    async startPasskey({ signal }) {
      return readPasskeySetup(await call('POST', '/passkey/registration-options', {}, 201, signal));
    },
    async finishPasskey({ challengeId, response, name }, { signal }) {
      const body = { challengeId, response, ...(name !== undefined ? { name } : {}) };
      return readMethod(await call('POST', '/passkeys', body, 201, signal), 'passkey');
    },
    async renameMethod({ id: methodId, name }, { signal }) {
      await call('PATCH', `/methods/${id(methodId)}`, { name }, 204, signal);
    },
    async generateRecoveryCodes({ signal }) {
      return readRecoveryCodes(await call('POST', '/recovery-codes', {}, 201, signal));
    },
  };
}
