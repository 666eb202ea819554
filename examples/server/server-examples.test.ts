/**
 * The two examples of docs/authentication.md, each on a real port and driven through `createFetchAdapter` the
 * way the page that hosts the wizard drives it.
 */
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseSetCookie } from 'cookie';
import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet } from 'jose';
import { createFetchAdapter, SecurityInfoError, type FetchAdapterOptions } from '@security-info/core';
import type { CodeMessage, VerifiedPhone } from '@security-info/server';
import { createBearerApp } from './bearer-app.js';
import { createSessionApp, CSRF_HEADER } from './session-app.js';

const SECRET = 'the key of the code hashes, at least 32 bytes';
const PHONE = '+31612345678';
const call = { signal: new AbortController().signal };

interface Running {
  origin: string;
  close(): Promise<void>;
}

async function listen(listener: RequestListener): Promise<Running> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The host's side: a sender that keeps the codes, and `onVerified` that keeps what it is told. */
function recordingBackend() {
  const sent: CodeMessage[] = [];
  const verified: VerifiedPhone[] = [];
  return {
    sent,
    verified,
    sender: { send: async (message: CodeMessage) => void sent.push(message) },
    onVerified: (phone: VerifiedPhone) => void verified.push(phone),
  };
}

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/**
 * What a browser does that Node's fetch does not: it keeps the cookies a server sets and sends them back, and
 * puts the page's origin in `Origin` on a POST. `fetchFrom(origin)` is the same browser on another site's page,
 * sending the same cookies.
 */
function browser(pageOrigin: string) {
  const cookies = new Map<string, string>();
  const statuses: number[] = [];
  const fetchFrom =
    (origin: string): Fetch =>
    async (input, init = {}) => {
      const headers = new Headers(init.headers);
      if (cookies.size > 0) headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
      if ((init.method ?? 'GET') !== 'GET') headers.set('origin', origin);
      const response = await fetch(input, { ...init, headers });
      for (const line of response.headers.getSetCookie()) {
        const cookie = parseSetCookie(line, { decode: (value) => value });
        const expired = (cookie.expires && cookie.expires.getTime() <= Date.now()) || (cookie.maxAge ?? 1) <= 0;
        if (expired) cookies.delete(cookie.name);
        else cookies.set(cookie.name, cookie.value ?? '');
      }
      statuses.push(response.status);
      return response;
    };
  return { cookies, statuses, fetch: fetchFrom(pageOrigin), fetchFrom };
}

function adapter(origin: string, options: Omit<FetchAdapterOptions, 'baseUrl'>) {
  return createFetchAdapter({ baseUrl: `${origin}/api/security-info`, timeout: 2000, ...options });
}

async function rejectsWith(work: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(work, (error) => error instanceof SecurityInfoError && error.code === code);
}

describe('the cookie-session example', () => {
  const PASSWORD = 'correct horse battery staple';
  let backend: ReturnType<typeof recordingBackend>;
  let app: Running;

  beforeEach(async () => {
    backend = recordingBackend();
    app = await listen(
      createSessionApp({
        sessionSecret: 'the secret that signs session cookies',
        secret: SECRET,
        sender: backend.sender,
        onVerified: backend.onVerified,
        checkPassword: (username, password) => (username === 'alice' && password === PASSWORD ? 'user-42' : null),
        // Plain HTTP on a loopback address; in production the cookie is Secure.
        secureCookie: false,
      }),
    );
  });
  afterEach(() => app.close());

  /** Signs in as alice and opens the enrollment page; answers the CSRF token the page carries. */
  async function signIn(tab: ReturnType<typeof browser>): Promise<string> {
    const signedIn = await tab.fetch(`${app.origin}/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'alice', password: PASSWORD }),
    });
    assert.equal(signedIn.status, 204);
    const page = await (await tab.fetch(`${app.origin}/`)).text();
    const token = /<meta name="csrf-token" content="([^"]+)"/.exec(page)?.[1];
    assert.ok(token, 'the page carries a CSRF token');
    return token;
  }

  /** The adapter as the page creates it: the browser's fetch, and the page's token in every request. */
  function pageAdapter(fetch: Fetch, csrfToken: string | undefined) {
    return adapter(app.origin, {
      fetch,
      headers: (): HeadersInit => (csrfToken === undefined ? {} : { [CSRF_HEADER]: csrfToken }),
    });
  }

  it('answers unauthenticated to a browser that has not signed in', async () => {
    const tab = browser(app.origin);
    const wizard = pageAdapter(tab.fetch, undefined);
    await rejectsWith(wizard.getPolicy(call), 'unauthenticated');
    await rejectsWith(wizard.sendCode({ phoneNumber: PHONE, channel: 'sms' }, call), 'unauthenticated');
    assert.deepEqual(tab.statuses, [401, 401]);
    assert.equal(backend.sent.length, 0);
  });

  it('enrolls a phone for the signed-in user: policy, send, verify', async () => {
    const tab = browser(app.origin);
    const wizard = pageAdapter(tab.fetch, await signIn(tab));

    const policy = await wizard.getPolicy(call);
    assert.ok(policy.methods.some((method) => method.id === 'phone'));
    const { challengeId } = await wizard.sendCode({ phoneNumber: PHONE, channel: 'sms' }, call);
    assert.equal(backend.sent.length, 1);
    assert.equal(backend.sent[0]!.phoneNumber, PHONE);
    await wizard.verifyCode({ challengeId, code: backend.sent[0]!.code }, call);

    assert.equal(backend.verified.length, 1);
    const { userId, challengeId: verifiedChallenge, phoneNumber, channel } = backend.verified[0]!;
    assert.deepEqual(
      { userId, challengeId: verifiedChallenge, phoneNumber, channel },
      { userId: 'user-42', challengeId, phoneNumber: PHONE, channel: 'sms' },
    );
  });

  it('refuses a POST from another origin with 403, even with the cookie and the token', async () => {
    const tab = browser(app.origin);
    const token = await signIn(tab);
    const elsewhere = pageAdapter(tab.fetchFrom('https://attacker.example'), token);
    await rejectsWith(elsewhere.sendCode({ phoneNumber: PHONE, channel: 'sms' }, call), 'unknown');
    assert.equal(tab.statuses.at(-1), 403);
    assert.equal(backend.sent.length, 0);
  });

  it('refuses a POST of a signed-in session without its CSRF token, or with another', async () => {
    const tab = browser(app.origin);
    await signIn(tab);
    for (const token of [undefined, 'a-token-of-another-session']) {
      const wizard = pageAdapter(tab.fetch, token);
      await rejectsWith(wizard.sendCode({ phoneNumber: PHONE, channel: 'sms' }, call), 'unknown');
      assert.equal(tab.statuses.at(-1), 403);
    }
    assert.equal(backend.sent.length, 0);
  });

  it('answers unauthenticated to a forged cookie and to the cookie of a session that was signed out', async () => {
    const tab = browser(app.origin);
    const token = await signIn(tab);
    const cookie = tab.cookies.get('sid')!;

    const forged = browser(app.origin);
    forged.cookies.set('sid', cookie.replace(/\.[^.]*$/, '.not-the-signature'));
    await rejectsWith(pageAdapter(forged.fetch, token).getPolicy(call), 'unauthenticated');

    const signedOut = await tab.fetch(`${app.origin}/sign-out`, { method: 'POST', headers: { [CSRF_HEADER]: token } });
    assert.equal(signedOut.status, 204);
    const kept = browser(app.origin);
    kept.cookies.set('sid', cookie);
    await rejectsWith(pageAdapter(kept.fetch, token).getPolicy(call), 'unauthenticated');
  });
});

describe('the bearer-token example', () => {
  const AUDIENCE = 'security-info';

  /** A stand-in identity provider: its key set, and a token endpoint that issues a new access token. */
  let provider: Running & {
    accessToken(claims?: { exp?: number; iat?: number }, typ?: string): Promise<string>;
    issued: number;
  };
  let backend: ReturnType<typeof recordingBackend>;
  let app: Running;

  before(async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwks: JSONWebKeySet = { keys: [{ ...(await exportJWK(publicKey)), kid: 'key-1', alg: 'ES256', use: 'sig' }] };
    const accessToken = (claims: { exp?: number; iat?: number } = {}, typ = 'at+jwt') => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ iss: provider.origin, aud: AUDIENCE, sub: 'alice', iat: now, exp: now + 300, ...claims })
        .setProtectedHeader({ alg: 'ES256', kid: 'key-1', typ })
        .sign(privateKey);
    };
    const running = await listen((request, response) => {
      response.setHeader('content-type', 'application/json');
      if (request.method === 'GET' && request.url === '/jwks') {
        response.end(JSON.stringify(jwks));
      } else if (request.method === 'POST' && request.url === '/token') {
        provider.issued += 1;
        void accessToken().then((token) => response.end(JSON.stringify({ access_token: token, token_type: 'Bearer' })));
      } else {
        response.statusCode = 404;
        response.end('{}');
      }
    });
    provider = Object.assign(running, { accessToken, issued: 0 });
  });

  beforeEach(async () => {
    provider.issued = 0;
    backend = recordingBackend();
    app = await listen(
      createBearerApp({
        issuer: provider.origin,
        audience: AUDIENCE,
        jwksUrl: `${provider.origin}/jwks`,
        secret: SECRET,
        sender: backend.sender,
        onVerified: backend.onVerified,
      }),
    );
  });
  afterEach(() => app.close());
  after(() => provider.close());

  it('answers unauthenticated to a request without a token', async () => {
    const tab = browser(app.origin);
    await rejectsWith(adapter(app.origin, { fetch: tab.fetch }).getPolicy(call), 'unauthenticated');
    assert.deepEqual(tab.statuses, [401]);
  });

  it('enrolls a phone for the holder of an access token: policy, send, verify', async () => {
    const tab = browser(app.origin);
    const token = await provider.accessToken();
    const wizard = adapter(app.origin, { fetch: tab.fetch, headers: () => ({ authorization: `Bearer ${token}` }) });

    const policy = await wizard.getPolicy(call);
    assert.ok(policy.methods.some((method) => method.id === 'phone'));
    const { challengeId } = await wizard.sendCode({ phoneNumber: PHONE, channel: 'sms' }, call);
    assert.equal(backend.sent.length, 1);
    await wizard.verifyCode({ challengeId, code: backend.sent[0]!.code }, call);

    assert.equal(backend.verified.length, 1);
    assert.equal(backend.verified[0]!.userId, `${provider.origin}#alice`);
    assert.equal(backend.verified[0]!.challengeId, challengeId);
  });

  it('renews an expired token through refresh and makes the call again', async () => {
    const tab = browser(app.origin);
    const now = Math.floor(Date.now() / 1000);
    let token = await provider.accessToken({ iat: now - 900, exp: now - 300 });
    let refreshes = 0;
    const wizard = adapter(app.origin, {
      fetch: tab.fetch,
      headers: () => ({ authorization: `Bearer ${token}` }),
      // What an OpenID Connect client library does to renew a token.
      refresh: async () => {
        refreshes += 1;
        const answer = await fetch(`${provider.origin}/token`, { method: 'POST' });
        token = ((await answer.json()) as { access_token: string }).access_token;
        return true;
      },
    });

    const { challengeId } = await wizard.sendCode({ phoneNumber: PHONE, channel: 'sms' }, call);
    assert.ok(challengeId);
    assert.equal(refreshes, 1);
    assert.equal(provider.issued, 1);
    assert.deepEqual(tab.statuses, [401, 201]);
    assert.equal(backend.sent.length, 1);
  });

  it('answers unauthenticated to an ID token (typ JWT) of the same issuer', async () => {
    const tab = browser(app.origin);
    const idToken = await provider.accessToken({}, 'JWT');
    const wizard = adapter(app.origin, { fetch: tab.fetch, headers: () => ({ authorization: `Bearer ${idToken}` }) });
    await rejectsWith(wizard.sendCode({ phoneNumber: PHONE, channel: 'sms' }, call), 'unauthenticated');
    assert.deepEqual(tab.statuses, [401]);
    assert.equal(backend.sent.length, 0);
  });
});
