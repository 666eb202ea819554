// @ts-check
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { NODE_TESTS, nodeTestFiles } from './node-tests.mjs';

test('test files are found at any depth, by each place’s own suffix, sorted', () => {
  const root = mkdtempSync(join(tmpdir(), 'node-tests-'));
  try {
    for (const file of [
      'packages/core/src/a.test.ts',
      'packages/core/src/deep/er/b.test.ts',
      'packages/core/src/c.browser.test.ts',
      'packages/core/src/helper.ts',
      'packages/elements/src/x/y.test.ts',
      'packages/elements/src/x/z.node.test.ts',
      'scripts/build/s.test.mjs',
      'scripts/build/node_modules/dep/d.test.mjs',
    ]) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), '');
    }
    assert.deepEqual(nodeTestFiles(root, NODE_TESTS), [
      'packages/core/src/a.test.ts',
      'packages/core/src/deep/er/b.test.ts',
      'packages/elements/src/x/z.node.test.ts',
      'scripts/build/s.test.mjs',
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('this repository’s Node tests include the tooling’s own', () => {
  const files = nodeTestFiles();
  assert.ok(files.includes('scripts/test/node-tests.test.mjs'));
  assert.ok(files.some((file) => file.startsWith('packages/core/src/')));
  assert.ok(!files.some((file) => file.endsWith('.browser.test.ts')));
});
