import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Registrations } from '@security-info/core';
import type { MethodNotice } from './options.js';
import { PGlite } from '@electric-sql/pglite';
import { pgliteClient } from './pglite-store.js';
import { migrate } from './sql-schema.js';
import { createSqlStore } from './sql-store.js';
import { body, requester, setup } from './test-support.js';

const SERVICE_TOKEN = 'svc_0123456789abcdefghijklmnopqrstuvwxyz';

function withMethods(options: Parameters<typeof setup>[0] = {}) {
  const server = setup(options);
  const call = requester(server.handler);
  const list = async (user = 'alice') =>
    (await (await call('GET', '/methods', undefined, { user })).json()) as Registrations;
  /** Sends a code and verifies it: the phone is registered. */
  async function enroll(phoneNumber: string, extra: Record<string, unknown> = {}, user = 'alice') {
    const sent = await server.post('/phone/challenges', { phoneNumber, channel: 'sms', ...extra }, { user });
    assert.equal(sent.status, 201, await sent.clone().text());
    const { challengeId } = (await sent.json()) as { challengeId: string };
    const verified = await server.verify(challengeId, server.lastCode(), { user });
    assert.equal(verified.status, 204, await verified.clone().text());
    server.advance(61);
  }
  const service = (method: string, path: string, json?: unknown, token = SERVICE_TOKEN) =>
    call(method, `/service${path}`, json, { user: null, headers: { authorization: `Bearer ${token}` } });
  return { ...server, call, list, enroll, service };
}

describe('the registered methods', () => {
  it('lists nothing before anything is registered', async () => {
    assert.deepEqual(await withMethods().list(), { methods: [], defaultMethodId: null });
  });

  it('registers a verified phone, which becomes the default and cannot be removed while it is the only one', async () => {
    const server = withMethods();
    await server.enroll('+31612345678');
    const { methods, defaultMethodId } = await server.list();
    assert.equal(methods.length, 1);
    const [phone] = methods;
    assert.deepEqual(
      { ...phone, id: 'x', addedAt: 'x' },
      {
        id: 'x',
        kind: 'phone',
        addedAt: 'x',
        lastUsedAt: null,
        purposes: ['mfa', 'password-reset'],
        removable: false,
        notRemovableReason: 'method-required',
        phone: { phoneNumber: '+31612345678', channel: 'sms' },
      },
    );
    assert.equal(defaultMethodId, phone!.id);
    assert.equal(phone!.addedAt, new Date(server.now() - 61_000).toISOString());
  });

  it('keeps each user to their own methods', async () => {
    const server = withMethods();
    await server.enroll('+31612345678');
    assert.deepEqual(await server.list('bob'), { methods: [], defaultMethodId: null });
    const [phone] = (await server.list()).methods;
    assert.equal((await server.call('DELETE', `/methods/${phone!.id}`, undefined, { user: 'bob' })).status, 404);
  });

  it('registers the same number once, with the channel last chosen', async () => {
    const server = withMethods();
    await server.enroll('+31612345678');
    const sent = await server.post('/phone/challenges', { phoneNumber: '+31612345678', channel: 'voice' });
    const { challengeId } = (await sent.json()) as { challengeId: string };
    assert.equal((await server.verify(challengeId, server.lastCode())).status, 204);
    const { methods } = await server.list();
    assert.deepEqual(
      methods.map((method) => method.phone),
      [{ phoneNumber: '+31612345678', channel: 'voice' }],
    );
  });

  it('removes a method when another remains, and refuses to remove the last required one', async () => {
    const server = withMethods();
    await server.enroll('+31612345678');
    await server.enroll('+31687654321');
    const [first, second] = (await server.list()).methods;
    assert.ok(first!.removable && second!.removable);
    assert.equal((await server.call('DELETE', `/methods/${first!.id}`)).status, 204);
    const after = await server.list();
    assert.deepEqual(
      after.methods.map((method) => method.id),
      [second!.id],
    );
    assert.equal(after.defaultMethodId, second!.id, 'the default moved to the remaining phone');
    const refused = await server.call('DELETE', `/methods/${second!.id}`);
    assert.equal(refused.status, 409);
    assert.equal((await body(refused)).error, 'method-required');
  });

  it('lets people remove everything when the organization requires no method', async () => {
    const server = withMethods({ minimumMfaMethods: 0 });
    await server.enroll('+31612345678');
    const [phone] = (await server.list()).methods;
    assert.equal(phone!.removable, true);
    assert.equal((await server.call('DELETE', `/methods/${phone!.id}`)).status, 204);
    assert.deepEqual(await server.list(), { methods: [], defaultMethodId: null });
  });

  it('changes the default sign-in method to one of the person’s own', async () => {
    const server = withMethods();
    await server.enroll('+31612345678');
    await server.enroll('+31687654321');
    const [, second] = (await server.list()).methods;
    assert.equal((await server.call('PUT', '/methods/default', { id: second!.id })).status, 204);
    assert.equal((await server.list()).defaultMethodId, second!.id);
    assert.equal((await server.call('PUT', '/methods/default', { id: 'AAAAAAAAAAAAAAAAAAAAAA' })).status, 404);
    assert.equal((await server.call('PUT', '/methods/default', { id: second!.id }, { user: 'bob' })).status, 404);
    assert.equal((await server.call('PUT', '/methods/default', { id: 42 })).status, 400);
  });

  it('counts each change of the default in the person’s limits: switching back and forth cannot fill the audit trail', async () => {
    // Each change leaves an audit entry, which nothing removes: uncounted, a session switching between two methods
    // in a loop wrote rows without end.
    const server = withMethods();
    await server.enroll('+31612345678');
    await server.enroll('+31687654321');
    const [first, second] = (await server.list()).methods;
    const statuses: number[] = [];
    for (let turn = 0; turn < 30; turn += 1) {
      const id = turn % 2 ? first!.id : second!.id;
      statuses.push((await server.call('PUT', '/methods/default', { id })).status);
    }
    assert.ok(statuses.includes(429), 'switching is refused past the person’s limit');
    const entries = await server.store.transaction((tx) => tx.listAudit({ userId: 'alice', limit: 100 }));
    const changes = entries.filter((entry) => entry.action === 'default-changed').length;
    assert.equal(changes, statuses.filter((status) => status === 204).length);
    assert.ok(changes <= 10, `${changes} changes written`);
    // Another person's budget is their own.
    await server.enroll('+31611111111', {}, 'bob');
    const [bobs] = (await server.list('bob')).methods;
    assert.equal((await server.call('PUT', '/methods/default', { id: bobs!.id }, { user: 'bob' })).status, 204);
  });

  it('replaces a phone in one step once the new number is verified, keeping the old one until then', async () => {
    const server = withMethods();
    await server.enroll('+31612345678');
    const [old] = (await server.list()).methods;
    const sent = await server.post('/phone/challenges', {
      phoneNumber: '+31687654321',
      channel: 'sms',
      replaces: old!.id,
    });
    assert.equal(sent.status, 201);
    const { challengeId } = (await sent.json()) as { challengeId: string };
    assert.deepEqual(
      (await server.list()).methods.map((method) => method.phone?.phoneNumber),
      ['+31612345678'],
    );
    assert.equal((await server.verify(challengeId, server.lastCode())).status, 204);
    const after = await server.list();
    assert.deepEqual(
      after.methods.map((method) => method.phone?.phoneNumber),
      ['+31687654321'],
    );
    assert.equal(after.defaultMethodId, after.methods[0]!.id);
  });

  it('sends no other code for a change whose phone was removed since it began', async () => {
    const server = withMethods();
    await server.enroll('+31612345678');
    await server.enroll('+31687654321');
    const [first, second] = (await server.list()).methods;
    const sent = await server.post('/phone/challenges', {
      phoneNumber: '+31611111111',
      channel: 'sms',
      replaces: second!.id,
    });
    assert.equal(sent.status, 201);
    const { challengeId } = (await sent.json()) as { challengeId: string };
    // Removed in another tab, or by the helpdesk, before the person asks for the code again.
    assert.equal((await server.call('DELETE', `/methods/${second!.id}`)).status, 204);
    server.advance(61);
    const codes = server.sent.length;
    const resent = await server.resend(challengeId);
    assert.equal(resent.status, 404, await resent.clone().text());
    assert.deepEqual(await body(resent), { error: 'unknown', message: 'The phone to replace is not registered.' });
    assert.equal(server.sent.length, codes, 'no message paid for a change that cannot be made');
    assert.deepEqual(
      (await server.list()).methods.map((method) => method.id),
      [first!.id],
    );
  });

  it('refuses a replacement by a number registered already as another phone when the other is required', async () => {
    // Replacing phone B by the number of phone A keeps A and removes B: a removal, under the organization's minimum.
    const server = withMethods({ minimumMfaMethods: 2 });
    await server.enroll('+31612345678');
    await server.enroll('+31687654321');
    const [first, second] = (await server.list()).methods;
    const sent = await server.post('/phone/challenges', {
      phoneNumber: '+31612345678',
      channel: 'voice',
      replaces: second!.id,
    });
    assert.equal(sent.status, 201);
    const { challengeId } = (await sent.json()) as { challengeId: string };
    const refused = await server.verify(challengeId, server.lastCode());
    assert.equal(refused.status, 409);
    assert.equal((await body(refused)).error, 'method-required');
    assert.deepEqual(
      (await server.list()).methods.map((method) => [method.id, method.phone?.channel]),
      [
        [first!.id, 'sms'],
        [second!.id, 'sms'],
      ],
      'nothing changed',
    );
    // With one method required, the same replacement is allowed: A stays, with the channel chosen, and B goes.
    const lenient = withMethods();
    await lenient.enroll('+31612345678');
    await lenient.enroll('+31687654321');
    const [kept, replaced] = (await lenient.list()).methods;
    await lenient.enroll('+31612345678', { replaces: replaced!.id });
    assert.deepEqual(
      (await lenient.list()).methods.map((method) => method.id),
      [kept!.id],
    );
  });

  it('refuses to replace a method that is not the person’s phone', async () => {
    const server = withMethods();
    await server.enroll('+31612345678', {}, 'bob');
    const [bobs] = (await server.list('bob')).methods;
    const sent = await server.post('/phone/challenges', {
      phoneNumber: '+31687654321',
      channel: 'sms',
      replaces: bobs!.id,
    });
    assert.equal(sent.status, 404);
    assert.equal(server.sent.length, 1, 'no message was paid for');
  });

  it('tells the host of every change, after it is made', async () => {
    const notices: MethodNotice[] = [];
    const server = withMethods({ onNotice: (notice) => void notices.push(notice) });
    await server.enroll('+31612345678');
    await server.enroll('+31687654321');
    const [first, second] = (await server.list()).methods;
    await server.call('PUT', '/methods/default', { id: second!.id });
    await server.call('DELETE', `/methods/${first!.id}`);
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.deepEqual(
      notices.map((notice) => [notice.action, notice.kind, notice.userId]),
      [
        ['method-added', 'phone', 'alice'],
        ['method-added', 'phone', 'alice'],
        ['default-changed', 'phone', 'alice'],
        ['method-removed', 'phone', 'alice'],
      ],
    );
  });
});

describe('a recent sign-in', () => {
  const stale = { recentAuthentication: () => false };

  it('is not needed for a person’s first method', async () => {
    const server = withMethods(stale);
    await server.enroll('+31612345678');
    assert.equal((await server.list()).methods.length, 1);
  });

  it('is needed to add another method, replace, remove, or change the default, before anything is sent', async () => {
    const server = withMethods({ recentAuthentication: (request) => request.headers.get('x-recent') === 'yes' });
    await server.enroll('+31612345678');
    const stale403 = async (response: Response) => {
      assert.equal(response.status, 403);
      assert.equal((await body(response)).error, 'reauthentication-required');
    };
    const [phone] = (await server.list()).methods;
    const sends = server.sent.length;
    await stale403(await server.sendCode('+31687654321'));
    await stale403(
      await server.post('/phone/challenges', { phoneNumber: '+31687654321', channel: 'sms', replaces: phone!.id }),
    );
    await stale403(await server.call('PUT', '/methods/default', { id: phone!.id }));
    assert.equal(server.sent.length, sends);
    const fresh = { headers: { 'x-recent': 'yes' } };
    assert.equal((await server.sendCode('+31687654321', 'sms', fresh)).status, 201);
  });

  it('is checked again when the code is verified, and the code stays usable after signing in again', async () => {
    let recent = true;
    const server = withMethods({ recentAuthentication: () => recent });
    await server.enroll('+31612345678');
    const id = await server.start('+31687654321');
    recent = false;
    const refused = await server.verify(id, server.lastCode());
    assert.equal(refused.status, 403);
    recent = true;
    assert.equal((await server.verify(id, server.lastCode())).status, 204);
    assert.equal((await server.list()).methods.length, 2);
  });
});

describe('the service API', () => {
  const options = { serviceCredentials: { 'sign-in': SERVICE_TOKEN } };

  it('answers 401 without a valid service credential, and 403 to a browser page', async () => {
    const server = withMethods(options);
    assert.equal((await server.service('GET', '/users/alice/methods', undefined, 'wrong'.repeat(10))).status, 401);
    assert.equal((await server.call('GET', '/service/users/alice/methods')).status, 401);
    const fromPage = await server.call('GET', '/service/users/alice/methods', undefined, {
      user: null,
      headers: { authorization: `Bearer ${SERVICE_TOKEN}`, origin: 'http://portal.test' },
    });
    assert.equal(fromPage.status, 403);
    assert.equal((await withMethods().service('GET', '/users/alice/methods')).status, 401, 'none configured');
  });

  it('answers a stranger 401 before looking for the client’s address, and logs nothing for it', async () => {
    // Proxies misconfigured: no client address. A stranger must still get the contract's 401, and no log line each.
    const server = withMethods({ ...options, clientKey: () => undefined });
    for (let i = 0; i < 3; i++) {
      const answer = await server.service('GET', '/users/alice/methods', undefined, 'wrong'.repeat(10));
      assert.equal(answer.status, 401);
      assert.equal((await body(answer)).error, 'unauthenticated');
    }
    assert.deepEqual(server.logged, []);
    assert.equal((await server.service('GET', '/users/alice/methods')).status, 503, 'the service itself is told');
  });

  it('refuses to start with a short service credential', () => {
    assert.throws(() => setup({ serviceCredentials: { 'sign-in': 'short' } }), /at least 32/);
  });

  it('refuses to start with one token for two callers, whom the audit trail could not tell apart', () => {
    assert.throws(
      () => setup({ serviceCredentials: { 'sign-in': SERVICE_TOKEN, helpdesk: SERVICE_TOKEN } }),
      (error: Error) =>
        /sign-in and helpdesk have the same token/.test(error.message) && !error.message.includes(SERVICE_TOKEN),
    );
  });

  it('refuses to start with a token that is the secret or a previous one: its caller would hold the key', () => {
    const secret = 'a-secret-without-spaces-of-more-than-32-bytes';
    for (const keys of [{ secret }, { previousSecrets: [new TextEncoder().encode(secret)] }]) {
      assert.throws(
        () => setup({ ...keys, serviceCredentials: { 'sign-in': SERVICE_TOKEN, helpdesk: secret } }),
        (error: Error) =>
          new RegExp(
            `serviceCredentials\\.helpdesk is ${'secret' in keys ? 'the secret' : 'previousSecrets\\[0\\]'}`,
          ).test(error.message) && !error.message.includes(secret),
      );
    }
  });

  it('checks a registered phone at sign-in: code sent to it, wrong codes counted, last use recorded', async () => {
    const server = withMethods(options);
    await server.enroll('+31612345678');
    const [phone] = (await server.list()).methods;
    const started = await server.service('POST', '/users/alice/verifications', { methodId: phone!.id, locale: 'nl' });
    assert.equal(started.status, 201);
    const { verificationId } = (await started.json()) as { verificationId: string };
    assert.deepEqual(
      { ...server.sent.at(-1), code: 'x' },
      { phoneNumber: '+31612345678', channel: 'sms', code: 'x', locale: 'nl' },
    );
    const check = (code: string, user = 'alice') =>
      server.service('POST', `/users/${user}/verifications/${verificationId}/check`, { code });
    const wrong = await check(server.wrongCode());
    assert.equal(wrong.status, 422);
    assert.equal((await body(wrong)).attemptsRemaining, 4);
    assert.equal((await check(server.lastCode(), 'bob')).status, 404, 'another user’s verification does not exist');
    const right = await check(server.lastCode());
    assert.deepEqual(await right.json(), { verified: true, methodId: phone!.id });
    assert.equal((await check(server.lastCode())).status, 409, 'a code works once');
    const after = (await server.list()).methods[0]!;
    assert.equal(after.lastUsedAt, new Date(server.now()).toISOString());
  });

  it('checks a sign-in against today’s policy and risk check, not the one the phone was registered under', async () => {
    const seen: string[] = [];
    const policy = {
      methods: [{ id: 'phone' as const, purposes: ['mfa' as const] }],
      phone: { allowedCountries: ['NL'] },
    };
    const server = withMethods({ ...options, policy, riskCheck: ({ kind }) => void seen.push(kind) });
    await server.enroll('+31612345678');
    const [phone] = (await server.list()).methods;
    policy.phone.allowedCountries = ['BE'];
    const refused = await server.service('POST', '/users/alice/verifications', { methodId: phone!.id });
    assert.equal(refused.status, 422);
    assert.equal((await body(refused)).error, 'number-rejected');
    policy.phone.allowedCountries = ['NL'];
    assert.equal((await server.service('POST', '/users/alice/verifications', { methodId: phone!.id })).status, 201);
    assert.deepEqual(seen, ['send', 'sign-in']);
  });

  it('counts sign-in wrong codes with enrollment’s, at an address the person used or in strangers’ count', async () => {
    const server = withMethods({ ...options, limits: { maxConsecutiveFailures: 3 } });
    // Enrolled from 192.0.2.1 (the session's address here): a right code there makes it known.
    await server.enroll('+31612345678');
    const [phone] = (await server.list()).methods;
    const started = await server.service('POST', '/users/alice/verifications', { methodId: phone!.id });
    const { verificationId } = (await started.json()) as { verificationId: string };
    const check = () =>
      server.service('POST', `/users/alice/verifications/${verificationId}/check`, { code: server.wrongCode() });
    // Two wrong codes at sign-in, from no address given: strangers' count.
    for (let i = 0; i < 2; i++) assert.equal((await check()).status, 422);
    // The person's known address counts its own: two wrong codes there, no wait yet.
    const id = await server.start('+31687654321');
    for (let i = 0; i < 2; i++) assert.equal((await server.verify(id, server.wrongCode())).status, 422);
    // The third at sign-in reaches strangers' 3.
    const third = await check();
    assert.equal(third.status, 429);
    assert.equal((await body(third)).retryAfterSeconds, 900);
    // And the third at the known address reaches its own.
    assert.equal((await server.verify(id, server.wrongCode())).status, 429);
  });

  it('charges a sign-in resend to the person’s address, not to the sign-in service’s for everyone', async () => {
    const server = withMethods({
      ...options,
      limits: { sendsPerCountry: [{ max: 1000, windowSeconds: 60 }], sendsOverall: [{ max: 1000, windowSeconds: 60 }] },
    });
    // More people than one address may send to in an hour (30), each resending once at sign-in.
    const statuses = new Set<number>();
    for (let n = 1; n <= 32; n++) {
      const [user, home] = [`user${n}`, `198.51.100.${n}`];
      const sent = await server.post(
        '/phone/challenges',
        { phoneNumber: `+316123456${String(n).padStart(2, '0')}`, channel: 'sms' },
        { user, client: home },
      );
      const { challengeId } = (await sent.json()) as { challengeId: string };
      assert.equal((await server.verify(challengeId, server.lastCode(), { user, client: home })).status, 204);
      const [phone] = (await server.list(user)).methods;
      const started = await server.service('POST', `/users/${user}/verifications`, {
        methodId: phone!.id,
        clientAddress: home,
      });
      const { verificationId } = (await started.json()) as { verificationId: string };
      server.advance(31);
      const resent = await server.service('POST', `/users/${user}/verifications/${verificationId}/resend`, {
        channel: 'sms',
        clientAddress: home,
      });
      statuses.add(resent.status);
    }
    assert.deepEqual([...statuses], [200]);
  });

  it('sends no more codes for a sign-in check once its phone was removed or replaced', async () => {
    const server = withMethods(options);
    await server.enroll('+31612345678');
    await server.enroll('+31687654321');
    const [lost, kept] = (await server.list()).methods;
    const start = async (methodId: string) => {
      const started = await server.service('POST', '/users/alice/verifications', { methodId });
      assert.equal(started.status, 201);
      return ((await started.json()) as { verificationId: string }).verificationId;
    };
    const resend = (id: string) =>
      server.service('POST', `/users/alice/verifications/${id}/resend`, { channel: 'sms' });
    const [toLost, toKept] = [await start(lost!.id), await start(kept!.id)];
    // The helpdesk removes a phone reported stolen; the person replaces the other by a new number.
    assert.equal((await server.service('DELETE', `/users/alice/methods/${lost!.id}`)).status, 204);
    await server.enroll('+31611111111', { replaces: kept!.id });
    server.advance(31);
    const sends = server.sent.length;
    for (const id of [toLost, toKept]) {
      const refused = await resend(id);
      assert.equal(refused.status, 409);
      assert.equal((await body(refused)).error, 'unknown');
    }
    assert.equal(server.sent.length, sends, 'no code went to a number no longer registered');
  });

  it('sends no sign-in code to a phone removed while the start or the resend was being admitted', async () => {
    // The helpdesk removes a phone reported stolen while the risk check weighs a sign-in code to it.
    let removeDuring: string | undefined;
    const server: ReturnType<typeof withMethods> = withMethods({
      ...options,
      riskCheck: async ({ kind }) => {
        if (removeDuring === kind) {
          removeDuring = undefined;
          const lost = (await server.list()).methods[0]!;
          assert.equal((await server.service('DELETE', `/users/alice/methods/${lost.id}`)).status, 204);
        }
        return true;
      },
    });
    const enrollBoth = async () => {
      await server.enroll('+31612345678');
      await server.enroll('+31687654321');
      return (await server.list()).methods[0]!;
    };
    const lost = await enrollBoth();
    removeDuring = 'sign-in';
    let sends = server.sent.length;
    const started = await server.service('POST', '/users/alice/verifications', { methodId: lost.id });
    assert.equal(started.status, 409, await started.clone().text());
    assert.equal(server.sent.length, sends, 'no code went to the phone removed during the start');

    const again = await enrollBoth();
    const begun = await server.service('POST', '/users/alice/verifications', { methodId: again.id });
    assert.equal(begun.status, 201);
    const { verificationId } = (await begun.json()) as { verificationId: string };
    server.advance(31);
    removeDuring = 'resend';
    sends = server.sent.length;
    const resent = await server.service('POST', `/users/alice/verifications/${verificationId}/resend`, {
      channel: 'sms',
    });
    assert.equal(resent.status, 409, await resent.clone().text());
    assert.equal(server.sent.length, sends, 'no code went to the phone removed during the resend');
  });

  it('refuses a sign-in resend on a channel the policy or the risk check refuses now, as the start does', async () => {
    const policy = {
      methods: [{ id: 'phone' as const, purposes: ['mfa' as const] }],
      phone: { allowedCountries: ['NL'], channels: ['sms', 'voice'] as ('sms' | 'voice')[] },
    };
    const asked: string[] = [];
    let refuse = false;
    const server = withMethods({
      ...options,
      policy,
      riskCheck: ({ kind, channel }) => {
        asked.push(`${kind} ${channel}`);
        return !refuse;
      },
    });
    await server.enroll('+31612345678');
    // A landline, registered for calls: a text cannot reach it.
    const sent = await server.post('/phone/challenges', { phoneNumber: '+31201234567', channel: 'voice' });
    const { challengeId } = (await sent.json()) as { challengeId: string };
    assert.equal((await server.verify(challengeId, server.lastCode())).status, 204);
    const [mobile, landline] = (await server.list()).methods;
    const start = async (methodId: string) => {
      const started = await server.service('POST', '/users/alice/verifications', { methodId });
      assert.equal(started.status, 201);
      return ((await started.json()) as { verificationId: string }).verificationId;
    };
    const resend = (id: string, channel: string) =>
      server.service('POST', `/users/alice/verifications/${id}/resend`, { channel });
    const [toMobile, toLandline] = [await start(mobile!.id), await start(landline!.id)];
    server.advance(61);
    const sends = server.sent.length;
    assert.equal((await body(await resend(toLandline, 'sms'))).error, 'channel-unavailable');
    // The organization turns calls off.
    policy.phone.channels = ['sms'];
    assert.equal((await body(await resend(toMobile, 'voice'))).error, 'channel-unavailable');
    // Its risk check refuses this person now.
    refuse = true;
    asked.length = 0;
    assert.equal((await resend(toMobile, 'sms')).status, 429);
    assert.deepEqual(asked, ['resend sms']);
    // And it no longer allows the country.
    refuse = false;
    policy.phone.allowedCountries = ['BE'];
    assert.equal((await body(await resend(toMobile, 'sms'))).error, 'number-rejected');
    assert.equal(server.sent.length, sends, 'no message sent');
  });

  it('refuses a user id a database cannot keep (NUL, half a surrogate pair) with 400, and 401 from authenticate', async () => {
    const client = pgliteClient(new PGlite());
    await migrate(client);
    const server = withMethods({ ...options, store: createSqlStore(client) });
    for (const [method, path] of [
      ['GET', '/users/a%00b/methods'],
      ['DELETE', '/users/a%00b'],
      ['POST', '/users/a%00b/verifications'],
      ['GET', '/audit?userId=a%00b'],
    ] as const) {
      const response = await server.service(method, path, method === 'POST' ? { methodId: 'x' } : undefined);
      assert.equal(response.status, 400, `${method} ${path}`);
      assert.match(String((await body(response)).message), /without NUL/);
    }
    for (const userId of ['a\0b', 'a\ud800b']) {
      const person = withMethods({ store: createSqlStore(client), authenticate: () => userId });
      assert.equal((await person.call('GET', '/methods')).status, 401);
    }
    assert.deepEqual(server.logged, []);
  });

  it('says once in the log that a clientAddress is not an address, without its value', async () => {
    const server = withMethods(options);
    await server.enroll('+31612345678');
    const [phone] = (await server.list()).methods;
    server.logged.length = 0;
    for (const clientAddress of ['X-Forwarded-For: 203.0.113.7', 'unknown'])
      assert.equal(
        (await server.service('POST', '/users/alice/verifications', { methodId: phone!.id, clientAddress })).status,
        201,
      );
    assert.equal(server.logged.length, 1, server.logged.join('\n'));
    assert.match(server.logged[0]!, /service:sign-in passed a clientAddress that is not an IP address/);
    assert.doesNotMatch(server.logged[0]!, /203\.0\.113|unknown/);
  });

  it('lists, resets and erases a user’s methods, each in the audit trail', async () => {
    const server = withMethods(options);
    await server.enroll('+31612345678');
    await server.enroll('+31612345678', {}, 'bob');
    const listed = (await (await server.service('GET', '/users/alice/methods')).json()) as Registrations;
    assert.equal(listed.methods.length, 1);
    assert.equal((await server.service('DELETE', '/users/alice/methods')).status, 204);
    assert.deepEqual(await server.list(), { methods: [], defaultMethodId: null });
    const audit = async (query = '') =>
      ((await (await server.service('GET', `/audit${query}`)).json()) as { entries: Record<string, unknown>[] })
        .entries;
    assert.deepEqual(
      (await audit('?userId=alice')).map((entry) => [entry.action, entry.actor]),
      [
        ['method-added', 'user'],
        ['methods-reset', 'service:sign-in'],
      ],
    );
    assert.equal((await server.service('DELETE', `/users/${encodeURIComponent('bob')}`)).status, 204);
    assert.deepEqual(await server.list('bob'), { methods: [], defaultMethodId: null });
    assert.deepEqual(
      (await audit('?userId=bob')).map((entry) => entry.action),
      ['user-erased'],
    );
    const all = await audit('?limit=2');
    assert.equal(all.length, 2);
    const next = await audit(`?after=${String(all[1]!.id)}`);
    assert.ok(next.every((entry) => Number(entry.id) > Number(all[1]!.id)));
    // An empty id (a caller's template with no value in it) is no one's, not everyone's.
    const empty = await server.service('GET', '/audit?userId=');
    assert.equal(empty.status, 400);
    assert.match(String((await body(empty)).message), /1 to 512 characters/);
  });

  for (const [what, path] of [
    ['reset', '/users/alice/methods'],
    ['erasure', '/users/alice'],
  ] as const)
    it(`drops the person’s pending codes at a helpdesk ${what}: one sent before neither enrolls nor signs in`, async () => {
      const server = withMethods(options);
      await server.enroll('+31612345678');
      const [phone] = (await server.list()).methods;
      const started = await server.service('POST', '/users/alice/verifications', { methodId: phone!.id });
      assert.equal(started.status, 201);
      const { verificationId } = (await started.json()) as { verificationId: string };
      const signInCode = server.lastCode();
      server.advance(61);
      const enrollment = await server.start('+31687654321');
      const enrollCode = server.lastCode();
      assert.equal((await server.service('DELETE', path)).status, 204);
      const enrolled = await server.verify(enrollment, enrollCode);
      assert.equal(enrolled.status, 404, await enrolled.clone().text());
      assert.deepEqual(await server.list(), { methods: [], defaultMethodId: null });
      const checked = await server.service('POST', `/users/alice/verifications/${verificationId}/check`, {
        code: signInCode,
      });
      assert.equal(checked.status, 404, await checked.clone().text());
      assert.equal(
        await server.store.transaction(
          async (tx) => (await tx.getChallenge(enrollment)) ?? tx.getChallenge(verificationId),
        ),
        undefined,
      );
    });

  it('takes user ids with any characters, percent-encoded', async () => {
    const server = withMethods({ ...options, authenticate: () => 'https://login.example.com#a/b c' });
    const sent = await server.sendCode();
    const { challengeId } = (await sent.json()) as { challengeId: string };
    assert.equal((await server.verify(challengeId, server.lastCode())).status, 204);
    const id = encodeURIComponent('https://login.example.com#a/b c');
    const listed = (await (await server.service('GET', `/users/${id}/methods`)).json()) as Registrations;
    assert.equal(listed.methods.length, 1);
    assert.equal((await server.service('GET', '/users/%E0%A4%A/methods')).status, 400);
  });
});

describe('attack: locking a person out of their sign-in by acting in their name', () => {
  // The sign-in service calls for whoever typed a user name: a stranger's wrong codes arrive by the same route as
  // the person's right one, told apart only by the address the sign-in service passes on.
  const generous = {
    sendsPerUser: [{ max: 1000, windowSeconds: 60 }],
    sendsPerNumber: [{ max: 1000, windowSeconds: 60 }],
  };

  async function signIn(server: ReturnType<typeof withMethods>, clientAddress: string) {
    const [phone] = (await server.list()).methods;
    const started = await server.service('POST', '/users/alice/verifications', { methodId: phone!.id, clientAddress });
    assert.equal(started.status, 201, await started.clone().text());
    const { verificationId } = (await started.json()) as { verificationId: string };
    server.advance(61);
    return (code: string) =>
      server.service('POST', `/users/alice/verifications/${verificationId}/check`, { code, clientAddress });
  }

  it('makes strangers wait, not the person at an address where they signed in before', async () => {
    const server = withMethods({ serviceCredentials: { 'sign-in': SERVICE_TOKEN }, limits: generous });
    await server.enroll('+31612345678');
    // The person signs in from home once: the address is known from then on.
    const home = await signIn(server, '198.51.100.20');
    assert.equal((await home(server.lastCode())).status, 200);
    // A stranger who knows the user name guesses from one address, then from others.
    let refused = 0;
    for (let round = 0; round < 6; round++) {
      const check = await signIn(server, `203.0.113.${round < 3 ? 7 : round}`);
      for (let i = 0; i < 5; i++) if ((await check(server.wrongCode())).status === 429) refused++;
    }
    assert.ok(refused >= 10, `the stranger was made to wait (${refused} of 30 refused)`);
    // The person, at home, is not.
    const again = await signIn(server, '198.51.100.20');
    const answer = await again(server.lastCode());
    assert.equal(answer.status, 200, await answer.clone().text());
    // Their right code leaves the strangers waiting, at every address the person has not used.
    for (const address of ['203.0.113.7', '203.0.113.99']) {
      const stranger = await signIn(server, address);
      assert.equal((await stranger(server.lastCode())).status, 429, address);
    }
  });

  it('keeps sending the person sign-in codes at home while strangers asking in their name are refused', async () => {
    const server = withMethods({ serviceCredentials: { 'sign-in': SERVICE_TOKEN } });
    await server.enroll('+31612345678');
    const home = await signIn(server, '198.51.100.20');
    assert.equal((await home(server.lastCode())).status, 200);
    const [phone] = (await server.list()).methods;
    const ask = async (clientAddress: string) =>
      (await server.service('POST', '/users/alice/verifications', { methodId: phone!.id, clientAddress })).status;
    // Strangers ask for codes from address after address, until the person's budget for strangers is spent.
    const strangers: number[] = [];
    for (let i = 1; i <= 6; i++) strangers.push(await ask(`203.0.113.${i}`));
    assert.ok(strangers.includes(429), `strangers were refused at last: ${strangers.join(', ')}`);
    // The person at home still gets a code, and can still add a number of their own.
    assert.equal(await ask('198.51.100.20'), 201);
    assert.equal((await server.post('/phone/challenges', { phoneNumber: '+31687654321', channel: 'sms' })).status, 201);
  });

  it('counts the addresses the person used as one too, and never a sign-in that passed no address', async () => {
    const server = withMethods({
      serviceCredentials: { 'sign-in': SERVICE_TOKEN },
      limits: { ...generous, maxConsecutiveFailures: 3 },
    });
    await server.enroll('+31612345678');
    // Right codes at home, at work, and once with no address passed.
    for (const address of ['198.51.100.20', '198.51.100.30']) {
      const check = await signIn(server, address);
      assert.equal((await check(server.lastCode())).status, 200);
    }
    const [phone] = (await server.list()).methods;
    const anonymous = await server.service('POST', '/users/alice/verifications', { methodId: phone!.id });
    const { verificationId } = (await anonymous.json()) as { verificationId: string };
    const noAddress = (code: string) =>
      server.service('POST', `/users/alice/verifications/${verificationId}/check`, { code });
    assert.equal((await noAddress(server.lastCode())).status, 200);
    // Home and work share one count of 3: two wrong at home, the third at work waits.
    const home = await signIn(server, '198.51.100.20');
    for (let i = 0; i < 2; i++) assert.equal((await home(server.wrongCode())).status, 422);
    const work = await signIn(server, '198.51.100.30');
    assert.equal((await work(server.wrongCode())).status, 429);
    // A check with no address is a stranger's: strangers' count, not yet started, answers.
    const again = await server.service('POST', '/users/alice/verifications', { methodId: phone!.id });
    const next = (await again.json()) as { verificationId: string };
    const wrong = await server.service('POST', `/users/alice/verifications/${next.verificationId}/check`, {
      code: server.wrongCode(),
    });
    assert.deepEqual([wrong.status, (await body(wrong)).attemptsRemaining], [422, 4]);
  });

  it('sends the addresses the person used one budget of codes, however many they are', async () => {
    const server = withMethods({ serviceCredentials: { 'sign-in': SERVICE_TOKEN } });
    await server.enroll('+31612345678');
    const [phone] = (await server.list()).methods;
    const start = (clientAddress: string) =>
      server.service('POST', '/users/alice/verifications', { methodId: phone!.id, clientAddress });
    // Ten addresses made known by a right code each, over a day.
    for (let n = 1; n <= 10; n++) {
      const started = await start(`198.51.100.${n}`);
      assert.equal(started.status, 201, await started.clone().text());
      const { verificationId } = (await started.json()) as { verificationId: string };
      const checked = await server.service('POST', `/users/alice/verifications/${verificationId}/check`, {
        code: server.lastCode(),
        clientAddress: `198.51.100.${n}`,
      });
      assert.equal(checked.status, 200);
      server.advance(2 * 3600);
    }
    // Then each asks for two codes within the hour: they share one budget (10 an hour to the person, 3 a minute to
    // the number), as strangers share theirs.
    let sent = 0;
    for (let round = 0; round < 2; round++) {
      for (let n = 1; n <= 10; n++) if ((await start(`198.51.100.${n}`)).status === 201) sent++;
      server.advance(15 * 60);
    }
    assert.ok(sent > 0 && sent <= 10, `${sent} codes`);
  });

  it('counts the guesses of many addresses as one: no more of them than before', async () => {
    const server = withMethods({
      serviceCredentials: { 'sign-in': SERVICE_TOKEN },
      limits: { ...generous, maxConsecutiveFailures: 10 },
    });
    await server.enroll('+31612345678');
    // Two wrong codes from each of five addresses (IPv6 ones among them): the tenth reaches the one count of 10.
    const statuses: number[] = [];
    for (const address of ['203.0.113.1', '203.0.113.2', '2001:db8:0:1::7', '2001:db8:0:2::7', '2001:db8:0:3::7']) {
      const check = await signIn(server, address);
      for (let i = 0; i < 2; i++) statuses.push((await check(server.wrongCode())).status);
    }
    assert.deepEqual(statuses, [...Array<number>(9).fill(422), 429]);
    // A new address waits too, what is left of the 15 minutes the tenth began a minute before.
    const check = await signIn(server, '198.51.100.20');
    const answer = await check(server.lastCode());
    assert.equal(answer.status, 429);
    assert.equal((await body(answer)).retryAfterSeconds, 900 - 61);
  });
});
