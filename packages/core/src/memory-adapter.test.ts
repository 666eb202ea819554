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
