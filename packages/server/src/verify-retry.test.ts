/**
 * A verify that registered a method but whose answer never arrived (the store committed after the request's
 * time-out, a proxy dropped the connection, the client gave up) is sent again with the same code, or a passkey's
 * registration with the same answer: an enrollment's retry answers as the first did, and registers, audits and tells
 * nothing more, even once wrong codes since have locked the person; a sign-in's code stays used.
 */
import { after, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { base32Decode, type Registrations, type SecurityInfoPolicy } from '@security-info/core';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createMemoryStore } from './memory-store.js';
import { pgliteClient } from './pglite-store.js';
import { openPostgresStore } from './postgres-store.js';
import { migrate } from './sql-schema.js';
import { createSqlStore } from './sql-store.js';
import type { MethodNotice, SecurityInfoHandlerOptions, VerifiedPhone } from './options.js';
import type { EmailCodeMessage } from './senders.js';
import { KNOWN_CLIENTS, type SecurityInfoStore } from './store.js';
import { softAuthenticator } from './test-authenticator.js';
import { startPostgres, type TestPostgres } from './test-postgres.js';
import { body, requester, setup, type Call } from './test-support.js';
import { hotp, totpStep } from './totp.js';

const SERVICE_TOKEN = 'svc_0123456789abcdefghijklmnopqrstuvwxyz';

const POLICY: SecurityInfoPolicy = {
  methods: [
    { id: 'phone', purposes: ['mfa', 'password-reset'] },
    { id: 'email', purposes: ['password-reset'] },
    { id: 'authenticator-app', purposes: ['mfa', 'password-reset'] },
    { id: 'passkey', purposes: ['mfa', 'password-reset'] },
  ],
};
const RP = { rpId: 'portal.test', rpName: 'Portal', rpOrigins: ['https://portal.test'] };

/** The throwaway PostgreSQL cluster, started by the first test that asks for it and stopped after the last. */
let postgres: Promise<TestPostgres> | undefined;
let databases = 0;
after(async () => {
  if (postgres) await (await postgres).stop();
});

/** A store of `kind` for one test, closed after it: PostgreSQL's in a database of the test's own. */
async function openStore(t: TestContext, kind: 'memory' | 'PGlite' | 'PostgreSQL'): Promise<SecurityInfoStore> {
  if (kind === 'memory') return createMemoryStore();
  if (kind === 'PGlite') {
    const client = pgliteClient(new PGlite());
    await migrate(client);
    return createSqlStore(client);
  }
  postgres ??= startPostgres();
  const { connectionString } = await postgres;
  const name = `retry_${++databases}`;
  const admin = new pg.Pool({ connectionString, max: 1 });
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const store = await openPostgresStore({ connectionString: connectionString.replace(/\/postgres$/, `/${name}`) });
  t.after(() => store.close());
  return store;
}

/** Every store a retry must work on; a database's answers get more time than memory's. */
const STORES = ['memory', 'PGlite', 'PostgreSQL'] as const;
const timeoutFor = (kind: (typeof STORES)[number]) => (kind === 'memory' ? 300 : 3000);

/**
 * A server whose store can be made to commit and then answer late, past the time-out, as a database whose answer is
 * slow to come back does: the request answers 503 although its work was done.
 */
/** `timeoutMs` is the store's time-out: a database that takes seconds to warm up needs more than memory does. */
function withRetries(
  inner: SecurityInfoStore = createMemoryStore(),
  timeoutMs = 300,
  extra: Partial<SecurityInfoHandlerOptions> = {},
) {
  /** While set, every transaction commits and then holds its answer until the test lets it go. */
  let held: Promise<void> | undefined;
  /** While `held` is set, how many transactions still answer in time before the store begins to answer late. */
  let onTime = 0;
  const store: SecurityInfoStore = {
    ...inner,
    transaction: async (work) => {
      const result = await inner.transaction(work);
      if (held && onTime > 0) onTime--;
      else if (held) await held;
      return result;
    },
  };
  const notices: MethodNotice[] = [];
  const verified: VerifiedPhone[] = [];
  const emails: EmailCodeMessage[] = [];
  const sent: string[] = [];
  const server = setup({
    store,
    policy: POLICY,
    dependencyTimeoutMs: timeoutMs,
    sender: {
      send: async ({ code }) => void sent.push(code),
      sendEmail: async (message) => void emails.push(message),
    },
    serviceCredentials: { 'sign-in': SERVICE_TOKEN },
    onNotice: (notice) => void notices.push(notice),
    onVerified: (event) => void verified.push(event),
    ...RP,
    ...extra,
  });
  const call = requester(server.handler);
  const list = async (user = 'alice') =>
    (await (await call('GET', '/methods', undefined, { user })).json()) as Registrations;
  const service = (method: string, path: string, json?: unknown) =>
    call(method, `/service${path}`, json, { user: null, headers: { authorization: `Bearer ${SERVICE_TOKEN}` } });
  const audit = () => inner.transaction((tx) => tx.listAudit({ userId: 'alice', limit: 100 }));
  const failures = () => inner.transaction((tx) => tx.getFailures('alice'));
  /** The wrong answers counted at the addresses where the person answered right before. */
  const knownFailures = () => inner.transaction((tx) => tx.getFailures('alice', KNOWN_CLIENTS));
  const lastCode = () => sent.at(-1)!;
  const lastEmailCode = () => emails.at(-1)!.code;
  const other = (code: string) => (code === '000000' ? '111111' : '000000');
  async function startPhone(extra: Record<string, unknown> = {}, call: Call = {}) {
    const response = await server.post(
      '/phone/challenges',
      { phoneNumber: '+31612345678', channel: 'sms', ...extra },
      call,
    );
    assert.equal(response.status, 201, await response.clone().text());
    return ((await response.json()) as { challengeId: string }).challengeId;
  }
  async function startEmail(extra: Record<string, unknown> = {}) {
    const response = await server.post('/email/challenges', { email: 'ana@example.com', ...extra });
    assert.equal(response.status, 201, await response.clone().text());
    return ((await response.json()) as { challengeId: string }).challengeId;
  }
  const verifyEmail = (id: string, code: string) => server.post(`/email/challenges/${id}/verify`, { code });
  /** An authenticator app's setup: its challenge, and the secret the person's app was given. */
  async function startApp() {
    const response = await server.post('/authenticator-app/challenges', {});
    assert.equal(response.status, 201, await response.clone().text());
    return (await response.json()) as { challengeId: string; secret: string };
  }
  /** The code the app shows now, or `steps` steps away. */
  const codeOf = (secret: string, steps = 0) => hotp(base32Decode(secret), totpStep(server.now()) + steps);
  const verifyApp = (id: string, code: string, call: Call = {}) =>
    server.post(`/authenticator-app/challenges/${id}/verify`, { code }, call);
  /** A passkey's registration options: its challenge, and what the browser's dialog is given. */
  async function beginPasskey(call: Call = {}) {
    const response = await server.post('/passkey/registration-options', {}, call);
    assert.equal(response.status, 201, await response.clone().text());
    return (await response.json()) as { challengeId: string; options: { challenge: string; user: { id: string } } };
  }
  const finishPasskey = (challengeId: string, response: unknown, call: Call = {}, name = 'Laptop') =>
    server.post('/passkeys', { challengeId, response, name }, call);
  /**
   * Runs `work` with the store answering late: what it commits lands, the request answers 503 at its time-out, and
   * then the store's answers come, as a slow database's would. The first `inTime` transactions answer in time (a
   * look-up the route makes before its check).
   */
  async function answeredLate<T>(work: () => Promise<T>, inTime = 0): Promise<T> {
    let release!: () => void;
    held = new Promise((resolve) => (release = resolve));
    onTime = inTime;
    try {
      return await work();
    } finally {
      held = undefined;
      release();
    }
  }
  /** Lets what follows the late answers (the notices) run. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  return {
    ...server,
    call,
    notices,
    verified,
    list,
    service,
    audit,
    failures,
    knownFailures,
    lastCode,
    lastEmailCode,
    other,
    startPhone,
    startEmail,
    verifyEmail,
    startApp,
    codeOf,
    verifyApp,
    beginPasskey,
    finishPasskey,
    answeredLate,
    settle,
  };
}

/**
 * `verify` of the right `code` answered after the store's time-out (503, committed all the same), then sent again:
 * the retry answers 204, another code is refused as used, and one method, one audit entry and one notice are there.
 */
async function retriedAfterLoss(
  server: ReturnType<typeof withRetries>,
  code: string,
  verify: (code: string) => Promise<Response>,
): Promise<void> {
  assert.equal((await server.answeredLate(() => verify(code))).status, 503);
  await server.settle();
  assert.equal((await verify(code)).status, 204);
  assert.equal((await verify(server.other(code))).status, 409);
  assert.equal((await server.list()).methods.length, 1);
  assert.equal((await server.audit()).length, 1);
  assert.equal(server.notices.length, 1);
}

/**
 * A phone registered first (a person's last method cannot be removed), then the method `register` registers; that
 * one removed, and its registration sent again: the retry's answer, once the removed method is seen to stay removed
 * and nothing but the two additions and the removal told.
 */
async function retryOfRemoved(
  server: ReturnType<typeof withRetries>,
  register: () => Promise<{ id: string; again: () => Promise<Response> }>,
): Promise<Response> {
  assert.equal((await server.verify(await server.startPhone(), server.lastCode())).status, 204);
  server.advance(61);
  const { id, again } = await register();
  assert.equal((await server.call('DELETE', `/methods/${id}`)).status, 204);
  const retry = await again();
  assert.deepEqual(
    (await server.list()).methods.map((method) => method.kind),
    ['phone'],
    'the removed method stays removed',
  );
  assert.deepEqual(
    server.notices.map(({ action }) => action),
    ['method-added', 'method-added', 'method-removed'],
  );
  return retry;
}

describe('a phone verify sent again', () => {
  it('answers the retry of a verify whose answer was lost to the time-out as a success, registering nothing more', async () => {
    const server = withRetries();
    const id = await server.startPhone();
    const code = server.lastCode();
    const lost = await server.answeredLate(() => server.verify(id, code));
    assert.equal(lost.status, 503, 'the store committed after the time-out');
    await server.settle();
    assert.equal((await server.list()).methods.length, 1, 'the first verify registered the phone');
    const retry = await server.verify(id, code);
    assert.equal(retry.status, 204, await retry.clone().text());
    const { methods } = await server.list();
    assert.equal(methods.length, 1);
    assert.deepEqual(
      (await server.audit()).map(({ action, methodId }) => ({ action, methodId })),
      [{ action: 'method-added', methodId: methods[0]!.id }],
    );
    assert.equal(server.notices.length, 1, 'one notice: the first verify’s, told when its commit came');
    assert.equal(server.verified.length, 1, 'onVerified once, too');
    assert.equal((await server.failures()).count, 0, 'the retry is no wrong code');
  });

  for (const kind of ['PGlite', 'PostgreSQL'] as const)
    it(`answers the retry of a verify whose answer was lost the same on ${kind}`, async (t) => {
      const server = withRetries(await openStore(t, kind), timeoutFor(kind));
      const id = await server.startPhone();
      await retriedAfterLoss(server, server.lastCode(), (code) => server.verify(id, code));
    });

  it('answers the same to a retry of an answered verify: the same method, one notice, one onVerified', async () => {
    const server = withRetries();
    const id = await server.startPhone();
    const code = server.lastCode();
    assert.equal((await server.verify(id, code)).status, 204);
    const [first] = (await server.list()).methods;
    server.advance(30);
    for (let i = 0; i < 3; i++) assert.equal((await server.verify(id, code)).status, 204);
    assert.deepEqual((await server.list()).methods, [first]);
    assert.deepEqual(
      server.notices.map(({ action, methodId }) => ({ action, methodId })),
      [{ action: 'method-added', methodId: first!.id }],
    );
    assert.deepEqual(
      server.verified.map(({ methodId }) => methodId),
      [first!.id],
    );
    assert.equal((await server.audit()).length, 1);
    const stored = await server.store.transaction((tx) => tx.getChallenge(id));
    assert.equal(stored?.attemptsLeft, 5, 'no retry counted as a wrong code');
  });

  it('answers a retry of a verify that replaced a phone as a success, though the phone replaced is gone', async () => {
    const server = withRetries();
    const first = await server.startPhone();
    assert.equal((await server.verify(first, server.lastCode())).status, 204);
    const [old] = (await server.list()).methods;
    server.advance(61);
    const id = await server.startPhone({ phoneNumber: '+31687654321', replaces: old!.id });
    const code = server.lastCode();
    assert.equal((await server.verify(id, code)).status, 204);
    const after = (await server.list()).methods;
    assert.equal((await server.verify(id, code)).status, 204, 'the retry is not the replacement done again');
    assert.deepEqual((await server.list()).methods, after);
    assert.deepEqual(
      server.notices.map(({ action }) => action),
      ['method-added', 'method-replaced'],
    );
  });

  it('refuses another code than the one that was right, as a code used already, counting nothing', async () => {
    const server = withRetries();
    const id = await server.startPhone();
    const code = server.lastCode();
    assert.equal((await server.verify(id, code)).status, 204);
    const other = await server.verify(id, server.other(code));
    assert.equal(other.status, 409);
    assert.deepEqual(await body(other), { error: 'unknown', message: 'This code was used already.' });
    assert.equal((await server.failures()).count, 0);
    assert.equal((await server.list()).methods.length, 1);
  });

  it('answers another person’s retry as a challenge that does not exist', async () => {
    const server = withRetries();
    const id = await server.startPhone();
    const code = server.lastCode();
    assert.equal((await server.verify(id, code)).status, 204);
    const bob = await server.verify(id, code, { user: 'bob' });
    assert.equal(bob.status, 404);
    assert.equal((await server.list('bob')).methods.length, 0);
  });

  it('refuses a retry after the challenge’s lifetime, as a code used already', async () => {
    const server = withRetries();
    const id = await server.startPhone();
    const code = server.lastCode();
    assert.equal((await server.verify(id, code)).status, 204);
    server.advance(301);
    const late = await server.verify(id, code);
    assert.equal(late.status, 409);
    assert.equal((await body(late)).message, 'This code was used already.');
    assert.equal(server.notices.length, 1);
  });

  it('refuses a retry once the person removed the method it registered, and does not register it again', async () => {
    const server = withRetries();
    assert.equal((await server.verify(await server.startPhone(), server.lastCode())).status, 204);
    server.advance(61);
    const id = await server.startPhone({ phoneNumber: '+31622222222' });
    const code = server.lastCode();
    assert.equal((await server.verify(id, code)).status, 204);
    const second = (await server.list()).methods.find((method) => method.phone?.phoneNumber === '+31622222222');
    assert.equal((await server.call('DELETE', `/methods/${second!.id}`)).status, 204);
    const retry = await server.verify(id, code);
    assert.equal(retry.status, 409);
    assert.equal((await body(retry)).message, 'This code was used already.');
    assert.deepEqual(
      (await server.list()).methods.map((method) => method.phone?.phoneNumber),
      ['+31612345678'],
      'the removed phone stays removed',
    );
    assert.deepEqual(
      server.notices.map(({ action }) => action),
      ['method-added', 'method-added', 'method-removed'],
    );
  });
});

describe('an email verify sent again', () => {
  for (const kind of STORES)
    it(`answers the retry of a verify whose answer was lost as a success, registering and telling nothing more (${kind})`, async (t) => {
      const server = withRetries(await openStore(t, kind), timeoutFor(kind));
      const id = await server.startEmail();
      const code = server.lastEmailCode();
      assert.equal((await server.answeredLate(() => server.verifyEmail(id, code))).status, 503);
      await server.settle();
      const retry = await server.verifyEmail(id, code);
      assert.equal(retry.status, 204, await retry.clone().text());
      const { methods } = await server.list();
      assert.deepEqual(
        methods.map((method) => method.email),
        [{ address: 'ana@example.com' }],
      );
      assert.deepEqual(
        server.notices.map(({ action, methodId }) => ({ action, methodId })),
        [{ action: 'method-added', methodId: methods[0]!.id }],
      );
      assert.equal((await server.audit()).length, 1);
    });

  it('refuses another code, and a retry after the lifetime, as a code used already', async () => {
    const server = withRetries();
    const id = await server.startEmail();
    const code = server.lastEmailCode();
    assert.equal((await server.verifyEmail(id, code)).status, 204);
    assert.equal((await server.verifyEmail(id, server.other(code))).status, 409);
    server.advance(301);
    assert.equal((await server.verifyEmail(id, code)).status, 409);
    assert.equal((await server.failures()).count, 0);
    assert.equal(server.notices.length, 1);
  });
});

describe('an authenticator app’s verify sent again', () => {
  it('answers the retry of an app verify whose answer was lost to the time-out as a success, registering nothing more', async () => {
    const server = withRetries();
    const { challengeId, secret } = await server.startApp();
    const code = await server.codeOf(secret);
    const lost = await server.answeredLate(() => server.verifyApp(challengeId, code));
    assert.equal(lost.status, 503, 'the store committed after the time-out');
    await server.settle();
    assert.equal((await server.list()).methods.length, 1, 'the first verify registered the app');
    const retry = await server.verifyApp(challengeId, code);
    assert.equal(retry.status, 204, await retry.clone().text());
    const { methods } = await server.list();
    assert.deepEqual(
      methods.map((method) => method.kind),
      ['authenticator-app'],
    );
    assert.deepEqual(
      (await server.audit()).map(({ action, methodId }) => ({ action, methodId })),
      [{ action: 'method-added', methodId: methods[0]!.id }],
    );
    assert.deepEqual(
      server.notices.map(({ action, methodId }) => ({ action, methodId })),
      [{ action: 'method-added', methodId: methods[0]!.id }],
      'one notice: the first verify’s, told when its commit came',
    );
    assert.equal((await server.failures()).count, 0, 'the retry is no wrong code');
    const stored = await server.store.transaction((tx) => tx.getChallenge(challengeId));
    assert.deepEqual(stored?.data, { registered: methods[0]!.id }, 'the used setup keeps no secret');
    assert.ok(!JSON.stringify(stored).includes(code), 'nor the code in clear');
  });

  it('answers the same to a retry after the app moved on to later steps, within the setup’s lifetime', async () => {
    const server = withRetries();
    const { challengeId, secret } = await server.startApp();
    const code = await server.codeOf(secret);
    assert.equal((await server.verifyApp(challengeId, code)).status, 204);
    const [first] = (await server.list()).methods;
    server.advance(5 * 60);
    for (let i = 0; i < 3; i++) assert.equal((await server.verifyApp(challengeId, code)).status, 204);
    assert.deepEqual((await server.list()).methods, [first]);
    assert.equal((await server.audit()).length, 1);
    assert.equal(server.notices.length, 1);
    const stored = await server.store.transaction((tx) => tx.getChallenge(challengeId));
    assert.equal(stored?.attemptsLeft, 5, 'no retry counted as a wrong code');
  });

  for (const kind of ['PGlite', 'PostgreSQL'] as const)
    it(`answers the retry of a verify whose answer was lost the same on ${kind}`, async (t) => {
      const server = withRetries(await openStore(t, kind), timeoutFor(kind));
      const { challengeId, secret } = await server.startApp();
      await retriedAfterLoss(server, await server.codeOf(secret), (code) => server.verifyApp(challengeId, code));
    });

  it('refuses another code, though the app shows it and it would have been right, as a code used already', async () => {
    const server = withRetries();
    const { challengeId, secret } = await server.startApp();
    const code = await server.codeOf(secret);
    assert.equal((await server.verifyApp(challengeId, code)).status, 204);
    // The codes of the steps either side, and the next step's once it came: each would have registered the app.
    const others = new Set(await Promise.all([-1, 1, 2].map((steps) => server.codeOf(secret, steps))));
    others.delete(code);
    assert.ok(others.size > 0);
    for (const other of others) {
      const refused = await server.verifyApp(challengeId, other);
      assert.equal(refused.status, 409, `a code of another step: ${refused.status}`);
      assert.deepEqual(await body(refused), { error: 'unknown', message: 'This code was used already.' });
    }
    server.advance(30);
    const next = await server.codeOf(secret);
    if (next !== code) assert.equal((await server.verifyApp(challengeId, next)).status, 409, 'the next step’s code');
    assert.equal((await server.failures()).count, 0);
    assert.equal((await server.list()).methods.length, 1);
    assert.equal(server.notices.length, 1);
  });

  it('answers another person’s retry as a setup that does not exist', async () => {
    const server = withRetries();
    const { challengeId, secret } = await server.startApp();
    const code = await server.codeOf(secret);
    assert.equal((await server.verifyApp(challengeId, code)).status, 204);
    const bob = await server.verifyApp(challengeId, code, { user: 'bob' });
    assert.equal(bob.status, 404);
    assert.equal((await server.list('bob')).methods.length, 0);
  });

  it('refuses a retry after the setup’s lifetime, as a code used already', async () => {
    const server = withRetries();
    const { challengeId, secret } = await server.startApp();
    const code = await server.codeOf(secret);
    assert.equal((await server.verifyApp(challengeId, code)).status, 204);
    server.advance(601);
    const late = await server.verifyApp(challengeId, code);
    assert.equal(late.status, 409);
    assert.equal((await body(late)).message, 'This code was used already.');
    assert.equal(server.notices.length, 1);
  });

  it('refuses a retry once the person removed the app it registered, and does not register it again', async () => {
    const server = withRetries();
    const retry = await retryOfRemoved(server, async () => {
      const { challengeId, secret } = await server.startApp();
      const code = await server.codeOf(secret);
      assert.equal((await server.verifyApp(challengeId, code)).status, 204);
      const app = (await server.list()).methods.find((method) => method.kind === 'authenticator-app');
      return { id: app!.id, again: () => server.verifyApp(challengeId, code) };
    });
    assert.equal(retry.status, 409);
    assert.equal((await body(retry)).message, 'This code was used already.');
  });

  it('makes no sign-in of the code a retry was answered for', async () => {
    const server = withRetries();
    const { challengeId, secret } = await server.startApp();
    const code = await server.codeOf(secret);
    assert.equal((await server.verifyApp(challengeId, code)).status, 204);
    assert.equal((await server.verifyApp(challengeId, code)).status, 204);
    const [method] = (await server.list()).methods;
    const replayed = await server.service('POST', `/users/alice/methods/${method!.id}/verify`, { code });
    assert.equal(replayed.status, 422, 'the step the setup accepted stays the last one accepted');
    assert.equal((await body(replayed)).error, 'invalid-code');
  });
});

describe('a passkey registration sent again', () => {
  for (const kind of STORES) {
    it(`answers the retry of a registration whose answer was lost with the passkey it registered, on the ${kind} store`, async (t) => {
      const server = withRetries(await openStore(t, kind), timeoutFor(kind));
      const authenticator = softAuthenticator();
      const { challengeId, options } = await server.beginPasskey();
      const answer = authenticator.register(options);
      // The claim of the challenge answers in time; the registration commits and answers after the time-out.
      const lost = await server.answeredLate(() => server.finishPasskey(challengeId, answer), 1);
      assert.equal(lost.status, 503, 'the store committed after the time-out');
      await server.settle();
      const { methods } = await server.list();
      assert.deepEqual(
        methods.map((method) => method.kind),
        ['passkey'],
        'the first registration stands',
      );
      const retry = await server.finishPasskey(challengeId, answer);
      assert.equal(retry.status, 201, await retry.clone().text());
      assert.deepEqual(await retry.json(), methods[0], 'the retry answers the passkey registered');
      assert.deepEqual((await server.list()).methods, methods, 'nothing registered twice');
      assert.deepEqual(
        (await server.audit()).map(({ action, methodId }) => ({ action, methodId })),
        [{ action: 'method-added', methodId: methods[0]!.id }],
      );
      assert.deepEqual(
        server.notices.map(({ action, methodId }) => ({ action, methodId })),
        [{ action: 'method-added', methodId: methods[0]!.id }],
        'one notice: the first registration’s, told when its commit came',
      );
      const another = await server.finishPasskey(challengeId, softAuthenticator().register(options));
      assert.equal(another.status, 410, 'another credential on the used challenge is refused as before');
      assert.equal((await server.list()).methods.length, 1);
      const stored = await server.store.transaction((tx) => tx.getChallenge(challengeId));
      assert.deepEqual(stored?.data, { registered: methods[0]!.id }, 'the used challenge keeps the method it made');
      assert.ok(!JSON.stringify(stored).includes(authenticator.credentialId), 'and no credential id in clear');
    });
  }

  it('answers the same to every retry of an answered registration, whatever name the retry gives', async () => {
    const server = withRetries();
    const { challengeId, options } = await server.beginPasskey();
    const answer = softAuthenticator().register(options);
    const first = await server.finishPasskey(challengeId, answer);
    assert.equal(first.status, 201, await first.clone().text());
    const registered = await first.json();
    server.advance(4 * 60);
    for (const name of ['Laptop', 'Another name']) {
      const retry = await server.finishPasskey(challengeId, answer, {}, name);
      assert.equal(retry.status, 201, await retry.clone().text());
      assert.deepEqual(await retry.json(), registered);
    }
    assert.equal((await server.list()).methods.length, 1);
    assert.equal((await server.audit()).length, 1);
    assert.equal(server.notices.length, 1);
  });

  it('answers another person’s retry as a challenge that does not exist', async () => {
    const server = withRetries();
    const { challengeId, options } = await server.beginPasskey();
    const answer = softAuthenticator().register(options);
    assert.equal((await server.finishPasskey(challengeId, answer)).status, 201);
    const bob = await server.finishPasskey(challengeId, answer, { user: 'bob' });
    assert.equal(bob.status, 404);
    assert.equal((await server.list('bob')).methods.length, 0);
  });

  it('refuses a retry after the challenge’s five minutes, as an answered challenge', async () => {
    const server = withRetries();
    const { challengeId, options } = await server.beginPasskey();
    const answer = softAuthenticator().register(options);
    assert.equal((await server.finishPasskey(challengeId, answer)).status, 201);
    server.advance(5 * 60 + 1);
    const late = await server.finishPasskey(challengeId, answer);
    assert.equal(late.status, 410);
    assert.equal((await body(late)).error, 'code-expired');
    assert.equal(server.notices.length, 1);
  });

  it('refuses a retry once the person removed the passkey it registered, and does not register it again', async () => {
    const server = withRetries();
    const retry = await retryOfRemoved(server, async () => {
      const { challengeId, options } = await server.beginPasskey();
      const answer = softAuthenticator().register(options);
      const first = await server.finishPasskey(challengeId, answer);
      assert.equal(first.status, 201);
      const { id } = (await first.json()) as { id: string };
      return { id, again: () => server.finishPasskey(challengeId, answer) };
    });
    assert.equal(retry.status, 410);
  });

  it('refuses the same answer sent again after one that failed: nothing was registered to answer with', async () => {
    const server = withRetries();
    const { challengeId, options } = await server.beginPasskey();
    const unverified = softAuthenticator().register(options, { uv: false });
    assert.equal((await server.finishPasskey(challengeId, unverified)).status, 422);
    const again = await server.finishPasskey(challengeId, unverified);
    assert.equal(again.status, 410);
    assert.equal((await server.list()).methods.length, 0);
  });
});

describe('a verify sent again once wrong codes locked the person', () => {
  /** Three wrong codes in a row make the person wait; the right code's retry comes after them. */
  const LOCK = { limits: { maxConsecutiveFailures: 3 } };

  /** Wrong codes at the person's address on a challenge of another number, until they lock the person (429). */
  async function lockOut(server: ReturnType<typeof withRetries>) {
    server.advance(61);
    const other = await server.startPhone({ phoneNumber: '+31687654321' });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await server.verify(other, server.other(server.lastCode()))).status);
    assert.deepEqual(answers, [422, 422, 429], 'the third wrong code locks');
    return other;
  }

  for (const kind of STORES) {
    it(`answers the retry of the accepted code, and refuses every other code with 429, on the ${kind} store`, async (t) => {
      const server = withRetries(await openStore(t, kind), timeoutFor(kind), LOCK);
      const id = await server.startPhone();
      const code = server.lastCode();
      assert.equal((await server.answeredLate(() => server.verify(id, code))).status, 503);
      await server.settle();
      const other = await lockOut(server);
      const counted = await server.knownFailures();
      assert.ok(counted.lockedUntil > server.now(), 'the person waits');

      const retry = await server.verify(id, code);
      assert.equal(retry.status, 204, await retry.clone().text());
      const wrong = await server.verify(id, server.other(code));
      assert.equal(wrong.status, 429, 'a wrong code on the used challenge tests nothing while locked');
      assert.equal((await body(wrong)).error, 'too-many-attempts');
      const right = await server.verify(other, server.lastCode());
      assert.equal(right.status, 429, 'nor does the right code of a challenge not yet used');
      assert.deepEqual(await server.knownFailures(), counted, 'nothing was counted, nothing cleared');
      assert.deepEqual(
        (await server.list()).methods.map((method) => method.phone?.phoneNumber),
        ['+31612345678'],
      );
      assert.equal((await server.audit()).length, 1);
      assert.equal(server.notices.length, 1);
      assert.equal(server.verified.length, 1);
    });
  }

  it('answers the retry of an app’s accepted code while locked, and refuses the app’s other codes with 429', async () => {
    const server = withRetries(createMemoryStore(), 300, LOCK);
    const { challengeId, secret } = await server.startApp();
    const code = await server.codeOf(secret);
    assert.equal((await server.answeredLate(() => server.verifyApp(challengeId, code))).status, 503);
    await server.settle();
    await lockOut(server);
    const retry = await server.verifyApp(challengeId, code);
    assert.equal(retry.status, 204, await retry.clone().text());
    const next = await server.codeOf(secret, 1);
    const refused = await server.verifyApp(challengeId, next === code ? server.other(code) : next);
    assert.equal(refused.status, 429);
    assert.deepEqual(
      (await server.list()).methods.map((method) => method.kind),
      ['authenticator-app'],
    );
    assert.equal(server.notices.length, 1);
  });

  it('refuses another person’s retry while they are locked as a challenge that does not exist', async () => {
    const server = withRetries(createMemoryStore(), 300, LOCK);
    const id = await server.startPhone();
    const code = server.lastCode();
    assert.equal((await server.verify(id, code)).status, 204);
    await lockOut(server);
    assert.equal((await server.verify(id, code, { user: 'bob' })).status, 404);
  });
});

describe('a sign-in check sent again', () => {
  for (const kind of ['phone', 'email'] as const) {
    it(`refuses ${kind === 'phone' ? 'a phone' : 'an email'}’s sign-in code used already, even when the first answer was lost`, async () => {
      const server = withRetries();
      if (kind === 'phone')
        assert.equal((await server.verify(await server.startPhone(), server.lastCode())).status, 204);
      else assert.equal((await server.verifyEmail(await server.startEmail(), server.lastEmailCode())).status, 204);
      server.advance(61);
      const [method] = (await server.list()).methods;
      const started = await server.service('POST', '/users/alice/verifications', { methodId: method!.id });
      assert.equal(started.status, 201, await started.clone().text());
      const { verificationId } = (await started.json()) as { verificationId: string };
      const code = kind === 'phone' ? server.lastCode() : server.lastEmailCode();
      const check = () => server.service('POST', `/users/alice/verifications/${verificationId}/check`, { code });
      assert.equal((await server.answeredLate(check)).status, 503);
      await server.settle();
      const again = await check();
      assert.equal(again.status, 409, 'a sign-in’s code works once');
      assert.equal((await body(again)).error, 'unknown');
      const stored = await server.store.transaction((tx) => tx.getChallenge(verificationId));
      assert.equal(stored?.codeHash, null, 'nothing of a used sign-in code is kept');
    });
  }

  it('refuses an authenticator app’s sign-in code used already, even when the first answer was lost', async () => {
    const server = withRetries();
    const { challengeId, secret } = await server.startApp();
    assert.equal((await server.verifyApp(challengeId, await server.codeOf(secret))).status, 204);
    const [method] = (await server.list()).methods;
    server.advance(30);
    const code = await server.codeOf(secret);
    const check = () => server.service('POST', `/users/alice/methods/${method!.id}/verify`, { code });
    // The route looks the method up first, in time; its check then commits, and answers after the time-out.
    assert.equal((await server.answeredLate(check, 1)).status, 503);
    await server.settle();
    const stored = async () => (await server.store.transaction((tx) => tx.listMethods('alice')))[0]!;
    const accepted = (await stored()).data.lastStep;
    assert.equal(accepted, totpStep(server.now()), 'the lost check was accepted');
    const again = await check();
    assert.equal(again.status, 422, 'an app’s code works once at sign-in');
    assert.equal((await body(again)).error, 'invalid-code');
    assert.equal((await stored()).data.lastStep, accepted, 'the step accepted stays the last one');
  });
});
