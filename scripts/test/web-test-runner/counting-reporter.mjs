// @ts-check
// Writes the counts of the browser tests to a file, so `npm test` can print one summary line (scripts/test/).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

/**
 * @typedef {{ passed: number, failed: number, skipped: number, errors: number, failures: string[] }} Counts
 * @typedef {Pick<import('@web/test-runner-core').TestSession, 'testFile' | 'passed' | 'errors' | 'testResults'>} SessionResult
 */

/**
 * Counts passed, failed and skipped tests; a file that failed to load has no results and counts as an error.
 * @param {readonly SessionResult[]} sessions
 * @param {string} [root] test files are named relative to it
 * @returns {Counts}
 */
export function countResults(sessions, root = process.cwd()) {
  /** @type {Counts} */
  const counts = { passed: 0, failed: 0, skipped: 0, errors: 0, failures: [] };
  /**
   * @param {import('@web/test-runner-core').TestSuiteResult} suite
   * @param {string[]} path
   */
  const walk = (suite, path) => {
    for (const test of suite.tests ?? []) {
      if (test.skipped) counts.skipped++;
      else if (test.passed) counts.passed++;
      else {
        counts.failed++;
        counts.failures.push([...path, test.name].join(' > '));
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...path, child.name]);
  };
  for (const session of sessions) {
    const file = relative(root, session.testFile);
    if (session.testResults) walk(session.testResults, [file]);
    // So that it cannot pass silently.
    if (!session.passed && (session.errors?.length ?? 0) > 0) {
      counts.errors++;
      counts.failures.push(`${file} (did not run: ${session.errors[0]?.message ?? 'error'})`);
    }
  }
  return counts;
}

/**
 * A reporter that writes the counts as JSON to `file` when the run finishes.
 * @param {string} file
 * @returns {import('@web/test-runner-core').Reporter}
 */
export function countingReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(countResults(sessions), null, 2));
    },
  };
}
