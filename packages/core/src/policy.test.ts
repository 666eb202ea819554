import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCountryAllowed, offeredMethods, parsePolicy, PolicyFormatError, withheldMethods } from './policy.js';
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

test('withheld methods are those that could serve the purpose but the organization does not allow', () => {
  const phoneOnly: SecurityInfoPolicy = { methods: [{ id: 'phone', purposes: ['mfa'] }] };
  assert.deepEqual(withheldMethods(phoneOnly, 'mfa'), ['authenticator-app']);
  assert.deepEqual(withheldMethods(phoneOnly, 'password-reset'), [
    'authenticator-app',
    'phone',
    'email',
    'security-questions',
  ]);
  assert.deepEqual(withheldMethods({ methods: [] }), ['authenticator-app', 'phone', 'email', 'security-questions']);
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
