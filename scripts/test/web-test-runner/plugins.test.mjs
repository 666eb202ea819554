// @ts-check
// The test runner's plugins, driven as the dev server and the runner drive them, without a browser.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { asShipped } from './as-shipped.mjs';
import { countResults, countingReporter } from './counting-reporter.mjs';
import { forcedColorsCommand } from './forced-colors.mjs';
import { affects, networkConditions } from './network.mjs';
import { REFERENCE_POLICY, referenceBackend, referenceOrigins } from './reference-backend.mjs';
import { STRICT_CSP, strictCsp } from './strict-csp.mjs';

/** A test session whose page records what is sent through its DevTools session. */
function fakeSession() {
  /** @type {[string, unknown][]} */
  const sent = [];
  const client = {
    send: async (/** @type {string} */ method, /** @type {unknown} */ params) => sent.push([method, params]),
  };
  const page = { createCDPSession: async () => client };
  const session = { id: 's1', browser: { getPage: () => page } };
  return { sent, session: /** @type {any} */ (session) };
}

/**
 * A dev server request context for `path`, enough for the middleware here.
 * @param {string} path
 */
function fakeContext(path) {
  const headers = /** @type {Record<string, string>} */ ({});
  let destroyed = false;
  const context = {
    path,
    respond: true,
    body: /** @type {unknown} */ (undefined),
    req: { socket: { destroy: () => (destroyed = true) } },
    set: (/** @type {string} */ name, /** @type {string} */ value) => (headers[name] = value),
  };
  return { headers, context: /** @type {any} */ (context), destroyed: () => destroyed };
}

/** @param {import('@web/test-runner-core').TestRunnerPlugin<any>} plugin */
const command = (plugin) => /** @type {NonNullable<typeof plugin.executeCommand>} */ (plugin.executeCommand);

test('forced colors: emulated through DevTools, and other commands left to other plugins', async () => {
  const { sent, session } = fakeSession();
  const run = command(forcedColorsCommand());
  assert.equal(await run({ command: 'other', payload: {}, session }), undefined);
  assert.equal(await run({ command: 'forced-colors', payload: { active: true }, session }), true);
  await run({ command: 'forced-colors', payload: {}, session });
  assert.deepEqual(sent, [
    ['Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] }],
    ['Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'none' }] }],
  ]);
});

test('network: a path is affected when it contains one of the parts', () => {
  assert.ok(affects(['/locales/'], '/packages/elements/src/generated/locales/de.ts'));
  assert.ok(!affects([], '/anything'));
});

test('network outage: the connection drops for the named paths, with the browser cache off until it ends', async () => {
  const { conditions, middleware, plugins } = networkConditions();
  const { sent, session } = fakeSession();
  const outage = command(/** @type {import('@web/test-runner-core').TestRunnerPlugin<any>} */ (plugins[0]));
  assert.equal(await outage({ command: 'network-outage', payload: { paths: ['/api/'] }, session }), true);
  assert.deepEqual(conditions.outage, ['/api/']);
  let passedOn = false;
  const dropped = fakeContext('/api/security-info/send');
  await middleware(dropped.context, async () => void (passedOn = true));
  assert.ok(dropped.destroyed() && dropped.context.respond === false && !passedOn);
  const other = fakeContext('/index.html');
  await middleware(other.context, async () => void (passedOn = true));
  assert.ok(passedOn && !other.destroyed());
  await outage({ command: 'network-outage', payload: { paths: [] }, session });
  assert.deepEqual(sent, [
    ['Network.enable', undefined],
    ['Network.setCacheDisabled', { cacheDisabled: true }],
    ['Network.enable', undefined],
    ['Network.setCacheDisabled', { cacheDisabled: false }],
  ]);
});

test('slow network: the named paths are answered later, the rest at once', async (t) => {
  const { middleware, plugins } = networkConditions();
  const { session } = fakeSession();
  const slow = command(/** @type {import('@web/test-runner-core').TestRunnerPlugin<any>} */ (plugins[1]));
  assert.equal(await slow({ command: 'network-outage', payload: {}, session }), undefined);
  await slow({ command: 'slow-network', payload: { paths: ['/slow/'], ms: 60 }, session });
  // The timers' clock, not the machine's: "at once" must not depend on how busy the machine is.
  t.mock.timers.enable({ apis: ['setTimeout'] });
  /** @param {string} path */
  const answer = (path) => {
    const state = { answered: false };
    void middleware(fakeContext(path).context, async () => {}).then(() => (state.answered = true));
    return state;
  };
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  const slowOne = answer('/slow/x.js');
  const fastOne = answer('/fast/x.js');
  await settle();
  assert.equal(fastOne.answered, true, 'the rest at once');
  assert.equal(slowOne.answered, false);
  t.mock.timers.tick(59);
  await settle();
  assert.equal(slowOne.answered, false, 'not before its time');
  t.mock.timers.tick(1);
  await settle();
  assert.equal(slowOne.answered, true, 'answered after its time');
});

test('strict CSP: the policy header on the CSP pages only', async () => {
  const middleware = strictCsp();
  const page = fakeContext('/packages/elements/test/csp/index.html');
  await middleware(page.context, async () => {});
  assert.deepEqual(page.headers, { 'Content-Security-Policy': STRICT_CSP });
  const other = fakeContext('/packages/elements/test/other.html');
  await middleware(other.context, async () => {});
  assert.deepEqual(other.headers, {});
  assert.match(STRICT_CSP, /require-trusted-types-for 'script'/);
});

test('reference backend: no code sent yet, and other paths passed on', async () => {
  const middleware = referenceBackend();
  const lastCode = fakeContext('/__test__/last-code');
  await middleware(lastCode.context, async () => assert.fail('answered here'));
  assert.deepEqual(lastCode.context.body, { code: null });
  let passedOn = false;
  await middleware(fakeContext('/index.html').context, async () => void (passedOn = true));
  assert.ok(passedOn);
});

test('as shipped: the elements’ sources are served minified, tests and other files as they are', () => {
  const { transform } = asShipped();
  assert.ok(transform);
  const code = "const s = css`\n  a { b: c; }\n`; msg('x', { id: 'x', desc: 'note' });";
  /** @param {string} path */
  const served = (path) => transform(/** @type {any} */ ({ path, body: code }));
  assert.deepEqual(served('/packages/elements/src/shared/tokens.styles.ts'), {
    body: "const s = css`a{b:c}`; msg('x', { id: 'x' });",
  });
  assert.equal(served('/packages/elements/src/shared/tokens.test.ts'), undefined);
  assert.equal(served('/packages/core/src/phone.ts'), undefined);
});

/**
 * @param {string} testFile
 * @param {import('@web/test-runner-core').TestSuiteResult | undefined} testResults
 * @param {{ message: string }[]} [errors]
 */
const session = (testFile, testResults, errors = []) => ({
  testFile,
  testResults,
  errors,
  passed: errors.length === 0 && !!testResults,
});
/**
 * @param {string} name
 * @param {boolean} passed
 * @param {boolean} [skipped]
 */
const result = (name, passed, skipped = false) => ({ name, passed, skipped, duration: 1 });

test('counts: passed, failed with their path, skipped, and a file that did not load', () => {
  const counts = countResults(
    [
      session('/repo/a.test.ts', {
        name: '',
        tests: [result('one', true)],
        suites: [{ name: 'group', tests: [result('two', false), result('three', true, true)], suites: [] }],
      }),
      session('/repo/b.test.ts', undefined, [{ message: 'SyntaxError' }]),
    ],
    '/repo',
  );
  assert.deepEqual(counts, {
    passed: 1,
    failed: 1,
    skipped: 1,
    errors: 1,
    failures: ['a.test.ts > group > two', 'b.test.ts (did not run: SyntaxError)'],
  });
});

test('the reporter writes the counts where the summary reads them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'counts-'));
  try {
    const file = join(dir, 'nested', 'browser.json');
    const reporter = countingReporter(file);
    await reporter.onTestRunFinished?.(
      /** @type {any} */ ({
        sessions: [session(join(process.cwd(), 'a.test.ts'), { name: '', tests: [result('x', true)], suites: [] })],
      }),
    );
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), {
      passed: 1,
      failed: 0,
      skipped: 0,
      errors: 0,
      failures: [],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('reference backend: passkeys on localhost, at the port the request came to', () => {
  assert.deepEqual(referenceOrigins(new Request('http://localhost:8123/api/security-info/passkeys')), [
    'http://localhost:8123',
  ]);
  // Whatever host a request names, the origin stays on localhost, the relying party.
  assert.deepEqual(referenceOrigins(new Request('http://evil.test:9000/api/security-info/passkeys')), [
    'http://localhost:9000',
  ]);
  assert.ok(REFERENCE_POLICY.methods.some((method) => method.id === 'passkey'));
  assert.equal(REFERENCE_POLICY.recoveryCodes, true);
});
