import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { enrollmentTransition, initialEnrollment, type EnrollmentState } from './enrollment.js';
import { canRepeatAfterSignIn, signInTransition } from './sign-in.js';
import { SecurityInfoError } from './errors.js';
import type { SecurityInfoPolicy } from './types.js';

const phoneOnly: SecurityInfoPolicy = { methods: [{ id: 'phone', purposes: ['mfa'] }] };
const phone = { phoneNumber: '+31612345678', country: 'NL', channel: 'sms' as const };
const unauthenticated = () => new SecurityInfoError('unauthenticated');

/** The state after the request in flight failed with `error`, and that request. */
function refuse(state: EnrollmentState, error = unauthenticated()) {
  const refused = state.request!;
  return { state: enrollmentTransition(state, { type: 'failed', requestId: refused.id, error }), refused };
}

const sending = () =>
  enrollmentTransition(initialEnrollment({ policy: phoneOnly }), { type: 'phone-submitted', phone });

function atCode(): EnrollmentState {
  const state = sending();
  return enrollmentTransition(state, {
    type: 'code-sent',
    requestId: state.request!.id,
    challenge: { challengeId: 'c1' },
  });
}

/** Waiting for the host's sign-in after the send was refused. */
function waitingAfterSend() {
  const { state, refused } = refuse(sending());
  return signInTransition(state, { type: 'signing-in', refused });
}

describe('a refusal for an ended session', () => {
  it('keeps the step and what was entered, and says why', () => {
    const { state } = refuse(sending());
    assert.equal(state.step, 'phone');
    assert.deepEqual(state.phone, phone);
    assert.deepEqual(state.error, { code: 'unauthenticated', operation: 'sendCode' });
    assert.equal(state.request, null);
  });

  it('may be repeated after a sign-in; other failures may not', () => {
    const ended = refuse(sending());
    assert.equal(canRepeatAfterSignIn(ended.state, ended.refused), true);
    const limited = refuse(sending(), new SecurityInfoError('rate-limited'));
    assert.equal(canRepeatAfterSignIn(limited.state, limited.refused), false);
    assert.equal(signInTransition(limited.state, { type: 'signing-in', refused: limited.refused }), limited.state);
    assert.equal(signInTransition(limited.state, { type: 'sign-in-handled', refused: limited.refused }), limited.state);
  });

  it('is not repeated once the person has acted again', () => {
    const { state, refused } = refuse(sending());
    const sendingAgain = enrollmentTransition(state, { type: 'phone-submitted', phone });
    assert.equal(canRepeatAfterSignIn(sendingAgain, refused), false);
    assert.equal(signInTransition(sendingAgain, { type: 'signing-in', refused }), sendingAgain);
  });
});

describe('waiting for the sign-in', () => {
  it('waits with the number kept and no message, naming the call to repeat', () => {
    const waiting = waitingAfterSend();
    assert.deepEqual(waiting.request, {
      id: waiting.lastRequestId,
      operation: 'signIn',
      repeats: 'sendCode',
      reason: 'unauthenticated',
    });
    assert.equal(waiting.error, undefined);
    assert.deepEqual(waiting.phone, phone);
    assert.equal(waiting.step, 'phone');
  });

  it('starts nothing else meanwhile: a second Next, Verify, resend or retry changes nothing', () => {
    const waiting = waitingAfterSend();
    assert.equal(enrollmentTransition(waiting, { type: 'phone-submitted', phone }), waiting);
    assert.equal(enrollmentTransition(waiting, { type: 'retry' }), waiting);
    const verifying = enrollmentTransition(atCode(), { type: 'code-submitted' });
    const refusedVerify = refuse(verifying);
    const waitingAtCode = signInTransition(refusedVerify.state, { type: 'signing-in', refused: refusedVerify.refused });
    assert.equal(enrollmentTransition(waitingAtCode, { type: 'code-submitted' }), waitingAtCode);
    assert.equal(enrollmentTransition(waitingAtCode, { type: 'resend-requested', channel: 'voice' }), waitingAtCode);
  });

  it('asks once: a second signing-in for the same refusal changes nothing', () => {
    const { state, refused } = refuse(sending());
    const waiting = signInTransition(state, { type: 'signing-in', refused });
    assert.equal(signInTransition(waiting, { type: 'signing-in', refused }), waiting);
    assert.equal(signInTransition(waiting, { type: 'sign-in-handled', refused }), waiting);
  });

  it('ends on Back or Cancel, and a sign-in finishing after changes nothing', () => {
    const waiting = waitingAfterSend();
    const cancelled = enrollmentTransition(waiting, { type: 'cancel' });
    assert.equal(cancelled.request, null);
    assert.equal(signInTransition(cancelled, { type: 'signed-in', requestId: waiting.request!.id }), cancelled);
    const verifying = enrollmentTransition(atCode(), { type: 'code-submitted' });
    const refused = refuse(verifying);
    const waitingAtCode = signInTransition(refused.state, { type: 'signing-in', refused: refused.refused });
    const back = enrollmentTransition(waitingAtCode, { type: 'back' });
    assert.equal(back.step, 'phone');
    assert.equal(back.request, null);
    assert.equal(signInTransition(back, { type: 'signed-in', requestId: waitingAtCode.request!.id }), back);
  });
});

describe('after the sign-in', () => {
  it('makes the refused call again, once, with the same inputs, and the flow goes on', () => {
    const waiting = waitingAfterSend();
    const repeating = signInTransition(waiting, { type: 'signed-in', requestId: waiting.request!.id });
    assert.deepEqual(repeating.request, { id: repeating.lastRequestId, operation: 'sendCode', afterSignIn: true });
    assert.deepEqual(repeating.phone, phone);
    assert.equal(signInTransition(repeating, { type: 'signed-in', requestId: waiting.request!.id }), repeating);
    const code = enrollmentTransition(repeating, {
      type: 'code-sent',
      requestId: repeating.request!.id,
      challenge: { challengeId: 'c' },
    });
    assert.equal(code.step, 'code');
  });

  it('verifies again for a refused verification, with the challenge kept', () => {
    const verifying = enrollmentTransition(atCode(), { type: 'code-submitted' });
    const { state, refused } = refuse(verifying);
    const waiting = signInTransition(state, { type: 'signing-in', refused });
    const again = signInTransition(waiting, { type: 'signed-in', requestId: waiting.request!.id });
    assert.equal(again.request?.operation, 'verifyCode');
    assert.equal(again.challenge?.challengeId, 'c1');
    assert.equal(enrollmentTransition(again, { type: 'verified', requestId: again.request!.id }).step, 'done');
  });

  it('loads the policy for a refusal at the start', () => {
    const loading = initialEnrollment({ start: 'phone' });
    const { state, refused } = refuse(loading);
    assert.equal(state.step, 'loading');
    const waiting = signInTransition(state, { type: 'signing-in', refused });
    const again = signInTransition(waiting, { type: 'signed-in', requestId: waiting.request!.id });
    assert.equal(again.request?.operation, 'getPolicy');
    const loaded = enrollmentTransition(again, {
      type: 'policy-loaded',
      requestId: again.request!.id,
      policy: phoneOnly,
    });
    assert.equal(loaded.step, 'phone');
  });

  it('does not repeat a call refused again after the sign-in, but a new action may be', () => {
    const waiting = waitingAfterSend();
    const repeating = signInTransition(waiting, { type: 'signed-in', requestId: waiting.request!.id });
    const refusedAgain = refuse(repeating);
    assert.deepEqual(refusedAgain.state.error, { code: 'unauthenticated', operation: 'sendCode' });
    assert.equal(canRepeatAfterSignIn(refusedAgain.state, refusedAgain.refused), false);
    const pressedAgain = refuse(enrollmentTransition(refusedAgain.state, { type: 'phone-submitted', phone }));
    assert.equal(canRepeatAfterSignIn(pressedAgain.state, pressedAgain.refused), true);
  });
});

describe('a sign-in that fails', () => {
  it('tells the person to sign in, with the step as it was and the action available', () => {
    const waiting = waitingAfterSend();
    const failed = signInTransition(waiting, { type: 'sign-in-failed', requestId: waiting.request!.id });
    assert.deepEqual(failed.error, { code: 'unauthenticated', operation: 'sendCode' });
    assert.equal(failed.request, null);
    assert.deepEqual(failed.phone, phone);
    assert.equal(enrollmentTransition(failed, { type: 'phone-submitted', phone }).request?.operation, 'sendCode');
  });
});

describe('a refusal for a change that wants a recent sign-in', () => {
  const recentSignIn = () => new SecurityInfoError('reauthentication-required');

  it('may be repeated after a sign-in, like an ended session', () => {
    const { state, refused } = refuse(sending(), recentSignIn());
    assert.equal(canRepeatAfterSignIn(state, refused), true);
    const waiting = signInTransition(state, { type: 'signing-in', refused });
    assert.equal(waiting.request?.reason, 'reauthentication-required');
    const again = signInTransition(waiting, { type: 'signed-in', requestId: waiting.request!.id });
    assert.deepEqual(again.request, { id: again.lastRequestId, operation: 'sendCode', afterSignIn: true });
  });

  it('says the same again when the sign-in fails', () => {
    const { state, refused } = refuse(sending(), recentSignIn());
    const waiting = signInTransition(state, { type: 'signing-in', refused });
    const failed = signInTransition(waiting, { type: 'sign-in-failed', requestId: waiting.request!.id });
    assert.deepEqual(failed.error, { code: 'reauthentication-required', operation: 'sendCode' });
  });

  it('is not repeated twice', () => {
    const { state, refused } = refuse(sending(), recentSignIn());
    const waiting = signInTransition(state, { type: 'signing-in', refused });
    const repeating = signInTransition(waiting, { type: 'signed-in', requestId: waiting.request!.id });
    const refusedAgain = refuse(repeating, recentSignIn());
    assert.equal(canRepeatAfterSignIn(refusedAgain.state, refusedAgain.refused), false);
  });
});

describe('a host that signs the person in by itself', () => {
  it('leaves the step without a message, usable', () => {
    const { state, refused } = refuse(sending());
    const handled = signInTransition(state, { type: 'sign-in-handled', refused });
    assert.equal(handled.error, undefined);
    assert.equal(handled.request, null);
    assert.equal(handled.step, 'phone');
    assert.equal(enrollmentTransition(handled, { type: 'phone-submitted', phone }).request?.operation, 'sendCode');
  });
});
