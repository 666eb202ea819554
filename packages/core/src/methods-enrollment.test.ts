import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { enrollmentTransition as next, initialEnrollment, type EnrollmentState } from './enrollment.js';
import { enrolledMethod } from './methods-enrollment.js';
import { EnrollmentRunner } from './runner.js';
import { methodsEnrollment, readAppSetup } from './runner-methods.js';
import { followSignIn } from './runner-sign-in.js';
import { phoneEnrollment } from './runner-phone.js';
import { SecurityInfoError } from './errors.js';
import type { EnrollmentRequest } from './requests.js';
import type {
  AuthenticatorAppSetup,
  SecurityInfoAdapter,
  SecurityInfoPolicy,
  SecurityQuestionAnswer,
} from './types.js';

const everything: SecurityInfoPolicy = {
  methods: [
    { id: 'authenticator-app', purposes: ['mfa', 'password-reset'] },
    { id: 'phone', purposes: ['mfa', 'password-reset'] },
    { id: 'email', purposes: ['password-reset'] },
    { id: 'security-questions', purposes: ['password-reset'] },
  ],
};
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const setup: AuthenticatorAppSetup = {
  challengeId: 'app1',
  otpauthUri: `otpauth://totp/Contoso:ada?secret=${SECRET}&issuer=Contoso`,
  secret: SECRET,
  codeLength: 6,
  expiresInSeconds: 600,
};
const answersGiven: SecurityQuestionAnswer[] = [
  { questionId: 'first-pet', answer: 'Rex' },
  { questionId: 'birth-city', answer: 'Delft' },
  { questionId: 'first-school', answer: 'De Klimop' },
];
const id = (state: EnrollmentState) => state.request?.id ?? -1;
const chosen = (method: 'email' | 'authenticator-app' | 'security-questions') =>
  next(initialEnrollment({ policy: everything }), { type: 'method-chosen', method });

function emailAtCode(): EnrollmentState {
  const sending = next(chosen('email'), { type: 'email-submitted', email: 'ada@example.com' });
  return next(sending, { type: 'code-sent', requestId: id(sending), challenge: { challengeId: 'e1' } });
}

function appAtCode(): EnrollmentState {
  const starting = next(chosen('authenticator-app'), { type: 'app-requested' });
  const shown = next(starting, { type: 'app-started', requestId: id(starting), setup });
  return next(shown, { type: 'app-added' });
}

describe('the email steps', () => {
  it('sends one code for one submission, then shows the code step for the address', () => {
    const sending = next(chosen('email'), { type: 'email-submitted', email: 'ada@example.com' });
    assert.equal(sending.request?.operation, 'sendEmailCode');
    assert.equal(next(sending, { type: 'email-submitted', email: 'ada@example.com' }), sending);
    const code = next(sending, { type: 'code-sent', requestId: id(sending), challenge: { challengeId: 'e1' } });
    assert.equal(code.step, 'code');
    assert.equal(code.method, 'email');
    assert.equal(code.email, 'ada@example.com');
  });

  it('resends by email, once, and verifies through its own call', () => {
    const code = emailAtCode();
    const resending = next(code, { type: 'resend-requested', channel: 'sms' });
    assert.equal(resending.request?.operation, 'resendEmailCode');
    assert.equal(next(resending, { type: 'resend-requested', channel: 'sms' }), resending);
    const verifying = next(code, { type: 'code-submitted' });
    assert.equal(verifying.request?.operation, 'verifyMethodCode');
    assert.equal(next(verifying, { type: 'code-submitted' }), verifying);
    assert.equal(next(verifying, { type: 'verified', requestId: id(verifying) }).step, 'done');
  });

  it('goes back from the code to the address, keeping it, and from the address to the methods', () => {
    const back = next(emailAtCode(), { type: 'back' });
    assert.equal(back.step, 'email');
    assert.equal(back.email, 'ada@example.com');
    assert.equal(back.challenge, undefined);
    assert.equal(next(back, { type: 'back' }).step, 'methods');
  });

  it('locks the code after too many attempts until a new code comes', () => {
    const verifying = next(emailAtCode(), { type: 'code-submitted' });
    const error = new SecurityInfoError('too-many-attempts');
    const locked = next(verifying, { type: 'failed', requestId: id(verifying), error });
    assert.equal(locked.locked, true);
    assert.equal(next(locked, { type: 'code-submitted' }), locked);
    const resending = next(locked, { type: 'resend-requested', channel: 'sms' });
    const fresh = next(resending, { type: 'code-sent', requestId: id(resending), challenge: { challengeId: 'e2' } });
    assert.equal(fresh.locked, false);
  });
});

describe('the authenticator app steps', () => {
  it('asks for one key however often it is asked, and keeps it out of the code step until the person goes on', () => {
    const starting = next(chosen('authenticator-app'), { type: 'app-requested' });
    assert.equal(starting.request?.operation, 'startAuthenticatorApp');
    assert.equal(next(starting, { type: 'app-requested' }), starting);
    const shown = next(starting, { type: 'app-started', requestId: id(starting), setup });
    assert.equal(shown.step, 'authenticator-app');
    assert.deepEqual(shown.app, { otpauthUri: setup.otpauthUri, secret: SECRET });
    assert.deepEqual(shown.challenge, { challengeId: 'app1', codeLength: 6, expiresInSeconds: 600 });
    assert.equal(next(shown, { type: 'app-added' }).step, 'code');
  });

  it('forgets the key once the app is verified', () => {
    const verifying = next(appAtCode(), { type: 'code-submitted' });
    const done = next(verifying, { type: 'verified', requestId: id(verifying) });
    assert.equal(done.step, 'done');
    assert.equal(done.app, undefined);
  });

  it('forgets the key when the person leaves its steps: back to the methods, shown the methods, or cancelled', () => {
    const starting = next(chosen('authenticator-app'), { type: 'app-requested' });
    const shown = next(starting, { type: 'app-started', requestId: id(starting), setup });
    assert.equal(shown.app?.secret, setup.secret);
    for (const left of [
      next(shown, { type: 'back' }),
      next(appAtCode(), { type: 'show-methods' }),
      next(shown, { type: 'cancel' }),
      next(appAtCode(), { type: 'cancel' }),
    ]) {
      assert.ok(['methods', 'cancelled'].includes(left.step), left.step);
      assert.equal(left.app, undefined, `the key stayed at ${left.step}`);
    }
  });

  it('needs a new key after the methods were shown again: the old one is no challenge any more', () => {
    const methods = next(appAtCode(), { type: 'show-methods' });
    const again = next(methods, { type: 'method-chosen', method: 'authenticator-app' });
    assert.equal(again.challenge, undefined);
    assert.equal(next(again, { type: 'app-added' }), again);
    assert.equal(next(again, { type: 'app-requested' }).request?.operation, 'startAuthenticatorApp');
  });

  it('does not go on to the code without a key', () => {
    const state = chosen('authenticator-app');
    assert.equal(next(state, { type: 'app-added' }), state);
  });

  it('verifies a code of the app, has no resend, and goes back to the same key', () => {
    const code = appAtCode();
    assert.equal(next(code, { type: 'resend-requested', channel: 'sms' }), code);
    const verifying = next(code, { type: 'code-submitted' });
    assert.equal(verifying.request?.operation, 'verifyMethodCode');
    const back = next(verifying, { type: 'back' });
    assert.equal(back.step, 'authenticator-app');
    assert.equal(back.request, null);
    assert.equal(back.app?.secret, SECRET);
    assert.equal(next(back, { type: 'verified', requestId: id(verifying) }), back);
  });

  it('goes back to a new key when the old one expired or locked, as nothing can be sent again for an app', () => {
    for (const code of ['code-expired', 'too-many-attempts'] as const) {
      const verifying = next(appAtCode(), { type: 'code-submitted' });
      const over = next(verifying, { type: 'failed', requestId: id(verifying), error: new SecurityInfoError(code) });
      const back = next(over, { type: 'back' });
      assert.equal(back.step, 'authenticator-app', code);
      assert.equal(back.challenge, undefined, `the ${code} key is kept`);
      assert.equal(back.app, undefined, `the ${code} key is kept`);
      assert.equal(back.locked, false, code);
      assert.equal(back.error, undefined, code);
      assert.equal(next(back, { type: 'app-requested' }).request?.operation, 'startAuthenticatorApp', code);
    }
  });
});

describe('the security questions step', () => {
  it('registers the answers once and finishes with the question ids', () => {
    const saving = next(chosen('security-questions'), {
      type: 'questions-submitted',
      questionIds: ['first-pet', 'birth-city', 'first-school'],
    });
    assert.equal(saving.request?.operation, 'setSecurityQuestions');
    assert.equal(next(saving, { type: 'questions-submitted', questionIds: [] }), saving);
    const done = next(saving, { type: 'questions-set', requestId: id(saving) });
    assert.equal(done.step, 'done');
    assert.deepEqual(enrolledMethod(done), {
      method: 'security-questions',
      questionIds: ['first-pet', 'birth-city', 'first-school'],
    });
  });

  it('keeps the step with the error when registering fails', () => {
    const saving = next(chosen('security-questions'), { type: 'questions-submitted', questionIds: ['a'] });
    const failed = next(saving, { type: 'failed', requestId: id(saving), error: new SecurityInfoError('network') });
    assert.equal(failed.step, 'security-questions');
    assert.equal(failed.error?.code, 'network');
    assert.equal(
      next(failed, { type: 'questions-submitted', questionIds: ['a'] }).request?.operation,
      'setSecurityQuestions',
    );
  });
});

describe('starting at a method, and the way back to the methods', () => {
  it('starts at the first step of the method start names, when the policy offers it', () => {
    for (const method of ['authenticator-app', 'email', 'security-questions', 'phone'] as const) {
      const state = initialEnrollment({ policy: everything, start: method });
      assert.equal(state.step, method);
      assert.equal(state.showsMethods, false);
    }
    assert.equal(initialEnrollment({ policy: everything, start: 'email', purpose: 'mfa' }).step, 'methods');
  });

  it('shows the methods from any step, dropping the call in flight', () => {
    const verifying = next(appAtCode(), { type: 'code-submitted' });
    const methods = next(verifying, { type: 'show-methods' });
    assert.equal(methods.step, 'methods');
    assert.equal(methods.request, null);
    assert.equal(methods.challenge, undefined);
    assert.equal(methods.showsMethods, true);
    assert.equal(next(methods, { type: 'show-methods' }), methods);
    const direct = initialEnrollment({ policy: everything, start: 'email' });
    assert.equal(next(direct, { type: 'back' }), direct, 'no methods to go back to');
    assert.equal(next(direct, { type: 'show-methods' }).step, 'methods');
  });

  it('leaves the phone steps to the phone part and the other methods to theirs', () => {
    const email = emailAtCode();
    // The phone's resend would send a text message: never for an email's code.
    assert.equal(next(email, { type: 'resend-requested', channel: 'voice' }).request?.operation, 'resendEmailCode');
  });
});

describe('enrolledMethod', () => {
  it('says what each method registered', () => {
    const done = (state: EnrollmentState) => {
      const verifying = next(state, { type: 'code-submitted' });
      return next(verifying, { type: 'verified', requestId: id(verifying) });
    };
    assert.deepEqual(enrolledMethod(done(emailAtCode())), { method: 'email', email: 'ada@example.com' });
    assert.deepEqual(enrolledMethod(done(appAtCode())), { method: 'authenticator-app' });
  });
});

describe('readAppSetup', () => {
  it('keeps the documented fields', () => {
    assert.deepEqual(readAppSetup({ ...setup, extra: 1 }), setup);
  });

  it('turns a malformed answer into an unknown error', () => {
    const broken = [
      undefined,
      {},
      { ...setup, challengeId: '' },
      { ...setup, otpauthUri: 'https://example.com' },
      { ...setup, otpauthUri: 'otpauth://hotp/x?secret=A' },
      { ...setup, secret: 'not base32!' },
      { ...setup, secret: 'ABC' },
      { ...setup, codeLength: 4 },
      { ...setup, expiresInSeconds: -1 },
      { ...setup, expiresInSeconds: 10 ** 9 },
    ];
    for (const answer of broken) {
      assert.throws(
        () => readAppSetup(answer),
        (error: unknown) => error instanceof SecurityInfoError && error.code === 'unknown',
        JSON.stringify(answer),
      );
    }
  });
});

// --- The calls, through the runner --------------------------------------------------------------------------

interface Recorded {
  calls: [string, unknown][];
}

/** An adapter with the new methods that records each call; `overrides` replace its answers. */
function adapterWith(overrides: Partial<SecurityInfoAdapter> = {}): SecurityInfoAdapter & Recorded {
  const calls: [string, unknown][] = [];
  return {
    calls,
    async sendCode() {
      throw new Error('not a phone');
    },
    async sendEmailCode(request) {
      calls.push(['sendEmailCode', request]);
      return { challengeId: `e${calls.length}`, codeLength: 6, resendInSeconds: 30 };
    },
    async resendCode(request) {
      calls.push(['resendCode', request]);
      return { challengeId: 'e-again', resendInSeconds: 60 };
    },
    async verifyCode(request) {
      calls.push(['verifyCode', request]);
      if (request.code !== '123456') throw new SecurityInfoError('invalid-code', undefined, { attemptsRemaining: 2 });
    },
    async startAuthenticatorApp(request) {
      calls.push(['startAuthenticatorApp', request]);
      return setup;
    },
    async setSecurityQuestions(request) {
      calls.push(['setSecurityQuestions', request]);
    },
    ...overrides,
  };
}

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

function runnerFor(adapter: SecurityInfoAdapter, options: { timeout?: number; replaces?: string } = {}) {
  const refused: EnrollmentRequest[] = [];
  let code: string | undefined;
  let answers: SecurityQuestionAnswer[] | undefined;
  const runner = new EnrollmentRunner({
    adapter: () => adapter,
    timeout: () => options.timeout ?? 30_000,
    signInRequired: (request) => refused.push(request),
  });
  runner.use(
    methodsEnrollment({
      code: () => code,
      answers: () => answers,
      locale: () => 'nl',
      replaces: () => options.replaces,
    }),
  );
  return {
    runner,
    refused,
    submitCode(submitted: string) {
      code = submitted;
      return runner.dispatch({ type: 'code-submitted' });
    },
    submitAnswers(given: SecurityQuestionAnswer[]) {
      answers = given;
      return runner.dispatch({ type: 'questions-submitted', questionIds: given.map((a) => a.questionId) });
    },
  };
}

const settledAt = (step: EnrollmentState['step']) => (state: EnrollmentState) => state.step === step && !state.request;

describe('the calls of the methods beyond phone', () => {
  it('enrolls an email address: the code sent in the person’s language, resent by email, verified as email’s', async () => {
    const adapter = adapterWith();
    const { runner, submitCode } = runnerFor(adapter, { replaces: 'm7' });
    runner.start({ policy: everything, start: 'email' });
    runner.dispatch({ type: 'email-submitted', email: 'ada@example.com' });
    runner.dispatch({ type: 'email-submitted', email: 'ada@example.com' });
    await until(runner, settledAt('code'));
    runner.dispatch({ type: 'resend-requested', channel: 'sms' });
    await until(runner, (s) => s.challenge?.challengeId === 'e-again' && !s.request);
    assert.equal(submitCode('123456'), true);
    assert.equal(submitCode('123456'), false, 'one intent, one call');
    await until(runner, (s) => s.step === 'done');
    assert.deepEqual(adapter.calls, [
      ['sendEmailCode', { email: 'ada@example.com', channel: 'email', locale: 'nl', replaces: 'm7' }],
      ['resendCode', { challengeId: 'e1', channel: 'email', locale: 'nl' }],
      ['verifyCode', { challengeId: 'e-again', code: '123456', method: 'email' }],
    ]);
  });

  it('sends the address again when the adapter has no resendCode', async () => {
    const adapter = adapterWith({ resendCode: undefined });
    const { runner } = runnerFor(adapter);
    runner.start({ policy: everything, start: 'email' });
    runner.dispatch({ type: 'email-submitted', email: 'ada@example.com' });
    await until(runner, settledAt('code'));
    runner.dispatch({ type: 'resend-requested', channel: 'sms' });
    await until(runner, (s) => s.challenge?.challengeId === 'e2');
    assert.deepEqual(
      adapter.calls.map(([name]) => name),
      ['sendEmailCode', 'sendEmailCode'],
    );
  });

  it('enrolls an authenticator app: one key, a wrong code with the attempts left, then the right one', async () => {
    const adapter = adapterWith();
    const { runner, submitCode } = runnerFor(adapter, { replaces: 'a1' });
    runner.start({ policy: everything, start: 'authenticator-app' });
    runner.dispatch({ type: 'app-requested' });
    runner.dispatch({ type: 'app-requested' });
    await until(runner, (s) => s.app !== undefined);
    runner.dispatch({ type: 'app-added' });
    submitCode('000000');
    const wrong = await until(runner, (s) => s.error !== undefined);
    assert.equal(wrong.error?.attemptsRemaining, 2);
    submitCode('123456');
    await until(runner, (s) => s.step === 'done');
    assert.deepEqual(adapter.calls, [
      ['startAuthenticatorApp', { replaces: 'a1' }],
      ['verifyCode', { challengeId: 'app1', code: '000000', method: 'authenticator-app' }],
      ['verifyCode', { challengeId: 'app1', code: '123456', method: 'authenticator-app' }],
    ]);
  });

  it('registers security questions with the answers, which never enter the state', async () => {
    const adapter = adapterWith();
    const { runner, submitAnswers } = runnerFor(adapter);
    runner.start({ policy: everything, start: 'security-questions' });
    assert.equal(submitAnswers(answersGiven), true);
    assert.equal(submitAnswers(answersGiven), false);
    const done = await until(runner, (s) => s.step === 'done');
    assert.deepEqual(adapter.calls, [['setSecurityQuestions', { answers: answersGiven }]]);
    assert.doesNotMatch(JSON.stringify(done), /Rex|Delft|Klimop/);
  });

  it('fails as unknown when the adapter lacks the method, a malformed answer, or nothing to send', async () => {
    for (const [start, act, adapter] of [
      ['email', { type: 'email-submitted', email: 'ada@example.com' }, adapterWith({ sendEmailCode: undefined })],
      ['authenticator-app', { type: 'app-requested' }, adapterWith({ startAuthenticatorApp: undefined })],
      [
        'authenticator-app',
        { type: 'app-requested' },
        adapterWith({ startAuthenticatorApp: async () => ({ ...setup, secret: '' }) }),
      ],
      [
        'email',
        { type: 'email-submitted', email: 'ada@example.com' },
        adapterWith({ sendEmailCode: async () => ({}) as never }),
      ],
      ['security-questions', { type: 'questions-submitted', questionIds: [] as string[] }, adapterWith()],
    ] as const) {
      const { runner } = runnerFor(adapter);
      runner.start({ policy: everything, start });
      runner.dispatch(act);
      const state = await until(runner, (s) => s.error !== undefined);
      assert.equal(state.error?.code, 'unknown', start);
      assert.equal(state.step, start);
    }
  });

  it('aborts a hung call at the time-out, keeping the step and what was entered', async () => {
    let signal: AbortSignal | undefined;
    const adapter = adapterWith({
      sendEmailCode: (_request, options) => {
        signal = options.signal;
        return new Promise(() => undefined);
      },
    });
    const { runner } = runnerFor(adapter, { timeout: 20 });
    runner.start({ policy: everything, start: 'email' });
    runner.dispatch({ type: 'email-submitted', email: 'ada@example.com' });
    const state = await until(runner, (s) => s.error !== undefined);
    assert.equal(state.error?.code, 'timeout');
    assert.equal(state.step, 'email');
    assert.equal(state.email, 'ada@example.com');
    assert.equal(signal?.aborted, true);
  });

  it('makes a call refused for a sign-in again after it, with the same answers', async () => {
    let refusals = 1;
    const adapter = adapterWith({
      async setSecurityQuestions(request) {
        adapter.calls.push(['setSecurityQuestions', request]);
        if (refusals-- > 0) throw new SecurityInfoError('reauthentication-required');
      },
    });
    const { runner, refused, submitAnswers } = runnerFor(adapter);
    runner.start({ policy: everything, start: 'security-questions' });
    submitAnswers(answersGiven);
    await until(runner, (s) => s.error?.code === 'reauthentication-required');
    assert.equal(refused[0]?.operation, 'setSecurityQuestions');
    followSignIn(runner, refused[0]!, { signedIn: Promise.resolve() });
    await until(runner, (s) => s.step === 'done');
    assert.equal(adapter.calls.length, 2);
    assert.deepEqual(adapter.calls[1], ['setSecurityQuestions', { answers: answersGiven }]);
  });

  it('verifies an email code again after a sign-in, with the same code', async () => {
    let refusals = 1;
    const base = adapterWith();
    const adapter = adapterWith({
      async verifyCode(request, options) {
        if (refusals-- > 0) throw new SecurityInfoError('unauthenticated');
        return base.verifyCode(request, options);
      },
    });
    const { runner, refused, submitCode } = runnerFor(adapter);
    runner.start({ policy: everything, start: 'email' });
    runner.dispatch({ type: 'email-submitted', email: 'ada@example.com' });
    await until(runner, settledAt('code'));
    submitCode('123456');
    await until(runner, (s) => s.error?.code === 'unauthenticated');
    followSignIn(runner, refused[0]!, { signedIn: Promise.resolve() });
    await until(runner, (s) => s.step === 'done');
    assert.deepEqual(base.calls, [['verifyCode', { challengeId: 'e1', code: '123456', method: 'email' }]]);
  });
});

describe('the phone part and the other methods part together', () => {
  it('keeps each method’s code step to its own part, whichever part the runner got first', async () => {
    for (const phoneFirst of [true, false]) {
      const adapter = adapterWith();
      const runner = new EnrollmentRunner({ adapter: () => adapter });
      const parts = [
        () => runner.use(phoneEnrollment({ code: () => '123456' })),
        () => runner.use(methodsEnrollment({ code: () => '123456', answers: () => undefined })),
      ];
      for (const use of phoneFirst ? parts : parts.reverse()) use();
      runner.start({ policy: everything, start: 'email' });
      runner.dispatch({ type: 'email-submitted', email: 'ada@example.com' });
      await until(runner, settledAt('code'));
      runner.dispatch({ type: 'resend-requested', channel: 'voice' });
      assert.equal(runner.state?.request?.operation, 'resendEmailCode', `phone first: ${phoneFirst}`);
      await until(runner, (s) => !s.request);
      runner.dispatch({ type: 'back' });
      assert.equal(runner.state?.step, 'email', `phone first: ${phoneFirst}`);
    }
  });
});
