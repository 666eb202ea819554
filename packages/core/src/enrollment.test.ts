import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  enrollmentTransition as next,
  initialEnrollment,
  type EnrollmentEvent,
  type EnrollmentState,
} from './enrollment.js';
import { signInTransition, type SignInEvent } from './sign-in.js';
import { readChallenge } from './challenge.js';
import { SecurityInfoError } from './errors.js';
import type { SecurityInfoPolicy } from './types.js';

const everything: SecurityInfoPolicy = {
  methods: [
    { id: 'authenticator-app', purposes: ['mfa', 'password-reset'] },
    { id: 'phone', purposes: ['mfa', 'password-reset'] },
    { id: 'email', purposes: ['password-reset'] },
  ],
};
const phoneOnly: SecurityInfoPolicy = { methods: [{ id: 'phone', purposes: ['mfa'] }] };
const phone = { phoneNumber: '+31612345678', country: 'NL', channel: 'sms' as const };
const voice = { ...phone, channel: 'voice' as const };

function run(state: EnrollmentState, ...events: EnrollmentEvent[]): EnrollmentState {
  return events.reduce(next, state);
}
const requestId = (state: EnrollmentState) => state.request?.id ?? -1;

function atCode(policy = everything, channel = phone): EnrollmentState {
  const sending = run(initialEnrollment({ policy, start: 'phone' }), { type: 'phone-submitted', phone: channel });
  return next(sending, { type: 'code-sent', requestId: requestId(sending), challenge: { challengeId: 'c1' } });
}

describe('initialEnrollment', () => {
  it('asks for the policy when the host gives none', () => {
    const state = initialEnrollment();
    assert.equal(state.step, 'loading');
    assert.equal(state.request?.operation, 'getPolicy');
  });

  it('starts at the methods when several are offered', () => {
    assert.equal(initialEnrollment({ policy: everything }).step, 'methods');
  });

  it('skips the methods when phone is the only one, or start is phone', () => {
    assert.equal(initialEnrollment({ policy: phoneOnly }).step, 'phone');
    assert.equal(initialEnrollment({ policy: everything, start: 'phone' }).step, 'phone');
  });

  it('stays at the methods with start=phone when phone is not allowed, so the person is told why', () => {
    const state = initialEnrollment({
      policy: { methods: [{ id: 'authenticator-app', purposes: ['mfa'] }] },
      start: 'phone',
    });
    assert.equal(state.step, 'methods');
  });

  it('judges the purpose: email alone does not make a two-step flow', () => {
    const policy: SecurityInfoPolicy = {
      methods: [{ id: 'email', purposes: ['mfa', 'password-reset'] }, ...phoneOnly.methods],
    };
    assert.equal(initialEnrollment({ policy, purpose: 'mfa' }).step, 'phone');
  });
});

describe('policy loading', () => {
  it('moves on when the policy arrives', () => {
    const loading = initialEnrollment({ start: 'phone' });
    const state = next(loading, { type: 'policy-loaded', requestId: requestId(loading), policy: everything });
    assert.equal(state.step, 'phone');
    assert.equal(state.request, null);
  });

  it('keeps the failure and retries on request', () => {
    const loading = initialEnrollment();
    const failed = next(loading, {
      type: 'failed',
      requestId: requestId(loading),
      error: new SecurityInfoError('network'),
    });
    assert.equal(failed.error?.code, 'network');
    assert.equal(failed.request, null);
    const retrying = next(failed, { type: 'retry' });
    assert.equal(retrying.request?.operation, 'getPolicy');
    assert.equal(retrying.error, undefined);
    assert.notEqual(requestId(retrying), requestId(loading));
  });

  it('ignores a policy answering an older request', () => {
    const loading = initialEnrollment();
    const failed = next(loading, {
      type: 'failed',
      requestId: requestId(loading),
      error: new SecurityInfoError('timeout'),
    });
    const retrying = next(failed, { type: 'retry' });
    const late = next(retrying, { type: 'policy-loaded', requestId: requestId(loading), policy: everything });
    assert.equal(late, retrying);
  });
});

describe('interruption', () => {
  it('drops the call in flight without an error, and a policy load can be retried', () => {
    const interrupted = next(initialEnrollment(), { type: 'interrupted' });
    assert.equal(interrupted.request, null);
    assert.equal(interrupted.error, undefined);
    assert.equal(next(interrupted, { type: 'retry' }).request?.operation, 'getPolicy');
  });
});

describe('methods', () => {
  it('goes to the phone step when phone is chosen', () => {
    assert.equal(
      next(initialEnrollment({ policy: everything }), { type: 'method-chosen', method: 'phone' }).step,
      'phone',
    );
  });

  it('goes to the first step of every other method, named after it', () => {
    for (const method of ['authenticator-app', 'email', 'security-questions'] as const) {
      const state = next(initialEnrollment({ policy: everything }), { type: 'method-chosen', method });
      assert.equal(state.step, method);
      assert.equal(state.method, method);
    }
  });
});

describe('sending a code', () => {
  it('sends once however often the person submits', () => {
    const phoneStep = initialEnrollment({ policy: phoneOnly });
    const once = next(phoneStep, { type: 'phone-submitted', phone });
    const twice = next(once, { type: 'phone-submitted', phone });
    assert.equal(once.request?.operation, 'sendCode');
    assert.equal(twice, once);
  });

  it('shows the code step with the challenge', () => {
    const state = atCode();
    assert.equal(state.step, 'code');
    assert.equal(state.challenge?.challengeId, 'c1');
    assert.deepEqual(state.phone, phone);
  });

  it('waits for the call when a voice challenge asks for a key press', () => {
    const sending = run(initialEnrollment({ policy: phoneOnly }), { type: 'phone-submitted', phone: voice });
    const state = next(sending, {
      type: 'code-sent',
      requestId: requestId(sending),
      challenge: { challengeId: 'c2', confirmation: 'keypress' },
    });
    assert.equal(state.step, 'call');
    assert.equal(state.request?.operation, 'awaitCallConfirmation');
    const done = next(state, { type: 'call-confirmed', requestId: requestId(state) });
    assert.equal(done.step, 'done');
  });

  it('stays on the phone step with the error and the number when sending fails', () => {
    const sending = run(initialEnrollment({ policy: phoneOnly }), { type: 'phone-submitted', phone });
    const error = new SecurityInfoError('rate-limited', undefined, { retryAfterSeconds: 60 });
    const state = next(sending, { type: 'failed', requestId: requestId(sending), error });
    assert.equal(state.step, 'phone');
    assert.deepEqual(state.error, { code: 'rate-limited', operation: 'sendCode', retryAfterSeconds: 60 });
    assert.deepEqual(state.phone, phone);
    assert.equal(next(state, { type: 'phone-submitted', phone }).request?.operation, 'sendCode');
  });
});

describe('verifying', () => {
  it('verifies once and finishes', () => {
    const verifying = next(atCode(), { type: 'code-submitted' });
    assert.equal(verifying.request?.operation, 'verifyCode');
    assert.equal(next(verifying, { type: 'code-submitted' }), verifying);
    assert.equal(next(verifying, { type: 'verified', requestId: requestId(verifying) }).step, 'done');
  });

  it('keeps the code step with attempts remaining after a wrong code', () => {
    const verifying = next(atCode(), { type: 'code-submitted' });
    const error = new SecurityInfoError('invalid-code', undefined, { attemptsRemaining: 2 });
    const state = next(verifying, { type: 'failed', requestId: requestId(verifying), error });
    assert.equal(state.step, 'code');
    assert.equal(state.error?.attemptsRemaining, 2);
    assert.equal(state.locked, false);
  });

  it('locks after too many attempts until a new code arrives', () => {
    const verifying = next(atCode(), { type: 'code-submitted' });
    const locked = next(verifying, {
      type: 'failed',
      requestId: requestId(verifying),
      error: new SecurityInfoError('too-many-attempts'),
    });
    assert.equal(locked.locked, true);
    assert.equal(next(locked, { type: 'code-submitted' }), locked);
    const resending = next(locked, { type: 'resend-requested', channel: 'sms' });
    const fresh = next(resending, {
      type: 'code-sent',
      requestId: requestId(resending),
      challenge: { challengeId: 'c3' },
    });
    assert.equal(fresh.locked, false);
    assert.equal(fresh.challenge?.challengeId, 'c3');
  });

  it('switches channel on "call me instead"', () => {
    const resending = next(atCode(), { type: 'resend-requested', channel: 'voice' });
    assert.equal(resending.request?.operation, 'resendCode');
    assert.equal(resending.phone?.channel, 'voice');
  });

  it('does not resend while verifying', () => {
    const verifying = next(atCode(), { type: 'code-submitted' });
    assert.equal(next(verifying, { type: 'resend-requested', channel: 'sms' }), verifying);
  });
});

describe('a landline', () => {
  it('keeps the reason of a refused text message, so the person can be offered a call', () => {
    const sending = next(initialEnrollment({ policy: phoneOnly }), { type: 'phone-submitted', phone });
    const error = new SecurityInfoError('channel-unavailable', undefined, { reason: 'landline' });
    const state = next(sending, { type: 'failed', requestId: requestId(sending), error });
    assert.deepEqual(state.error, { code: 'channel-unavailable', operation: 'sendCode', reason: 'landline' });
    const calling = next(state, { type: 'phone-submitted', phone: voice });
    assert.equal(calling.request?.operation, 'sendCode');
    assert.equal(calling.phone?.channel, 'voice');
    assert.equal(calling.error, undefined);
  });
});

describe('back and cancel', () => {
  it('returns from the code to the phone step keeping the number, dropping the request', () => {
    const verifying = next(atCode(), { type: 'code-submitted' });
    const back = next(verifying, { type: 'back' });
    assert.equal(back.step, 'phone');
    assert.equal(back.request, null);
    assert.deepEqual(back.phone, phone);
    assert.equal(next(back, { type: 'verified', requestId: requestId(verifying) }), back);
  });

  it('returns from the phone step to the methods when they were shown', () => {
    const phoneStep = next(initialEnrollment({ policy: everything }), { type: 'method-chosen', method: 'phone' });
    assert.equal(next(phoneStep, { type: 'back' }).step, 'methods');
    const direct = initialEnrollment({ policy: phoneOnly });
    assert.equal(next(direct, { type: 'back' }), direct);
  });

  it('cancels from every step and then ignores everything', () => {
    const states = [
      initialEnrollment(),
      initialEnrollment({ policy: everything }),
      initialEnrollment({ policy: phoneOnly }),
      atCode(),
    ];
    for (const state of states) {
      const cancelled = next(state, { type: 'cancel' });
      assert.equal(cancelled.step, 'cancelled');
      assert.equal(cancelled.request, null);
      assert.equal(next(cancelled, { type: 'retry' }), cancelled);
    }
  });
});

describe('every event in every state', () => {
  const sending = next(initialEnrollment({ policy: phoneOnly }), { type: 'phone-submitted', phone });
  const code = atCode();
  const verifying = next(code, { type: 'code-submitted' });
  const callSending = next(initialEnrollment({ policy: phoneOnly }), { type: 'phone-submitted', phone: voice });
  const call = next(callSending, {
    type: 'code-sent',
    requestId: requestId(callSending),
    challenge: { challengeId: 'v', confirmation: 'keypress' },
  });
  const done = next(verifying, { type: 'verified', requestId: requestId(verifying) });
  const refused = next(verifying, {
    type: 'failed',
    requestId: requestId(verifying),
    error: new SecurityInfoError('unauthenticated'),
  });
  const signingIn = signInTransition(refused, { type: 'signing-in', refused: verifying.request! });
  const states: Record<string, EnrollmentState> = {
    loading: initialEnrollment(),
    methods: initialEnrollment({ policy: everything }),
    phone: initialEnrollment({ policy: phoneOnly }),
    sending,
    code,
    verifying,
    call,
    refused,
    signingIn,
    done,
    cancelled: next(code, { type: 'cancel' }),
  };
  const stale = 999;
  const events = (state: EnrollmentState): EnrollmentEvent[] => [
    { type: 'retry' },
    { type: 'policy-loaded', requestId: requestId(state), policy: everything },
    { type: 'policy-loaded', requestId: stale, policy: everything },
    { type: 'method-chosen', method: 'phone' },
    { type: 'method-chosen', method: 'email' },
    { type: 'phone-submitted', phone },
    { type: 'code-sent', requestId: requestId(state), challenge: { challengeId: 'x' } },
    { type: 'code-sent', requestId: stale, challenge: { challengeId: 'x' } },
    { type: 'resend-requested', channel: 'sms' },
    { type: 'code-submitted' },
    { type: 'verified', requestId: requestId(state) },
    { type: 'verified', requestId: stale },
    { type: 'call-confirmed', requestId: requestId(state) },
    { type: 'failed', requestId: requestId(state), error: new SecurityInfoError('unknown') },
    { type: 'failed', requestId: stale, error: new SecurityInfoError('unknown') },
    { type: 'failed', requestId: requestId(state), error: new SecurityInfoError('unauthenticated') },
    { type: 'back' },
    { type: 'cancel' },
    { type: 'interrupted' },
  ];

  const signInEvents = (state: EnrollmentState): SignInEvent[] => [
    { type: 'signing-in', refused: { id: state.lastRequestId, operation: 'sendCode' } },
    { type: 'signing-in', refused: { id: state.lastRequestId, operation: 'verifyCode', afterSignIn: true } },
    { type: 'signed-in', requestId: requestId(state) },
    { type: 'signed-in', requestId: stale },
    { type: 'sign-in-failed', requestId: requestId(state) },
    { type: 'sign-in-failed', requestId: stale },
    { type: 'sign-in-handled', refused: { id: state.lastRequestId, operation: 'sendCode' } },
  ];
  const apply = (state: EnrollmentState, event: EnrollmentEvent | SignInEvent) =>
    'refused' in event || event.type.startsWith('sign')
      ? signInTransition(state, event as SignInEvent)
      : next(state, event as EnrollmentEvent);

  for (const [name, state] of Object.entries(states)) {
    it(`keeps its promises in the ${name} state`, () => {
      for (const event of [...events(state), ...signInEvents(state)]) {
        const after = apply(state, event);
        const label = `${name} + ${event.type}`;
        // An answer to a request that is not in flight changes nothing.
        if ('requestId' in event && event.requestId === stale) assert.equal(after, state, label);
        // A finished flow stays finished.
        if (state.step === 'done' || state.step === 'cancelled') assert.equal(after, state, label);
        // Never two calls at once: a new request only starts when none was in flight, or replaces a call wait,
        // or follows a sign-in (which is no call).
        if (after.request && state.request && after.request.id !== state.request.id) {
          const waits = ['awaitCallConfirmation', 'signIn'];
          assert.ok(waits.includes(state.request.operation) || waits.includes(after.request.operation), label);
        }
        // A refused call is made again only after a sign-in, and only once.
        if (after.request?.afterSignIn && after.request.id !== state.request?.id) {
          assert.equal(state.request?.operation, 'signIn', label);
          assert.equal(after.request.operation, state.request?.repeats, label);
        }
        // Only the steps that wait on the adapter have a request in flight.
        if (after.request) assert.ok(['loading', 'methods', 'phone', 'code', 'call'].includes(after.step), label);
        if (after.step === 'done' || after.step === 'cancelled') assert.equal(after.request, null, label);
        // The code step always has a challenge and a number.
        if (after.step === 'code' || after.step === 'call') assert.ok(after.challenge && after.phone, label);
      }
    });
  }
});

describe('readChallenge', () => {
  it('keeps the documented fields', () => {
    assert.deepEqual(
      readChallenge({
        challengeId: 'a',
        codeLength: 8,
        expiresInSeconds: 300,
        resendInSeconds: 30,
        confirmation: 'keypress',
        extra: 1,
      }),
      { challengeId: 'a', codeLength: 8, expiresInSeconds: 300, resendInSeconds: 30, confirmation: 'keypress' },
    );
  });

  it('turns a malformed answer into an unknown error', () => {
    for (const answer of [undefined, null, 'ok', {}, { challengeId: 42 }, { challengeId: '' }]) {
      assert.throws(
        () => readChallenge(answer),
        (error: unknown) => error instanceof SecurityInfoError && error.code === 'unknown',
      );
    }
  });
});
