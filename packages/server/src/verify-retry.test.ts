/**
 * A verify that registered a method but whose answer never arrived (the store committed after the request's
 * time-out, a proxy dropped the connection, the client gave up) is sent again with the same code: an enrollment's
 * retry answers as the first verify did, and registers, audits and tells nothing more; a sign-in's code stays used.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Registrations, SecurityInfoPolicy } from '@security-info/core';
import { PGlite } from '@electric-sql/pglite';
import { createMemoryStore } from './memory-store.js';
import { pgliteClient } from './pglite-store.js';
import { migrate } from './sql-schema.js';
import { createSqlStore } from './sql-store.js';
import type { MethodNotice, VerifiedPhone } from './options.js';
import type { EmailCodeMessage } from './senders.js';
import type { SecurityInfoStore } from './store.js';
import { body, requester, setup, type Call } from './test-support.js';

const SERVICE_TOKEN = 'svc_0123456789abcdefghijklmnopqrstuvwxyz';

const POLICY: SecurityInfoPolicy = {
  methods: [
    { id: 'phone', purposes: ['mfa', 'password-reset'] },
    { id: 'email', purposes: ['password-reset'] },
  ],
};

/**
 * A server whose store can be made to commit and then answer late, past the time-out, as a database whose answer is
 * slow to come back does: the request answers 503 although its work was done.
 */
/** `timeoutMs` is the store's time-out: a database that takes seconds to warm up needs more than memory does. */
function withRetries(inner: SecurityInfoStore = createMemoryStore(), timeoutMs = 300) {
  /** While set, every transaction commits and then holds its answer until the test lets it go. */
  let held: Promise<void> | undefined;
  const store: SecurityInfoStore = {
    ...inner,
    transaction: async (work) => {
      const result = await inner.transaction(work);
      if (held) await held;
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
  });
  const call = requester(server.handler);
  const list = async (user = 'alice') =>
    (await (await call('GET', '/methods', undefined, { user })).json()) as Registrations;
  const service = (method: string, path: string, json?: unknown) =>
    call(method, `/service${path}`, json, { user: null, headers: { authorization: `Bearer ${SERVICE_TOKEN}` } });
  const audit = () => inner.transaction((tx) => tx.listAudit({ userId: 'alice', limit: 100 }));
  const failures = () => inner.transaction((tx) => tx.getFailures('alice'));
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
  /**
   * Runs `work` with the store answering late: what it commits lands, the request answers 503 at its time-out, and
   * then the store's answers come, as a slow database's would.
   */
  async function answeredLate<T>(work: () => Promise<T>): Promise<T> {
    let release!: () => void;
    held = new Promise((resolve) => (release = resolve));
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
    lastCode,
    lastEmailCode,
    other,
    startPhone,
    startEmail,
    verifyEmail,
    answeredLate,
    settle,
  };
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

  it('answers the retry of a verify whose answer was lost the same on a database store', async () => {
    const client = pgliteClient(new PGlite());
    await migrate(client);
    const server = withRetries(createSqlStore(client), 3000);
    const id = await server.startPhone();
    const code = server.lastCode();
    assert.equal((await server.answeredLate(() => server.verify(id, code))).status, 503);
    await server.settle();
    assert.equal((await server.verify(id, code)).status, 204);
    assert.equal((await server.verify(id, server.other(code))).status, 409);
    assert.equal((await server.list()).methods.length, 1);
    assert.equal((await server.audit()).length, 1);
    assert.equal(server.notices.length, 1);
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
  it('answers the retry of a verify whose answer was lost as a success, registering and telling nothing more', async () => {
    const server = withRetries();
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
});
