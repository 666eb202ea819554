import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readChallenge } from './challenge.js';
import { SecurityInfoError } from './errors.js';

/** Asserts that each value of a field makes the whole answer malformed. */
function refusesEach(field: string, values: unknown[]) {
  for (const value of values) {
    assert.throws(
      () => readChallenge({ challengeId: 'c1', [field]: value }),
      (error: unknown) => error instanceof SecurityInfoError && error.code === 'unknown',
      `${field}: ${String(value)}`,
    );
  }
}

describe('readChallenge checks every field', () => {
  it('accepts an id of up to 256 URL-safe characters', () => {
    const id = `${'aZ09-_.~'.repeat(32)}`;
    assert.equal(id.length, 256);
    assert.deepEqual(readChallenge({ challengeId: id }), { challengeId: id });
  });

  it('refuses an id with characters a URL path would change, or longer than 256', () => {
    for (const challengeId of ['c/2', 'c 2', 'c%2F', '../verify', 'c?x=1', 'ç', 'a'.repeat(257)]) {
      assert.throws(() => readChallenge({ challengeId }), SecurityInfoError, challengeId);
    }
  });

  it('refuses a codeLength that is not a whole number from 4 to 10', () => {
    refusesEach('codeLength', [3, 11, 99, 6.5, '6', null, Number.NaN]);
  });

  it('refuses an expiresInSeconds that is negative, not finite, or over a day', () => {
    refusesEach('expiresInSeconds', [-1, 86_401, 1e308, Number.POSITIVE_INFINITY, Number.NaN, '300', null]);
  });

  it('refuses a resendInSeconds that is negative, not finite, or over a day', () => {
    refusesEach('resendInSeconds', [-5, 86_401, 1e308, Number.POSITIVE_INFINITY, Number.NaN, '30', null]);
  });

  it('refuses a confirmation other than code or keypress', () => {
    refusesEach('confirmation', ['x', 'Code', 1, true, null]);
  });

  it('keeps the bounds themselves, and rounds seconds up', () => {
    assert.deepEqual(
      readChallenge({ challengeId: 'c1', codeLength: 4, expiresInSeconds: 86_400, resendInSeconds: 0.2 }),
      { challengeId: 'c1', codeLength: 4, expiresInSeconds: 86_400, resendInSeconds: 1 },
    );
    assert.equal(readChallenge({ challengeId: 'c1', codeLength: 10, resendInSeconds: 0 }).codeLength, 10);
  });
});
