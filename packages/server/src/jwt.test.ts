import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  base64url,
  createLocalJWKSet,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  SignJWT,
  type JSONWebKeySet,
  type JWTPayload,
} from 'jose';
import { createJwtAuthenticator, type JwtAuthenticatorOptions } from './jwt.js';
import { BASE, setup } from './test-support.js';

const ISSUER = 'https://id.example.test/tenant-1';
const AUDIENCE = 'security-info-api';
const NOW = Date.parse('2026-11-25T10:00:00Z');
const T = NOW / 1000;

// Key generation is the slow part: once for the file.
const rsa = await generateKeyPair('RS256');
const ec = await generateKeyPair('ES256');
const stranger = await generateKeyPair('RS256');

const JWKS: JSONWebKeySet = {
  keys: [
    { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
    { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
  ],
};

interface Signing {
  key?: CryptoKey | Uint8Array;
  alg?: string;
  /** `null` leaves the header out. */
  kid?: string | null;
  typ?: string | null;
}

/** An RFC 9068 access token of ISSUER for AUDIENCE, valid for five minutes from NOW; `undefined` drops a claim. */
function sign(
  claims: JWTPayload = {},
  { key = rsa.privateKey, alg = 'RS256', kid = 'rsa-1', typ = 'at+jwt' }: Signing = {},
) {
  return new SignJWT({ iss: ISSUER, aud: AUDIENCE, sub: 'user-1', iat: T, exp: T + 300, ...claims })
    .setProtectedHeader({ alg, ...(kid !== null ? { kid } : {}), ...(typ !== null ? { typ } : {}) })
    .sign(key);
}

function withAuthorization(value: string | undefined): Request {
  const headers = new Headers();
  if (value !== undefined) headers.set('authorization', value);
  return new Request('https://portal.example.test/api/security-info/policy', { headers });
}

const bearer = (token: string) => withAuthorization(`Bearer ${token}`);

function authenticator(options: Partial<JwtAuthenticatorOptions> = {}) {
  return createJwtAuthenticator({
    issuer: ISSUER,
    audience: AUDIENCE,
    clock: () => NOW,
    ...(options.jwksUrl === undefined ? { keys: createLocalJWKSet(JWKS) } : {}),
    ...options,
  });
}

describe('createJwtAuthenticator', () => {
  describe('with a key set URL', () => {
    let server: Server;
    let jwksUrl: string;
    let fetches = 0;

    before(async () => {
      server = createServer((_req, res) => {
        fetches += 1;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(JWKS));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
    });

    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('accepts an access token and answers the issuer and subject as the user id', async () => {
      const authenticate = authenticator({ jwksUrl });
      assert.equal(await authenticate(bearer(await sign())), `${ISSUER}#user-1`);
    });

    it('fetches the key set once for many requests', async () => {
      const authenticate = authenticator({ jwksUrl });
      const before = fetches;
      for (const sub of ['a', 'b', 'c'])
        assert.equal(await authenticate(bearer(await sign({ sub }))), `${ISSUER}#${sub}`);
      assert.equal(fetches - before, 1);
    });

    it('refuses a bad signature without reporting it as an error', async () => {
      const errors: unknown[] = [];
      const authenticate = authenticator({ jwksUrl, onError: (error) => errors.push(error) });
      assert.equal(await authenticate(bearer(await sign({}, { key: stranger.privateKey }))), null);
      assert.deepEqual(errors, []);
    });
  });

  describe('when the person signed in', () => {
    it('answers the accepted token’s auth_time for its request, and nothing for others', async () => {
      const authenticate = authenticator();
      const fresh = bearer(await sign({ auth_time: T - 120 }));
      assert.equal(await authenticate(fresh), `${ISSUER}#user-1`);
      assert.equal(authenticate.authenticatedAt(fresh), (T - 120) * 1000);
      // A token without the claim, a refused token, a request never authenticated: no time.
      const plain = bearer(await sign());
      await authenticate(plain);
      assert.equal(authenticate.authenticatedAt(plain), null);
      const refused = bearer(await sign({ auth_time: T }, { key: stranger.privateKey }));
      assert.equal(await authenticate(refused), null);
      assert.equal(authenticate.authenticatedAt(refused), null);
      assert.equal(authenticate.authenticatedAt(withAuthorization(undefined)), null);
      for (const auth_time of ['1764064800', -1, 0]) {
        const odd = bearer(await sign({ auth_time } as JWTPayload));
        await authenticate(odd);
        assert.equal(authenticate.authenticatedAt(odd), null, String(auth_time));
      }
    });
  });

  describe('when the key set cannot be had', () => {
    it('rejects (so the handler answers 503) and tells onError when the key set URL is unreachable', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const { port } = closed.address() as AddressInfo;
      await new Promise<void>((resolve) => closed.close(() => resolve()));

      const errors: unknown[] = [];
      const authenticate = authenticator({ jwksUrl: `http://127.0.0.1:${port}/jwks`, onError: (e) => errors.push(e) });
      await assert.rejects(authenticate(bearer(await sign())), /keys could not be had/);
      assert.equal(errors.length, 1);
    });

    it('rejects when a keys function fails, even if onError throws too', async () => {
      const authenticate = authenticator({
        keys: async () => {
          throw new Error('key store down');
        },
        onError: () => {
          throw new Error('logger down');
        },
      });
      await assert.rejects(authenticate(bearer(await sign())), /keys could not be had/);
    });
  });

  describe('a key set server that fails or misbehaves', () => {
    /** A key set server answering `answer` (changeable), counting its requests. */
    async function keySetServer(answer: { status: number; body: string }) {
      let requests = 0;
      const server = createServer((_req, res) => {
        requests += 1;
        res.statusCode = answer.status;
        res.setHeader('content-type', 'application/json');
        res.end(answer.body);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`,
        requests: () => requests,
        close: () => new Promise<void>((resolve) => server.close(() => resolve())),
      };
    }

    /** What a stranger can send: a well-formed token naming a key the key set has never had. */
    const strangersToken = (n: number) => sign({}, { key: stranger.privateKey, kid: `made-up-${n}` });

    it('asks a failing key set server again only after a pause, however many tokens arrive', async () => {
      const answer = { status: 500, body: 'down' };
      const keySet = await keySetServer(answer);
      try {
        let now = NOW;
        const errors: unknown[] = [];
        const authenticate = authenticator({ jwksUrl: keySet.url, clock: () => now, onError: (e) => errors.push(e) });
        for (let n = 0; n < 10; n += 1)
          await assert.rejects(authenticate(bearer(await strangersToken(n))), /keys could not be had/);
        await assert.rejects(authenticate(bearer(await sign())), /keys could not be had/);
        assert.equal(keySet.requests(), 1);
        // The failure is told once, not once for each request refused while waiting.
        assert.equal(errors.length, 1);

        answer.status = 200;
        answer.body = JSON.stringify(JWKS);
        now += 4_000;
        await assert.rejects(authenticate(bearer(await sign())), /keys could not be had/);
        assert.equal(keySet.requests(), 1);
        now += 1_000;
        assert.equal(await authenticate(bearer(await sign())), `${ISSUER}#user-1`);
        assert.equal(keySet.requests(), 2);
      } finally {
        await keySet.close();
      }
    });

    it('tells onError once of a failed fetch that many requests waited for', async () => {
      // A key set server that is slow to fail: every token arriving meanwhile waits for the same fetch.
      let requests = 0;
      const slow = createServer((_req, res) => {
        requests += 1;
        setTimeout(() => {
          res.statusCode = 500;
          res.end('down');
        }, 100);
      });
      await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
      try {
        const errors: unknown[] = [];
        const authenticate = authenticator({
          jwksUrl: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/jwks`,
          onError: (e) => errors.push(e),
        });
        const tokens = await Promise.all(Array.from({ length: 20 }, (_, n) => strangersToken(n)));
        const outcomes = await Promise.allSettled(tokens.map((token) => authenticate(bearer(token))));
        assert.ok(outcomes.every((outcome) => outcome.status === 'rejected'));
        assert.equal(requests, 1);
        assert.equal(errors.length, 1);
      } finally {
        await new Promise<void>((resolve) => slow.close(() => resolve()));
      }
    });

    it('has the handler log a failed fetch once, not once for each request refused while it is known', async () => {
      const keySet = await keySetServer({ status: 500, body: 'down' });
      try {
        const server = setup({ authenticate: authenticator({ jwksUrl: keySet.url, onError: () => undefined }) });
        const tokens = await Promise.all(Array.from({ length: 10 }, (_, n) => strangersToken(n)));
        const policy = (token: string) =>
          server.handler(new Request(`${BASE}/policy`, { headers: { authorization: `Bearer ${token}` } }));
        // Ten at once, waiting for one fetch, then ten more in the pause after it.
        const answers = [...(await Promise.all(tokens.map(policy))), ...(await Promise.all(tokens.map(policy)))];
        assert.deepEqual(new Set(answers.map((answer) => answer.status)), new Set([503]));
        for (const answer of answers) assert.equal((await answer.json()).error, 'unknown');
        assert.equal(keySet.requests(), 1);
        assert.equal(server.logged.length, 1, server.logged.join('\n'));
      } finally {
        await keySet.close();
      }
    });

    it('refuses a key set larger than 1 MiB, and tells onError', async () => {
      const padded = JSON.stringify({ ...JWKS, padding: 'x'.repeat(1024 * 1024) });
      const keySet = await keySetServer({ status: 200, body: padded });
      try {
        const errors: unknown[] = [];
        const authenticate = authenticator({ jwksUrl: keySet.url, onError: (e) => errors.push(e) });
        await assert.rejects(authenticate(bearer(await sign())), /keys could not be had/);
        assert.equal(errors.length, 1);
        assert.match(String(errors[0]), /larger than/);
      } finally {
        await keySet.close();
      }
    });

    it('does not follow a redirect of the key set URL', async () => {
      const target = await keySetServer({ status: 200, body: JSON.stringify(JWKS) });
      const redirecting = createServer((_req, res) => {
        res.statusCode = 302;
        res.setHeader('location', target.url);
        res.end();
      });
      await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
      try {
        const errors: unknown[] = [];
        const authenticate = authenticator({
          jwksUrl: `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/jwks`,
          onError: (e) => errors.push(e),
        });
        await assert.rejects(authenticate(bearer(await sign())), /keys could not be had/);
        assert.equal(target.requests(), 0);
        assert.equal(errors.length, 1);
      } finally {
        await new Promise<void>((resolve) => redirecting.close(() => resolve()));
        await target.close();
      }
    });

    it('refuses an answer that is not a key set, and waits before asking again', async () => {
      const keySet = await keySetServer({ status: 200, body: '{"keys": "none"}' });
      try {
        const authenticate = authenticator({ jwksUrl: keySet.url, onError: () => undefined });
        await assert.rejects(authenticate(bearer(await sign())), /keys could not be had/);
        await assert.rejects(authenticate(bearer(await sign())), /keys could not be had/);
        assert.equal(keySet.requests(), 1);
      } finally {
        await keySet.close();
      }
    });
  });

  describe('the Authorization header', () => {
    it('refuses a request without one', async () => {
      assert.equal(await authenticator()(withAuthorization(undefined)), null);
    });

    it('refuses another scheme', async () => {
      assert.equal(await authenticator()(withAuthorization(`Basic ${await sign()}`)), null);
    });

    it('refuses an empty token', async () => {
      assert.equal(await authenticator()(withAuthorization('Bearer ')), null);
      assert.equal(await authenticator()(withAuthorization('Bearer')), null);
    });

    it('refuses two tokens', async () => {
      const token = await sign();
      assert.equal(await authenticator()(withAuthorization(`Bearer ${token} ${token}`)), null);
      const twice = new Headers([
        ['authorization', `Bearer ${token}`],
        ['authorization', `Bearer ${token}`],
      ]);
      assert.equal(await authenticator()(new Request('https://portal.example.test/', { headers: twice })), null);
    });

    it('refuses a header longer than 8 KiB, even around a good token', async () => {
      const long = await sign({ padding: 'x'.repeat(8 * 1024) });
      assert.equal(await authenticator()(bearer(long)), null);
      const short = await sign({ padding: 'x'.repeat(4 * 1024) });
      assert.equal(await authenticator()(bearer(short)), `${ISSUER}#user-1`);
    });

    it('accepts the scheme in any case and more than one space', async () => {
      const token = await sign();
      assert.equal(await authenticator()(withAuthorization(`bearer ${token}`)), `${ISSUER}#user-1`);
      assert.equal(await authenticator()(withAuthorization(`BEARER   ${token}`)), `${ISSUER}#user-1`);
    });
  });

  describe('the token', () => {
    it('is accepted when signed with ES256 by a key of the local key set', async () => {
      const token = await sign({ sub: 'user-2' }, { key: ec.privateKey, alg: 'ES256', kid: 'ec-1' });
      assert.equal(await authenticator()(bearer(token)), `${ISSUER}#user-2`);
    });

    it('is accepted for one of several audiences', async () => {
      const authenticate = authenticator({ audience: ['other-api', AUDIENCE] });
      assert.equal(await authenticate(bearer(await sign({ aud: [AUDIENCE, 'more'] }))), `${ISSUER}#user-1`);
    });

    it('is refused from another issuer', async () => {
      assert.equal(await authenticator()(bearer(await sign({ iss: 'https://id.example.test/tenant-2' }))), null);
      assert.equal(await authenticator()(bearer(await sign({ iss: `${ISSUER}/` }))), null);
    });

    it('is refused for another audience', async () => {
      assert.equal(await authenticator()(bearer(await sign({ aud: 'another-api' }))), null);
    });

    it('is refused when expired', async () => {
      assert.equal(await authenticator()(bearer(await sign({ iat: T - 600, exp: T - 60 }))), null);
    });

    it('is refused before it is valid', async () => {
      assert.equal(await authenticator()(bearer(await sign({ nbf: T + 60 }))), null);
    });

    it('is refused without exp', async () => {
      assert.equal(await authenticator()(bearer(await sign({ exp: undefined }))), null);
    });

    it('is refused without sub', async () => {
      assert.equal(await authenticator()(bearer(await sign({ sub: undefined }))), null);
      assert.equal(await authenticator()(bearer(await sign({ sub: '' }))), null);
    });

    it('is refused when older than maxTokenAgeSeconds', async () => {
      const authenticate = authenticator({ maxTokenAgeSeconds: 600 });
      assert.equal(await authenticate(bearer(await sign({ iat: T - 700, exp: T + 300 }))), null);
      assert.equal(await authenticate(bearer(await sign({ iat: T - 500 }))), `${ISSUER}#user-1`);
    });

    it('is refused when signed with an algorithm that is not pinned', async () => {
      const token = await sign({}, { key: ec.privateKey, alg: 'ES256', kid: 'ec-1' });
      assert.equal(await authenticator({ algorithms: ['RS256'] })(bearer(token)), null);
    });

    it('is refused unsigned (alg none)', async () => {
      const part = (value: object) => base64url.encode(JSON.stringify(value));
      const token = `${part({ alg: 'none', typ: 'at+jwt' })}.${part({ iss: ISSUER, aud: AUDIENCE, sub: 'admin', exp: T + 300 })}.`;
      assert.equal(await authenticator()(bearer(token)), null);
      assert.equal(await authenticator({ algorithms: ['RS256', 'HS256'] })(bearer(token)), null);
    });

    it('is refused as HS256 signed with the public key as the secret (key confusion)', async () => {
      const secret = new TextEncoder().encode(await exportSPKI(rsa.publicKey));
      const forged = await sign({ sub: 'admin' }, { key: secret, alg: 'HS256' });
      assert.equal(await authenticator()(bearer(forged)), null);
      // Even when HS256 is allowed, a key set of public keys yields no secret to check it with.
      assert.equal(await authenticator({ algorithms: ['RS256', 'HS256'] })(bearer(forged)), null);
    });

    it('is accepted without kid when one of several keys verifies it (key rotation)', async () => {
      const rotating = createLocalJWKSet({
        keys: [
          { ...(await exportJWK(stranger.publicKey)), alg: 'RS256' },
          { ...(await exportJWK(rsa.publicKey)), alg: 'RS256' },
        ],
      });
      const authenticate = authenticator({ keys: rotating });
      assert.equal(await authenticate(bearer(await sign({}, { kid: null }))), `${ISSUER}#user-1`);
      const foreign = await generateKeyPair('RS256');
      assert.equal(await authenticate(bearer(await sign({}, { key: foreign.privateKey, kid: null }))), null);
    });
  });

  describe('the clock tolerance', () => {
    it('accepts a token expired up to 29 seconds ago and refuses it at 30', async () => {
      assert.equal(await authenticator()(bearer(await sign({ exp: T - 29 }))), `${ISSUER}#user-1`);
      assert.equal(await authenticator()(bearer(await sign({ exp: T - 30 }))), null);
    });

    it('accepts a token valid from 30 seconds ahead and refuses one from 31', async () => {
      assert.equal(await authenticator()(bearer(await sign({ nbf: T + 30 }))), `${ISSUER}#user-1`);
      assert.equal(await authenticator()(bearer(await sign({ nbf: T + 31 }))), null);
    });

    it('follows clockToleranceSeconds', async () => {
      const strict = authenticator({ clockToleranceSeconds: 0 });
      assert.equal(await strict(bearer(await sign({ exp: T + 1 }))), `${ISSUER}#user-1`);
      assert.equal(await strict(bearer(await sign({ exp: T }))), null);
    });
  });

  describe('telling access tokens from ID tokens', () => {
    const idToken = () => sign({ aud: AUDIENCE, nonce: 'n-1' }, { typ: 'JWT' });

    it('refuses an ID token by default', async () => {
      assert.equal(await authenticator()(bearer(await idToken())), null);
      assert.equal(await authenticator()(bearer(await sign({}, { typ: null }))), null);
    });

    it('accepts the media type application/at+jwt', async () => {
      assert.equal(await authenticator()(bearer(await sign({}, { typ: 'application/at+jwt' }))), `${ISSUER}#user-1`);
    });

    it('can require a scope instead, in scope or scp', async () => {
      const authenticate = authenticator({ accessToken: { scope: 'security-info' } });
      const ok = `${ISSUER}#user-1`;
      assert.equal(await authenticate(bearer(await sign({ scope: 'openid security-info' }, { typ: 'JWT' }))), ok);
      assert.equal(await authenticate(bearer(await sign({ scp: ['profile', 'security-info'] }, { typ: 'JWT' }))), ok);
      assert.equal(await authenticate(bearer(await sign({ scp: 'security-info profile' }, { typ: 'JWT' }))), ok);
      assert.equal(await authenticate(bearer(await sign({ scope: 'openid security-info-admin' }))), null);
      assert.equal(await authenticate(bearer(await idToken())), null);
    });

    it('can require claims instead', async () => {
      const authenticate = authenticator({ accessToken: { claims: { token_use: 'access' } } });
      assert.equal(await authenticate(bearer(await sign({ token_use: 'access' }, { typ: 'JWT' }))), `${ISSUER}#user-1`);
      assert.equal(await authenticate(bearer(await sign({ token_use: 'id' }, { typ: 'JWT' }))), null);
      assert.equal(await authenticate(bearer(await idToken())), null);
    });

    it('applies every check given', async () => {
      const authenticate = authenticator({ accessToken: { type: 'at+jwt', scope: 'security-info' } });
      assert.equal(await authenticate(bearer(await sign({ scope: 'security-info' }))), `${ISSUER}#user-1`);
      assert.equal(await authenticate(bearer(await sign({ scope: 'security-info' }, { typ: 'JWT' }))), null);
      assert.equal(await authenticate(bearer(await sign({ scope: 'openid' }))), null);
    });
  });

  describe('creation', () => {
    const keys = createLocalJWKSet(JWKS);
    const base = { issuer: ISSUER, audience: AUDIENCE, keys };

    it('refuses options without an issuer', () => {
      assert.throws(() => createJwtAuthenticator({ ...base, issuer: '' }), /issuer is required/);
      assert.throws(() => createJwtAuthenticator({ ...base, issuer: 'https://id.example.test/#x' }), /issuer/);
    });

    it('refuses options without an audience', () => {
      assert.throws(() => createJwtAuthenticator({ ...base, audience: '' }), /audience is required/);
      assert.throws(() => createJwtAuthenticator({ ...base, audience: [] }), /audience is required/);
    });

    it('refuses algorithms that are empty or contain none', () => {
      assert.throws(() => createJwtAuthenticator({ ...base, algorithms: [] }), /at least one algorithm/);
      assert.throws(() => createJwtAuthenticator({ ...base, algorithms: ['RS256', 'none'] }), /"none"/);
      assert.throws(() => createJwtAuthenticator({ ...base, algorithms: ['NONE'] }), /"none"/);
    });

    it('refuses options with no key source or two', () => {
      assert.throws(() => createJwtAuthenticator({ issuer: ISSUER, audience: AUDIENCE }), /jwksUrl or keys/);
      assert.throws(
        () => createJwtAuthenticator({ ...base, jwksUrl: 'https://id.example.test/jwks' }),
        /jwksUrl or keys/,
      );
    });

    it('refuses a key set URL over plain http except on a loopback address', () => {
      const options = { issuer: ISSUER, audience: AUDIENCE };
      assert.throws(() => createJwtAuthenticator({ ...options, jwksUrl: 'http://id.example.test/jwks' }), /https/);
      assert.throws(() => createJwtAuthenticator({ ...options, jwksUrl: 'not a url' }), /not a URL/);
      createJwtAuthenticator({ ...options, jwksUrl: 'http://localhost:8080/jwks' });
      createJwtAuthenticator({ ...options, jwksUrl: new URL('https://id.example.test/jwks') });
    });

    it('refuses a key set URL with a user name or password, which fetch never sends', () => {
      const options = { issuer: ISSUER, audience: AUDIENCE };
      for (const jwksUrl of ['https://client:secret@id.example.test/jwks', 'https://client@id.example.test/jwks'])
        assert.throws(() => createJwtAuthenticator({ ...options, jwksUrl }), /user name or password/);
    });

    it('refuses an access-token check that would let ID tokens through', () => {
      assert.throws(() => createJwtAuthenticator({ ...base, accessToken: {} }), /at least one check/);
      assert.throws(() => createJwtAuthenticator({ ...base, accessToken: { claims: {} } }), /at least one check/);
      assert.throws(() => createJwtAuthenticator({ ...base, accessToken: { type: 'JWT' } }), /ID tokens/);
      assert.throws(() => createJwtAuthenticator({ ...base, accessToken: { scope: 'a b' } }), /one scope/);
    });
  });
});
