// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentation } from './repository.mjs';

test('the docs read are the README and every page of docs/', () => {
  const files = documentation();
  assert.equal(files[0], 'README.md');
  assert.ok(files.includes('docs/getting-started.md'));
  assert.ok(files.every((file) => file === 'README.md' || /^docs\/[^/]+\.md$/.test(file)));
});
