// Browser tests: every element in Chromium (Debian's package, or the user's Chrome), TypeScript through esbuild.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { createSecurityInfoMiddleware, TEST_LIMITS } from '@security-info/server';
import { CHROME_ARGS, findBrowser } from './scripts/test/find-browser.mjs';
import { forShipping, isShippedSource } from './scripts/build/ship.mjs';

const resultsFile = fileURLToPath(new URL('./test-results/browser.json', import.meta.url));

// A DevTools protocol session per test page, kept open: what it emulates lasts as long as the session.
const devToolsSessions = new Map();
async function devTools(session) {
  const page = session.browser.getPage(session.id);
  if (!devToolsSessions.has(page)) devToolsSessions.set(page, await page.createCDPSession());
  return devToolsSessions.get(page);
}

/**
 * `executeServerCommand('forced-colors', { active })`: Windows High Contrast as Chromium emulates it, through the
 * DevTools protocol (the media emulation of @web/test-runner-commands has no forced-colors).
 */
function forcedColorsCommand() {
  return {
    name: 'forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'forced-colors') return undefined;
      await (
        await devTools(session)
      ).send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }],
      });
      return true;
    },
  };
}

/** The network conditions a test sets with the commands below; both end with `{ paths: [] }`. */
const network = { outage: [], slow: [], slowMs: 0 };
const affects = (paths, path) => paths.some((part) => path.includes(part));

function networkCommand(name, apply) {
  return {
    name,
    async executeCommand({ command, payload, session }) {
      if (command !== name) return undefined;
      apply(payload ?? {});
      // Files an earlier test page loaded would come from the browser's cache, never meeting the conditions.
      const client = await devTools(session);
      await client.send('Network.enable');
      await client.send('Network.setCacheDisabled', { cacheDisabled: network.outage.length + network.slow.length > 0 });
      return true;
    },
  };
}

/**
 * `executeServerCommand('network-outage', { paths })`: requests whose path contains one of `paths` fail as they
 * would for a person who went offline after the page loaded.
 */
const networkOutageCommand = () => networkCommand('network-outage', ({ paths = [] }) => (network.outage = paths));

/**
 * `executeServerCommand('slow-network', { paths, ms })`: requests whose path contains one of `paths` are answered
 * `ms` later, as on a slow connection.
 */
const slowNetworkCommand = () =>
  networkCommand('slow-network', ({ paths = [], ms = 0 }) => {
    network.slow = paths;
    network.slowMs = ms;
  });

async function networkConditions(context, next) {
  if (affects(network.slow, context.path)) await new Promise((resolve) => setTimeout(resolve, network.slowMs));
  if (affects(network.outage, context.path)) {
    // The connection drops, as it does offline (a 503 would get the dev server's year-long cache header).
    context.respond = false;
    context.req.socket.destroy();
    return;
  }
  await next();
}

/** Writes the counts of passed, failed and skipped tests, so the test script can print one summary line. */
function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0, errors: 0, failures: [] };
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
        if (session.testResults) walk(session.testResults, [session.testFile.replace(process.cwd() + '/', '')]);
        // A file that failed to load has no results: count it, so it cannot pass silently.
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.errors++;
      }
      mkdirSync(fileURLToPath(new URL('./test-results/', import.meta.url)), { recursive: true });
      writeFileSync(resultsFile, JSON.stringify(counts, null, 2));
    },
  };
}

/** The strict policy the library promises to run under; the CSP test page is served with it. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

/** Serves the pages under test/csp/ with the strict policy as a real response header. */
async function strictCsp(context, next) {
  await next();
  if (context.path.startsWith('/packages/elements/test/csp/')) context.set('Content-Security-Policy', STRICT_CSP);
}

/**
 * The reference backend, for the end-to-end test: codes go to a list that only this test server exposes, at
 * /__test__/last-code, so a test can finish the flow like a person reading the message.
 */
const issued = [];
const backend = createSecurityInfoMiddleware({
  // One signed-in test user, and limits lifted: every test enrolls from the same user, address and country.
  development: true,
  authenticate: () => 'test-user',
  sender: { send: async (message) => void issued.push(message) },
  limits: TEST_LIMITS,
});

async function referenceBackend(context, next) {
  if (context.path === '/__test__/last-code') {
    context.body = { code: issued.at(-1)?.code ?? null };
    return;
  }
  if (!context.path.startsWith('/api/security-info/')) return next();
  context.respond = false;
  await new Promise((resolve) => {
    context.res.on('finish', resolve);
    backend(context.req, context.res, resolve);
  });
}

/** The elements' sources as the package ships them (see scripts/ship.mjs): the tests run what users get. */
function asShipped() {
  return {
    name: 'as-shipped',
    transform(context) {
      return isShippedSource(context.path) ? { body: forShipping(context.body, context.path) } : undefined;
    },
  };
}

export default {
  rootDir: '.',
  files: [
    'packages/elements/src/**/*.test.ts',
    '!packages/elements/src/**/*.node.test.ts',
    'packages/core/src/**/*.browser.test.ts',
    'stories/**/*.test.ts',
  ],
  middleware: [strictCsp, referenceBackend, networkConditions],
  nodeResolve: { exportConditions: ['@security-info/source', 'browser', 'development'] },
  plugins: [
    forcedColorsCommand(),
    networkOutageCommand(),
    slowNetworkCommand(),
    asShipped(),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findBrowser(), headless: true, args: CHROME_ARGS },
    }),
  ],
  // One page at a time: key presses go to the focused page, and two pages would compete for focus.
  concurrency: 1,
  testFramework: { config: { timeout: 10_000 } },
  testsFinishTimeout: 10 * 60_000,
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter()],
};
