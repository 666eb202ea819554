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
