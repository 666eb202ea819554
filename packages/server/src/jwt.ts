/**
 * `createJwtAuthenticator()`: an `authenticate` for the handler that accepts OAuth access tokens (JWTs) sent as
 * `Authorization: Bearer …` and checks them against an OpenID Connect issuer's published keys.
 */
import {
  createRemoteJWKSet,
  customFetch,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
} from 'jose';
import { readBounded } from './bounded-read.js';
import { KnownOutage } from './timeout.js';

/**
 * How an access token is told from an ID token or another token of the same issuer. Every check given must pass,
 * and at least one must be given.
 */
export interface AccessTokenCheck {
  /**
   * The `typ` header the token must carry, compared without case and with or without `application/`. RFC 9068
   * access tokens carry `at+jwt`. A value that an ID token also carries (`JWT`) is refused at creation.
   */
  type?: string;
  /**
   * A scope the token must hold, in `scope` (space-separated, RFC 9068) or `scp` (an array, or a
   * space-separated string as Microsoft Entra ID writes it).
   */
  scope?: string;
  /** Claims the token must carry with exactly these values, such as `{ token_use: 'access' }` (Amazon Cognito). */
  claims?: Record<string, string | number | boolean>;
}

export interface JwtAuthenticatorOptions {
  /** The issuer, exactly as in the tokens' `iss` and the issuer's discovery document (a trailing `/` counts). */
  issuer: string;
  /** The token's `aud` must contain this value, or one of these values. */
  audience: string | string[];
  /**
   * The issuer's key set: `jwks_uri` in its `/.well-known/openid-configuration`. There is no default, because
   * issuers publish it at different paths. Must be `https:`, or `http:` on a loopback address. Fetched on first
   * use, cached, and fetched again when a token names a key it has not seen (at most every 30 seconds). A fetch
   * that fails (not 200 within `keySetTimeoutMs`, a redirect, over 1 MiB, not a key set) is not tried again for 5
   * seconds. Give either this or `keys`.
   */
  jwksUrl?: string | URL;
  /**
   * How long a fetch of `jwksUrl` may take, in milliseconds. Default 5000. Keep it below the handler's
   * `dependencyTimeoutMs`: then a slow issuer fails the fetch, reported once, before the handler gives up on each
   * request waiting for it.
   */
  keySetTimeoutMs?: number;
  /** Where keys come from instead of `jwksUrl`: `createLocalJWKSet(…)`, or your own `createRemoteJWKSet(…)`. */
  keys?: JWTVerifyGetKey;
  /**
   * The signature algorithms accepted; a token signed with any other is refused. Default `['RS256', 'ES256']`.
   * `none` is refused at creation. A key set of public keys never yields a key for `HS256` and its kind.
   */
  algorithms?: string[];
  /** Seconds of clock difference allowed when checking `exp`, `nbf` and `iat`. Default 30. */
  clockToleranceSeconds?: number;
  /** How access tokens are recognized. Default `{ type: 'at+jwt' }`. */
  accessToken?: AccessTokenCheck;
  /** When set, tokens must carry `iat` and be no older than this. */
  maxTokenAgeSeconds?: number;
  /**
   * Called when a token could not be checked for a reason other than the token itself: the key set unreachable,
   * slow, or not a key set, or a `keys` function that threw. The authenticator then rejects, so the handler answers
   * 503 (an outage of the identity provider must not tell everyone their session ended). Refused tokens are not
   * reported, and neither are the other requests that waited for a failed fetch of `jwksUrl` or came in the 5 seconds
   * after it (the failure was, once; the handler answers them 503 without logging them). The error never contains the
   * token.
   */
  onError?: (error: unknown) => void;
  /** Time in milliseconds since the epoch. Default `Date.now`. */
  clock?: () => number;
}

const MAX_HEADER_LENGTH = 8 * 1024;
/** The largest key set read. Issuers publish a few kilobytes; more is a misconfigured or hostile server. */
const MAX_KEY_SET_BYTES = 1024 * 1024;
/** How long a fetch of the key set may take unless `keySetTimeoutMs` says otherwise. */
export const DEFAULT_KEY_SET_TIMEOUT_MS = 5_000;
/** How long after a failed fetch of the key set it is not asked for again (the requests meanwhile answer 503). */
const KEY_SET_RETRY_MS = 5_000;
/** RFC 6750: the scheme, one space or more, one b64token, nothing else. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/** jose's codes for a token that is malformed, forged, out of date or not for us: the ordinary 401. */
const TOKEN_FAULTS = new Set([
  'ERR_JWT_EXPIRED',
  'ERR_JWT_CLAIM_VALIDATION_FAILED',
  'ERR_JWT_INVALID',
  'ERR_JWS_INVALID',
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JOSE_NOT_SUPPORTED',
  'ERR_JWKS_NO_MATCHING_KEY',
  // Several candidate keys, none of which verified the token.
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
]);

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

function fail(message: string): never {
  throw new Error(`createJwtAuthenticator: ${message}`);
}

function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(url.hostname);
}

function keySetUrl(value: string | URL): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    fail(`jwksUrl is not a URL: ${String(value)}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    fail('jwksUrl must be https: (http: only on a loopback address), or the keys could be replaced in transit.');
  }
  // fetch refuses such a URL on every request: each token would be answered 503, and the password end up in logs.
  if (url.username !== '' || url.password !== '') fail('jwksUrl must not contain a user name or password.');
  return url;
}

/** A fetch of the key set failed; the message says why, never with a token. */
class KeySetError extends Error {}

/** A fetch of the key set was not even tried: the last one failed a moment ago, and was reported then. */
class KeySetPause extends Error {}

/** The body of a key set answer, read up to MAX_KEY_SET_BYTES; more is refused without reading it all. */
async function readKeySet(response: Response): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  const tooLarge = () => new KeySetError(`the key set is larger than ${MAX_KEY_SET_BYTES} bytes`);
  if (declared > MAX_KEY_SET_BYTES) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return '';
  const all = await readBounded(response.body, MAX_KEY_SET_BYTES);
  if (!all) throw tooLarge();
  return new TextDecoder().decode(all);
}

function isKeySet(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const keys = (value as { keys?: unknown }).keys;
  return Array.isArray(keys) && keys.every((key) => typeof key === 'object' && key !== null && !Array.isArray(key));
}

/**
 * The key set behind `url`, fetched by jose (cached 10 minutes, again for an unknown `kid` at most every 30 seconds,
 * `keySetTimeoutMs` at most per fetch, no redirects), with what jose leaves out: a size limit, and a pause after a failure.
 * Without the pause, every request naming a key not in the set (anyone can write such a token) would have the
 * issuer asked again while it is down: one request to it, and one error in the log, for each request to us.
 */
function remoteKeySet(url: URL, now: () => number, timeoutDuration: number): JWTVerifyGetKey {
  let failedAt = -Infinity;
  const fetchKeySet = async (resource: string, init: RequestInit): Promise<Response> => {
    if (now() < failedAt + KEY_SET_RETRY_MS) throw new KeySetPause('the key set could not be fetched a moment ago');
    try {
      const response = await fetch(resource, init);
      if (response.status !== 200) {
        await response.body?.cancel().catch(() => undefined);
        const redirect = response.status >= 300 && response.status < 400 ? ' (redirects are not followed)' : '';
        throw new KeySetError(`the key set URL answered ${response.status}${redirect}`);
      }
      const text = await readKeySet(response);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new KeySetError('the key set URL answered something that is not JSON');
      }
      if (!isKeySet(json)) throw new KeySetError('the key set URL answered JSON that is not a key set');
      return new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });
    } catch (error) {
      failedAt = now();
      throw error;
    }
  };
  return createRemoteJWKSet(url, { [customFetch]: fetchKeySet, timeoutDuration });
}

function seconds(name: string, value: number | undefined): number | undefined {
  if (value !== undefined && !(Number.isFinite(value) && value >= 0)) fail(`${name} must be a number of seconds.`);
  return value;
}

function normalizedType(value: string): string {
  const lower = value.toLowerCase();
  return lower.startsWith('application/') ? lower : `application/${lower}`;
}

function scopesOf(value: unknown): string[] {
  if (typeof value === 'string') return value.split(' ');
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

function isAccessToken(payload: JWTPayload, check: AccessTokenCheck): boolean {
  if (check.scope !== undefined) {
    const scope = check.scope;
    if (!scopesOf(payload.scope).includes(scope) && !scopesOf(payload.scp).includes(scope)) return false;
  }
  for (const [name, value] of Object.entries(check.claims ?? {})) {
    if (!Object.hasOwn(payload, name) || payload[name] !== value) return false;
  }
  return true;
}

/** An `authenticate` for the handler, which also says when the person signed in, for `recentAuthentication`. */
export interface JwtAuthenticator {
  (request: Request): Promise<string | null>;
  /**
   * When the person signed in (milliseconds since the epoch), from the `auth_time` claim (RFC 9068, OpenID Connect)
   * of the token this authenticator accepted for `request`; `null` when the token carries none, or none was
   * accepted for it. The handler authenticates each request before it asks `recentAuthentication`:
   * `recentAuthentication: (request) => (jwt.authenticatedAt(request) ?? 0) > Date.now() - 10 * 60_000`.
   */
  authenticatedAt(request: Request): number | null;
}

/**
 * An `authenticate` for the handler: reads `Authorization: Bearer <JWT>`, verifies the token's signature against
 * the issuer's keys and its issuer, audience, lifetime and access-token marks, and resolves with
 * `` `${issuer}#${sub}` `` (OpenID Connect issuers have no `#`, so two issuers' users never share an id), or
 * with null for a request that carries no acceptable token. It rejects only when the keys cannot be had.
 *
 * Throws at creation when the options could let an unsuitable token through.
 */
export function createJwtAuthenticator(options: JwtAuthenticatorOptions): JwtAuthenticator {
  const { issuer, audience } = options;
  if (typeof issuer !== 'string' || issuer === '') fail('issuer is required.');
  if (issuer.includes('#')) fail('issuer must not contain "#": it separates the issuer from the subject in user ids.');
  const audiences = typeof audience === 'string' ? [audience] : Array.isArray(audience) ? [...audience] : [];
  if (audiences.length === 0 || audiences.some((a) => typeof a !== 'string' || a === '')) {
    fail('audience is required: the value (or values) your issuer puts in `aud` for this API.');
  }

  if (options.algorithms !== undefined && !Array.isArray(options.algorithms)) fail('algorithms must be a list.');
  // Copies: a host changing its arrays later must not change what is accepted.
  const algorithms = [...(options.algorithms ?? ['RS256', 'ES256'])];
  if (algorithms.length === 0) fail('algorithms must name at least one algorithm.');
  if (algorithms.some((alg) => typeof alg !== 'string' || alg.toLowerCase() === 'none')) {
    fail('algorithms must not contain "none": unsigned tokens can be written by anyone.');
  }

  if ((options.jwksUrl === undefined) === (options.keys === undefined)) fail('give either jwksUrl or keys.');

  const given = options.accessToken ?? { type: 'at+jwt' };
  const check: AccessTokenCheck = { ...given, ...(given.claims ? { claims: { ...given.claims } } : {}) };
  if (check.type === undefined && check.scope === undefined && Object.keys(check.claims ?? {}).length === 0) {
    fail('accessToken must name at least one check (type, scope or claims), or ID tokens would be accepted.');
  }
  if (check.type !== undefined && normalizedType(check.type) === 'application/jwt') {
    fail('accessToken.type "JWT" is what ID tokens carry too: it does not tell access tokens apart.');
  }
  if (check.scope !== undefined && (check.scope === '' || /\s/.test(check.scope))) {
    fail('accessToken.scope must be one scope.');
  }

  const clockTolerance = seconds('clockToleranceSeconds', options.clockToleranceSeconds) ?? 30;
  const maxTokenAge = seconds('maxTokenAgeSeconds', options.maxTokenAgeSeconds);
  const now = options.clock ?? Date.now;
  const keySetTimeout = options.keySetTimeoutMs ?? DEFAULT_KEY_SET_TIMEOUT_MS;
  if (!(Number.isFinite(keySetTimeout) && keySetTimeout > 0)) fail('keySetTimeoutMs must be a positive number.');
  const keys = options.keys ?? remoteKeySet(keySetUrl(options.jwksUrl!), now, keySetTimeout);

  function verifyOptions(): JWTVerifyOptions {
    return {
      issuer,
      audience: audiences,
      algorithms,
      clockTolerance,
      currentDate: new Date(now()),
      // jose accepts a token without `exp`; a token that never expires is not one we want.
      requiredClaims: ['exp', 'sub'],
      ...(check.type !== undefined ? { typ: check.type } : {}),
      ...(maxTokenAge !== undefined ? { maxTokenAge } : {}),
    };
  }

  async function verify(token: string): Promise<JWTPayload> {
    const verifying = verifyOptions();
    try {
      return (await jwtVerify(token, keys, verifying)).payload;
    } catch (error) {
      // A token without `kid` while the issuer publishes several keys of its kind (during a key rotation): jose
      // offers the candidates, and the token is good if one of them verifies it.
      if (codeOf(error) !== 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') throw error;
      for await (const key of error as AsyncIterable<CryptoKey>) {
        try {
          return (await jwtVerify(token, key, verifying)).payload;
        } catch (inner) {
          if (codeOf(inner) !== 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') throw inner;
        }
      }
      throw error;
    }
  }

  function report(error: unknown): void {
    if (!options.onError) return;
    try {
      options.onError(error);
    } catch {
      // A failing logger must not turn a refusal into an exception.
    }
  }

  // The sign-in time of each request's accepted token, for as long as the request lives.
  const signedIn = new WeakMap<Request, number>();

  // The failures told to onError (and to the handler's log): one failed fetch of the key set is what every request
  // waiting for it meanwhile is refused with, and is told once.
  const reported = new WeakSet<object>();
  const unavailable = 'The identity provider’s keys could not be had.';

  const authenticate = async (request: Request) => {
    const header = request.headers.get('authorization');
    if (header === null || header.length > MAX_HEADER_LENGTH) return null;
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) return null;
    let payload: JWTPayload;
    try {
      payload = await verify(token);
    } catch (error) {
      if (TOKEN_FAULTS.has(codeOf(error) as string)) return null;
      // A pause after a failure, and a failed fetch many requests waited for, were reported with the failure.
      if (error instanceof KeySetPause || (options.keys === undefined && reported.has(error as object)))
        throw new KnownOutage(unavailable);
      if (options.keys === undefined && typeof error === 'object' && error !== null) reported.add(error);
      report(error);
      throw new Error(unavailable);
    }
    if (!isAccessToken(payload, check)) return null;
    if (typeof payload.sub !== 'string' || payload.sub === '') return null;
    const authTime = payload.auth_time;
    if (typeof authTime === 'number' && Number.isFinite(authTime) && authTime > 0)
      signedIn.set(request, authTime * 1000);
    return `${issuer}#${payload.sub}`;
  };
  return Object.assign(authenticate, {
    authenticatedAt: (request: Request) => signedIn.get(request) ?? null,
  });
}
