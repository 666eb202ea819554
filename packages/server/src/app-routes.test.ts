// The authenticator app through the handler, as a person's page and the organization's sign-in use it: the setup,
// its first code, and codes at sign-in through the service API; what is kept, and what never leaves the server.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PGlite } from '@electric-sql/pglite';
import type { SecurityInfoPolicy } from '@security-info/core';
import { base32Decode, readAppSetup } from '@security-info/core';
import { createMemoryStore } from './memory-store.js';
import type { SecurityInfoHandlerOptions } from './options.js';
import { pgliteClient } from './pglite-store.js';
import { migrate } from './sql-schema.js';
import { createSqlStore } from './sql-store.js';
import { BASE, SECRET, body, setup, type Call } from './test-support.js';
import { hotp, totpStep } from './totp.js';

const POLICY: SecurityInfoPolicy = {
  methods: [
    { id: 'authenticator-app', purposes: ['mfa', 'password-reset'] },
    { id: 'phone', purposes: ['mfa', 'password-reset'] },
  ],
};
const TOKEN = 'sign-in-service-credential-of-32-characters-or-more';

interface Setup {
  challengeId: string;
  otpauthUri: string;
  secret: string;
  codeLength: number;
  expiresInSeconds: number;
}

function appServer(options: Partial<SecurityInfoHandlerOptions> = {}) {
  const server = setup({ policy: POLICY, serviceCredentials: { 'sign-in': TOKEN }, ...options });
  /** The code the app shows now, or `steps` steps away. */
  const codeOf = (secret: string, steps = 0) => hotp(base32Decode(secret), totpStep(server.now()) + steps);
  /**
   * A code certainly wrong now: none of the codes of the steps the server accepts (this one and one either side).
   * A fixed "wrong" code would be right by chance for some random secrets; of four candidates at most three can be.
   */
  async function wrongCodeOf(secret: string): Promise<string> {
    const accepted = new Set(await Promise.all([-1, 0, 1].map((steps) => codeOf(secret, steps))));
    return ['000000', '111111', '222222', '333333'].find((code) => !accepted.has(code))!;
  }
  const startApp = (request: Record<string, unknown> = {}, call: Call = {}) =>
    server.post('/authenticator-app/challenges', request, call);
  const verifyApp = (id: string, code: string, call: Call = {}) =>
    server.post(`/authenticator-app/challenges/${id}/verify`, { code }, call);
  const service = (method: string, path: string, json?: unknown) =>
    server.handler(
      new Request(`${BASE}/service${path}`, {
        method,
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      }),
    );
  const signIn = (userId: string, methodId: string, code: string) =>
    service('POST', `/users/${userId}/methods/${methodId}/verify`, { code });
  const listMethods = async (call: Call = {}) => {
    const user = call.user ?? 'alice';
    const response = await server.handler(new Request(`${BASE}/methods`, { headers: { 'x-test-user': user } }));
    return (await response.json()) as { methods: { id: string; kind: string }[]; defaultMethodId: string | null };
  };
  async function begin(request: Record<string, unknown> = {}, call: Call = {}): Promise<Setup> {
    const response = await startApp(request, call);
    assert.equal(response.status, 201, await response.clone().text());
    return (await response.json()) as Setup;
  }
  /** A whole enrollment: the setup, then the app's current code. */
  async function enroll(call: Call = {}): Promise<{ secret: string; methodId: string }> {
    const started = await begin({}, call);
    assert.equal((await verifyApp(started.challengeId, await codeOf(started.secret), call)).status, 204);
    const { methods } = await listMethods(call);
    return { secret: started.secret, methodId: methods.find((method) => method.kind === 'authenticator-app')!.id };
  }
  return { ...server, codeOf, wrongCodeOf, startApp, verifyApp, service, signIn, listMethods, begin, enroll };
}

describe('POST /authenticator-app/challenges', () => {
  it('answers a fresh 160-bit secret, its otpauth URI, 6 digits and 10 minutes', async () => {
    const server = appServer();
    const started = await server.begin();
    assert.match(started.challengeId, /^[A-Za-z0-9_-]{22}$/);
    assert.match(started.secret, /^[A-Z2-7]{32}$/);
    assert.equal(base32Decode(started.secret).length, 20);
    assert.equal(
      started.otpauthUri,
      `otpauth://totp/Security%20info:alice?secret=${started.secret}&issuer=Security%20info&algorithm=SHA1&digits=6&period=30`,
    );
    assert.equal(started.codeLength, 6);
    assert.equal(started.expiresInSeconds, 600);
    assert.notEqual((await server.begin()).secret, started.secret);
  });

  it("is no phone's challenge: the phone routes answer 404 to its id, and send nothing", async () => {
    const server = appServer();
    const { challengeId } = await server.begin();
    server.advance(60);
    const resent = await server.resend(challengeId);
    assert.equal(resent.status, 404, await resent.clone().text());
    assert.equal((await server.confirmation(challengeId)).status, 404);
    assert.equal(server.sent.length, 0);
  });

  it('names the issuer and the account as configured, percent-encoded', async () => {
    const server = appServer({ totpIssuer: 'Contoso & Co', accountLabel: async (userId) => `${userId}@contoso.com` });
    const { otpauthUri, secret } = await server.begin();
    assert.equal(
      otpauthUri,
      `otpauth://totp/Contoso%20%26%20Co:alice%40contoso.com?secret=${secret}&issuer=Contoso%20%26%20Co` +
        '&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('names an account whose label holds half a character, which no URI can carry, with U+FFFD', async () => {
    const server = appServer({ accountLabel: async (userId) => `${userId} \uD83D` });
    const { otpauthUri } = await server.begin();
    assert.match(otpauthUri, /:alice%20%EF%BF%BD\?secret=/);
  });

  it('keeps the URI within the 2048 characters a setup may have, shortening a long account label', async () => {
    for (const label of ['a'.repeat(3000), '\u4e2d'.repeat(400), '\u{1F600}'.repeat(300)]) {
      const server = appServer({ totpIssuer: '\u4e2d'.repeat(64), accountLabel: async () => label });
      const started = await server.begin();
      assert.ok(started.otpauthUri.length <= 2048, `${started.otpauthUri.length} characters`);
      // The client takes it as a setup to show: the contract's checks pass.
      assert.equal(readAppSetup(started).otpauthUri, started.otpauthUri);
      const shown = decodeURIComponent(new URL(started.otpauthUri).pathname.split(':')[1]!);
      assert.ok(shown.endsWith('\u2026'), shown.slice(-8));
      assert.ok(label.startsWith(shown.slice(0, -1)));
      assert.ok(shown.length > 60, `${shown.length} characters of the label kept`);
    }
  });

  it('does not start with an issuer that is empty, too long, on two lines or holds half a character', () => {
    for (const totpIssuer of ['', '  ', 'x'.repeat(65), 'Contoso\nEvil', 'Contoso \uD83D'])
      assert.throws(() => appServer({ totpIssuer }), /totpIssuer/, JSON.stringify(totpIssuer));
  });

  it('does not start with an issuer holding a colon, which apps take for the end of the issuer in the label', () => {
    // "Contoso: HR" would make the label Contoso: HR:alice, whose issuer an app reads as Contoso, not the issuer
    // parameter's Contoso: HR (the Key URI format allows a colon in neither).
    for (const totpIssuer of ['Contoso: HR', 'Contoso:HR', 'Contoso:'])
      assert.throws(() => appServer({ totpIssuer }), /totpIssuer/, JSON.stringify(totpIssuer));
  });

  it('is refused when the policy does not offer authenticator apps', async () => {
    const server = appServer({ policy: { methods: [{ id: 'phone', purposes: ['mfa'] }] } });
    const response = await server.startApp();
    assert.equal(response.status, 422);
    assert.equal((await body(response)).error, 'unknown');
  });

  it('refuses to replace a method that is not one of the person’s authenticator apps', async () => {
    const server = appServer();
    const { methodId } = await server.enroll({ user: 'bob' });
    assert.equal((await server.startApp({ replaces: methodId })).status, 404);
    assert.equal((await server.startApp({ replaces: 'no-such-method' })).status, 404);
    assert.equal((await server.startApp({ replaces: 'not an id!' })).status, 400);
  });

  it('counts each setup in the user’s send limits', async () => {
    const server = appServer({ limits: { sendsPerUser: [{ max: 2, windowSeconds: 600 }] } });
    await server.begin();
    await server.begin();
    const limited = await server.startApp();
    assert.equal(limited.status, 429);
    assert.equal((await body(limited)).error, 'rate-limited');
  });

  it('refuses a state change from a page of another origin', async () => {
    const response = await appServer().startApp({}, { headers: { origin: 'https://evil.test' } });
    assert.equal(response.status, 403);
  });
});

describe('POST /authenticator-app/challenges/{id}/verify', () => {
  it('registers the app with a code computed from the secret, as the default two-step method', async () => {
    const notices: string[] = [];
    const server = appServer({ onNotice: (notice) => void notices.push(`${notice.action} ${notice.kind}`) });
    const started = await server.begin();
    assert.equal((await server.verifyApp(started.challengeId, await server.codeOf(started.secret))).status, 204);
    const listed = await server.listMethods();
    assert.equal(listed.methods.length, 1);
    assert.equal(listed.methods[0]!.kind, 'authenticator-app');
    assert.equal(listed.defaultMethodId, listed.methods[0]!.id);
    assert.ok(!JSON.stringify(listed).includes(started.secret));
    const audit = await server.store.transaction((tx) => tx.listAudit({ userId: 'alice', limit: 10 }));
    assert.deepEqual(
      audit.map((entry) => [entry.action, entry.kind, entry.methodId]),
      [['method-added', 'authenticator-app', listed.methods[0]!.id]],
    );
    assert.deepEqual(notices, ['method-added authenticator-app']);
  });

  it('accepts the code of the step before and of the step after, not two steps away', async () => {
    const server = appServer();
    for (const steps of [-1, 1]) {
      const started = await server.begin();
      const code = await server.codeOf(started.secret, steps);
      assert.equal((await server.verifyApp(started.challengeId, code)).status, 204, `step ${steps}`);
    }
    for (const steps of [-2, 2]) {
      const started = await server.begin();
      const response = await server.verifyApp(started.challengeId, await server.codeOf(started.secret, steps));
      assert.equal(response.status, 422, `step ${steps}`);
      assert.equal((await body(response)).error, 'invalid-code');
    }
  });

  it('takes a code typed with a space, as apps show it', async () => {
    const server = appServer();
    const started = await server.begin();
    const code = await server.codeOf(started.secret);
    assert.equal((await server.verifyApp(started.challengeId, `${code.slice(0, 3)} ${code.slice(3)}`)).status, 204);
  });

  it('takes a code typed in full-width or Arabic-Indic digits, as a keyboard of another script types it', async () => {
    const server = appServer();
    for (const zero of [0xff10, 0x660, 0x6f0]) {
      const started = await server.begin();
      const code = await server.codeOf(started.secret);
      const native = [...code].map((digit) => String.fromCodePoint(zero + Number(digit))).join('');
      assert.equal((await server.verifyApp(started.challengeId, native)).status, 204, native);
    }
  });

  it('refuses a code that is not digits with a 400, and counts no wrong code for it', async () => {
    const server = appServer();
    const started = await server.begin();
    const code = await server.codeOf(started.secret);
    for (const junk of [`${code}x`, `x${code}`, `${code.slice(0, 3)}.${code.slice(3)}`, '', '   ', 'wrong']) {
      const response = await server.verifyApp(started.challengeId, junk);
      assert.equal(response.status, 400, JSON.stringify(junk));
      assert.equal((await body(response)).error, 'unknown');
    }
    const wrong = await server.verifyApp(started.challengeId, await server.wrongCodeOf(started.secret));
    assert.equal((await body(wrong)).attemptsRemaining, 4);
    assert.equal((await server.verifyApp(started.challengeId, code)).status, 204);
  });

  it('takes a setup once: its code again is its retry, answered the same, and another code of the app is refused', async () => {
    const server = appServer();
    const started = await server.begin();
    const code = await server.codeOf(started.secret);
    assert.equal((await server.verifyApp(started.challengeId, code)).status, 204);
    assert.equal((await server.verifyApp(started.challengeId, code)).status, 204, 'a retry, whose answer was lost');
    server.advance(30);
    const next = await server.codeOf(started.secret);
    if (next !== code) assert.equal((await server.verifyApp(started.challengeId, next)).status, 409);
    assert.equal((await server.listMethods()).methods.length, 1);
    const audit = await server.store.transaction((tx) => tx.listAudit({ userId: 'alice', limit: 10 }));
    assert.deepEqual(
      audit.map((entry) => entry.action),
      ['method-added'],
    );
  });

  it('locks a setup after 5 wrong codes, as a phone code locks', async () => {
    const server = appServer();
    const started = await server.begin();
    const right = await server.codeOf(started.secret);
    const wrong = await server.wrongCodeOf(started.secret);
    for (let left = 4; left >= 1; left--) {
      const response = await server.verifyApp(started.challengeId, wrong);
      assert.equal(response.status, 422);
      assert.equal((await body(response)).attemptsRemaining, left);
    }
    const last = await server.verifyApp(started.challengeId, wrong);
    assert.equal(last.status, 429);
    assert.equal((await body(last)).error, 'too-many-attempts');
    assert.equal((await server.verifyApp(started.challengeId, right)).status, 429);
    assert.equal((await server.listMethods()).methods.length, 0);
  });

  it('counts wrong app codes in the same per-user limit as phone codes', async () => {
    const server = appServer({ limits: { maxConsecutiveFailures: 3 } });
    for (let i = 0; i < 3; i++) {
      const started = await server.begin();
      const wrong = await server.wrongCodeOf(started.secret);
      await server.verifyApp(started.challengeId, wrong);
    }
    // Locked for every code now, a phone's too.
    const phone = await server.start();
    const locked = await server.verify(phone, server.lastCode());
    assert.equal(locked.status, 429);
    assert.equal((await body(locked)).error, 'too-many-attempts');
  });

  it('answers 404 for another person’s setup, even with its right code, and counts nothing against it', async () => {
    const server = appServer();
    const started = await server.begin();
    const code = await server.codeOf(started.secret);
    const stolen = await server.verifyApp(started.challengeId, code, { user: 'mallory' });
    assert.equal(stolen.status, 404);
    assert.equal((await server.listMethods({ user: 'mallory' })).methods.length, 0);
    assert.equal((await server.verifyApp(started.challengeId, code)).status, 204);
  });

  it('is not a phone’s challenge, nor the other way round', async () => {
    const server = appServer();
    const started = await server.begin();
    assert.equal((await server.verify(started.challengeId, await server.codeOf(started.secret))).status, 404);
    const phone = await server.start();
    assert.equal((await server.verifyApp(phone, server.lastCode())).status, 404);
  });

  it('answers code-expired after 10 minutes', async () => {
    const server = appServer();
    const started = await server.begin();
    server.advance(601);
    const response = await server.verifyApp(started.challengeId, await server.codeOf(started.secret));
    assert.equal(response.status, 410);
    assert.equal((await body(response)).error, 'code-expired');
  });

  it('replaces the person’s app in one step, keeping its place as the default', async () => {
    const server = appServer();
    const first = await server.enroll();
    const started = await server.begin({ replaces: first.methodId });
    assert.equal((await server.verifyApp(started.challengeId, await server.codeOf(started.secret))).status, 204);
    const listed = await server.listMethods();
    assert.equal(listed.methods.length, 1);
    assert.notEqual(listed.methods[0]!.id, first.methodId);
    assert.equal(listed.defaultMethodId, listed.methods[0]!.id);
    const audit = await server.store.transaction((tx) => tx.listAudit({ userId: 'alice', limit: 10 }));
    assert.equal(audit.at(-1)!.action, 'method-replaced');
    assert.equal(audit.at(-1)!.replacedMethodId, first.methodId);
  });

  it('asks for a recent sign-in before adding a second method, when the host asks for one', async () => {
    const server = appServer({ recentAuthentication: () => false });
    await server.enroll();
    const response = await server.startApp();
    assert.equal(response.status, 403);
    assert.equal((await body(response)).error, 'reauthentication-required');
  });
});

describe('the secret at rest', () => {
  it('is kept sealed: neither the base32 nor the raw secret is in the challenge or the registration', async () => {
    const server = appServer();
    const started = await server.begin();
    const raw = base32Decode(started.secret);
    const forms = [started.secret, Buffer.from(raw).toString('hex'), Buffer.from(raw).toString('base64')];
    const challenge = await server.store.transaction((tx) => tx.getChallenge(started.challengeId));
    assert.match(String(challenge!.data.secret), /^v1\./);
    for (const form of forms) assert.ok(!JSON.stringify(challenge).includes(form.replace(/=+$/, '')));
    await server.verifyApp(started.challengeId, await server.codeOf(started.secret));
    const [method] = await server.store.transaction((tx) => tx.listMethods('alice'));
    assert.match(String(method!.data.secret), /^v1\./);
    for (const form of forms) assert.ok(!JSON.stringify(method).includes(form.replace(/=+$/, '')));
    // The used setup no longer holds it at all: only the method it registered, to know a retry by.
    assert.deepEqual((await server.store.transaction((tx) => tx.getChallenge(started.challengeId)))!.data, {
      registered: method!.id,
    });
  });

  it('is not in the database’s rows', async () => {
    const db = await PGlite.create();
    const client = pgliteClient(db);
    await migrate(client);
    const server = appServer({ store: createSqlStore(client) });
    try {
      const started = await server.begin();
      const hex = Buffer.from(base32Decode(started.secret)).toString('hex');
      const rows = async () =>
        JSON.stringify([
          ...(await db.query('select * from challenges')).rows,
          ...(await db.query('select * from methods')).rows,
        ]);
      assert.ok(!(await rows()).includes(started.secret));
      assert.ok(!(await rows()).includes(hex));
      await server.verifyApp(started.challengeId, await server.codeOf(started.secret));
      const after = await rows();
      assert.ok(after.includes('authenticator-app'));
      assert.ok(!after.includes(started.secret) && !after.includes(hex));
    } finally {
      await db.close();
    }
  });

  it('is in no log line, whatever fails', async () => {
    const server = appServer();
    const started = await server.begin();
    await server.verifyApp(started.challengeId, 'wrong');
    await server.verifyApp(started.challengeId, await server.wrongCodeOf(started.secret));
    await server.verifyApp(started.challengeId, await server.codeOf(started.secret));
    await server.signIn('alice', 'no-such-method', '123456');
    assert.ok(server.logged.every((line) => !line.includes(started.secret)));
  });

  it('opens under the previous secret while it rotates, and is sealed again under the new one at its next use', async () => {
    const store = createMemoryStore();
    const before = appServer({ store });
    const { secret, methodId } = await before.enroll();
    const NEXT = 'the next server secret, also of 32 bytes or more';
    const rotating = appServer({ store, secret: NEXT, previousSecrets: [SECRET] });
    rotating.advance(60);
    assert.equal((await rotating.signIn('alice', methodId, await rotating.codeOf(secret))).status, 200);
    const after = appServer({ store, secret: NEXT });
    after.advance(120);
    assert.equal((await after.signIn('alice', methodId, await after.codeOf(secret))).status, 200);
  });

  it('refuses to check an app whose key was dropped, and says so to operators', async () => {
    const store = createMemoryStore();
    const { secret, methodId } = await appServer({ store }).enroll();
    const after = appServer({ store, secret: 'another server secret, of 32 bytes or more' });
    const response = await after.signIn('alice', methodId, await after.codeOf(secret));
    assert.equal(response.status, 409);
    assert.ok(after.logged.some((line) => /did not open/.test(line)));
  });
});

describe('POST /service/users/{userId}/methods/{methodId}/verify (an authenticator app)', () => {
  it('verifies a code of the app and sets the method’s last use', async () => {
    const server = appServer();
    const { secret, methodId } = await server.enroll();
    server.advance(30);
    const response = await server.signIn('alice', methodId, await server.codeOf(secret));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { verified: true, methodId });
    const [method] = await server.store.transaction((tx) => tx.listMethods('alice'));
    assert.equal(method!.lastUsedAt, server.now());
  });

  it('refuses a code used before: the enrollment’s, and a sign-in’s', async () => {
    const server = appServer();
    const started = await server.begin();
    const first = await server.codeOf(started.secret);
    await server.verifyApp(started.challengeId, first);
    const { methods } = await server.listMethods();
    const methodId = methods[0]!.id;
    const replayed = await server.signIn('alice', methodId, first);
    assert.equal(replayed.status, 422);
    assert.equal((await body(replayed)).error, 'invalid-code');
    server.advance(30);
    const next = await server.codeOf(started.secret);
    assert.equal((await server.signIn('alice', methodId, next)).status, 200);
    assert.equal((await server.signIn('alice', methodId, next)).status, 422);
    // The code of the step before the last one accepted is refused too, though inside the window.
    assert.equal((await server.signIn('alice', methodId, first)).status, 422);
  });

  it('lets exactly one of 20 parallel checks of the same code through', async () => {
    const server = appServer();
    const { secret, methodId } = await server.enroll();
    server.advance(30);
    const code = await server.codeOf(secret);
    const answers = await Promise.all(Array.from({ length: 20 }, () => server.signIn('alice', methodId, code)));
    assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, ...Array.from({ length: 19 }, () => 422)]);
  });

  it('locks the user after their cap of wrong codes, as phone codes do', async () => {
    const server = appServer({ limits: { maxConsecutiveFailures: 3 } });
    const { secret, methodId } = await server.enroll();
    server.advance(30);
    const right = await server.codeOf(secret);
    const wrong = await server.wrongCodeOf(secret);
    for (const left of [2, 1]) {
      const refused = await server.signIn('alice', methodId, wrong);
      assert.equal(refused.status, 422);
      assert.equal((await body(refused)).attemptsRemaining, left);
    }
    const locked = await server.signIn('alice', methodId, wrong);
    assert.equal(locked.status, 429);
    const refusal = await body(locked);
    assert.equal(refusal.error, 'too-many-attempts');
    assert.equal(refusal.retryAfterSeconds, 900);
    assert.equal((await server.signIn('alice', methodId, right)).status, 429);
    server.advance(901);
    assert.equal((await server.signIn('alice', methodId, await server.codeOf(secret))).status, 200);
  });

  it('takes a code in native digits, and refuses one that is not digits without counting it', async () => {
    const server = appServer({ limits: { maxConsecutiveFailures: 3 } });
    const { secret, methodId } = await server.enroll();
    for (let i = 0; i < 5; i++) {
      const junk = await server.signIn('alice', methodId, 'not a code');
      assert.equal(junk.status, 400);
    }
    server.advance(30);
    const code = await server.codeOf(secret);
    const fullWidth = [...code].map((digit) => String.fromCodePoint(0xff10 + Number(digit))).join('');
    assert.equal((await server.signIn('alice', methodId, fullWidth)).status, 200);
  });

  it('answers 404 for a method of another user', async () => {
    const server = appServer();
    const { secret, methodId } = await server.enroll();
    assert.equal((await server.signIn('bob', methodId, await server.codeOf(secret))).status, 404);
  });

  it('sends a phone to the verification routes', async () => {
    const server = appServer();
    await server.verify(await server.start(), server.lastCode());
    const [phone] = await server.store.transaction((tx) => tx.listMethods('alice'));
    const response = await server.signIn('alice', phone!.id, '123456');
    assert.equal(response.status, 422);
  });

  it('never carries the secret: not in the methods the service lists, nor in the answer', async () => {
    const server = appServer();
    const { secret, methodId } = await server.enroll();
    const listed = await server.service('GET', '/users/alice/methods');
    assert.equal(listed.status, 200);
    assert.ok(!(await listed.text()).includes(secret));
    server.advance(30);
    assert.ok(!(await (await server.signIn('alice', methodId, await server.codeOf(secret))).text()).includes(secret));
  });

  it('follows today’s policy', async () => {
    const store = createMemoryStore();
    const { secret, methodId } = await appServer({ store }).enroll();
    const later = appServer({ store, policy: { methods: [{ id: 'phone', purposes: ['mfa'] }] } });
    assert.equal((await later.signIn('alice', methodId, await later.codeOf(secret))).status, 422);
  });
});
