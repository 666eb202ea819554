// @ts-check
// `npm run test:examples`: builds every example and drives each, end to end in Chromium, through the whole
// enrollment against the reference backend; then the demo portal of `npm start`, with each of its adapters.
// Prints a plain `N passed, N failed` line.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { createServer as createViteServer } from 'vite';
import { createSecurityInfoMiddleware, TEST_LIMITS } from '@security-info/server';
import { CHROME_ARGS, findBrowser } from './find-browser.mjs';

/** @typedef {import('puppeteer-core').Page} Page */
/** @typedef {() => Promise<string | null>} ReadCode */

const root = fileURLToPath(new URL('../..', import.meta.url));
/** @type {{ name: string, path: string, build?: [string, string[]] }[]} */
const examples = [
  { name: 'html', path: '/examples/html/index.html' },
  {
    name: 'react',
    path: '/examples/react/dist/index.html',
    build: ['npm', ['run', 'build', '-w', '@security-info/example-react']],
  },
  {
    name: 'vue',
    path: '/examples/vue/dist/index.html',
    build: ['npm', ['run', 'build', '-w', '@security-info/example-vue']],
  },
  {
    name: 'angular',
    path: '/examples/angular/dist/index.html',
    build: ['npm', ['run', 'build', '-w', '@security-info/example-angular']],
  },
];

/**
 * @param {string} command
 * @param {string[]} args
 */
function run(command, args) {
  console.log(`▶ ${[command, ...args].join(' ')}`);
  const env = { ...process.env, NG_CLI_ANALYTICS: 'false', CI: process.env.CI ?? '1' };
  const outcome = spawnSync(command, args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (outcome.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};
/** @type {{ code?: string }[]} */
const issued = [];
const backend = createSecurityInfoMiddleware({
  // One signed-in demo user, and limits lifted: every example enrolls the same number from the same address.
  development: true,
  authenticate: () => 'demo-user',
  sender: { send: async (message) => void issued.push(message) },
  limits: TEST_LIMITS,
});

/** Serves the repository (examples, built packages, node_modules) and the reference backend. */
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (path === '/__test__/last-code') {
    res.setHeader('content-type', 'application/json');
    return res.end(JSON.stringify({ code: issued.at(-1)?.code ?? null }));
  }
  backend(req, res, () => {
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      return res.end();
    }
    res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
    createReadStream(file).pipe(res);
  });
});

/** @param {unknown} error */
const messageOf = (error) => (error instanceof Error ? error.message : String(error));

/**
 * Names the step that timed out.
 * @template T
 * @param {string} what
 * @param {() => Promise<T>} wait
 * @returns {Promise<T>}
 */
async function waitFor(what, wait) {
  try {
    return await wait();
  } catch (error) {
    throw new Error(`waiting for ${what}: ${messageOf(error)}`);
  }
}

/**
 * The code the reference backend of this run sent last.
 * @param {string} base
 * @returns {ReadCode}
 */
const lastSentCode = (base) => async () => (await (await fetch(`${base}/__test__/last-code`)).json()).code;

/**
 * Finds an element matching `selector` through shadow roots, as a person finds the control on screen.
 * @param {Page} page
 * @param {string} selector
 * @returns {Promise<import('puppeteer-core').ElementHandle<Element>>}
 */
const deep = (page, selector) =>
  waitFor(selector, async () => {
    const handle = await page.waitForFunction(
      (sel) => {
        /** @type {(node: Document | ShadowRoot) => Element | null} */
        const walk = (node) => {
          for (const el of node.querySelectorAll('*')) {
            if (el.matches(sel)) return el;
            if (el.shadowRoot) {
              const found = walk(el.shadowRoot);
              if (found) return found;
            }
          }
          return null;
        };
        return walk(document);
      },
      { timeout: 10_000 },
      selector,
    );
    return /** @type {import('puppeteer-core').ElementHandle<Element>} */ (handle);
  });

/**
 * Enrolls a phone like a person: the phone method if there is a choice, the number, the code it was sent.
 * @param {Page} page
 * @param {ReadCode} readCode
 * @param {string} [typed] the number as typed
 */
async function enroll(page, readCode, typed = '0612345678') {
  // A wizard that starts with the methods: the phone one.
  const first = await deep(page, 'input[type="tel"], button.method');
  if (await first.evaluate((el) => el.localName === 'button')) {
    await (await deep(page, 'button.method[aria-describedby^="phone-"]')).click();
  }
  await (await deep(page, 'input[type="tel"]')).type(typed);
  await (await deep(page, 'security-info-phone button[type="submit"], button[part~="next"]')).click();
  const codeField = await deep(page, 'input[autocomplete="one-time-code"]');
  const code = await waitFor('the code', async () => {
    for (let tries = 0; tries < 50; tries++) {
      const found = await readCode();
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('no code was sent');
  });
  await codeField.type(code);
  await (await deep(page, 'button[part~="verify"]')).click();
  await waitFor('the host page to show the registered number', () =>
    page.waitForFunction(() => document.body.textContent?.includes('Registered +31612345678'), { timeout: 10_000 }),
  );
}

let passed = 0;
let failed = 0;

/**
 * Opens `url` in a new page and enrolls there; counts and prints the outcome.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} name
 * @param {string} url
 * @param {(page: Page) => ReadCode} readCode
 * @param {string} [typed]
 */
async function check(browser, name, url, readCode, typed) {
  const page = await browser.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (error) => errors.push(messageOf(error)));
  try {
    await page.goto(url);
    await enroll(page, readCode(page), typed);
    if (errors.length) throw new Error(errors.join('; '));
    passed++;
    console.log(`  ✔ ${name}: enrolled end to end`);
  } catch (error) {
    failed++;
    console.log(`  ✖ ${name}: ${messageOf(error)}${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}`);
  } finally {
    await page.close();
  }
}

run('npm', [
  'run',
  'build',
  '--silent',
  '-w',
  '@security-info/core',
  '-w',
  '@security-info/elements',
  '-w',
  '@security-info/react',
]);
for (const example of examples) if (example.build) run(...example.build);
// The framework types (JSX for React, GlobalComponents for Vue) against the built packages.
run('npx', ['tsc', '-p', 'examples/react']);
run('npx', ['tsc', '-p', 'examples/vue']);

await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = server.address();
if (!address || typeof address === 'string') throw new Error('the examples server has no port');
const base = `http://127.0.0.1:${address.port}`;
const browser = await puppeteer.launch({
  executablePath: findBrowser({ install: true }),
  headless: true,
  args: CHROME_ARGS,
});
try {
  for (const example of examples)
    await check(browser, example.name, `${base}${example.path}`, () => lastSentCode(base));
  // The demo portal, served as `npm start` serves it (Vite over the sources, forwarding to the security-info-server
  // command it starts). With the in-browser adapter the page shows the code; with the reference backend its console
  // sender prints it. The command gets a data folder of its own, new for this run.
  const demoData = mkdtempSync(join(tmpdir(), 'security-info-demo-'));
  process.env.DEMO_DATA_DIR = demoData;
  const vite = await createViteServer({
    configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
    configLoader: 'native',
    server: { port: 0, host: '127.0.0.1' },
    logLevel: 'error',
  });
  await vite.listen();
  const demo = (vite.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');
  /** @type {string[]} */
  const printed = [];
  const warn = console.warn;
  // The reference backend's console sender prints each code: read it from there, as a developer does.
  console.warn = (...args) => {
    const code = args.join(' ').match(/^\[security-info\] \w+ code for .*: (\d+)$/)?.[1];
    if (code) printed.push(code);
    else warn(...args);
  };
  try {
    // No default country in the demo: the number with its calling code, as a person abroad types it.
    await check(
      browser,
      'demo (in-browser adapter)',
      `${demo}/?adapter=memory`,
      (page) => () =>
        page.$eval('#code', (el) =>
          /^\d+$/.test(/** @type {HTMLInputElement} */ (el).value) ? /** @type {HTMLInputElement} */ (el).value : null,
        ),
      '+31 6 12345678',
    );
    // A new data folder takes the command several seconds to open: the page's first call waits for it, and so
    // does this, so the wizard's own time-outs count from a service that answers.
    await waitFor('the demo backend to start', async () => {
      const policy = await fetch(`${demo}/api/security-info/policy`, { signal: AbortSignal.timeout(60_000) });
      if (!policy.ok) throw new Error(`GET /policy answered ${policy.status}: ${await policy.text()}`);
    }).catch((error) => console.log(`  (${messageOf(error)})`));
    await check(
      browser,
      'demo (reference backend)',
      `${demo}/`,
      () => async () => printed.at(-1) ?? null,
      '+31 6 12345678',
    );
  } finally {
    console.warn = warn;
    await vite.close();
    rmSync(demoData, { recursive: true, force: true });
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
