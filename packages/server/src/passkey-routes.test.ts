// Passkeys through the handler, with a software authenticator: registration from the person's page, its list entry
// and name, and sign-in through the service API; each attack's answer is refused with its reason, and would pass
// without the check named in the test.
import { describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import type { SecurityInfoPolicy } from '@security-info/core';
import { SettingsService } from '@simplewebauthn/server';
import { createSecurityInfoHandler } from './handler.js';
import { ConfigurationError, TEST_LIMITS, type SecurityInfoHandlerOptions } from './options.js';
import { createMemoryStore } from './memory-store.js';
import { MAX_PASSKEYS } from './passkey-routes.js';
import type { SecurityInfoStore } from './store.js';
import { BASE, SECRET, body, setup, type Call } from './test-support.js';
import { softAuthenticator, type Bend, type SoftAuthenticator } from './test-authenticator.js';

const POLICY: SecurityInfoPolicy = {
  methods: [
    { id: 'passkey', purposes: ['mfa', 'password-reset'] },
    { id: 'phone', purposes: ['mfa', 'password-reset'] },
  ],
};
const TOKEN = 'sign-in-service-credential-of-32-characters-or-more';
const RP = { rpId: 'portal.test', rpName: 'Portal', rpOrigins: ['https://portal.test'] };

interface Setup {
  challengeId: string;
  options: {
    challenge: string;
    rp: { id: string; name: string };
    user: { id: string; name: string; displayName: string };
    excludeCredentials?: { id: string }[];
    authenticatorSelection: Record<string, unknown>;
    attestation: string;
    timeout: number;
  };
}

interface SignIn {
  verificationId: string;
  kind: string;
  expiresInSeconds: number;
  options: { challenge: string; rpId: string; allowCredentials: { id: string }[]; userVerification: string };
}

function passkeyServer(options: Partial<SecurityInfoHandlerOptions> = {}) {
  const server = setup({ policy: POLICY, ...RP, serviceCredentials: { 'sign-in': TOKEN }, ...options });
  async function begin(call: Call = {}): Promise<Setup> {
    const response = await server.post('/passkey/registration-options', {}, call);
    assert.equal(response.status, 201, await response.clone().text());
    return (await response.json()) as Setup;
  }
  const finish = (challengeId: string, response: unknown, name?: string, call: Call = {}) =>
    server.post('/passkeys', { challengeId, response, ...(name === undefined ? {} : { name }) }, call);
  /** A whole registration: the options, the authenticator's answer, its registration. */
  async function enroll(authenticator: SoftAuthenticator, call: Call = {}, name = 'Laptop') {
    const { challengeId, options } = await begin(call);
    const response = await finish(challengeId, authenticator.register(options), name, call);
    assert.equal(response.status, 201, await response.clone().text());
    return (await response.json()) as { id: string; kind: string; passkey: Record<string, unknown> };
  }
  const listMethods = async (user = 'alice') => {
    const response = await server.handler(new Request(`${BASE}/methods`, { headers: { 'x-test-user': user } }));
    return (await response.json()) as { methods: Record<string, unknown>[]; defaultMethodId: string | null };
  };
  const rename = (id: string, name: unknown, user = 'alice') =>
    server.handler(
      new Request(`${BASE}/methods/${id}`, {
        method: 'PATCH',
        headers: { 'x-test-user': user, 'content-type': 'application/json' },
        body: JSON.stringify({ name }),
      }),
    );
  const service = (path: string, json: unknown) =>
    server.handler(
      new Request(`${BASE}/service${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(json),
      }),
    );
  async function startSignIn(methodId: string, user = 'alice', clientAddress?: string): Promise<SignIn> {
    const response = await service(`/users/${user}/verifications`, { methodId, clientAddress });
    assert.equal(response.status, 201, await response.clone().text());
    return (await response.json()) as SignIn;
  }
  const check = (verificationId: string, response: unknown, user = 'alice', clientAddress?: string) =>
    service(`/users/${user}/verifications/${verificationId}/check`, { response, clientAddress });
  /** A sign-in with the authenticator's passkey, bent or not, at `clientAddress` if given: the check's answer. */
  async function signIn(
    authenticator: SoftAuthenticator,
    methodId: string,
    bend: Bend = {},
    user = 'alice',
    clientAddress?: string,
  ) {
    const started = await startSignIn(methodId, user, clientAddress);
    return check(started.verificationId, authenticator.assert(started.options, bend), user, clientAddress);
  }
  return { ...server, begin, finish, enroll, listMethods, rename, service, startSignIn, check, signIn };
}

/** A refusal's status, code and reason. */
async function refusal(response: Response) {
  const { error, reason } = await body(response);
  return { status: response.status, error, reason };
}

describe('POST /passkey/registration-options', () => {
  it('cuts a long account name to 256 characters without leaving half of a character', async () => {
    // 255 letters, then an emoji of two UTF-16 units: a cut at 256 falls between them.
    const server = passkeyServer({ accountLabel: () => `${'a'.repeat(255)}😀 more` });
    const { options } = await server.begin();
    assert.equal(options.user.name, 'a'.repeat(255));
    assert.equal(options.user.displayName, options.user.name);
  });

  it('binds creation options to the person: UV required, resident key preferred, no attestation', async () => {
    const server = passkeyServer({ accountLabel: (userId) => `${userId}@example.com` });
    const { challengeId, options } = await server.begin();
    assert.match(challengeId, /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(options.rp, { id: 'portal.test', name: 'Portal' });
    assert.equal(options.user.name, 'alice@example.com');
    // The handle is 32 random bytes, not the user id.
    assert.equal(Buffer.from(options.user.id, 'base64url').length, 32);
    assert.ok(!Buffer.from(options.user.id, 'base64url').toString('latin1').includes('alice'));
    assert.equal(options.authenticatorSelection.userVerification, 'required');
    assert.equal(options.authenticatorSelection.residentKey, 'preferred');
    assert.equal(options.attestation, 'none');
    assert.equal(options.timeout, 300_000);
    assert.deepEqual(options.excludeCredentials, []);
    assert.ok(Buffer.from(options.challenge, 'base64url').length >= 16);
  });

  it('excludes the person’s passkeys, and keeps one user handle for all of them', async () => {
    const server = passkeyServer();
    const first = softAuthenticator();
    const handle = (await server.begin()).options.user.id;
    await server.enroll(first);
    const { options } = await server.begin();
    assert.deepEqual(
      options.excludeCredentials?.map((credential) => credential.id),
      [first.credentialId],
    );
    assert.equal(options.user.id, handle, 'one handle, whether the first ceremony was finished or not');
    const second = softAuthenticator();
    const again = await server.begin();
    await server.post('/passkeys', { challengeId: again.challengeId, response: second.register(again.options) });
    assert.equal((await server.begin()).options.user.id, options.user.id);
    // Another person's passkeys are not theirs to exclude.
    assert.deepEqual((await server.begin({ user: 'bob' })).options.excludeCredentials, []);
  });

  it('gives two first ceremonies begun at once one user handle, which both passkeys carry and sign in with', async () => {
    const server = passkeyServer();
    // Two tabs, or a double click, before the person has a passkey: neither ceremony has finished when the other begins.
    const [first, second] = await Promise.all([server.begin(), server.begin()]);
    assert.equal(first.options.user.id, second.options.user.id);
    const laptop = softAuthenticator();
    const phone = softAuthenticator();
    const registered = [];
    for (const [authenticator, { challengeId, options }] of [
      [laptop, first],
      [phone, second],
    ] as const) {
      const response = await server.finish(challengeId, authenticator.register(options));
      assert.equal(response.status, 201, await response.clone().text());
      registered.push(((await response.json()) as { id: string }).id);
    }
    // Each passkey answers a discoverable sign-in with the handle it was made with: the person's, either way.
    for (const [index, authenticator] of [laptop, phone].entries()) {
      const answer = await server.signIn(authenticator, registered[index]!, { userHandle: first.options.user.id });
      assert.equal(answer.status, 200, await answer.clone().text());
    }
    assert.equal((await server.begin()).options.user.id, first.options.user.id);
    // Another person's handle is their own, and neither is a user id.
    const bobs = (await server.begin({ user: 'bob' })).options.user.id;
    assert.notEqual(bobs, first.options.user.id);
    for (const [handle, user] of [
      [first.options.user.id, 'alice'],
      [bobs, 'bob'],
    ])
      assert.doesNotMatch(Buffer.from(handle!, 'base64url').toString('latin1'), new RegExp(user!));
  });

  it('offers and takes EdDSA, ES256 and RS256 only, on a runtime that also has ML-DSA', async (t) => {
    // Node 24 has ML-DSA; the library then offers ML-DSA-44 too, whose 2,420-byte signatures no assertion could carry.
    t.after(() => mock.restoreAll());
    mock.method(SettingsService, 'runtimeSupportsPQC', () => true);
    const server = passkeyServer();
    const { challengeId, options } = await server.begin();
    const params = (options as unknown as { pubKeyCredParams: { alg: number }[] }).pubKeyCredParams;
    assert.deepEqual(
      params.map((param) => param.alg),
      [-8, -7, -257],
    );
    const mlDsa = softAuthenticator().register(options, { alg: -48 });
    assert.deepEqual(await refusal(await server.finish(challengeId, mlDsa)), {
      status: 422,
      error: 'invalid-code',
      reason: 'not-verified',
    });
    assert.deepEqual((await server.listMethods()).methods, []);
  });

  it('keeps at most MAX_PASSKEYS passkeys a person, refused before the dialog and at the registration', async () => {
    // Each registration costs nothing but a request: without a cap, a session registers made-up passkeys, with
    // credential ids of 1,023 bytes, ten an hour for ever, and every later ceremony lists them all.
    const server = passkeyServer({ limits: TEST_LIMITS });
    for (let count = 0; count < MAX_PASSKEYS - 1; count += 1) await server.enroll(softAuthenticator());
    // Two dialogs opened with one place left: the first answer takes it, the second is refused.
    const [one, two] = [await server.begin(), await server.begin()];
    assert.equal((await server.finish(one.challengeId, softAuthenticator().register(one.options))).status, 201);
    // Each refusal says why (reason method-limit), so the person is told to delete a passkey to add another.
    const late = await server.finish(two.challengeId, softAuthenticator().register(two.options));
    assert.deepEqual(await refusal(late), { status: 409, error: 'unknown', reason: 'method-limit' });
    assert.deepEqual(await refusal(await server.post('/passkey/registration-options', {})), {
      status: 409,
      error: 'unknown',
      reason: 'method-limit',
    });
    assert.equal((await server.listMethods()).methods.length, MAX_PASSKEYS);
    // Another person's passkeys are theirs to count.
    await server.enroll(softAuthenticator(), { user: 'bob' });
  });

  it('answers 404 on a server without a relying party, and 422 when the policy offers no passkeys', async () => {
    const none = setup({ policy: { methods: [{ id: 'phone', purposes: ['mfa'] }] } });
    const response = await none.post('/passkey/registration-options', {});
    assert.equal(response.status, 404);
    assert.match(String((await body(response)).message), /rpId/);
    const withheld = setup({ policy: { methods: [{ id: 'phone', purposes: ['mfa'] }] }, ...RP });
    assert.equal((await withheld.post('/passkey/registration-options', {})).status, 422);
  });

  it('needs a recent sign-in to add a passkey beside other methods, when the host asks', async () => {
    let recent = false;
    const server = passkeyServer({ recentAuthentication: () => recent });
    // The first method needs none.
    await server.enroll(softAuthenticator());
    const response = await server.post('/passkey/registration-options', {});
    assert.deepEqual(await refusal(response), {
      status: 403,
      error: 'reauthentication-required',
      reason: undefined,
    });
    recent = true;
    await server.enroll(softAuthenticator());
  });
});

describe('POST /passkeys', () => {
  it('registers the passkey and lists its name, backed-up flag and transports, never its key', async () => {
    const server = passkeyServer();
    const authenticator = softAuthenticator();
    const method = await server.enroll(authenticator, {}, '  Work laptop  ');
    assert.equal(method.kind, 'passkey');
    assert.deepEqual(method.passkey, { name: 'Work laptop', backedUp: true, transports: ['internal', 'hybrid'] });
    const listed = await server.listMethods();
    assert.deepEqual(listed.methods, [method]);
    assert.equal(listed.defaultMethodId, method.id, 'a passkey serves two-step verification');
    const text = JSON.stringify(listed);
    assert.ok(!text.includes(authenticator.credentialId) && !text.includes('publicKey'));
    // Without a name, a passkey is named for what it is.
    const other = softAuthenticator();
    const { challengeId, options } = await server.begin();
    const unnamed = await body(await server.finish(challengeId, other.register(options)));
    assert.equal((unnamed.passkey as { name: string }).name, 'Passkey');
  });

  it('registers nothing when a helpdesk reset comes between the claim of its challenge and the registration', async () => {
    const memory = createMemoryStore();
    // Runs `between` before the second transaction after it is set: the first is the claim of the challenge.
    let between: (() => Promise<void>) | undefined;
    let count = 0;
    const store: SecurityInfoStore = {
      ...memory,
      async transaction(work) {
        if (between && ++count === 2) {
          const run = between;
          between = undefined;
          await run();
        }
        return memory.transaction(work);
      },
    };
    const server = passkeyServer({ store });
    const authenticator = softAuthenticator();
    const { challengeId, options } = await server.begin();
    between = async () => {
      const reset = await server.handler(
        new Request(`${BASE}/service/users/alice/methods`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${TOKEN}` },
        }),
      );
      assert.equal(reset.status, 204);
    };
    const response = await server.finish(challengeId, authenticator.register(options));
    assert.equal(between, undefined, 'the reset ran between the claim and the registration');
    assert.equal(response.status, 404, await response.clone().text());
    assert.deepEqual((await server.listMethods()).methods, [], 'the reset left no method behind');
  });

  it('refuses a credential id of no bytes or of more than 1023, as WebAuthn says, and takes 1023', async () => {
    const server = passkeyServer();
    for (const length of [0, 1024]) {
      const { challengeId, options } = await server.begin();
      const answer = softAuthenticator().register(options, { credentialId: new Uint8Array(length).fill(7) });
      assert.deepEqual(await refusal(await server.finish(challengeId, answer)), {
        status: 422,
        error: 'invalid-code',
        reason: 'not-verified',
      });
    }
    assert.deepEqual((await server.listMethods()).methods, []);
    const { challengeId, options } = await server.begin();
    const longest = softAuthenticator().register(options, { credentialId: new Uint8Array(1023).fill(7) });
    assert.equal((await server.finish(challengeId, longest)).status, 201);
  });

  it('takes EdDSA and RS256 keys of 2,048 bits, which then sign in', async () => {
    const server = passkeyServer();
    for (const key of ['EdDSA', { rsa: 2048 }] as const) {
      const authenticator = softAuthenticator({ key });
      const method = await server.enroll(authenticator);
      const response = await server.signIn(authenticator, method.id);
      assert.equal(response.status, 200, await response.clone().text());
    }
  });

  it('refuses an RS256 key of under 2,048 bits (422 not-verified), as it refuses a broken attestation', async () => {
    const server = passkeyServer();
    for (const bits of [1024, 2040]) {
      const { challengeId, options } = await server.begin();
      const answer = softAuthenticator({ key: { rsa: bits } }).register(options);
      assert.deepEqual(await refusal(await server.finish(challengeId, answer)), {
        status: 422,
        error: 'invalid-code',
        reason: 'not-verified',
      });
    }
    assert.deepEqual((await server.listMethods()).methods, []);
  });

  it('refuses a public key that does not fit its algorithm or is no key at all (422 not-verified)', async () => {
    const server = passkeyServer({ limits: TEST_LIMITS });
    const p256 = () => softAuthenticator();
    const offCurve = (() => {
      const point = new Uint8Array(32).fill(1);
      return { [-2]: point, [-3]: point };
    })();
    for (const [what, authenticator, bend] of [
      ['ES256 on P-384', p256(), { cose: { [-1]: 2 } }],
      ['ES256 on secp256k1', p256(), { cose: { [-1]: 8 } }],
      ['ES256 off its curve', p256(), { cose: offCurve }],
      ['ES256 without y', p256(), { cose: { [-3]: undefined } }],
      ['ES256 with a short x', p256(), { cose: { [-2]: new Uint8Array(31).fill(1) } }],
      ['an EC2 key claiming RS256', p256(), { alg: -257 }],
      ['an EC2 key claiming EdDSA', p256(), { alg: -8 }],
      ['an OKP key claiming ES256', softAuthenticator({ key: 'EdDSA' }), { alg: -7 }],
      ['EdDSA on X25519', softAuthenticator({ key: 'EdDSA' }), { cose: { [-1]: 4 } }],
      ['an RSA key claiming ES256', softAuthenticator({ key: { rsa: 2048 } }), { alg: -7 }],
      [
        'RS256 with an even exponent',
        softAuthenticator({ key: { rsa: 2048 } }),
        { cose: { [-2]: new Uint8Array([1, 0, 0]) } },
      ],
      [
        'RS256 with an exponent of 1',
        softAuthenticator({ key: { rsa: 2048 } }),
        { cose: { [-2]: new Uint8Array([1]) } },
      ],
      [
        'RS256 with a modulus of leading zeros',
        softAuthenticator({ key: { rsa: 1024 } }),
        { cose: { [-1]: new Uint8Array(256).fill(0, 0, 128).fill(0xff, 128) } },
      ],
    ] as const) {
      const { challengeId, options } = await server.begin();
      const answer = authenticator.register(options, bend);
      assert.deepEqual(
        await refusal(await server.finish(challengeId, answer)),
        { status: 422, error: 'invalid-code', reason: 'not-verified' },
        what,
      );
    }
    assert.deepEqual((await server.listMethods()).methods, []);
  });

  it('keeps each transport the browser names once, and none it does not know', async () => {
    const server = passkeyServer();
    const { challengeId, options } = await server.begin();
    const answer = softAuthenticator().register(options) as { id: string; response: Record<string, unknown> };
    answer.response.transports = [...Array<string>(2000).fill('usb'), 'carrier-pigeon', 'internal', 'usb'];
    const registered = await body(await server.finish(challengeId, answer));
    assert.deepEqual((registered.passkey as { transports: string[] }).transports, ['usb', 'internal']);
    const next = await server.begin();
    assert.deepEqual(next.options.excludeCredentials, [
      { id: answer.id, type: 'public-key', transports: ['usb', 'internal'] },
    ]);
  });

  it('refuses a credential registered already, to this person or another (409 already-registered)', async () => {
    const server = passkeyServer();
    const authenticator = softAuthenticator();
    await server.enroll(authenticator);
    const again = await server.begin();
    const mine = await server.finish(again.challengeId, authenticator.register(again.options, { same: true }));
    assert.deepEqual(await refusal(mine), { status: 409, error: 'invalid-code', reason: 'already-registered' });
    const bobs = await server.begin({ user: 'bob' });
    const stolen = await server.finish(
      bobs.challengeId,
      authenticator.register(bobs.options, { same: true }),
      undefined,
      { user: 'bob' },
    );
    assert.deepEqual(await refusal(stolen), { status: 409, error: 'invalid-code', reason: 'already-registered' });
    assert.deepEqual((await server.listMethods('bob')).methods, []);
    assert.equal((await server.listMethods()).methods.length, 1);
  });

  for (const [what, bend, reason] of [
    ['made on another origin', { origin: 'https://evil.test' }, 'origin'],
    ['made for another relying party', { rpId: 'evil.test' }, 'rp-id'],
    ['made without user verification', { uv: false }, 'user-verification'],
    ['signing another challenge', { challenge: Buffer.from('another challenge').toString('base64url') }, 'challenge'],
  ] as const) {
    it(`refuses an answer ${what} (422 invalid-code, reason ${reason}), and registers nothing`, async () => {
      const server = passkeyServer();
      const { challengeId, options } = await server.begin();
      const response = await server.finish(challengeId, softAuthenticator().register(options, bend));
      assert.deepEqual(await refusal(response), { status: 422, error: 'invalid-code', reason });
      assert.deepEqual((await server.listMethods()).methods, []);
    });
  }

  it('names a failed check by the check, not by words the answer put in the signed challenge', async () => {
    const server = passkeyServer();
    const authenticator = softAuthenticator();
    for (const words of ['origin', 'RP ID', 'user could not be verified', 'counter']) {
      const { challengeId, options } = await server.begin();
      const response = await server.finish(challengeId, authenticator.register(options, { challenge: words }));
      assert.equal((await refusal(response)).reason, 'challenge', words);
    }
    const method = await server.enroll(authenticator);
    for (const words of ['origin', 'RP ID', 'user could not be verified', 'counter']) {
      const response = await server.signIn(authenticator, method.id, { challenge: words });
      assert.equal((await refusal(response)).reason, 'challenge', words);
    }
  });

  it('refuses an answer made in a frame on another site’s page, whether or not the browser names that page', async () => {
    const server = passkeyServer();
    const authenticator = softAuthenticator();
    for (const bend of [{ crossOrigin: true }, { crossOrigin: true, topOrigin: 'https://evil.test' }]) {
      const { challengeId, options } = await server.begin();
      const response = await server.finish(challengeId, authenticator.register(options, bend));
      assert.deepEqual(await refusal(response), { status: 422, error: 'invalid-code', reason: 'origin' });
    }
    assert.deepEqual((await server.listMethods()).methods, []);
    const method = await server.enroll(authenticator);
    for (const bend of [{ crossOrigin: true }, { crossOrigin: true, topOrigin: 'https://evil.test' }]) {
      const response = await server.signIn(authenticator, method.id, bend);
      assert.deepEqual(await refusal(response), { status: 422, error: 'invalid-code', reason: 'origin' });
    }
    assert.equal((await server.listMethods()).methods[0]!.lastUsedAt, null);
  });

  it('accepts an origin of the list only: a page on a subdomain not listed is refused', async () => {
    const server = passkeyServer({ rpOrigins: ['https://portal.test', 'https://id.portal.test'] });
    const listed = await server.begin();
    const ok = await server.finish(
      listed.challengeId,
      softAuthenticator({ origin: 'https://id.portal.test' }).register(listed.options),
    );
    assert.equal(ok.status, 201);
    const unlisted = await server.begin();
    const refused = await server.finish(
      unlisted.challengeId,
      softAuthenticator({ origin: 'https://other.portal.test' }).register(unlisted.options),
    );
    assert.equal((await refusal(refused)).reason, 'origin');
  });

  it('refuses another person’s challenge as no challenge (404 code-expired)', async () => {
    const server = passkeyServer();
    const alices = await server.begin();
    const response = await server.finish(alices.challengeId, softAuthenticator().register(alices.options), 'x', {
      user: 'bob',
    });
    assert.deepEqual(await refusal(response), { status: 404, error: 'code-expired', reason: undefined });
    // Still Alice's to use.
    const ok = await server.finish(alices.challengeId, softAuthenticator().register(alices.options));
    assert.equal(ok.status, 201);
  });

  it('uses a challenge once: another answer after a registration, or a second answer after a failed one, is code-expired', async () => {
    const server = passkeyServer();
    const { challengeId, options } = await server.begin();
    assert.equal((await server.finish(challengeId, softAuthenticator().register(options))).status, 201);
    // The same answer sent again is the registration's retry, answered as it was (verify-retry.test.ts).
    const another = softAuthenticator().register(options);
    assert.deepEqual(await refusal(await server.finish(challengeId, another)), {
      status: 410,
      error: 'code-expired',
      reason: undefined,
    });
    const failed = await server.begin();
    await server.finish(failed.challengeId, softAuthenticator().register(failed.options, { uv: false }));
    const retried = await server.finish(failed.challengeId, softAuthenticator().register(failed.options));
    assert.equal((await refusal(retried)).error, 'code-expired');
  });

  it('lets two racing answers to one challenge register one passkey', async () => {
    const server = passkeyServer();
    const { challengeId, options } = await server.begin();
    const answers = await Promise.all([
      server.finish(challengeId, softAuthenticator().register(options)),
      server.finish(challengeId, softAuthenticator().register(options)),
    ]);
    assert.deepEqual(answers.map((answer) => answer.status).sort(), [201, 410]);
    assert.equal((await server.listMethods()).methods.length, 1);
  });

  it('refuses an answer after five minutes (410 code-expired)', async () => {
    const server = passkeyServer();
    const { challengeId, options } = await server.begin();
    server.advance(5 * 60 + 1);
    const response = await server.finish(challengeId, softAuthenticator().register(options));
    assert.deepEqual(await refusal(response), { status: 410, error: 'code-expired', reason: undefined });
  });

  it('answers 400, never 500, for what is not a browser’s answer or not a name', async () => {
    const server = passkeyServer();
    const { challengeId, options } = await server.begin();
    const good = softAuthenticator().register(options);
    for (const response of [
      undefined,
      null,
      'text',
      { ...good, id: 'not base64url!' },
      { ...good, rawId: 'another' },
      { ...good, type: 'password' },
      { ...good, response: { clientDataJSON: 'abc' } },
      { ...good, response: { ...(good.response as object), transports: 'usb' } },
    ])
      assert.equal((await server.finish(challengeId, response)).status, 400, JSON.stringify(response));
    for (const name of ['', '   ', 'x'.repeat(65), 'line\nbreak', 'bell\u0007', 'flip\u202e', 42])
      assert.equal((await server.post('/passkeys', { challengeId, response: good, name })).status, 400);
    // Nothing of that used the challenge up.
    assert.equal((await server.finish(challengeId, good, 'é'.repeat(64))).status, 201);
    // An answer that is well formed but broken inside is a failed check.
    const next = await server.begin();
    const broken = softAuthenticator().register(next.options) as { response: Record<string, string> };
    broken.response.attestationObject = Buffer.from('not cbor').toString('base64url');
    assert.equal((await refusal(await server.finish(next.challengeId, broken))).reason, 'not-verified');
  });

  it('takes a large answer (an RSA key sent three times over), but not an endless one', async () => {
    const server = passkeyServer();
    const { challengeId, options } = await server.begin();
    const answer = softAuthenticator().register(options) as { response: Record<string, unknown> };
    answer.response.publicKey = 'A'.repeat(1500);
    answer.response.authenticatorData = 'A'.repeat(1500);
    assert.equal((await server.finish(challengeId, answer)).status, 201);
    answer.response.publicKey = 'A'.repeat(20_000);
    assert.equal((await server.finish(challengeId, answer)).status, 413);
  });
});

describe('PATCH /methods/{id}', () => {
  it('renames a passkey of the person’s; trims, refuses what is not a name, and keeps to their own', async () => {
    const server = passkeyServer();
    const method = await server.enroll(softAuthenticator());
    assert.equal((await server.rename(method.id, '  Phone ')).status, 204);
    assert.equal((await server.listMethods()).methods[0]!.passkey!.constructor, Object);
    assert.deepEqual(((await server.listMethods()).methods[0]!.passkey as { name: string }).name, 'Phone');
    for (const name of ['', 'x'.repeat(65), 'tab\there', null])
      assert.equal((await server.rename(method.id, name)).status, 400);
    assert.equal((await server.rename(method.id, 'Mine now', 'bob')).status, 404);
    assert.equal((await server.rename('no-such-method', 'Name')).status, 404);
    const entries = await server.store.transaction((tx) => tx.listAudit({ userId: 'alice', limit: 10 }));
    assert.ok(entries.some((entry) => entry.action === 'method-renamed' && entry.methodId === method.id));
  });

  it('counts each rename in the person’s limits: renaming in a loop cannot fill the audit trail', async () => {
    // Each rename leaves an audit entry, which nothing removes.
    const server = passkeyServer();
    const method = await server.enroll(softAuthenticator());
    const statuses: number[] = [];
    for (let turn = 0; turn < 30; turn += 1) statuses.push((await server.rename(method.id, `Name ${turn}`)).status);
    assert.ok(statuses.includes(429), 'renaming is refused past the person’s limit');
    const entries = await server.store.transaction((tx) => tx.listAudit({ userId: 'alice', limit: 100 }));
    const renames = entries.filter((entry) => entry.action === 'method-renamed').length;
    assert.equal(renames, statuses.filter((status) => status === 204).length);
    assert.ok(renames <= 10, `${renames} renames written`);
    // A refused name, or another person's method, spends nothing (nothing is written).
    server.advance(3600);
    for (let turn = 0; turn < 30; turn += 1) {
      assert.equal((await server.rename(method.id, '')).status, 400);
      assert.equal((await server.rename(method.id, 'Mine now', 'bob')).status, 404);
    }
    assert.equal((await server.rename(method.id, 'Laptop')).status, 204);
  });

  it('refuses a name that would reorder or break the text around it: every bidi control, line and paragraph separators', async () => {
    const server = passkeyServer();
    const method = await server.enroll(softAuthenticator());
    // U+061C is the Arabic letter mark, a bidi control as U+200E is; U+2028 and U+2029 end a line as \n does.
    for (const name of ['a\u061Cb', 'a\u200Eb', 'a\u202Eb', 'a\u2067b', 'a\u2028b', 'a\u2029b', 'a\u0085b'])
      assert.equal((await server.rename(method.id, name)).status, 400, JSON.stringify(name));
    // A name nothing of which shows (a zero-width space, a lone joiner, a mark on nothing) lists as a blank row.
    for (const name of ['\u200B', '\u200D', '\u200B\u200C', '\u0301'])
      assert.equal((await server.rename(method.id, name)).status, 400, JSON.stringify(name));
    // Nor one of letters that show nothing: the Hangul fillers (what blank user names are made of), the Braille blank.
    for (const name of ['\u3164', '\u115F\u1160', '\uFFA0', '\u2800\u2800', '\u3164\u200B\u2800'])
      assert.equal((await server.rename(method.id, name)).status, 400, JSON.stringify(name));
    // A Korean name, of syllables, is a name.
    assert.equal((await server.rename(method.id, '\uD55C\uAE00 \uB178\uD2B8\uBD81')).status, 204);
    // A joiner inside an emoji is part of the name, not a control.
    assert.equal((await server.rename(method.id, 'Laptop \u{1F469}\u200D\u{1F4BB}')).status, 204);
    // Length counts code points: 64 emoji are a name, 65 are not.
    assert.equal((await server.rename(method.id, '\u{1F511}'.repeat(64))).status, 204);
    assert.equal((await server.rename(method.id, '\u{1F511}'.repeat(65))).status, 400);
  });

  it('refuses to name a method that has no name (422)', async () => {
    const server = passkeyServer();
    const challengeId = await server.start();
    await server.verify(challengeId, server.lastCode());
    const phone = (await server.listMethods()).methods[0]!;
    assert.equal((await server.rename(String(phone.id), 'My phone')).status, 422);
  });
});

describe('passkey sign-in through the service API', () => {
  it('asks for any of the person’s passkeys with user verification, and checks the assertion', async () => {
    const server = passkeyServer();
    const authenticator = softAuthenticator();
    const method = await server.enroll(authenticator);
    const started = await server.startSignIn(method.id);
    assert.equal(started.kind, 'passkey');
    assert.equal(started.expiresInSeconds, 300);
    assert.equal(started.options.rpId, 'portal.test');
    assert.equal(started.options.userVerification, 'required');
    assert.deepEqual(
      started.options.allowCredentials.map((credential) => credential.id),
      [authenticator.credentialId],
    );
    server.advance(60);
    const response = await server.check(started.verificationId, authenticator.assert(started.options));
    assert.equal(response.status, 200, await response.clone().text());
    assert.deepEqual(await response.json(), { verified: true, methodId: method.id });
    const listed = (await server.listMethods()).methods[0]!;
    assert.equal(listed.lastUsedAt, new Date(server.now()).toISOString());
    const [stored] = await server.store.transaction((tx) => tx.listMethods('alice'));
    assert.equal(stored!.data.counter, 1);
  });

  it('keeps a budget of sign-ins for the person at an address they used, which strangers cannot spend', async () => {
    const server = passkeyServer();
    const authenticator = softAuthenticator();
    const method = await server.enroll(authenticator);
    const home = '198.51.100.20';
    assert.equal((await server.signIn(authenticator, method.id, {}, 'alice', home)).status, 200);
    // A stranger who knows the user name asks for sign-ins until refused.
    const asked = async (clientAddress: string) =>
      (await server.service('/users/alice/verifications', { methodId: method.id, clientAddress })).status;
    const strangers: number[] = [];
    for (let i = 0; i < 6; i++) strangers.push(await asked(`203.0.113.${i}`));
    // Five in ten minutes at addresses the person has not used; their own first sign-in, from a new address, was one.
    assert.deepEqual(strangers, [201, 201, 201, 201, 429, 429]);
    // The person at home signs in all the same.
    assert.equal((await server.signIn(authenticator, method.id, {}, 'alice', home)).status, 200);
  });

  it('refuses a counter that does not grow (a cloned authenticator), and takes one that does', async () => {
    const server = passkeyServer();
    const authenticator = softAuthenticator();
    const method = await server.enroll(authenticator);
    assert.equal((await server.signIn(authenticator, method.id, { counter: 5 })).status, 200);
    const back = await server.signIn(authenticator, method.id, { counter: 3 });
    assert.deepEqual(await refusal(back), { status: 422, error: 'invalid-code', reason: 'counter' });
    const same = await server.signIn(authenticator, method.id, { counter: 5 });
    assert.equal((await refusal(same)).reason, 'counter');
    assert.equal((await server.signIn(authenticator, method.id, { counter: 6 })).status, 200);
  });

  it('takes an authenticator that keeps no counter (always 0)', async () => {
    const server = passkeyServer();
    const authenticator = softAuthenticator({ counts: false });
    const method = await server.enroll(authenticator);
    assert.equal((await server.signIn(authenticator, method.id)).status, 200);
    assert.equal((await server.signIn(authenticator, method.id)).status, 200);
  });

  for (const [what, bend, reason] of [
    ['on another origin', { origin: 'https://evil.test' }, 'origin'],
    ['for another relying party', { rpId: 'evil.test' }, 'rp-id'],
    ['without user verification', { uv: false }, 'user-verification'],
    ['signing another challenge', { challenge: Buffer.from('stale').toString('base64url') }, 'challenge'],
    [
      'naming another person (user handle)',
      { userHandle: Buffer.from('bob').toString('base64url') },
      'unknown-credential',
    ],
  ] as const) {
    it(`refuses an assertion ${what} (reason ${reason}) and leaves the last use alone`, async () => {
      const server = passkeyServer();
      const authenticator = softAuthenticator();
      const method = await server.enroll(authenticator);
      const response = await server.signIn(authenticator, method.id, bend);
      assert.deepEqual(await refusal(response), { status: 422, error: 'invalid-code', reason });
      assert.equal((await server.listMethods()).methods[0]!.lastUsedAt, null);
    });
  }

  it('refuses another person’s passkey, and another person’s verification', async () => {
    const server = passkeyServer();
    const alices = softAuthenticator();
    const bobs = softAuthenticator();
    const alice = await server.enroll(alices);
    await server.enroll(bobs, { user: 'bob' });
    const started = await server.startSignIn(alice.id);
    const wrong = await server.check(started.verificationId, bobs.assert(started.options, { userHandle: '' }));
    assert.equal((await refusal(wrong)).reason, 'unknown-credential');
    const other = await server.startSignIn(alice.id);
    const asBob = await server.check(other.verificationId, alices.assert(other.options), 'bob');
    assert.deepEqual(await refusal(asBob), { status: 404, error: 'code-expired', reason: undefined });
  });

  it('uses a verification once: a replayed assertion is code-expired', async () => {
    const server = passkeyServer();
    const authenticator = softAuthenticator();
    const method = await server.enroll(authenticator);
    const started = await server.startSignIn(method.id);
    const assertion = authenticator.assert(started.options);
    assert.equal((await server.check(started.verificationId, assertion)).status, 200);
    assert.equal((await refusal(await server.check(started.verificationId, assertion))).error, 'code-expired');
    const late = await server.startSignIn(method.id);
    server.advance(5 * 60 + 1);
    const expired = await server.check(late.verificationId, authenticator.assert(late.options));
    assert.equal((await refusal(expired)).error, 'code-expired');
  });

  it('keeps each ceremony’s challenge to its own: a registration’s is no sign-in, a sign-in’s no registration, a code’s neither', async () => {
    const server = passkeyServer();
    const authenticator = softAuthenticator();
    const method = await server.enroll(authenticator);
    // A registration's challenge, signed as an assertion, offered to the sign-in check.
    const setup = await server.begin();
    const asSignIn = await server.check(
      setup.challengeId,
      authenticator.assert({ ...setup.options, rpId: 'portal.test' }),
    );
    assert.equal((await refusal(asSignIn)).status, 404);
    // A sign-in's challenge, answered with a new passkey, offered to registration.
    const started = await server.startSignIn(method.id);
    const other = softAuthenticator();
    const made = other.register({ ...started.options, rp: { id: 'portal.test' }, user: { id: 'aGFuZGxl' } });
    assert.equal((await refusal(await server.finish(started.verificationId, made, 'Other'))).status, 404);
    // A code for a phone is no passkey ceremony, and a passkey's verification takes no code.
    const phoneChallenge = await server.start();
    assert.equal(
      (await refusal(await server.check(phoneChallenge, authenticator.assert(started.options)))).status,
      404,
    );
    const withCode = await server.service(`/users/alice/verifications/${started.verificationId}/check`, {
      code: '123456',
    });
    assert.equal(withCode.status, 404);
    // None of them was used up by the attempts: the sign-in still goes through.
    const right = await server.check(started.verificationId, authenticator.assert(started.options));
    assert.equal(right.status, 200, await right.clone().text());
    assert.equal((await server.listMethods()).methods.filter((listed) => listed.kind === 'passkey').length, 1);
  });

  it('counts failed assertions in the per-user limit of wrong codes, and then refuses even a right one', async () => {
    const server = passkeyServer({ limits: { maxConsecutiveFailures: 3 } });
    const authenticator = softAuthenticator();
    const method = await server.enroll(authenticator);
    const first = await server.signIn(authenticator, method.id, { uv: false });
    assert.equal((await body(first)).attemptsRemaining, 2);
    await server.signIn(authenticator, method.id, { origin: 'https://evil.test' });
    const third = await server.signIn(authenticator, method.id, { uv: false });
    assert.equal((await refusal(third)).error, 'too-many-attempts');
    const right = await server.signIn(authenticator, method.id);
    assert.equal((await refusal(right)).error, 'too-many-attempts');
  });
});

describe('the relying party configuration', () => {
  const base: SecurityInfoHandlerOptions = {
    authenticate: () => 'alice',
    clientKey: () => '192.0.2.1',
    secret: SECRET,
    sender: { send: async () => undefined },
  };
  const refused = (options: Partial<SecurityInfoHandlerOptions>, pattern: RegExp) =>
    assert.throws(
      () => createSecurityInfoHandler({ ...base, ...options }),
      (error: unknown) => error instanceof ConfigurationError && pattern.test(error.message),
    );

  it('refuses a policy offering passkeys without a relying party, and a half-given one', () => {
    refused({ policy: POLICY }, /offers passkeys.*rpId, rpName and rpOrigins/);
    refused({ policy: POLICY, rpId: 'portal.test', rpName: 'Portal' }, /together/);
    refused({ rpOrigins: ['https://portal.test'] }, /together/);
  });

  it('refuses an RP id that is not a domain, a name off one line, and origins off the RP id or without TLS', () => {
    refused({ ...RP, rpId: 'https://portal.test' }, /rpId must be a domain/);
    refused({ ...RP, rpId: 'Portal.Test' }, /rpId must be a domain/);
    refused({ ...RP, rpName: ' ' }, /rpName/);
    refused({ ...RP, rpName: 'two\nlines' }, /rpName/);
    refused({ ...RP, rpOrigins: [] }, /at least one origin/);
    refused({ ...RP, rpOrigins: ['https://evil.test'] }, /not on portal.test/);
    refused({ ...RP, rpOrigins: ['https://notportal.test'] }, /not on portal.test/);
    refused({ ...RP, rpOrigins: ['http://portal.test'] }, /https/);
    refused({ ...RP, rpOrigins: ['not an origin'] }, /not an origin/);
    // localhost may be plain http, on any port the host lists.
    createSecurityInfoHandler({ ...base, rpId: 'localhost', rpName: 'Test', rpOrigins: ['http://localhost:8000'] });
  });

  it('takes the origins from a function per request, and refuses one that answers an origin off the RP id', async () => {
    let answer = ['http://localhost:9123'];
    const server = passkeyServer({ rpId: 'localhost', rpOrigins: () => answer });
    const { challengeId, options } = await server.begin();
    const ok = await server.finish(
      challengeId,
      softAuthenticator({ origin: 'http://localhost:9123' }).register(options),
    );
    assert.equal(ok.status, 201);
    answer = ['https://evil.test'];
    const next = await server.begin();
    const broken = await server.finish(next.challengeId, softAuthenticator().register(next.options));
    assert.equal(broken.status, 503);
  });
});

describe('passkey and recovery-code routes under junk', () => {
  /** Random values of every JSON type, and strings that look like what the fields carry. */
  function junk(random: () => number, depth = 0): unknown {
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
    const kind = Math.floor(random() * (depth > 2 ? 6 : 8));
    if (kind === 0) return null;
    if (kind === 1) return random() < 0.5;
    if (kind === 2) return pick([0, -1, 1e308, 2 ** 53, 3.5]);
    if (kind === 3)
      return Buffer.from(Array.from({ length: Math.floor(random() * 80) }, () => random() * 256)).toString('base64url');
    if (kind === 4) return pick(['', 'public-key', 'webauthn.create', '\u0000', 'é'.repeat(70), '{}', 'AAAA']);
    if (kind === 5) return pick(['internal', 'usb', ['usb'], [1, 2]]);
    if (kind === 6) return Array.from({ length: Math.floor(random() * 4) }, () => junk(random, depth + 1));
    const keys = [
      'id',
      'rawId',
      'type',
      'response',
      'clientDataJSON',
      'attestationObject',
      'authenticatorData',
      'signature',
      'userHandle',
      'transports',
      'clientExtensionResults',
      'name',
      'code',
    ];
    return Object.fromEntries(
      Array.from({ length: Math.floor(random() * 6) }, () => [pick(keys), junk(random, depth + 1)]),
    );
  }

  it('answers every junk answer, name and code with a 4xx, never a 5xx', async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const server = passkeyServer({ policy: { ...POLICY, recoveryCodes: true }, limits: TEST_LIMITS });
    const authenticator = softAuthenticator();
    const method = await server.enroll(authenticator);
    const { method: codes } = (await body(await server.post('/recovery-codes', {}))) as { method: { id: string } };
    const good = (await server.begin()).options;
    const honest = authenticator.register(good) as Record<string, unknown>;
    for (let i = 0; i < 150; i++) {
      const { challengeId } = await server.begin();
      // Half the time a real answer with one field replaced, else junk through and through.
      const response =
        random() < 0.5 ? { ...honest, [['id', 'rawId', 'type', 'response'][i % 4]!]: junk(random) } : junk(random);
      const answers = [
        await server.finish(challengeId, response, typeof junk(random) === 'string' ? String(junk(random)) : undefined),
        await server.rename(method.id, junk(random)),
        await server.check((await server.startSignIn(method.id)).verificationId, junk(random)),
        await server.service(`/users/alice/methods/${codes.id}/verify`, { code: junk(random) }),
      ];
      for (const answer of answers) assert.ok(answer.status < 500, `${answer.status}: ${await answer.text()}`);
    }
  });
});
