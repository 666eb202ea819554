import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCountryAllowed, METHOD_PURPOSES, offeredMethods, withheldMethods } from './policy.js';
import { METHOD_IDS } from './policy-words.js';
import { parsePolicy } from './policy-parse.js';
import { PolicyFormatError } from './policy-read.js';
import type { SecurityInfoPolicy } from './types.js';

const everything: SecurityInfoPolicy = {
  methods: [
    { id: 'phone', purposes: ['mfa', 'password-reset'] },
    { id: 'authenticator-app', purposes: ['mfa'] },
    { id: 'email', purposes: ['mfa', 'password-reset'] },
    { id: 'security-questions', purposes: ['password-reset'] },
  ],
};

test('two-step verification never offers email or security questions, even when the policy lists them', () => {
  assert.deepEqual(offeredMethods(everything, 'mfa'), ['phone', 'authenticator-app']);
});

test('password reset offers what the policy allows for it, in the policy order', () => {
  assert.deepEqual(offeredMethods(everything, 'password-reset'), ['phone', 'email', 'security-questions']);
});

test('no purpose offers every method the policy allows', () => {
  assert.deepEqual(offeredMethods(everything), ['phone', 'authenticator-app', 'email', 'security-questions']);
});

test('no policy, or one without its methods (written by a JavaScript host), offers none and withholds every one', () => {
  for (const policy of [undefined, {}, { methods: null }] as unknown as (SecurityInfoPolicy | undefined)[]) {
    assert.deepEqual(offeredMethods(policy, 'mfa'), []);
    assert.deepEqual(withheldMethods(policy, 'mfa'), ['authenticator-app', 'phone', 'passkey']);
  }
});

test('withheld methods are those that could serve the purpose but the organization does not allow', () => {
  const phoneOnly: SecurityInfoPolicy = { methods: [{ id: 'phone', purposes: ['mfa'] }] };
  assert.deepEqual(withheldMethods(phoneOnly, 'mfa'), ['authenticator-app', 'passkey']);
  assert.deepEqual(withheldMethods(phoneOnly, 'password-reset'), [
    'authenticator-app',
    'phone',
    'email',
    'security-questions',
    'passkey',
  ]);
  assert.deepEqual(withheldMethods({ methods: [] }), [
    'authenticator-app',
    'phone',
    'email',
    'security-questions',
    'passkey',
  ]);
});

test('what each method serves names every method the contract knows, in its order', () => {
  // withheldMethods lists methods in this order without importing the vocabulary (see policy.ts).
  assert.deepEqual(Object.keys(METHOD_PURPOSES), METHOD_IDS);
});

test('a duplicate method is offered once', () => {
  const twice: SecurityInfoPolicy = {
    methods: [
      { id: 'phone', purposes: ['mfa'] },
      { id: 'phone', purposes: ['mfa'] },
    ],
  };
  assert.deepEqual(offeredMethods(twice, 'mfa'), ['phone']);
});

test('allowed countries ignore case; no list allows all', () => {
  const policy: SecurityInfoPolicy = { methods: [], phone: { allowedCountries: ['nl', 'BE'] } };
  assert.ok(isCountryAllowed(policy, 'NL'));
  assert.ok(isCountryAllowed(policy, 'be'));
  assert.ok(!isCountryAllowed(policy, 'DE'));
  assert.ok(isCountryAllowed(undefined, 'DE'));
});

test('parsePolicy keeps what it knows and drops what a newer backend adds', () => {
  const parsed = parsePolicy({
    methods: [
      { id: 'phone', purposes: ['mfa', 'passkey-login'] },
      { id: 'fido2', purposes: ['mfa'] },
    ],
    phone: {
      channels: ['sms', 'whatsapp'],
      allowedCountries: ['nl'],
      channelsByCountry: { be: ['voice'] },
      defaultCountry: 'nl',
    },
    extra: true,
  });
  assert.deepEqual(parsed, {
    methods: [{ id: 'phone', purposes: ['mfa'] }],
    phone: { channels: ['sms'], allowedCountries: ['NL'], channelsByCountry: { BE: ['voice'] }, defaultCountry: 'NL' },
  });
});

test('parsePolicy rejects what is not a policy', () => {
  for (const bad of [
    null,
    'policy',
    42,
    {},
    { methods: 'all' },
    { methods: [1] },
    { methods: [{ id: 'phone' }] },
    { methods: [], phone: 'yes' },
    { methods: [], phone: { channels: 'sms' } },
  ]) {
    assert.throws(() => parsePolicy(bad), PolicyFormatError, JSON.stringify(bad));
  }
});

test('parsePolicy reads the security questions, keeping a custom question’s text', () => {
  const parsed = parsePolicy({
    methods: [],
    securityQuestions: {
      questions: [{ id: 'first-pet' }, { id: 'org_1', text: 'Which team did you join first?', note: 'x' }],
      required: 2,
      shuffle: true,
    },
  });
  assert.deepEqual(parsed.securityQuestions, {
    questions: [{ id: 'first-pet' }, { id: 'org_1', text: 'Which team did you join first?' }],
    required: 2,
  });
});

test('parsePolicy leaves the number of answers out when the policy does not say, if three can be answered', () => {
  const questions = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  assert.deepEqual(parsePolicy({ methods: [], securityQuestions: { questions } }).securityQuestions, { questions });
  assert.throws(
    () => parsePolicy({ methods: [], securityQuestions: { questions: questions.slice(0, 2) } }),
    PolicyFormatError,
    'the default of three needs three questions',
  );
});

test('parsePolicy refuses security questions of the wrong shape', () => {
  const long = 'x'.repeat(201);
  for (const securityQuestions of [
    'all',
    [],
    { questions: 'a' },
    { questions: [{ id: 'a' }, 'b'], required: 1 },
    { questions: [{ id: '' }], required: 1 },
    { questions: [{ id: 'has space' }], required: 1 },
    { questions: [{ id: 'x'.repeat(65) }], required: 1 },
    { questions: [{ id: 'a' }, { id: 'a' }], required: 1 },
    { questions: [{ id: 'a', text: 7 }], required: 1 },
    { questions: [{ id: 'a', text: ' ' }], required: 1 },
    { questions: [{ id: 'a', text: long }], required: 1 },
    { questions: [{ id: 'a' }], required: 0 },
    { questions: [{ id: 'a' }], required: 2 },
    { questions: [{ id: 'a' }, { id: 'b' }], required: 1.5 },
    { questions: [{ id: 'a' }], required: '1' },
    // A reset checks at most as many answers as a person registers.
    { questions: [{ id: 'a' }, { id: 'b' }], required: 1, requiredToReset: 2 },
    { questions: [{ id: 'a' }, { id: 'b' }], required: 2, requiredToReset: 0 },
    { questions: [{ id: 'a' }, { id: 'b' }], required: 2, requiredToReset: 1.5 },
  ]) {
    assert.throws(
      () => parsePolicy({ methods: [], securityQuestions }),
      PolicyFormatError,
      JSON.stringify(securityQuestions),
    );
  }
  const longest = { id: 'a', text: 'x'.repeat(200) };
  assert.deepEqual(
    parsePolicy({ methods: [], securityQuestions: { questions: [longest], required: 1 } }).securityQuestions,
    {
      questions: [longest],
      required: 1,
    },
  );
  assert.deepEqual(
    parsePolicy({
      methods: [],
      securityQuestions: { questions: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], required: 3, requiredToReset: 2 },
    }).securityQuestions,
    { questions: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], required: 3, requiredToReset: 2 },
  );
});

test('parsePolicy reads what a person must set up, dropping purposes and methods it does not know', () => {
  const parsed = parsePolicy({
    methods: [],
    enrollment: {
      required: [
        { purpose: 'mfa', count: 2, methods: ['authenticator-app', 'fido2', 'phone'] },
        { purpose: 'password-reset' },
        { purpose: 'step-up', count: 1 },
      ],
      skip: { allowed: true, daysLeft: 0, reminder: 'weekly' },
      audit: true,
    },
  });
  assert.deepEqual(parsed.enrollment, {
    required: [{ purpose: 'mfa', count: 2, methods: ['authenticator-app', 'phone'] }, { purpose: 'password-reset' }],
    skip: { allowed: true, daysLeft: 0 },
  });
  assert.deepEqual(parsePolicy({ methods: [], enrollment: {} }).enrollment, {});
  assert.deepEqual(parsePolicy({ methods: [], enrollment: { skip: { allowed: false } } }).enrollment, {
    skip: { allowed: false },
  });
});

test('parsePolicy refuses an enrollment policy of the wrong shape', () => {
  for (const enrollment of [
    'required',
    [],
    { required: { purpose: 'mfa' } },
    { required: ['mfa'] },
    { required: [{ count: 1 }] },
    { required: [{ purpose: 'mfa', count: 0 }] },
    { required: [{ purpose: 'mfa', count: 1.5 }] },
    { required: [{ purpose: 'mfa', count: '2' }] },
    { required: [{ purpose: 'mfa', methods: 'phone' }] },
    { required: [{ purpose: 'mfa', methods: [1] }] },
    { skip: true },
    { skip: {} },
    { skip: { allowed: 'yes' } },
    { skip: { allowed: true, daysLeft: -1 } },
    { skip: { allowed: true, daysLeft: 2.5 } },
    { skip: { allowed: true, daysLeft: '3' } },
  ]) {
    assert.throws(() => parsePolicy({ methods: [], enrollment }), PolicyFormatError, JSON.stringify(enrollment));
  }
});

test('parsePolicy reads passkeys among the methods and whether recovery codes are offered', () => {
  const policy = { methods: [{ id: 'passkey', purposes: ['mfa', 'password-reset'] }], recoveryCodes: true };
  assert.deepEqual(parsePolicy(policy), policy);
  assert.deepEqual(parsePolicy({ methods: [], recoveryCodes: false }), { methods: [], recoveryCodes: false });
  assert.deepEqual(parsePolicy({ methods: [] }), { methods: [] });
  for (const recoveryCodes of ['yes', 1, null, {}])
    assert.throws(() => parsePolicy({ methods: [], recoveryCodes }), PolicyFormatError, JSON.stringify(recoveryCodes));
});
