// @ts-check
// The last step of `npm test`: one line per suite, the steps that failed, and the plain `N passed, N failed` line
// from the runners' own counts (see results.mjs). Exits non-zero when a step failed, a test failed or was skipped
// (a skipped test proves nothing), or no test ran.
import { fileURLToPath } from 'node:url';
import { readResults } from './results.mjs';

/**
 * @param {import('./results.mjs').Results} results
 * @returns {{ lines: string[], exitCode: number }}
 */
export function summarize({ suites, failedSteps }) {
  const lines = ['', 'Summary'];
  let passed = 0;
  let failed = 0;
  for (const { name, counts } of suites) {
    if (!counts) {
      // A runner that left no counts crashed or never started: that is a failure, not nothing.
      lines.push(`  ${name.padEnd(8)} no results`);
      failed++;
      continue;
    }
    lines.push(`  ${name.padEnd(8)} ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    passed += counts.passed;
    failed += counts.failed + counts.skipped;
    // A test step (`npm run test:<suite>`) that failed with no failing test counted (a file that did not load)
    // counts once.
    if (counts.failed === 0 && failedSteps.includes(`test:${name}`)) failed++;
  }
  if (failedSteps.length) lines.push(`  failed steps: ${failedSteps.join(', ')}`);
  // Steps that run no counted test (lint, type check) count once each when they fail.
  const suiteSteps = suites.map(({ name }) => `test:${name}`);
  failed += failedSteps.filter((step) => !suiteSteps.includes(step)).length;
  lines.push(`${passed} passed, ${failed} failed`);
  if (passed === 0) lines.push('No test ran.');
  return { lines, exitCode: failed > 0 || passed === 0 || failedSteps.length > 0 ? 1 : 0 };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { lines, exitCode } = summarize(readResults());
  for (const line of lines) console.log(line);
  process.exit(exitCode);
}
