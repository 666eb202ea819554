import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryAdapter, type IssuedCode } from './memory-adapter.js';
import { ERROR_CODES, SecurityInfoError, toSecurityInfoError } from './errors.js';

const signal = () => new AbortController().signal;
const rejectsWith = async (promise: Promise<unknown>, code: string) => {
  await assert.rejects(promise, (error: unknown) => toSecurityInfoError(error).code === code);
};

test('a code is handed to the callback and verifies once', async () => {
  const issued: IssuedCode[] = [];
  const adapter = createMemoryAdapter({ onCode: (c) => issued.push(c), generateCode: () => '123456' });
  const challenge = await adapter.sendCode({ phoneNumber: '+31612345678', channel: 'sms' }, { signal: signal() });
  assert.equal(issued.length, 1);
  assert.equal(issued[0]?.code, '123456');
  assert.equal(challenge.codeLength, 6);
  assert.equal(challenge.resendInSeconds, 30);
  await adapter.verifyCode({ challengeId: challenge.challengeId, code: '123456' }, { signal: signal() });
  await rejectsWith(
    adapter.verifyCode({ challengeId: challenge.challengeId, code: '123456' }, { signal: signal() }),
    'code-expired',
  );
});

test('wrong codes count down, then lock the challenge', async () => {
  const adapter = createMemoryAdapter({ generateCode: () => '111111', maxAttempts: 2 });
  const { challengeId } = await adapter.sendCode({ phoneNumber: '+31612345678', channel: 'sms' }, { signal: signal() });
  await assert.rejects(
    adapter.verifyCode({ challengeId, code: '000000' }, { signal: signal() }),
    (e: SecurityInfoError) => e.code === 'invalid-code' && e.attemptsRemaining === 1,
  );
  await rejectsWith(adapter.verifyCode({ challengeId, code: '000000' }, { signal: signal() }), 'too-many-attempts');
  await rejectsWith(adapter.verifyCode({ challengeId, code: '111111' }, { signal: signal() }), 'too-many-attempts');
});

test('codes expire', async () => {
  let time = 0;
  const adapter = createMemoryAdapter({ generateCode: () => '1', now: () => time, expiresInSeconds: 60 });
  const { challengeId } = await adapter.sendCode({ phoneNumber: '+31612345678', channel: 'sms' }, { signal: signal() });
  time = 60_000;
  await rejectsWith(adapter.verifyCode({ challengeId, code: '1' }, { signal: signal() }), 'code-expired');
});

test('a resend replaces the code', async () => {
  let n = 0;
  const adapter = createMemoryAdapter({ generateCode: () => String(++n) });
  const first = await adapter.sendCode({ phoneNumber: '+31612345678', channel: 'sms' }, { signal: signal() });
  const second = await adapter.resendCode({ challengeId: first.challengeId, channel: 'voice' }, { signal: signal() });
  assert.equal(adapter.lastCode?.channel, 'voice');
  await rejectsWith(
    adapter.verifyCode({ challengeId: first.challengeId, code: '1' }, { signal: signal() }),
    'code-expired',
  );
  await adapter.verifyCode({ challengeId: second.challengeId, code: '2' }, { signal: signal() });
});

test('a number that is not E.164 is rejected', async () => {
  await rejectsWith(
    createMemoryAdapter().sendCode({ phoneNumber: '0612345678', channel: 'sms' }, { signal: signal() }),
    'number-rejected',
  );
});

test('every error code can be injected once, with its details', async () => {
  const adapter = createMemoryAdapter();
  adapter.injectFault('sendCode', { code: 'rate-limited', retryAfterSeconds: 42 });
  await assert.rejects(
    adapter.sendCode({ phoneNumber: '+31612345678', channel: 'sms' }, { signal: signal() }),
    (e: SecurityInfoError) => e.code === 'rate-limited' && e.retryAfterSeconds === 42,
  );
  await adapter.sendCode({ phoneNumber: '+31612345678', channel: 'sms' }, { signal: signal() });
  // `network` as a fault is the failed fetch itself (the next test); every other code is thrown as it is.
  for (const code of ERROR_CODES.filter((c) => c !== 'network')) {
    adapter.injectFault('getPolicy', code);
    await rejectsWith(adapter.getPolicy({ signal: signal() }), code);
  }
});

test('an ended session can be injected into any call, once', async () => {
  const adapter = createMemoryAdapter({ generateCode: () => '123456' });
  const { challengeId } = await adapter.sendCode({ phoneNumber: '+31612345678', channel: 'sms' }, { signal: signal() });
  adapter.injectFault('verifyCode', 'unauthenticated');
  await assert.rejects(
    adapter.verifyCode({ challengeId, code: '123456' }, { signal: signal() }),
    (e: SecurityInfoError) => e instanceof SecurityInfoError && e.code === 'unauthenticated',
  );
  // Refused before it was checked: the code still verifies once the person is signed in again.
  await adapter.verifyCode({ challengeId, code: '123456' }, { signal: signal() });
});

test('a landline refusal carries its reason, and a call to the same number then goes through', async () => {
  const adapter = createMemoryAdapter();
  adapter.injectFault('sendCode', { code: 'channel-unavailable', reason: 'landline' });
  await assert.rejects(
    adapter.sendCode({ phoneNumber: '+31201234567', channel: 'sms' }, { signal: signal() }),
    (e: SecurityInfoError) => e.code === 'channel-unavailable' && e.reason === 'landline',
  );
  await adapter.sendCode({ phoneNumber: '+31201234567', channel: 'voice' }, { signal: signal() });
  assert.equal(adapter.lastCode?.channel, 'voice');
  assert.equal(adapter.calls.sendCode, 2);
});

test('network, plain error and malformed answers can be injected', async () => {
  const adapter = createMemoryAdapter();
  adapter.injectFault('sendCode', 'network');
  await rejectsWith(adapter.sendCode({ phoneNumber: '+31612345678', channel: 'sms' }, { signal: signal() }), 'network');
  adapter.injectFault('sendCode', 'error');
  await rejectsWith(adapter.sendCode({ phoneNumber: '+31612345678', channel: 'sms' }, { signal: signal() }), 'unknown');
  adapter.injectFault('sendCode', 'malformed');
  assert.deepEqual(await adapter.sendCode({ phoneNumber: '+31612345678', channel: 'sms' }, { signal: signal() }), {});
});

test('a persistent fault stays until cleared', async () => {
  const adapter = createMemoryAdapter();
  adapter.injectFault('getPolicy', 'unknown', { persist: true });
  await rejectsWith(adapter.getPolicy({ signal: signal() }), 'unknown');
  await rejectsWith(adapter.getPolicy({ signal: signal() }), 'unknown');
  adapter.clearFaults();
  assert.ok((await adapter.getPolicy({ signal: signal() })).methods.length > 0);
  assert.equal(adapter.calls.getPolicy, 3);
});

test('a hang settles only through the abort signal', async () => {
  const adapter = createMemoryAdapter();
  adapter.injectFault('sendCode', 'hang');
  const controller = new AbortController();
  const pending = adapter.sendCode({ phoneNumber: '+31612345678', channel: 'sms' }, { signal: controller.signal });
  let settled = false;
  void pending.catch(() => (settled = true));
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(settled, false);
  controller.abort();
  await assert.rejects(pending, { name: 'AbortError' });
});

test('latency is waited, and an abort during it rejects at once', async () => {
  const adapter = createMemoryAdapter({ latency: 10_000 });
  const controller = new AbortController();
  const pending = adapter.getPolicy({ signal: controller.signal });
  controller.abort();
  await assert.rejects(pending, { name: 'AbortError' });
  await assert.rejects(adapter.getPolicy({ signal: AbortSignal.abort() }), { name: 'AbortError' });
});

test('a keypress voice call resolves when the call is answered', async () => {
  const adapter = createMemoryAdapter({ voiceConfirmation: 'keypress' });
  const challenge = await adapter.sendCode({ phoneNumber: '+31612345678', channel: 'voice' }, { signal: signal() });
  assert.equal(challenge.confirmation, 'keypress');
  const waiting = adapter.awaitCallConfirmation({ challengeId: challenge.challengeId }, { signal: signal() });
  adapter.confirmCall(challenge.challengeId);
  await waiting;
});

test('the policy handed out is a copy', async () => {
  const adapter = createMemoryAdapter();
  const policy = await adapter.getPolicy({ signal: signal() });
  policy.methods.length = 0;
  assert.ok((await adapter.getPolicy({ signal: signal() })).methods.length > 0);
});

/** Sends a code to a number and verifies it: the phone is registered. */
async function enroll(adapter: ReturnType<typeof createMemoryAdapter>, phoneNumber: string, replaces?: string) {
  const request = { phoneNumber, channel: 'sms' as const, ...(replaces ? { replaces } : {}) };
  const { challengeId } = await adapter.sendCode(request, { signal: signal() });
  await adapter.verifyCode({ challengeId, code: adapter.lastCode!.code }, { signal: signal() });
}
const list = (adapter: ReturnType<typeof createMemoryAdapter>) => adapter.listMethods({ signal: signal() });
const numbers = async (adapter: ReturnType<typeof createMemoryAdapter>) =>
  (await list(adapter)).methods.map((method) => method.phone?.phoneNumber);

test('nothing is registered at first', async () => {
  assert.deepEqual(await list(createMemoryAdapter()), { methods: [], defaultMethodId: null });
});

test('a verified phone becomes a registered method and the default', async () => {
  const adapter = createMemoryAdapter({ now: () => Date.UTC(2026, 10, 25, 10) });
  await enroll(adapter, '+31612345678');
  assert.deepEqual(await list(adapter), {
    methods: [
      {
        id: 'method-1',
        kind: 'phone',
        addedAt: '2026-11-25T10:00:00.000Z',
        lastUsedAt: null,
        purposes: ['mfa', 'password-reset'],
        removable: false,
        notRemovableReason: 'method-required',
        phone: { phoneNumber: '+31612345678', channel: 'sms' },
      },
    ],
    defaultMethodId: 'method-1',
  });
});

test('a phone answered by a key press is registered too', async () => {
  const adapter = createMemoryAdapter({ voiceConfirmation: 'keypress' });
  const { challengeId } = await adapter.sendCode(
    { phoneNumber: '+31612345678', channel: 'voice' },
    { signal: signal() },
  );
  const waiting = adapter.awaitCallConfirmation({ challengeId }, { signal: signal() });
  adapter.confirmCall(challengeId);
  await waiting;
  assert.deepEqual(
    (await list(adapter)).methods.map((method) => method.phone),
    [{ phoneNumber: '+31612345678', channel: 'voice' }],
  );
});

test('a wrong code registers nothing', async () => {
  const adapter = createMemoryAdapter({ generateCode: () => '111111' });
  const { challengeId } = await adapter.sendCode({ phoneNumber: '+31612345678', channel: 'sms' }, { signal: signal() });
  await rejectsWith(adapter.verifyCode({ challengeId, code: '000000' }, { signal: signal() }), 'invalid-code');
  assert.deepEqual((await list(adapter)).methods, []);
});

test('the same number is registered once, with the channel last chosen', async () => {
  const adapter = createMemoryAdapter();
  await enroll(adapter, '+31612345678');
  const { challengeId } = await adapter.sendCode(
    { phoneNumber: '+31612345678', channel: 'voice' },
    { signal: signal() },
  );
  await adapter.verifyCode({ challengeId, code: adapter.lastCode!.code }, { signal: signal() });
  assert.deepEqual(
    (await list(adapter)).methods.map((method) => [method.id, method.phone?.channel]),
    [['method-1', 'voice']],
  );
});

test('replaces swaps the old phone for the new one once the new one is verified, keeping the default', async () => {
  const adapter = createMemoryAdapter();
  await enroll(adapter, '+31612345678');
  await enroll(adapter, '+31687654321');
  const { challengeId } = await adapter.sendCode(
    { phoneNumber: '+31611112222', channel: 'sms', replaces: 'method-1' },
    { signal: signal() },
  );
  assert.deepEqual(await numbers(adapter), ['+31612345678', '+31687654321'], 'nothing changes before the code');
  await adapter.verifyCode({ challengeId, code: adapter.lastCode!.code }, { signal: signal() });
  const after = await list(adapter);
  assert.deepEqual(
    after.methods.map((method) => [method.id, method.phone?.phoneNumber]),
    [
      ['method-2', '+31687654321'],
      ['method-3', '+31611112222'],
    ],
  );
  assert.equal(after.defaultMethodId, 'method-3', 'the new phone took the old one’s place as the default');
});

test('a resend keeps what the code replaces, and the language it is asked in', async () => {
  const adapter = createMemoryAdapter();
  await enroll(adapter, '+31612345678');
  const first = await adapter.sendCode(
    { phoneNumber: '+31687654321', channel: 'sms', replaces: 'method-1', locale: 'nl' },
    { signal: signal() },
  );
  assert.equal(adapter.lastCode?.locale, 'nl');
  const second = await adapter.resendCode(
    { challengeId: first.challengeId, channel: 'voice', locale: 'fr' },
    { signal: signal() },
  );
  assert.equal(adapter.lastCode?.locale, 'fr');
  await adapter.verifyCode({ challengeId: second.challengeId, code: adapter.lastCode!.code }, { signal: signal() });
  assert.deepEqual(await numbers(adapter), ['+31687654321']);
});

test('replaces that is not one of the person’s phones is refused before a code is sent', async () => {
  const adapter = createMemoryAdapter({
    registrations: { methods: [{ id: 'app', kind: 'authenticator-app' }] },
  });
  for (const replaces of ['nope', 'app']) {
    await rejectsWith(
      adapter.sendCode({ phoneNumber: '+31612345678', channel: 'sms', replaces }, { signal: signal() }),
      'unknown',
    );
  }
  assert.equal(adapter.lastCode, undefined);
});

test('a phone removed while its replacement waits for its code fails the verify, registering nothing', async () => {
  const adapter = createMemoryAdapter({ minimumMfaMethods: 0 });
  await enroll(adapter, '+31612345678');
  const { challengeId } = await adapter.sendCode(
    { phoneNumber: '+31687654321', channel: 'sms', replaces: 'method-1' },
    { signal: signal() },
  );
  await adapter.removeMethod({ id: 'method-1' }, { signal: signal() });
  const code = adapter.lastCode!.code;
  await rejectsWith(adapter.verifyCode({ challengeId, code }, { signal: signal() }), 'unknown');
  assert.deepEqual((await list(adapter)).methods, []);
});

test('a method is removed while another remains, and the default moves to the one left', async () => {
  const adapter = createMemoryAdapter();
  await enroll(adapter, '+31612345678');
  await enroll(adapter, '+31687654321');
  assert.deepEqual(
    (await list(adapter)).methods.map((method) => method.removable),
    [true, true],
  );
  await adapter.removeMethod({ id: 'method-1' }, { signal: signal() });
  const after = await list(adapter);
  assert.deepEqual(await numbers(adapter), ['+31687654321']);
  assert.equal(after.defaultMethodId, 'method-2');
});

test('the last method cannot be removed: method-required', async () => {
  const adapter = createMemoryAdapter();
  await enroll(adapter, '+31612345678');
  await rejectsWith(adapter.removeMethod({ id: 'method-1' }, { signal: signal() }), 'method-required');
  assert.equal((await list(adapter)).methods.length, 1);
});

test('methods that cannot serve two-step verification can always be removed', async () => {
  const adapter = createMemoryAdapter({
    registrations: {
      methods: [
        { id: 'mail', kind: 'email' },
        { id: 'app', kind: 'authenticator-app' },
      ],
    },
  });
  const { methods, defaultMethodId } = await list(adapter);
  assert.deepEqual(
    methods.map((method) => [method.id, method.purposes, method.removable]),
    [
      ['mail', ['password-reset'], true],
      ['app', ['mfa', 'password-reset'], false],
    ],
  );
  assert.equal(defaultMethodId, 'app', 'the oldest method that serves two-step verification');
  await adapter.removeMethod({ id: 'mail' }, { signal: signal() });
  await rejectsWith(adapter.removeMethod({ id: 'app' }, { signal: signal() }), 'method-required');
});

test('minimumMfaMethods 0 lets everything go', async () => {
  const adapter = createMemoryAdapter({ minimumMfaMethods: 0 });
  await enroll(adapter, '+31612345678');
  await adapter.removeMethod({ id: 'method-1' }, { signal: signal() });
  assert.deepEqual(await list(adapter), { methods: [], defaultMethodId: null });
});

test('removing a method that is not there is refused', async () => {
  await rejectsWith(createMemoryAdapter().removeMethod({ id: 'nope' }, { signal: signal() }), 'unknown');
});

test('the default is set to a method that can serve two-step verification', async () => {
  const adapter = createMemoryAdapter({
    registrations: {
      methods: [
        { id: 'app', kind: 'authenticator-app' },
        { id: 'mail', kind: 'email' },
        { id: 'phone', kind: 'phone', phone: { phoneNumber: '+31612345678', channel: 'sms' } },
      ],
    },
  });
  await adapter.setDefaultMethod({ id: 'phone' }, { signal: signal() });
  assert.equal((await list(adapter)).defaultMethodId, 'phone');
  await rejectsWith(adapter.setDefaultMethod({ id: 'mail' }, { signal: signal() }), 'unknown');
  await rejectsWith(adapter.setDefaultMethod({ id: 'nope' }, { signal: signal() }), 'unknown');
  assert.equal((await list(adapter)).defaultMethodId, 'phone');
});

test('the policy decides what a method serves', async () => {
  const adapter = createMemoryAdapter({
    policy: { methods: [{ id: 'phone', purposes: ['password-reset'] }] },
    registrations: {
      methods: [{ id: 'p', kind: 'phone', phone: { phoneNumber: '+31612345678', channel: 'sms' } }],
    },
  });
  const { methods, defaultMethodId } = await list(adapter);
  assert.deepEqual(methods[0]!.purposes, ['password-reset']);
  assert.equal(methods[0]!.removable, true);
  assert.equal(defaultMethodId, null);
});

test('preloaded registrations keep their times and their default, and new ids avoid theirs', async () => {
  const adapter = createMemoryAdapter({
    registrations: {
      methods: [
        { id: 'method-1', kind: 'phone', addedAt: '2025-01-02T03:04:05.000Z', lastUsedAt: '2026-01-01T00:00:00.000Z' },
        { id: 'key', kind: 'passkey', addedAt: '2025-06-01T00:00:00.000Z' },
      ],
      defaultMethodId: 'key',
    },
  });
  const before = await list(adapter);
  assert.deepEqual(
    before.methods.map((method) => [method.id, method.addedAt, method.lastUsedAt]),
    [
      ['method-1', '2025-01-02T03:04:05.000Z', '2026-01-01T00:00:00.000Z'],
      ['key', '2025-06-01T00:00:00.000Z', null],
    ],
  );
  assert.equal(before.defaultMethodId, 'key');
  await enroll(adapter, '+31612345678');
  const after = await list(adapter);
  assert.equal(after.methods[2]!.id, 'method-2');
  assert.equal(after.defaultMethodId, 'key');
});

test('a preloaded default of null stays null until it is chosen', async () => {
  const adapter = createMemoryAdapter({
    registrations: { methods: [{ id: 'app', kind: 'authenticator-app' }], defaultMethodId: null },
  });
  assert.equal((await list(adapter)).defaultMethodId, null);
});

test('preloaded registrations that contradict themselves are refused at once', () => {
  assert.throws(
    () =>
      createMemoryAdapter({
        registrations: {
          methods: [
            { id: 'a', kind: 'email' },
            { id: 'a', kind: 'passkey' },
          ],
        },
      }),
    RangeError,
  );
  assert.throws(() => createMemoryAdapter({ registrations: { methods: [], defaultMethodId: 'a' } }), RangeError);
  assert.throws(() => createMemoryAdapter({ minimumMfaMethods: -1 }), RangeError);
});

test('the list handed out is a copy', async () => {
  const adapter = createMemoryAdapter();
  await enroll(adapter, '+31612345678');
  const listed = await list(adapter);
  listed.methods[0]!.phone!.phoneNumber = '+1';
  listed.methods.length = 0;
  assert.deepEqual(await numbers(adapter), ['+31612345678']);
});

test('each registrations call can be made to fail, once or until cleared', async () => {
  const adapter = createMemoryAdapter({ minimumMfaMethods: 0 });
  await enroll(adapter, '+31612345678');
  adapter.injectFault('listMethods', 'unauthenticated');
  await rejectsWith(list(adapter), 'unauthenticated');
  adapter.injectFault('removeMethod', 'reauthentication-required');
  await rejectsWith(adapter.removeMethod({ id: 'method-1' }, { signal: signal() }), 'reauthentication-required');
  adapter.injectFault('setDefaultMethod', { code: 'rate-limited', retryAfterSeconds: 9 }, { persist: true });
  for (let i = 0; i < 2; i++)
    await assert.rejects(
      adapter.setDefaultMethod({ id: 'method-1' }, { signal: signal() }),
      (e: SecurityInfoError) => e.code === 'rate-limited' && e.retryAfterSeconds === 9,
    );
  adapter.clearFaults('setDefaultMethod');
  await adapter.setDefaultMethod({ id: 'method-1' }, { signal: signal() });
  assert.equal((await list(adapter)).methods.length, 1, 'a refused removal removed nothing');
  assert.deepEqual([adapter.calls.listMethods, adapter.calls.removeMethod, adapter.calls.setDefaultMethod], [2, 1, 3]);
});

test('a malformed list breaks the contract; a malformed removal does nothing', async () => {
  const adapter = createMemoryAdapter({ minimumMfaMethods: 0 });
  await enroll(adapter, '+31612345678');
  adapter.injectFault('listMethods', 'malformed');
  const answer: unknown = await list(adapter);
  assert.equal(Array.isArray((answer as { methods: unknown }).methods), false);
  adapter.injectFault('removeMethod', 'malformed');
  await adapter.removeMethod({ id: 'method-1' }, { signal: signal() });
  assert.equal((await list(adapter)).methods.length, 1);
});

test('a registrations call hangs until aborted', async () => {
  const adapter = createMemoryAdapter();
  adapter.injectFault('listMethods', 'hang');
  const controller = new AbortController();
  const pending = adapter.listMethods({ signal: controller.signal });
  controller.abort();
  await assert.rejects(pending, { name: 'AbortError' });
});
