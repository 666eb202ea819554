import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readRegistrations } from './registrations.js';
import { SecurityInfoError } from './errors.js';

const base = {
  addedAt: '2026-11-25T10:00:00.000Z',
  lastUsedAt: null,
  purposes: ['password-reset'],
  removable: true,
};
const email = { ...base, id: 'm-1', kind: 'email', email: { address: 'jan@bücher.example' } };
const questions = {
  ...base,
  id: 'm-2',
  kind: 'security-questions',
  securityQuestions: { questionIds: ['first-pet', 'org_1', 'birth-city'] },
};
const list = (...methods: unknown[]) => ({ methods, defaultMethodId: null });

function refusal(body: unknown): SecurityInfoError {
  try {
    readRegistrations(body);
  } catch (error) {
    assert.ok(error instanceof SecurityInfoError);
    assert.equal(error.code, 'unknown');
    return error;
  }
  throw new Error('read without complaint');
}

test('an email method carries its address, and security questions the ids of the questions answered', () => {
  assert.deepEqual(readRegistrations(list(email, questions)), list(email, questions));
});

test('what the contract does not name is left out of the address and the questions', () => {
  const body = list(
    { ...email, email: { address: 'jan@example.com', verifiedAt: 'now' } },
    { ...questions, securityQuestions: { questionIds: ['a', 'b', 'c'], answers: ['x', 'y', 'z'] } },
  );
  assert.deepEqual(
    readRegistrations(body),
    list(
      { ...email, email: { address: 'jan@example.com' } },
      { ...questions, securityQuestions: { questionIds: ['a', 'b', 'c'] } },
    ),
  );
});

test('an email method and security questions may come without their details', () => {
  const { email: _address, ...bareEmail } = email;
  const { securityQuestions: _ids, ...bareQuestions } = questions;
  assert.deepEqual(readRegistrations(list(bareEmail, bareQuestions)), list(bareEmail, bareQuestions));
});

test('a malformed address or list of questions makes the whole answer unknown, naming the field', () => {
  const cases: [string, unknown, string][] = [
    ['an address on a phone', { ...email, kind: 'phone' }, 'methods[0].email'],
    ['an address that is not an object', { ...email, email: 'jan@example.com' }, 'methods[0].email'],
    ['no address', { ...email, email: {} }, 'email.address'],
    ['an address without @', { ...email, email: { address: 'jan.example.com' } }, 'email.address'],
    ['an address with two @', { ...email, email: { address: 'jan@x@example.com' } }, 'email.address'],
    ['an address with a space', { ...email, email: { address: 'jan doe@example.com' } }, 'email.address'],
    ['an address of 255 characters', { ...email, email: { address: `${'j'.repeat(243)}@example.com` } }, 'address'],
    ['questions on an email method', { ...questions, kind: 'email' }, 'methods[0].securityQuestions'],
    ['questions that are a list', { ...questions, securityQuestions: ['a'] }, 'methods[0].securityQuestions'],
    ['no question ids', { ...questions, securityQuestions: {} }, 'questionIds'],
    ['an id that is not a question id', { ...questions, securityQuestions: { questionIds: ['a b'] } }, 'questionIds'],
    ['an id that is a number', { ...questions, securityQuestions: { questionIds: [1] } }, 'questionIds'],
    ['one question twice', { ...questions, securityQuestions: { questionIds: ['a', 'a'] } }, 'questionIds'],
  ];
  for (const [name, method, field] of cases) {
    const error = refusal(list(method));
    assert.ok(error.message.includes(field), `${name}: ${error.message}`);
  }
});

test('an address of 254 characters is read', () => {
  const address = `${'j'.repeat(242)}@example.com`;
  assert.equal(address.length, 254);
  assert.deepEqual(readRegistrations(list({ ...email, email: { address } })).methods[0]?.email, { address });
});

const passkey = {
  ...base,
  id: 'pk-1',
  kind: 'passkey',
  purposes: ['mfa', 'password-reset'],
  passkey: { name: 'Pixel 9', backedUp: true, transports: ['internal', 'hybrid'] },
};
const codes = { ...base, id: 'rc-1', kind: 'recovery-codes', purposes: [], recoveryCodes: { remaining: 7, total: 10 } };

test('a passkey carries its name, whether it is synced and its transports; recovery codes how many are left', () => {
  assert.deepEqual(readRegistrations(list(passkey, codes)), list(passkey, codes));
  const bare = { ...passkey, passkey: { name: 'YubiKey' } };
  assert.deepEqual(readRegistrations(list(bare)), list(bare));
});

test('a malformed passkey or count of recovery codes makes the whole answer unknown, naming the field', () => {
  const cases: [string, unknown, string][] = [
    ['a passkey on a phone', { ...passkey, kind: 'phone' }, 'methods[0].passkey'],
    ['no name', { ...passkey, passkey: {} }, 'passkey.name'],
    ['a blank name', { ...passkey, passkey: { name: '  ' } }, 'passkey.name'],
    ['a name of 65 characters', { ...passkey, passkey: { name: 'p'.repeat(65) } }, 'passkey.name'],
    ['synced as text', { ...passkey, passkey: { name: 'a', backedUp: 'yes' } }, 'passkey.backedUp'],
    ['transports as text', { ...passkey, passkey: { name: 'a', transports: 'usb' } }, 'passkey.transports'],
    ['codes on a passkey', { ...codes, kind: 'passkey' }, 'methods[0].recoveryCodes'],
    ['more left than there are', { ...codes, recoveryCodes: { remaining: 11, total: 10 } }, 'recoveryCodes.remaining'],
    ['a fraction left', { ...codes, recoveryCodes: { remaining: 1.5, total: 10 } }, 'recoveryCodes.remaining'],
    ['none in the set', { ...codes, recoveryCodes: { remaining: 0, total: 0 } }, 'recoveryCodes.total'],
  ];
  for (const [name, method, field] of cases) {
    const error = refusal(list(method));
    assert.ok(error.message.includes(field), `${name}: ${error.message}`);
  }
});

test('a name of 64 characters, emoji counted as one, is read', () => {
  const name = `${'p'.repeat(62)}🔑🔑`;
  assert.equal(readRegistrations(list({ ...passkey, passkey: { name } })).methods[0]?.passkey?.name, name);
});
