import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryAdapter, type IssuedCode } from './memory-adapter.js';
import { ERROR_CODES, SecurityInfoError } from './errors.js';
import { toSecurityInfoError } from './to-error.js';
import { PREDEFINED_QUESTION_IDS } from './questions.js';
import { createHmac } from 'node:crypto';

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

/** RFC 4648 base32 to bytes, written here again so the adapter's secrets are checked by other code than its own. */
function fromBase32(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...text].map((char) => alphabet.indexOf(char).toString(2).padStart(5, '0')).join('');
  return Buffer.from(bits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2)));
}

/** RFC 6238's TOTP with Node's own HMAC: the code an authenticator app shows at `time`. */
function totpAt(key: Buffer, time: number, digits = 6): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(time / 30_000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits).padStart(digits, '0');
}

test('the TOTP the tests check against gives RFC 6238’s SHA-1 values', () => {
  const seed = Buffer.from('12345678901234567890');
  assert.equal(totpAt(seed, 59_000, 8), '94287082');
  assert.equal(totpAt(seed, 1_111_111_109_000, 8), '07081804');
  assert.equal(totpAt(seed, 20_000_000_000_000, 8), '65353130');
});

const T0 = Date.UTC(2026, 10, 25, 10, 0, 10);

test('an authenticator app’s setup is a 160-bit base32 secret and its otpauth URI, for six-digit codes', async () => {
  const adapter = createMemoryAdapter({
    authenticatorApp: { issuer: 'Contoso Ltd', accountName: 'jan@contoso.example' },
  });
  const setup = await adapter.startAuthenticatorApp({}, { signal: signal() });
  assert.match(setup.secret, /^[A-Z2-7]{32}$/);
  assert.equal(fromBase32(setup.secret).length, 20);
  assert.equal(
    setup.otpauthUri,
    `otpauth://totp/Contoso%20Ltd:jan%40contoso.example?secret=${setup.secret}&issuer=Contoso%20Ltd&algorithm=SHA1&digits=6&period=30`,
  );
  assert.equal(setup.codeLength, 6);
  assert.equal(setup.expiresInSeconds, 600);
  const other = await adapter.startAuthenticatorApp({}, { signal: signal() });
  assert.notEqual(other.secret, setup.secret, 'each setup has a secret of its own');
});

test('the code an app computes from the secret verifies, one step either side too, and registers the app', async () => {
  for (const drift of [-30_000, 0, 30_000]) {
    let time = T0;
    const adapter = createMemoryAdapter({ now: () => time });
    const { challengeId, secret } = await adapter.startAuthenticatorApp({}, { signal: signal() });
    time += 45_000;
    const code = totpAt(fromBase32(secret), time + drift);
    await adapter.verifyCode({ challengeId, code, method: 'authenticator-app' }, { signal: signal() });
    const registrations = await list(adapter);
    assert.deepEqual(
      registrations.methods.map((method) => [method.kind, method.purposes]),
      [['authenticator-app', ['mfa', 'password-reset']]],
      `drift ${drift}`,
    );
    assert.equal(registrations.defaultMethodId, registrations.methods[0]!.id);
    assert.equal(await adapter.appCode(challengeId), undefined, 'the setup is used up');
  }
});

test('an app code two steps away is wrong, and wrong codes lock the setup', async () => {
  const time = T0;
  const adapter = createMemoryAdapter({ now: () => time, maxAttempts: 2 });
  const { challengeId, secret } = await adapter.startAuthenticatorApp({}, { signal: signal() });
  const key = fromBase32(secret);
  const request = (code: string) => ({ challengeId, code, method: 'authenticator-app' as const });
  await assert.rejects(
    adapter.verifyCode(request(totpAt(key, time - 60_000)), { signal: signal() }),
    (e: SecurityInfoError) => e.code === 'invalid-code' && e.attemptsRemaining === 1,
  );
  await rejectsWith(adapter.verifyCode(request(totpAt(key, time + 60_000)), { signal: signal() }), 'too-many-attempts');
  await rejectsWith(adapter.verifyCode(request(totpAt(key, time)), { signal: signal() }), 'too-many-attempts');
  assert.deepEqual((await list(adapter)).methods, []);
});

test('an app setup expires, and is verified only as an app’s', async () => {
  let time = T0;
  const adapter = createMemoryAdapter({ now: () => time });
  const { challengeId, secret } = await adapter.startAuthenticatorApp({}, { signal: signal() });
  const code = totpAt(fromBase32(secret), time);
  await rejectsWith(adapter.verifyCode({ challengeId, code }, { signal: signal() }), 'code-expired');
  await rejectsWith(adapter.verifyCode({ challengeId, code, method: 'email' }, { signal: signal() }), 'code-expired');
  time += 600_000;
  await rejectsWith(
    adapter.verifyCode(
      { challengeId, code: (await adapter.appCode(challengeId))!, method: 'authenticator-app' },
      { signal: signal() },
    ),
    'code-expired',
  );
});

test('appCode is what the app shows now, for the latest setup unless one is named', async () => {
  let time = T0;
  const adapter = createMemoryAdapter({ now: () => time });
  assert.equal(await adapter.appCode(), undefined);
  const first = await adapter.startAuthenticatorApp({}, { signal: signal() });
  const latest = await adapter.startAuthenticatorApp({}, { signal: signal() });
  time += 31_000;
  assert.equal(await adapter.appCode(), totpAt(fromBase32(latest.secret), time));
  assert.equal(await adapter.appCode(first.challengeId), totpAt(fromBase32(first.secret), time));
  assert.equal(await adapter.appCode('nope'), undefined);
});

test('a new app replaces the one named once verified, taking its place as the default', async () => {
  const adapter = createMemoryAdapter({
    registrations: {
      methods: [
        { id: 'old-app', kind: 'authenticator-app' },
        { id: 'phone', kind: 'phone', phone: { phoneNumber: '+31612345678', channel: 'sms' } },
      ],
    },
  });
  await rejectsWith(adapter.startAuthenticatorApp({ replaces: 'phone' }, { signal: signal() }), 'unknown');
  const { challengeId } = await adapter.startAuthenticatorApp({ replaces: 'old-app' }, { signal: signal() });
  assert.deepEqual(
    (await list(adapter)).methods.map((method) => method.id),
    ['old-app', 'phone'],
  );
  const code = (await adapter.appCode())!;
  await adapter.verifyCode({ challengeId, code, method: 'authenticator-app' }, { signal: signal() });
  const after = await list(adapter);
  assert.deepEqual(
    after.methods.map((method) => method.id),
    ['phone', 'method-1'],
  );
  assert.equal(after.defaultMethodId, 'method-1');
});

test('an email code goes to the callback with channel email, and registers the address for password reset', async () => {
  const issued: IssuedCode[] = [];
  const adapter = createMemoryAdapter({
    onCode: (code) => issued.push(code),
    generateCode: () => '246810',
    now: () => T0,
  });
  const challenge = await adapter.sendEmailCode(
    { email: ' Jan@Bücher.Example ', channel: 'email', locale: 'de' },
    { signal: signal() },
  );
  assert.deepEqual(challenge, {
    challengeId: challenge.challengeId,
    codeLength: 6,
    expiresInSeconds: 300,
    resendInSeconds: 30,
  });
  assert.deepEqual(issued, [
    { challengeId: challenge.challengeId, email: 'Jan@bücher.example', channel: 'email', code: '246810', locale: 'de' },
  ]);
  await adapter.verifyCode(
    { challengeId: challenge.challengeId, code: '246810', method: 'email' },
    { signal: signal() },
  );
  assert.deepEqual(await list(adapter), {
    methods: [
      {
        id: 'method-1',
        kind: 'email',
        addedAt: new Date(T0).toISOString(),
        lastUsedAt: null,
        purposes: ['password-reset'],
        removable: true,
        email: { address: 'Jan@bücher.example' },
      },
    ],
    defaultMethodId: null,
  });
});

test('an address the email step would refuse is refused, and no code goes out', async () => {
  const adapter = createMemoryAdapter();
  for (const email of ['', 'jan', 'jan@', `${'j'.repeat(250)}@example.com`]) {
    await rejectsWith(adapter.sendEmailCode({ email, channel: 'email' }, { signal: signal() }), 'unknown');
  }
  assert.equal(adapter.lastCode, undefined);
});

test('an email code is resent by email in the language asked, and only as an email’s', async () => {
  let n = 0;
  const adapter = createMemoryAdapter({ generateCode: () => String(++n).repeat(6) });
  const first = await adapter.sendEmailCode({ email: 'jan@example.com', channel: 'email' }, { signal: signal() });
  await rejectsWith(
    adapter.resendCode({ challengeId: first.challengeId, channel: 'sms' }, { signal: signal() }),
    'code-expired',
  );
  const second = await adapter.resendCode(
    { challengeId: first.challengeId, channel: 'email', locale: 'nl' },
    { signal: signal() },
  );
  assert.deepEqual(adapter.lastCode, {
    challengeId: second.challengeId,
    email: 'jan@example.com',
    channel: 'email',
    code: '222222',
    locale: 'nl',
  });
  await rejectsWith(
    adapter.verifyCode({ challengeId: first.challengeId, code: '111111', method: 'email' }, { signal: signal() }),
    'code-expired',
  );
  await rejectsWith(
    adapter.verifyCode({ challengeId: second.challengeId, code: '222222' }, { signal: signal() }),
    'code-expired',
  );
  await adapter.verifyCode({ challengeId: second.challengeId, code: '222222', method: 'email' }, { signal: signal() });
  const phone = await adapter.sendCode({ phoneNumber: '+31612345678', channel: 'sms' }, { signal: signal() });
  await rejectsWith(
    adapter.resendCode({ challengeId: phone.challengeId, channel: 'email' }, { signal: signal() }),
    'code-expired',
  );
});

test('wrong email codes count down and lock, as a phone’s', async () => {
  const adapter = createMemoryAdapter({ generateCode: () => '111111', maxAttempts: 2 });
  const { challengeId } = await adapter.sendEmailCode(
    { email: 'jan@example.com', channel: 'email' },
    { signal: signal() },
  );
  const request = (code: string) => ({ challengeId, code, method: 'email' as const });
  await assert.rejects(
    adapter.verifyCode(request('000000'), { signal: signal() }),
    (e: SecurityInfoError) => e.code === 'invalid-code' && e.attemptsRemaining === 1,
  );
  await rejectsWith(adapter.verifyCode(request('000000'), { signal: signal() }), 'too-many-attempts');
  await rejectsWith(adapter.verifyCode(request('111111'), { signal: signal() }), 'too-many-attempts');
});

test('an address is registered once, and replaces swaps an address for another', async () => {
  const adapter = createMemoryAdapter();
  const add = async (email: string, replaces?: string) => {
    const request = { email, channel: 'email' as const, ...(replaces ? { replaces } : {}) };
    const { challengeId } = await adapter.sendEmailCode(request, { signal: signal() });
    await adapter.verifyCode({ challengeId, code: adapter.lastCode!.code, method: 'email' }, { signal: signal() });
  };
  const addresses = async () => (await list(adapter)).methods.map((method) => [method.id, method.email?.address]);
  await add('jan@example.com');
  await add('jan@example.com');
  await add('jan@work.example');
  assert.deepEqual(await addresses(), [
    ['method-1', 'jan@example.com'],
    ['method-2', 'jan@work.example'],
  ]);
  await add('jan@home.example', 'method-1');
  assert.deepEqual(await addresses(), [
    ['method-2', 'jan@work.example'],
    ['method-3', 'jan@home.example'],
  ]);
  await enroll(adapter, '+31612345678');
  await rejectsWith(
    adapter.sendEmailCode({ email: 'x@example.com', channel: 'email', replaces: 'method-4' }, { signal: signal() }),
    'unknown',
  );
});

const threeAnswers = [
  { questionId: 'first-pet', answer: 'Rex' },
  { questionId: 'birth-city', answer: 'Utrecht' },
  { questionId: 'first-school', answer: 'De Regenboog' },
];

test('the default policy offers every method, and the predefined questions with three to answer', async () => {
  const policy = await createMemoryAdapter().getPolicy({ signal: signal() });
  assert.deepEqual(
    policy.methods.map((method) => method.id),
    ['authenticator-app', 'phone', 'email', 'security-questions'],
  );
  assert.deepEqual(policy.securityQuestions, {
    questions: PREDEFINED_QUESTION_IDS.map((id) => ({ id })),
    required: 3,
  });
});

test('answers to security questions are registered by question, and kept only normalized', async () => {
  const adapter = createMemoryAdapter();
  assert.equal(adapter.matchesSecurityAnswers(threeAnswers), false, 'nothing set up yet');
  await adapter.setSecurityQuestions({ answers: threeAnswers }, { signal: signal() });
  const [method] = (await list(adapter)).methods;
  assert.deepEqual(method?.securityQuestions, { questionIds: ['first-pet', 'birth-city', 'first-school'] });
  assert.deepEqual(method?.purposes, ['password-reset']);
  assert.ok(!JSON.stringify(await list(adapter)).includes('Utrecht'), 'the list never shows an answer');
  const typedAgain = [
    { questionId: 'first-school', answer: '  de   REGENBOOG ' },
    { questionId: 'first-pet', answer: 'ＲＥＸ' },
    { questionId: 'birth-city', answer: 'utrecht' },
  ];
  assert.equal(adapter.matchesSecurityAnswers(typedAgain), true);
  assert.equal(adapter.matchesSecurityAnswers(typedAgain.slice(0, 2)), false, 'every question answered');
  assert.equal(adapter.matchesSecurityAnswers([typedAgain[1]!, typedAgain[1]!, typedAgain[1]!]), false);
  assert.equal(
    adapter.matchesSecurityAnswers([...typedAgain.slice(0, 2), { questionId: 'birth-city', answer: 'Amsterdam' }]),
    false,
  );
});

test('answering again changes the one set of questions, and replaces must name it', async () => {
  const adapter = createMemoryAdapter();
  await adapter.setSecurityQuestions({ answers: threeAnswers }, { signal: signal() });
  const changed = [{ questionId: 'first-car', answer: 'Beetle' }, ...threeAnswers.slice(1)];
  await rejectsWith(
    adapter.setSecurityQuestions({ answers: changed, replaces: 'nope' }, { signal: signal() }),
    'unknown',
  );
  await adapter.setSecurityQuestions({ answers: changed, replaces: 'method-1' }, { signal: signal() });
  const { methods } = await list(adapter);
  assert.deepEqual(
    methods.map((method) => [method.id, method.securityQuestions?.questionIds]),
    [['method-1', ['first-car', 'birth-city', 'first-school']]],
  );
  assert.equal(adapter.matchesSecurityAnswers(changed), true);
  assert.equal(adapter.matchesSecurityAnswers(threeAnswers), false);
});

test('answers that break a rule are refused, registering nothing', async () => {
  const policy = {
    methods: [{ id: 'security-questions' as const, purposes: ['password-reset' as const] }],
    securityQuestions: {
      questions: [{ id: 'first-pet' }, { id: 'birth-city' }, { id: 'team', text: 'Which team did you join first?' }],
      required: 2,
    },
  };
  const adapter = createMemoryAdapter({ policy });
  const cases: Record<string, { questionId: string; answer: string }[]> = {
    'too few': [{ questionId: 'first-pet', answer: 'Rex' }],
    'too short': [
      { questionId: 'first-pet', answer: 'Re' },
      { questionId: 'birth-city', answer: 'Utrecht' },
    ],
    'a question twice': [
      { questionId: 'first-pet', answer: 'Rex' },
      { questionId: 'first-pet', answer: 'Fido' },
    ],
    'an answer twice': [
      { questionId: 'first-pet', answer: 'Utrecht' },
      { questionId: 'birth-city', answer: ' utrecht' },
    ],
    'an answer that repeats its question': [
      { questionId: 'first-pet', answer: 'Rex' },
      { questionId: 'team', answer: 'which team' },
    ],
    'a question the policy does not list': [
      { questionId: 'first-pet', answer: 'Rex' },
      { questionId: 'first-car', answer: 'Beetle' },
    ],
  };
  for (const [name, answers] of Object.entries(cases)) {
    await assert.rejects(
      adapter.setSecurityQuestions({ answers }, { signal: signal() }),
      (e: SecurityInfoError) => e.code === 'unknown',
      name,
    );
  }
  assert.deepEqual((await list(adapter)).methods, []);
  const kept = [
    { questionId: 'first-pet', answer: 'Rex' },
    { questionId: 'team', answer: 'Blue' },
  ];
  await adapter.setSecurityQuestions({ answers: kept }, { signal: signal() });
  assert.equal((await list(adapter)).methods.length, 1, 'answers that keep the rules are registered');
});

test('security questions are refused where the policy does not offer them', async () => {
  for (const policy of [
    {
      methods: [{ id: 'phone' as const, purposes: ['mfa' as const] }],
      securityQuestions: { questions: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] },
    },
    { methods: [{ id: 'security-questions' as const, purposes: ['password-reset' as const] }] },
  ]) {
    await rejectsWith(
      createMemoryAdapter({ policy }).setSecurityQuestions({ answers: threeAnswers }, { signal: signal() }),
      'unknown',
    );
  }
});

test('preloaded email addresses and security questions are listed with what they show', async () => {
  const adapter = createMemoryAdapter({
    registrations: {
      methods: [
        { id: 'mail', kind: 'email', email: { address: 'jan@example.com' } },
        {
          id: 'questions',
          kind: 'security-questions',
          securityQuestions: { questionIds: ['first-pet', 'first-car', 'dream-job'] },
        },
      ],
    },
  });
  const { methods } = await list(adapter);
  assert.deepEqual(methods[0]?.email, { address: 'jan@example.com' });
  assert.deepEqual(methods[1]?.securityQuestions, { questionIds: ['first-pet', 'first-car', 'dream-job'] });
  assert.equal(adapter.matchesSecurityAnswers(threeAnswers), false, 'preloaded questions have no answers to match');
});

test('each new operation can be made to fail, once or until cleared, and is counted', async () => {
  const adapter = createMemoryAdapter();
  const calls = {
    sendEmailCode: () => adapter.sendEmailCode({ email: 'jan@example.com', channel: 'email' }, { signal: signal() }),
    startAuthenticatorApp: () => adapter.startAuthenticatorApp({}, { signal: signal() }),
    setSecurityQuestions: () => adapter.setSecurityQuestions({ answers: threeAnswers }, { signal: signal() }),
  };
  for (const [operation, call] of Object.entries(calls) as [keyof typeof calls, () => Promise<unknown>][]) {
    adapter.injectFault(operation, { code: 'rate-limited', retryAfterSeconds: 9 });
    await assert.rejects(call(), (e: SecurityInfoError) => e.code === 'rate-limited' && e.retryAfterSeconds === 9);
    adapter.injectFault(operation, 'reauthentication-required', { persist: true });
    await rejectsWith(call(), 'reauthentication-required');
    await rejectsWith(call(), 'reauthentication-required');
    adapter.clearFaults(operation);
    adapter.injectFault(operation, 'network');
    await rejectsWith(call(), 'network');
    await call();
    assert.equal(adapter.calls[operation], 5, operation);
  }
});

test('malformed answers of the new operations break the contract; a malformed put of answers does nothing', async () => {
  const adapter = createMemoryAdapter();
  adapter.injectFault('sendEmailCode', 'malformed');
  assert.deepEqual(
    await adapter.sendEmailCode({ email: 'jan@example.com', channel: 'email' }, { signal: signal() }),
    {},
  );
  adapter.injectFault('startAuthenticatorApp', 'malformed');
  assert.deepEqual(await adapter.startAuthenticatorApp({}, { signal: signal() }), {});
  adapter.injectFault('setSecurityQuestions', 'malformed');
  await adapter.setSecurityQuestions({ answers: threeAnswers }, { signal: signal() });
  assert.deepEqual((await list(adapter)).methods, []);
  assert.equal(adapter.lastCode, undefined);
});

test('a new operation hangs until aborted', async () => {
  const adapter = createMemoryAdapter();
  adapter.injectFault('startAuthenticatorApp', 'hang');
  const controller = new AbortController();
  const pending = adapter.startAuthenticatorApp({}, { signal: controller.signal });
  controller.abort();
  await assert.rejects(pending, { name: 'AbortError' });
});
