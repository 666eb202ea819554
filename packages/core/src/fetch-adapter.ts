/**
 * `createFetchAdapter()`: the adapter for a backend that speaks the HTTP contract of `docs/http-contract.md`
 * (the one `@security-info/server` implements).
 */
import { readChallenge } from './challenge.js';
import { isAbortError, isSecurityInfoErrorCode, SecurityInfoError } from './errors.js';
import { parsePolicy } from './policy.js';
import type { AdapterCallOptions, PhoneChallenge, SecurityInfoAdapter, SecurityInfoPolicy } from './types.js';

export interface FetchAdapterOptions {
  /** Where the routes live, for example `/api/security-info` or `https://id.example.com/api/security-info`. */
  baseUrl: string;
  /** A `fetch` to use instead of the global one (for tests, or one that adds authentication). */
  fetch?: typeof globalThis.fetch;
  /** Headers for every request, such as a CSRF token; a function is called for each request. */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /** Sent as the requests' `credentials`. Default `same-origin`. */
  credentials?: RequestCredentials;
}

export interface FetchAdapter extends SecurityInfoAdapter {
  getPolicy(options: AdapterCallOptions): Promise<SecurityInfoPolicy>;
  resendCode: NonNullable<SecurityInfoAdapter['resendCode']>;
}

/** Reads the error body of the contract: `{ error, message, retryAfterSeconds?, attemptsRemaining? }`. */
async function errorFrom(response: Response): Promise<SecurityInfoError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const header = Number(response.headers.get('retry-after'));
  const retryAfterSeconds =
    typeof fields.retryAfterSeconds === 'number'
      ? fields.retryAfterSeconds
      : Number.isFinite(header) && header > 0
        ? header
        : undefined;
  const attemptsRemaining = typeof fields.attemptsRemaining === 'number' ? fields.attemptsRemaining : undefined;
  const code = isSecurityInfoErrorCode(fields.error)
    ? fields.error
    : response.status === 429
      ? 'rate-limited'
      : 'unknown';
  const message = typeof fields.message === 'string' ? fields.message : `HTTP ${response.status}`;
  return new SecurityInfoError(code, message, {
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    ...(attemptsRemaining !== undefined ? { attemptsRemaining } : {}),
  });
}

export function createFetchAdapter(options: FetchAdapterOptions): FetchAdapter {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));

  async function call(method: 'GET' | 'POST', path: string, body: unknown, signal: AbortSignal): Promise<Response> {
    const extra = typeof options.headers === 'function' ? await options.headers() : options.headers;
    const headers = new Headers(extra);
    headers.set('accept', 'application/json');
    if (body !== undefined) headers.set('content-type', 'application/json');
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers,
        credentials: options.credentials ?? 'same-origin',
        signal,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      if (isAbortError(error, signal)) throw error;
      // fetch rejects with a TypeError only when the request could not be made at all.
      if (error instanceof TypeError)
        throw new SecurityInfoError('network', 'The backend could not be reached.', { cause: error });
      throw error;
    }
    if (!response.ok) throw await errorFrom(response);
    return response;
  }

  async function json(response: Response): Promise<unknown> {
    try {
      return await response.json();
    } catch (error) {
      throw new SecurityInfoError('unknown', 'The backend answered with something that is not JSON.', { cause: error });
    }
  }

  async function challenge(response: Response): Promise<PhoneChallenge> {
    return readChallenge(await json(response));
  }

  const id = (challengeId: string) => encodeURIComponent(challengeId);

  return {
    async getPolicy({ signal }) {
      const body = await json(await call('GET', '/policy', undefined, signal));
      try {
        return parsePolicy(body);
      } catch (error) {
        throw new SecurityInfoError('unknown', 'The backend answered with something that is not a policy.', {
          cause: error,
        });
      }
    },
    async sendCode({ phoneNumber, channel }, { signal }) {
      return challenge(await call('POST', '/phone/challenges', { phoneNumber, channel }, signal));
    },
    async resendCode({ challengeId, channel }, { signal }) {
      return challenge(await call('POST', `/phone/challenges/${id(challengeId)}/resend`, { channel }, signal));
    },
    async verifyCode({ challengeId, code }, { signal }) {
      await call('POST', `/phone/challenges/${id(challengeId)}/verify`, { code }, signal);
    },
  };
}
