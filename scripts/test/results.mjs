// @ts-check
// What each step of `npm test` leaves in test-results/ for the summary: the runners' own counts (node.tap from
// Node's test runner, docs.tap from the docs test, browser.json from the browser tests' counting reporter) and the
// steps that failed.
//
//   node scripts/test/results.mjs clear           # before a run: no counts or failures of an earlier one
//   node scripts/test/results.mjs failed <step>   # after a step (an npm script's name) exits non-zero
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));
export const NODE_TAP = 'node.tap';
export const DOCS_TAP = 'docs.tap';
export const BROWSER_JSON = 'browser.json';
const FAILED_STEPS = 'failed-steps.txt';

/**
 * One suite's counts; undefined when its runner left none.
 * @typedef {{ passed: number, failed: number, skipped: number } | undefined} SuiteCounts
 * @typedef {{ suites: { name: string, counts: SuiteCounts }[], failedSteps: string[] }} Results
 */

/** @param {string} [dir] */
export function clearResults(dir = RESULTS_DIR) {
  mkdirSync(dir, { recursive: true });
  for (const name of [NODE_TAP, DOCS_TAP, BROWSER_JSON, FAILED_STEPS]) rmSync(join(dir, name), { force: true });
}

/**
 * @param {string} step
 * @param {string} [dir]
 */
export function recordFailedStep(step, dir = RESULTS_DIR) {
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, FAILED_STEPS), `${step}\n`);
}

/**
 * The counts in the summary of a TAP report (`# pass 3` ...); skipped and to-do tests count as skipped.
 * @param {string} tap
 * @returns {SuiteCounts}
 */
export function countsFromTap(tap) {
  /** @param {string} name */
  const count = (name) => tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1];
  const [pass, fail] = [count('pass'), count('fail')];
  if (pass === undefined || fail === undefined) return undefined;
  return {
    passed: Number(pass),
    failed: Number(fail),
    skipped: Number(count('skipped') ?? 0) + Number(count('todo') ?? 0),
  };
}

/**
 * The counts of the browser tests' reporter; a test file that did not load is a failure.
 * @param {string} json
 * @returns {SuiteCounts}
 */
export function countsFromBrowserJson(json) {
  /** @type {import('./web-test-runner/counting-reporter.mjs').Counts} */
  const counts = JSON.parse(json);
  return { passed: counts.passed, failed: counts.failed + counts.errors, skipped: counts.skipped };
}

/**
 * @param {string} [dir]
 * @returns {Results}
 */
export function readResults(dir = RESULTS_DIR) {
  /** @param {string} name */
  const read = (name) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : undefined);
  const tap = read(NODE_TAP);
  const docs = read(DOCS_TAP);
  const browser = read(BROWSER_JSON);
  return {
    suites: [
      { name: 'node', counts: tap === undefined ? undefined : countsFromTap(tap) },
      { name: 'docs', counts: docs === undefined ? undefined : countsFromTap(docs) },
      { name: 'browser', counts: browser === undefined ? undefined : countsFromBrowserJson(browser) },
    ],
    failedSteps: (read(FAILED_STEPS) ?? '').split('\n').filter(Boolean),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, step] = process.argv.slice(2);
  if (command === 'clear') clearResults();
  else if (command === 'failed' && step) recordFailedStep(step);
  else {
    console.error('usage: node scripts/test/results.mjs clear | failed <step>');
    process.exit(2);
  }
}

/**
 * Runs Node's test runner over `files` with the options this process was started with (tsx, the source condition),
 * a readable report on screen and a TAP report in RESULTS_DIR for the summary.
 * @param {readonly string[]} files
 * @param {string} tap the TAP report's file name
 * @param {string} cwd
 * @returns {number} the runner's exit status
 */
export function runNodeTests(files, tap, cwd) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const run = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${join(RESULTS_DIR, tap)}`,
      ...files,
    ],
    { cwd, stdio: 'inherit' },
  );
  return run.status ?? 1;
}
