// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserTestArgs, NOT_NODE_TESTS } from './browser-tests.mjs';

test('files named on the command line leave out the tests Node runs', () => {
  const glob = 'packages/elements/src/code-verify/*.test.ts';
  assert.deepEqual(browserTestArgs(['--files', glob]), ['--files', glob, '--files', NOT_NODE_TESTS]);
  assert.deepEqual(browserTestArgs([`--files=${glob}`]), [`--files=${glob}`, '--files', NOT_NODE_TESTS]);
  assert.deepEqual(browserTestArgs([glob, '--watch']), [glob, '--watch', '--files', NOT_NODE_TESTS]);
});

test('without files named, the configuration’s list stands, untouched', () => {
  assert.deepEqual(browserTestArgs([]), []);
  assert.deepEqual(browserTestArgs(['--watch']), ['--watch']);
});
