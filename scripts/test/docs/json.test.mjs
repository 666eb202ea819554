// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkJson } from './json.mjs';

test('a JSON block must parse', () => {
  const block = (/** @type {string} */ code) => ({ file: 'docs/x.md', line: 4, lang: 'json', code, mark: undefined });
  assert.deepEqual(checkJson(block('{ "imports": {} }')), []);
  const problems = checkJson(block('{ imports: {} }'));
  assert.equal(problems.length, 1);
  assert.equal(problems[0]?.line, 4);
  assert.match(problems[0]?.message ?? '', /^not JSON: SyntaxError/);
});
