import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { enrollmentTransition as next, initialEnrollment, type EnrollmentState } from './enrollment.js';
import { missingMethods } from './sequence.js';
import type { SecurityInfoPolicy } from './types.js';

const methods: SecurityInfoPolicy['methods'] = [
  { id: 'authenticator-app', purposes: ['mfa', 'password-reset'] },
  { id: 'phone', purposes: ['mfa', 'password-reset'] },
  { id: 'email', purposes: ['password-reset'] },
];
const policy = (required: NonNullable<SecurityInfoPolicy['enrollment']>['required']): SecurityInfoPolicy => ({
  methods,
  enrollment: { required },
});
const id = (state: EnrollmentState) => state.request?.id ?? -1;

describe('missingMethods', () => {
  it('asks for the methods a rule names, in its order, that the person lacks', () => {
    const required = policy([{ purpose: 'mfa', methods: ['authenticator-app', 'phone'], count: 2 }]);
    assert.deepEqual(missingMethods(required, 'mfa', []), ['authenticator-app', 'phone']);
    assert.deepEqual(missingMethods(required, 'mfa', ['phone']), ['authenticator-app']);
    assert.deepEqual(missingMethods(required, 'mfa', ['phone', 'authenticator-app']), []);
  });

  it('fills a count with the offered methods in the policy’s order, counting what the person has', () => {
    const required = policy([{ purpose: 'password-reset', count: 2 }]);
    assert.deepEqual(missingMethods(required, undefined, []), ['authenticator-app', 'phone']);
    assert.deepEqual(missingMethods(required, undefined, ['email']), ['authenticator-app']);
    assert.deepEqual(missingMethods(policy([{ purpose: 'mfa' }]), undefined, ['phone']), []);
  });

  it('counts a method planned for one purpose for the others it serves, and keeps to the wizard’s purpose', () => {
    const required = policy([
      { purpose: 'mfa', methods: ['phone'] },
      { purpose: 'password-reset', count: 1 },
    ]);
    assert.deepEqual(missingMethods(required, undefined, []), ['phone']);
    assert.deepEqual(missingMethods(required, 'password-reset', ['email']), []);
  });

  it('never asks for a method the policy does not offer for the purpose', () => {
    const required = policy([{ purpose: 'mfa', methods: ['email', 'security-questions'] }]);
    assert.deepEqual(missingMethods(required, 'mfa', []), ['authenticator-app']);
    assert.deepEqual(missingMethods({ methods }, 'mfa', []), []);
  });
});

describe('the required sequence', () => {
  const required = policy([{ purpose: 'mfa', methods: ['authenticator-app', 'phone'], count: 2 }]);
  const started = next(initialEnrollment({ policy: required, purpose: 'mfa' }), {
    type: 'sequence-started',
    registered: [],
  });

  it('starts at the first missing method, without the methods step, once', () => {
    assert.equal(started.step, 'authenticator-app');
    assert.equal(started.showsMethods, false);
    assert.deepEqual(started.sequence, { methods: ['authenticator-app', 'phone'], enrolled: [] });
    assert.equal(next(started, { type: 'sequence-started', registered: [] }), started);
    assert.equal(next(started, { type: 'back' }), started, 'no way back to methods the flow does not show');
    assert.equal(next(started, { type: 'show-methods' }), started);
  });

  it('goes on to the next method after each, then to the summary with what was set up', () => {
    const starting = next(started, { type: 'app-requested' });
    const shown = next(starting, {
      type: 'app-started',
      requestId: id(starting),
      setup: { challengeId: 'a', otpauthUri: 'otpauth://totp/x', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEH' },
    });
    const verifying = next(next(shown, { type: 'app-added' }), { type: 'code-submitted' });
    const appDone = next(verifying, { type: 'verified', requestId: id(verifying) });
    assert.equal(appDone.step, 'done');
    assert.equal(next(started, { type: 'sequence-next' }), started, 'only from a finished method');
    const phoneStep = next(appDone, { type: 'sequence-next' });
    assert.equal(phoneStep.step, 'phone');
    assert.equal(phoneStep.method, 'phone');
    assert.equal(phoneStep.challenge, undefined);
    const phone = { phoneNumber: '+31612345678', country: 'NL', channel: 'sms' as const };
    const sending = next(phoneStep, { type: 'phone-submitted', phone });
    const code = next(sending, { type: 'code-sent', requestId: id(sending), challenge: { challengeId: 'p' } });
    const checking = next(code, { type: 'code-submitted' });
    assert.equal(checking.request?.operation, 'verifyCode');
    const phoneDone = next(checking, { type: 'verified', requestId: id(checking) });
    const summary = next(phoneDone, { type: 'sequence-next' });
    assert.equal(summary.step, 'summary');
    assert.deepEqual(summary.sequence?.enrolled, [
      { method: 'authenticator-app' },
      { method: 'phone', phoneNumber: '+31612345678', channel: 'sms' },
    ]);
  });

  it('shows the summary at once to a person who has everything required', () => {
    const state = next(initialEnrollment({ policy: required, purpose: 'mfa' }), {
      type: 'sequence-started',
      registered: ['phone', 'authenticator-app'],
    });
    assert.equal(state.step, 'summary');
    assert.deepEqual(state.sequence, { methods: [], enrolled: [] });
  });

  it('does not start while the policy loads, nor once a method is under way', () => {
    const loading = initialEnrollment();
    assert.equal(next(loading, { type: 'sequence-started', registered: [] }), loading);
    const sending = next(initialEnrollment({ policy: required, start: 'email' }), {
      type: 'email-submitted',
      email: 'a@example.com',
    });
    assert.equal(next(sending, { type: 'sequence-started', registered: [] }), sending);
  });
});
