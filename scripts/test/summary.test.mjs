// @ts-check
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { clearResults, countsFromBrowserJson, countsFromTap, readResults, recordFailedStep } from './results.mjs';
import { summarize } from './summary.mjs';

const LINE = /^\d+ passed, \d+ failed$/;

/**
 * @param {number} passed
 * @param {number} [failed]
 * @param {number} [skipped]
 */
const counts = (passed, failed = 0, skipped = 0) => ({ passed, failed, skipped });

/** @param {ReturnType<typeof summarize>} summary */
const lastLines = ({ lines }) => lines.filter((line) => LINE.test(line) || line === 'No test ran.');

test('all green: the counts added up, and success', () => {
  const summary = summarize({
    suites: [
      { name: 'node', counts: counts(300) },
      { name: 'browser', counts: counts(500) },
    ],
    failedSteps: [],
  });
  assert.deepEqual(lastLines(summary), ['800 passed, 0 failed']);
  assert.equal(summary.exitCode, 0);
  assert.ok(summary.lines.includes('  browser  500 passed, 0 failed, 0 skipped'));
});

test('failing tests are counted once, with their step', () => {
  const summary = summarize({
    suites: [
      { name: 'node', counts: counts(10, 2) },
      { name: 'browser', counts: counts(5) },
    ],
    failedSteps: ['test:node'],
  });
  assert.deepEqual(lastLines(summary), ['15 passed, 2 failed']);
  assert.equal(summary.exitCode, 1);
  assert.ok(summary.lines.includes('  failed steps: test:node'));
});

test('a failed lint or type check counts as a failure even when every test passed', () => {
  const summary = summarize({
    suites: [
      { name: 'node', counts: counts(10) },
      { name: 'browser', counts: counts(5) },
    ],
    failedSteps: ['lint', 'typecheck'],
  });
  assert.deepEqual(lastLines(summary), ['15 passed, 2 failed']);
  assert.equal(summary.exitCode, 1);
});

test('a test step that failed with nothing counted (a file that did not load) counts once', () => {
  const summary = summarize({
    suites: [
      { name: 'node', counts: counts(10) },
      { name: 'browser', counts: counts(5) },
    ],
    failedSteps: ['test:browser'],
  });
  assert.deepEqual(lastLines(summary), ['15 passed, 1 failed']);
  assert.equal(summary.exitCode, 1);
});

test('a runner that left no results, and skipped tests, are failures', () => {
  const summary = summarize({
    suites: [
      { name: 'node', counts: counts(10, 0, 3) },
      { name: 'browser', counts: undefined },
    ],
    failedSteps: [],
  });
  assert.deepEqual(lastLines(summary), ['10 passed, 4 failed']);
  assert.ok(summary.lines.includes('  browser  no results'));
  assert.equal(summary.exitCode, 1);
});

test('no test run is a failure, and says so', () => {
  const summary = summarize({
    suites: [
      { name: 'node', counts: counts(0) },
      { name: 'browser', counts: counts(0) },
    ],
    failedSteps: [],
  });
  assert.deepEqual(lastLines(summary), ['0 passed, 0 failed', 'No test ran.']);
  assert.equal(summary.exitCode, 1);
});

test('TAP and the browser reporter’s counts are read as their runners wrote them', () => {
  assert.deepEqual(countsFromTap('ok 1 - a\n# tests 4\n# pass 2\n# fail 1\n# skipped 1\n# todo 0\n'), counts(2, 1, 1));
  assert.equal(countsFromTap('TAP version 13\nok 1 - a\n'), undefined, 'a report cut short has no counts');
  assert.deepEqual(
    countsFromBrowserJson(JSON.stringify({ passed: 5, failed: 1, skipped: 0, errors: 2, failures: [] })),
    counts(5, 3),
  );
});

test('a run’s results: cleared first, then what the steps left', () => {
  const dir = mkdtempSync(join(tmpdir(), 'results-'));
  try {
    writeFileSync(join(dir, 'node.tap'), '# pass 1\n# fail 0\n');
    recordFailedStep('lint', dir);
    clearResults(dir);
    assert.deepEqual(readResults(dir), {
      suites: [
        { name: 'node', counts: undefined },
        { name: 'docs', counts: undefined },
        { name: 'browser', counts: undefined },
      ],
      failedSteps: [],
    });
    writeFileSync(join(dir, 'node.tap'), '# pass 7\n# fail 0\n# skipped 0\n# todo 0\n');
    writeFileSync(join(dir, 'docs.tap'), '# pass 4\n# fail 1\n');
    writeFileSync(join(dir, 'browser.json'), JSON.stringify({ passed: 3, failed: 0, skipped: 0, errors: 0 }));
    recordFailedStep('lint', dir);
    recordFailedStep('typecheck', dir);
    assert.deepEqual(readResults(dir), {
      suites: [
        { name: 'node', counts: counts(7) },
        { name: 'docs', counts: counts(4, 1) },
        { name: 'browser', counts: counts(3) },
      ],
      failedSteps: ['lint', 'typecheck'],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the commands: a wrong call is refused with its usage', () => {
  const results = spawnSync(process.execPath, [fileURLToPath(new URL('./results.mjs', import.meta.url)), 'fail'], {
    encoding: 'utf8',
  });
  assert.equal(results.status, 2);
  assert.match(results.stderr, /usage: node scripts\/test\/results\.mjs clear \| failed <step>/);
});
