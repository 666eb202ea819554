// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HASH_NOISE, judgeBudgets, kb } from './budgets.mjs';

/**
 * @param {string} name
 * @param {number} gzip
 * @param {number} budget
 */
const figure = (name, gzip, budget) => ({ name, gzip, budget, ok: gzip <= budget });

test('figures within their budgets pass quietly', () => {
  assert.deepEqual(judgeBudgets([figure('a', 100, 200), figure('b', 200, 200)], {}), { lines: [], failed: 0 });
});

test('a broken budget fails the run and says by how much', () => {
  assert.deepEqual(judgeBudgets([figure('wizard', 2048, 1024)], {}), {
    lines: ['Budget broken: wizard is 2.0 KB gzip, budget 1.0 KB.'],
    failed: 1,
  });
  assert.deepEqual(judgeBudgets([{ name: 'heap growth', gzip: 0, budget: 0, ok: false }], {}), {
    lines: ['Budget broken: heap growth.'],
    failed: 1,
  });
});

test('a known overshoot that has not grown is reported, and passes', () => {
  const { lines, failed } = judgeBudgets([figure('wizard', 2048, 1024)], { wizard: 2048 });
  assert.equal(failed, 0);
  assert.deepEqual(lines, [
    'Budget broken: wizard is 2.0 KB gzip, budget 1.0 KB. Known and not grown (baseline 2.0 KB).',
  ]);
});

test('a known overshoot that grew fails', () => {
  const { lines, failed } = judgeBudgets([figure('wizard', 2048 + HASH_NOISE + 1, 1024)], { wizard: 2048 });
  assert.equal(failed, 1);
  assert.match(lines[0] ?? '', /It grew past its baseline of 2\.0 KB\.$/);
});

test('a known overshoot a few bytes past its baseline passes: the hashed names of later chunks move it', () => {
  assert.ok(HASH_NOISE > 7 && HASH_NOISE <= 16); // seen: up to 7 B from renames alone; real growth is more
  const { lines, failed } = judgeBudgets([figure('wizard', 2048 + HASH_NOISE, 1024)], { wizard: 2048 });
  assert.equal(failed, 0);
  assert.match(lines[0] ?? '', new RegExp(`Known and not grown \\(baseline 2\\.0 KB, \\+${HASH_NOISE} B: within`));
});

test('a figure well below its baseline asks for the baseline to be lowered', () => {
  assert.deepEqual(judgeBudgets([figure('wizard', 1000, 1024)], { wizard: 2048 }).lines, [
    'wizard shrank to 1.0 KB: lower its figure in bench/baseline.json to 1000.',
  ]);
  // Within 256 bytes of it: no notice, as gzip sizes wobble with unrelated changes.
  const near = judgeBudgets([figure('wizard', 1900, 1024)], { wizard: 2048 });
  assert.equal(near.failed, 0);
  assert.deepEqual(near.lines.length, 1);
  assert.match(near.lines[0] ?? '', /Known and not grown/);
});

test('kilobytes with one decimal', () => {
  assert.equal(kb(15 * 1024), '15.0 KB');
  assert.equal(kb(1536), '1.5 KB');
});
