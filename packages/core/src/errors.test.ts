import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ERROR_CODES, SecurityInfoError, isAbortError } from './errors.js';
import { toSecurityInfoError } from './to-error.js';

test('a SecurityInfoError passes through unchanged', () => {
  const error = new SecurityInfoError('rate-limited', 'slow down', { retryAfterSeconds: 30 });
  assert.equal(toSecurityInfoError(error), error);
  assert.equal(error.retryAfterSeconds, 30);
});

test('every known code thrown as a plain object keeps its code and details', () => {
  for (const code of ERROR_CODES) {
    const mapped = toSecurityInfoError({ code, attemptsRemaining: 2, retryAfterSeconds: 9, message: 'x' });
    assert.equal(mapped.code, code);
    assert.equal(mapped.attemptsRemaining, 2);
    assert.equal(mapped.retryAfterSeconds, 9);
  }
});

test('nonsense details are dropped, not trusted', () => {
  const mapped = toSecurityInfoError({ code: 'invalid-code', attemptsRemaining: -3, retryAfterSeconds: 'soon' });
  assert.equal(mapped.attemptsRemaining, undefined);
  assert.equal(mapped.retryAfterSeconds, undefined);
});

test('a failed fetch is a network error, in the wording of each engine', () => {
  for (const message of [
    'Failed to fetch',
    'NetworkError when attempting to fetch resource.',
    'Load failed',
    'fetch failed',
  ]) {
    assert.equal(toSecurityInfoError(new TypeError(message)).code, 'network');
  }
});

test('an offline device makes any failure a network error', () => {
  assert.equal(toSecurityInfoError(new Error('boom'), { offline: true }).code, 'network');
});

test('an abort by the own time-out is a timeout', () => {
  const abort = new DOMException('aborted', 'AbortError');
  assert.equal(toSecurityInfoError(abort, { timedOut: true }).code, 'timeout');
});

test('anything else is unknown, and keeps the original as cause', () => {
  for (const thrown of [
    new Error('x'),
    new TypeError('undefined is not a function'),
    'a string',
    42,
    null,
    undefined,
    { code: 'nope' },
  ]) {
    const mapped = toSecurityInfoError(thrown);
    assert.equal(mapped.code, 'unknown');
    assert.equal(mapped.cause, thrown);
  }
});

test('isAbortError recognises AbortError and the signal reason', () => {
  const controller = new AbortController();
  const reason = new Error('gone');
  controller.abort(reason);
  assert.ok(isAbortError(reason, controller.signal));
  assert.ok(isAbortError(new DOMException('x', 'AbortError')));
  assert.ok(!isAbortError(new Error('x')));
});
