// Browser tests: every element in Chromium (Debian's package, or the user's Chrome), TypeScript through esbuild.
// The plugins are in scripts/test/web-test-runner/, one per file.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { CHROME_ARGS, findBrowser } from './scripts/test/find-browser.mjs';
import { asShipped } from './scripts/test/web-test-runner/as-shipped.mjs';
import { countingReporter } from './scripts/test/web-test-runner/counting-reporter.mjs';
import { forcedColorsCommand } from './scripts/test/web-test-runner/forced-colors.mjs';
import { networkConditions } from './scripts/test/web-test-runner/network.mjs';
import { referenceBackend } from './scripts/test/web-test-runner/reference-backend.mjs';
import { strictCsp } from './scripts/test/web-test-runner/strict-csp.mjs';
import { virtualAuthenticatorCommand } from './scripts/test/web-test-runner/virtual-authenticator.mjs';

export { STRICT_CSP } from './scripts/test/web-test-runner/strict-csp.mjs';

const network = networkConditions();

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: '.',
  files: [
    'packages/elements/src/**/*.test.ts',
    '!packages/elements/src/**/*.node.test.ts',
    'packages/core/src/**/*.browser.test.ts',
    'stories/**/*.test.ts',
  ],
  middleware: [strictCsp(), referenceBackend(), network.middleware],
  nodeResolve: { exportConditions: ['@security-info/source', 'browser', 'development'] },
  plugins: [
    // What Chromium gives a screen reader, for what must be heard as it is (the recovery codes).
    a11ySnapshotPlugin(),
    forcedColorsCommand(),
    virtualAuthenticatorCommand(),
    ...network.plugins,
    asShipped(),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)),
    }),
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath: findBrowser(), headless: true, args: CHROME_ARGS } })],
  // One page at a time: key presses go to the focused page, and two pages would compete for focus.
  concurrency: 1,
  testFramework: { config: { timeout: 10_000 } },
  testsFinishTimeout: 10 * 60_000,
  reporters: [
    defaultReporter(),
    summaryReporter({ flatten: false }),
    countingReporter(fileURLToPath(new URL('./test-results/browser.json', import.meta.url))),
  ],
};
