import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryAdapter, type MemoryAdapter } from './memory-adapter.js';
import { EnrollmentRunner, PHONE_ONLY_POLICY, type EnrollmentRunnerOptions } from './runner.js';
import { callWaitLimit, phoneEnrollment } from './runner-phone.js';
import { followSignIn, signInReason } from './runner-sign-in.js';
import { SecurityInfoError } from './errors.js';
import type { EnrollmentState } from './enrollment-state.js';
import type { EnrollmentRequest } from './requests.js';
import type { SecurityInfoAdapter, SecurityInfoPolicy, SendCodeRequest } from './types.js';

const phoneOnly: SecurityInfoPolicy = { methods: [{ id: 'phone', purposes: ['mfa'] }] };
const twoMethods: SecurityInfoPolicy = {
  methods: [
    { id: 'authenticator-app', purposes: ['mfa'] },
    { id: 'phone', purposes: ['mfa'] },
  ],
};
const phone = { phoneNumber: '+31612345678', country: 'NL', channel: 'sms' as const };

/** A runner on `adapter`, with the options given; `refused` records the requests it asked to sign in for. */
function runnerFor(adapter: SecurityInfoAdapter | undefined, options: Partial<EnrollmentRunnerOptions> = {}) {
  const refused: EnrollmentRequest[] = [];
  const runner = new EnrollmentRunner({
    adapter: () => adapter,
    signInRequired: (request) => refused.push(request),
    ...options,
  });
  return { runner, refused };
}

/** Resolves with the state once `reached` holds for it: now, or after a later change. */
function until(runner: EnrollmentRunner, reached: (state: EnrollmentState) => boolean): Promise<EnrollmentState> {
  return new Promise((resolve) => {
    if (runner.state && reached(runner.state)) return resolve(runner.state);
    const stop = runner.subscribe((_before, after) => {
      if (!reached(after)) return;
      stop();
      resolve(after);
    });
  });
}

const at = (step: EnrollmentState['step']) => (state: EnrollmentState) => state.step === step;
const failed = (state: EnrollmentState) => state.error !== undefined;

/** The phone's part with a code the test submits (`submit`), as the code step does. */
function withPhone(runner: EnrollmentRunner, locale?: string) {
  let code: string | undefined;
  runner.use(phoneEnrollment({ code: () => code, locale: () => locale }));
  return (submitted: string) => {
    code = submitted;
    return runner.dispatch({ type: 'code-submitted' });
  };
}

/** A runner at the code step of a memory adapter, with the phone's part. */
async function atCode(adapter: MemoryAdapter, options: Partial<EnrollmentRunnerOptions> = {}) {
  const { runner, refused } = runnerFor(adapter, options);
  const submit = withPhone(runner);
  runner.start({ policy: phoneOnly });
  runner.dispatch({ type: 'phone-submitted', phone });
  await until(runner, at('code'));
  return { runner, refused, submit };
}

describe('EnrollmentRunner: the start of a flow', () => {
  it('asks for the policy, and shows the methods it offers', async () => {
    const adapter = createMemoryAdapter({ policy: twoMethods });
    const { runner } = runnerFor(adapter);
    runner.start({});
    assert.equal(runner.state?.step, 'loading');
    const state = await until(runner, at('methods'));
    assert.deepEqual(state.policy, twoMethods);
    assert.equal(adapter.calls.getPolicy, 1);
  });

  it('calls nothing when the host gives the policy', () => {
    const adapter = createMemoryAdapter({ policy: twoMethods });
    const { runner } = runnerFor(adapter);
    runner.start({ policy: phoneOnly });
    assert.equal(runner.state?.step, 'phone');
    assert.equal(runner.state?.request, null);
    assert.equal(adapter.calls.getPolicy, 0);
  });

  it('enrolls phones, with no call, when the adapter has no getPolicy', () => {
    const { getPolicy: _none, ...adapter } = createMemoryAdapter();
    const { runner } = runnerFor(adapter);
    runner.start({ start: 'methods' });
    assert.equal(runner.state?.step, 'phone');
    assert.deepEqual(runner.state?.policy, PHONE_ONLY_POLICY);
  });

  it('starts once', async () => {
    const adapter = createMemoryAdapter({ policy: phoneOnly });
    const { runner } = runnerFor(adapter);
    runner.start({});
    runner.start({});
    await until(runner, at('phone'));
    assert.equal(adapter.calls.getPolicy, 1);
  });

  it('fails as unknown for a policy of the wrong shape, and asks again on retry', async () => {
    let answers = 0;
    const adapter: SecurityInfoAdapter = {
      ...createMemoryAdapter(),
      getPolicy: async () => (answers++ === 0 ? ({ nonsense: true } as unknown as SecurityInfoPolicy) : phoneOnly),
    };
    const { runner } = runnerFor(adapter);
    runner.start({});
    const state = await until(runner, failed);
    assert.deepEqual(state.error, { code: 'unknown', operation: 'getPolicy' });
    assert.equal(runner.dispatch({ type: 'retry' }), true);
    await until(runner, at('phone'));
  });

  it("reads the other methods' sections of a policy that has them, and refuses them malformed", async () => {
    const sections = {
      methods: [{ id: 'security-questions', purposes: ['password-reset'] }],
      securityQuestions: { questions: [{ id: 'a' }, { id: 'b', text: 'Custom?' }, { id: 'c' }], required: 2, extra: 1 },
      enrollment: { skip: { allowed: true, daysLeft: 3 } },
    };
    const answer = (policy: unknown): SecurityInfoAdapter => ({
      ...createMemoryAdapter(),
      getPolicy: async () => policy as SecurityInfoPolicy,
    });
    const { runner } = runnerFor(answer(sections));
    runner.start({});
    const state = await until(runner, at('methods'));
    assert.deepEqual(state.policy?.securityQuestions, {
      questions: [{ id: 'a' }, { id: 'b', text: 'Custom?' }, { id: 'c' }],
      required: 2,
    });
    assert.deepEqual(state.policy?.enrollment, { skip: { allowed: true, daysLeft: 3 } });

    const malformed = runnerFor(answer({ ...sections, enrollment: { skip: { allowed: 'yes' } } })).runner;
    malformed.start({});
    assert.deepEqual((await until(malformed, failed)).error, { code: 'unknown', operation: 'getPolicy' });
  });

  it('fails a call as unknown when there is no adapter to make it', async () => {
    const { runner } = runnerFor(undefined);
    withPhone(runner);
    runner.start({ policy: phoneOnly });
    runner.dispatch({ type: 'phone-submitted', phone });
    assert.equal((await until(runner, failed)).error?.code, 'unknown');
  });
});

describe('EnrollmentRunner: time-outs and aborts', () => {
  it('aborts a hung call at the time-out and fails as timeout', async () => {
    const adapter = createMemoryAdapter({ policy: phoneOnly });
    adapter.injectFault('getPolicy', 'hang');
    const { runner } = runnerFor(adapter, { timeout: () => 10 });
    runner.start({});
    assert.equal((await until(runner, failed)).error?.code, 'timeout');
  });

  it('aborts the call in flight when the state moves on, and ignores its late answer', async () => {
    const signals: AbortSignal[] = [];
    let answer: (policy: SecurityInfoPolicy) => void = () => undefined;
    const adapter: SecurityInfoAdapter = {
      ...createMemoryAdapter(),
      getPolicy: ({ signal }) => {
        signals.push(signal);
        return new Promise((resolve) => (answer = resolve)); // never rejects, whatever the signal says
      },
    };
    const { runner } = runnerFor(adapter);
    runner.start({});
    runner.dispatch({ type: 'cancel' });
    assert.equal(signals[0]?.aborted, true);
    answer(phoneOnly);
    await Promise.resolve();
    assert.equal(runner.state?.step, 'cancelled');
    assert.equal(runner.state?.policy, undefined);
  });

  it('abandons the call in flight on pause, keeping the step, and asks for the policy again on resume', async () => {
    const signals: AbortSignal[] = [];
    const adapter: SecurityInfoAdapter = {
      ...createMemoryAdapter(),
      // The first request never answers; the next one does.
      getPolicy: ({ signal }) =>
        signals.push(signal) === 1 ? new Promise(() => undefined) : Promise.resolve(phoneOnly),
    };
    const { runner } = runnerFor(adapter);
    runner.start({});
    runner.pause();
    assert.equal(signals[0]?.aborted, true);
    assert.equal(runner.state?.step, 'loading');
    assert.equal(runner.state?.request, null);
    assert.equal(runner.state?.error, undefined);
    runner.resume();
    await until(runner, at('phone'));
    assert.equal(signals.length, 2);
  });

  it('says network for any failure while the device is offline', async (t) => {
    const own = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', { value: { onLine: false }, configurable: true });
    t.after(() => {
      if (own) Object.defineProperty(globalThis, 'navigator', own);
      else delete (globalThis as { navigator?: unknown }).navigator;
    });
    const adapter = createMemoryAdapter({ policy: phoneOnly });
    adapter.injectFault('getPolicy', 'error');
    const { runner } = runnerFor(adapter);
    runner.start({});
    assert.equal((await until(runner, failed)).error?.code, 'network');
  });
});

describe('EnrollmentRunner: a method part brought by its steps', () => {
  it('waits with a call no steps have brought, and makes it once they do', async () => {
    const adapter = createMemoryAdapter({ policy: phoneOnly });
    const { runner } = runnerFor(adapter);
    runner.start({ policy: phoneOnly });
    // Without the phone's part the phone's events change nothing.
    assert.equal(runner.dispatch({ type: 'phone-submitted', phone }), false);
    withPhone(runner);
    runner.dispatch({ type: 'phone-submitted', phone });
    await until(runner, at('code'));
    assert.equal(adapter.calls.sendCode, 1);
  });

  it('enrolls a phone by text message: send, verify, done', async () => {
    const issued: { locale?: string }[] = [];
    const adapter = createMemoryAdapter({ policy: phoneOnly, onCode: (code) => issued.push(code) });
    const { runner } = runnerFor(adapter);
    const submit = withPhone(runner, 'nl');
    runner.start({});
    await until(runner, at('phone'));
    runner.dispatch({ type: 'phone-submitted', phone });
    await until(runner, at('code'));
    assert.equal(issued[0]?.locale, 'nl');
    assert.equal(submit(adapter.lastCode!.code), true);
    await until(runner, at('done'));
    assert.equal(adapter.calls.verifyCode, 1);
  });

  it('sends a code for the phone it replaces, again on a resend by sendCode, and for no phone when adding', async () => {
    const sent: SendCodeRequest[] = [];
    const adapter: SecurityInfoAdapter = {
      async sendCode(request) {
        sent.push(request);
        return { challengeId: `challenge-${sent.length}` };
      },
      async verifyCode() {},
    };
    for (const replaces of ['home-phone', undefined]) {
      const { runner } = runnerFor(adapter);
      runner.use(phoneEnrollment({ code: () => undefined, replaces: () => replaces }));
      runner.start({ policy: phoneOnly, start: 'phone' });
      runner.dispatch({ type: 'phone-submitted', phone });
      await until(runner, (state) => state.step === 'code' && !state.request);
      runner.dispatch({ type: 'resend-requested', channel: 'voice' });
      await until(runner, (state) => state.challenge?.challengeId === `challenge-${sent.length}` && !state.request);
    }
    assert.deepEqual(
      sent.map((request) => [request.replaces, request.channel]),
      [
        ['home-phone', 'sms'],
        ['home-phone', 'voice'],
        [undefined, 'sms'],
        [undefined, 'voice'],
      ],
    );
    assert.equal('replaces' in sent[2]!, false);
  });

  it('makes one call for one intent', async () => {
    const adapter = createMemoryAdapter({ policy: phoneOnly, latency: 5 });
    const { runner } = runnerFor(adapter);
    withPhone(runner);
    runner.start({ policy: phoneOnly });
    assert.equal(runner.dispatch({ type: 'phone-submitted', phone }), true);
    assert.equal(runner.dispatch({ type: 'phone-submitted', phone }), false);
    await until(runner, at('code'));
    assert.equal(adapter.calls.sendCode, 1);
  });

  it('waits for a voice call to be answered', async () => {
    const adapter = createMemoryAdapter({ policy: phoneOnly, voiceConfirmation: 'keypress' });
    const { runner } = runnerFor(adapter);
    withPhone(runner);
    runner.start({ policy: phoneOnly });
    runner.dispatch({ type: 'phone-submitted', phone: { ...phone, channel: 'voice' } });
    const calling = await until(runner, at('call'));
    assert.equal(calling.request?.operation, 'awaitCallConfirmation');
    adapter.confirmCall(adapter.lastCode!.challengeId);
    await until(runner, at('done'));
  });

  it('gives the wait for a key press as long as the challenge lasts, and every other call the time-out', () => {
    const challenge = { challengeId: 'c', expiresInSeconds: 300 };
    assert.equal(callWaitLimit({ challenge }, 30_000), 300_000);
    assert.equal(callWaitLimit({}, 30_000), 120_000, 'two minutes when the backend did not say');
    assert.equal(callWaitLimit({ challenge: { challengeId: 'c', expiresInSeconds: 5 } }, 30_000), 30_000, 'never less');
    const calls = phoneEnrollment({ code: () => undefined }).calls!;
    assert.equal(calls.sendCode!.limit, undefined, 'other calls get the time-out');
  });

  it('does not cut off a person answering the call after the time-out of other calls', async () => {
    const adapter = createMemoryAdapter({ policy: phoneOnly, voiceConfirmation: 'keypress' });
    const { runner } = runnerFor(adapter, { timeout: () => 20 });
    withPhone(runner);
    runner.start({ policy: phoneOnly });
    runner.dispatch({ type: 'phone-submitted', phone: { ...phone, channel: 'voice' } });
    await until(runner, at('call'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal(runner.state?.error, undefined, 'the wait timed out like a slow backend');
    adapter.confirmCall(adapter.lastCode!.challengeId);
    await until(runner, at('done'));
  });

  it('fails as unknown when a voice call waits on an adapter that cannot wait', async () => {
    const { awaitCallConfirmation: _none, ...adapter } = createMemoryAdapter({
      policy: phoneOnly,
      voiceConfirmation: 'keypress',
    });
    const { runner } = runnerFor(adapter);
    withPhone(runner);
    runner.start({ policy: phoneOnly });
    runner.dispatch({ type: 'phone-submitted', phone: { ...phone, channel: 'voice' } });
    assert.equal((await until(runner, failed)).error?.code, 'unknown');
  });

  it('fails as unknown for a challenge that breaks the contract', async () => {
    const adapter = createMemoryAdapter({ policy: phoneOnly });
    adapter.injectFault('sendCode', 'malformed');
    const { runner } = runnerFor(adapter);
    withPhone(runner);
    runner.start({ policy: phoneOnly });
    runner.dispatch({ type: 'phone-submitted', phone });
    const state = await until(runner, failed);
    assert.deepEqual(state.error, { code: 'unknown', operation: 'sendCode' });
    assert.equal(state.step, 'phone');
  });

  it('keeps the details its steps show: the attempts left, and only sane ones', async () => {
    const adapter = createMemoryAdapter({ policy: phoneOnly });
    adapter.injectFault('verifyCode', { code: 'invalid-code', attemptsRemaining: 2 });
    const { runner, submit } = await atCode(adapter);
    submit('000000');
    assert.deepEqual((await until(runner, failed)).error, {
      code: 'invalid-code',
      operation: 'verifyCode',
      attemptsRemaining: 2,
    });
  });

  it('describes a failure before the steps have loaded by its code alone', async () => {
    const adapter: SecurityInfoAdapter = {
      ...createMemoryAdapter(),
      getPolicy: () => Promise.reject({ code: 'rate-limited', retryAfterSeconds: 'soon' }),
    };
    const { runner } = runnerFor(adapter);
    runner.start({});
    assert.deepEqual((await until(runner, failed)).error, { code: 'rate-limited', operation: 'getPolicy' });
  });

  it('verifies no code the person has not submitted', async () => {
    const adapter = createMemoryAdapter({ policy: phoneOnly });
    const { runner } = await atCode(adapter);
    runner.dispatch({ type: 'code-submitted' });
    assert.equal((await until(runner, failed)).error?.code, 'unknown');
    assert.equal(adapter.calls.verifyCode, 0);
  });
});

describe('EnrollmentRunner: signing in again', () => {
  it('asks the host when a call is refused for a sign-in, and not for other failures', async () => {
    const adapter = createMemoryAdapter({ policy: phoneOnly });
    adapter.injectFault('sendCode', 'rate-limited');
    const { runner, refused } = runnerFor(adapter);
    withPhone(runner);
    runner.start({ policy: phoneOnly });
    runner.dispatch({ type: 'phone-submitted', phone });
    await until(runner, failed);
    assert.equal(refused.length, 0);
    adapter.injectFault('sendCode', 'reauthentication-required');
    runner.dispatch({ type: 'phone-submitted', phone });
    await until(runner, (state) => state.error?.code === 'reauthentication-required');
    assert.deepEqual(
      refused.map((request) => request.operation),
      ['sendCode'],
    );
    assert.equal(signInReason(runner, refused[0]!), 'reauthentication-required');
  });

  it('makes the refused call once more, with the same inputs, after the host signed the person in', async () => {
    const adapter = createMemoryAdapter({ policy: phoneOnly });
    adapter.injectFault('verifyCode', 'unauthenticated');
    const { runner, refused, submit } = await atCode(adapter);
    submit(adapter.lastCode!.code);
    await until(runner, failed);
    followSignIn(runner, refused[0]!, { signedIn: Promise.resolve() });
    assert.equal(runner.state?.request?.operation, 'signIn');
    await until(runner, at('done'));
    assert.equal(adapter.calls.verifyCode, 2);
  });

  it('tells the person to sign in when the sign-in fails', async () => {
    const adapter = createMemoryAdapter({ policy: phoneOnly });
    adapter.injectFault('getPolicy', 'unauthenticated');
    const { runner, refused } = runnerFor(adapter);
    runner.start({});
    await until(runner, failed);
    followSignIn(runner, refused[0]!, { signedIn: Promise.reject(new Error('closed')) });
    const state = await until(runner, (s) => s.request === null && s.error !== undefined);
    assert.deepEqual(state.error, { code: 'unauthenticated', operation: 'getPolicy' });
    assert.equal(adapter.calls.getPolicy, 1);
  });

  it('shows no failure of its own when the host signs the person in by itself', async () => {
    const adapter = createMemoryAdapter({ policy: phoneOnly });
    adapter.injectFault('getPolicy', 'unauthenticated');
    const { runner, refused } = runnerFor(adapter);
    runner.start({});
    await until(runner, failed);
    followSignIn(runner, refused[0]!, { handled: true });
    assert.equal(runner.state?.error, undefined);
    assert.equal(runner.state?.step, 'loading');
  });

  it('asks nothing for a call that was itself the repeat after a sign-in', async () => {
    const adapter = createMemoryAdapter({ policy: phoneOnly });
    adapter.injectFault('getPolicy', 'unauthenticated', { persist: true });
    const { runner, refused } = runnerFor(adapter);
    runner.start({});
    await until(runner, failed);
    followSignIn(runner, refused[0]!, { signedIn: Promise.resolve() });
    await until(runner, (state) => state.request === null && state.error !== undefined);
    assert.equal(adapter.calls.getPolicy, 2);
    assert.equal(signInReason(runner, refused.at(-1)!), undefined);
  });
});

describe('EnrollmentRunner: listeners', () => {
  it('hear each change with the state before and after it, until they stop', () => {
    const { runner } = runnerFor(createMemoryAdapter());
    runner.start({ policy: twoMethods });
    const heard: string[] = [];
    const stop = runner.subscribe((before, after) => heard.push(`${before.step}>${after.step}`));
    runner.dispatch({ type: 'method-chosen', method: 'phone' });
    stop();
    runner.dispatch({ type: 'cancel' });
    assert.deepEqual(heard, ['methods>phone']);
  });

  it('that come later hear the change a listener made instead of the one it heard', () => {
    const { runner } = runnerFor(createMemoryAdapter());
    runner.start({ policy: twoMethods });
    runner.subscribe((_before, after) => {
      if (after.step === 'phone') runner.dispatch({ type: 'cancel' });
    });
    const heard: string[] = [];
    runner.subscribe((before, after) => heard.push(`${before.step}>${after.step}`));
    runner.dispatch({ type: 'method-chosen', method: 'phone' });
    assert.deepEqual(heard, ['phone>cancelled']);
  });

  it('hear nothing for an event that changes nothing', () => {
    const { runner } = runnerFor(createMemoryAdapter());
    runner.start({ policy: twoMethods });
    let heard = 0;
    runner.subscribe(() => heard++);
    assert.equal(runner.dispatch({ type: 'back' }), false);
    assert.equal(heard, 0);
  });
});

describe('SecurityInfoError thrown by a step that is over', () => {
  it('changes nothing', async () => {
    let reject: (error: unknown) => void = () => undefined;
    const adapter: SecurityInfoAdapter = {
      ...createMemoryAdapter(),
      getPolicy: () => new Promise((_resolve, fail) => (reject = fail)),
    };
    const { runner } = runnerFor(adapter);
    runner.start({});
    runner.dispatch({ type: 'cancel' });
    reject(new SecurityInfoError('unauthenticated'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(runner.state?.error, undefined);
  });
});
