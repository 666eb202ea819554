// `npm test`: lint, type check, the core's tests in Node and every element's tests in Chromium, then one
// plain summary line with the counts, so a run that executed no test shows as such.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findBrowser } from './test/find-browser.mjs';

const results = [];
const failedSteps = [];
mkdirSync('test-results', { recursive: true });

function findFiles(dir, pattern) {
  return spawnSync('find', [dir, '-name', pattern]).stdout.toString().split('\n').filter(Boolean);
}

function run(label, command, args, options = {}) {
  console.log(`\n▶ ${label}: ${[command, ...args].join(' ')}`);
  const outcome = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32', ...options });
  if (outcome.status !== 0) failedSteps.push(label);
  return outcome.status === 0;
}

// 1. A browser first: a missing one is the most common surprise on a fresh machine.
try {
  process.env.CHROME_PATH = findBrowser({ install: true });
  console.log(`Browser: ${process.env.CHROME_PATH}`);
} catch (error) {
  console.error(`\n✖ ${error.message}`);
  process.exit(1);
}

// 2. Static checks.
run('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
run('format', 'npx', ['prettier', '--check', '.', '--log-level=warn']);
run('type check', 'npm', ['run', 'typecheck', '--silent']);

// 3. Tests that need no browser (the core, the XLIFF files) in Node, TAP to a file for the counts and a readable report on screen.
const nodeTap = 'test-results/node.tap';
rmSync(nodeTap, { force: true });
const nodeTests = [
  ...findFiles('packages/core/src', '*.test.ts').filter((file) => !file.endsWith('.browser.test.ts')),
  ...findFiles('packages/server/src', '*.test.ts'),
  ...findFiles('packages/react/src', '*.test.ts'),
  ...findFiles('packages/elements/src', '*.node.test.ts'),
  ...findFiles('examples/server', '*.test.ts'),
].sort();
// Packages import each other from their TypeScript sources, as in the browser tests.
const SOURCE = ['--conditions=@security-info/source', '--import', 'tsx'];
run('node tests', process.execPath, [
  '--conditions=@security-info/source',
  '--import',
  'tsx',
  '--test',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=tap',
  `--test-reporter-destination=${nodeTap}`,
  ...nodeTests,
]);
const tap = existsSync(nodeTap) ? readFileSync(nodeTap, 'utf8') : '';
const tapCount = (name) => Number(tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
results.push({
  suite: 'node',
  passed: tapCount('pass'),
  failed: tapCount('fail'),
  skipped: tapCount('skipped') + tapCount('todo'),
});

// 4. Element tests in Chromium.
const browserJson = 'test-results/browser.json';
rmSync(browserJson, { force: true });
// Under tsx with the source condition, so the test server can mount the reference backend from source.
run('browser tests', process.execPath, [...SOURCE, 'node_modules/@web/test-runner/dist/bin.js']);
if (existsSync(browserJson)) {
  const counts = JSON.parse(readFileSync(browserJson, 'utf8'));
  results.push({
    suite: 'browser',
    passed: counts.passed,
    failed: counts.failed + counts.errors,
    skipped: counts.skipped,
  });
  for (const failure of counts.failures) console.log(`  ✖ ${failure}`);
} else {
  results.push({ suite: 'browser', passed: 0, failed: 1, skipped: 0 });
}

const total = results.reduce(
  (sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed, skipped: sum.skipped + r.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log('\nSummary');
for (const r of results)
  console.log(`  ${r.suite.padEnd(8)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
if (failedSteps.length) console.log(`  failed steps: ${failedSteps.join(', ')}`);
// A skipped test proves nothing, so it counts as a failure; so does a failed step that ran no counted test
// (lint, format, type check, a test file that did not load).
const uncounted = failedSteps.filter(
  (step) => !(step === 'node tests' || step === 'browser tests') || total.failed === 0,
);
const failed = total.failed + total.skipped + uncounted.length;
console.log(`${total.passed} passed, ${failed} failed`);
if (total.passed === 0) console.log('No test ran.');
process.exit(failed > 0 || total.passed === 0 || failedSteps.length > 0 ? 1 : 0);
