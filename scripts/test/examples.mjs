// @ts-check
// `npm run test:examples`: builds every example and drives each, end to end in Chromium, through the Security info
// page against the reference backend on its embedded database: the empty list, Add, the wizard enrolling a phone
// with the code it was sent, and the list showing that phone masked; then the demo portal of `npm start`, with each
// of its adapters, adding a phone and then a passkey. Prints a plain `N passed, N failed` line.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { Locator } from 'puppeteer-core';
import { createServer as createViteServer } from 'vite';
import { createSecurityInfoMiddleware, TEST_LIMITS } from '@security-info/server';
import { openPGliteStore } from '@security-info/server/pglite';
import { CHROME_ARGS, findBrowser } from './find-browser.mjs';
import { PLATFORM_AUTHENTICATOR } from './web-test-runner/virtual-authenticator.mjs';

/** @typedef {import('puppeteer-core').Page} Page */
/** @typedef {import('puppeteer-core').BrowserContext} BrowserContext */
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
 * Runs a build step; the embedded database opens meanwhile.
 * @param {string} command
 * @param {string[]} args
 * @returns {Promise<void>}
 */
function run(command, args) {
  console.log(`▶ ${[command, ...args].join(' ')}`);
  const env = { ...process.env, NG_CLI_ANALYTICS: 'false', CI: process.env.CI ?? '1' };
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (status) =>
      status === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed`)),
    );
  });
}

// The reference backend's embedded database (in memory): it takes seconds to open, so it opens while the examples
// build.
const opening = openPGliteStore();
opening.catch(() => undefined);

await run('npm', [
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
for (const example of examples) if (example.build) await run(...example.build);
// The framework types (JSX for React, GlobalComponents for Vue) against the built packages.
await run('npx', ['tsc', '-p', 'examples/react']);
await run('npx', ['tsc', '-p', 'examples/vue']);

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
/** Each example signs in a person of its own (this cookie names them), so each starts with no methods. */
const USER_COOKIE = 'example-user';
const USER = new RegExp(`(?:^|;\\s*)${USER_COOKIE}=([\\w-]+)`);
const store = await opening;
const backend = createSecurityInfoMiddleware({
  // Development conveniences and limits lifted: every example enrolls the same number from the same address.
  development: true,
  authenticate: (request) => USER.exec(request.headers.get('cookie') ?? '')?.[1] ?? null,
  store,
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
 * A control found as a person finds it, by its role and accessible name (through shadow roots, and only where a
 * modal dialog leaves the page reachable).
 * @param {Page} page
 * @param {string} role
 * @param {string} name
 */
const byRole = (page, role, name) => page.locator(`::-p-aria([role="${role}"][name="${name}"])`);

/**
 * Waits until the page's text (shadow roots included) contains `text`.
 * @param {Page} page
 * @param {string} text
 */
const shows = (page, text) =>
  waitFor(`"${text}"`, () =>
    page.waitForFunction(
      (wanted) => {
        /** @type {(node: Document | ShadowRoot | Element) => string} */
        const textOf = (node) =>
          [...node.childNodes]
            .map((child) =>
              child.nodeType === Node.TEXT_NODE
                ? child.textContent
                : child instanceof Element
                  ? textOf(child.shadowRoot ?? child)
                  : '',
            )
            .join(' ');
        return textOf(document).replace(/\s+/g, ' ').includes(wanted);
      },
      {},
      text,
    ),
  );

/**
 * Waits for the code the wizard just had sent.
 * @param {ReadCode} readCode
 * @returns {Promise<string>}
 */
const sentCode = (readCode) =>
  waitFor('the code', async () => {
    for (let tries = 0; tries < 50; tries++) {
      const found = await readCode();
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('no code was sent');
  });

/**
 * Adds a phone on the Security info page like a person: the empty list, Add, the phone method in the wizard's dialog,
 * the number, the code it was sent, Done; then the list shows the phone masked, and the host heard of the change.
 * @param {Page} page
 * @param {ReadCode} readCode
 * @param {string} [typed] the number as typed
 */
async function addPhone(page, readCode, typed = '0612345678') {
  await shows(page, "You haven't added any sign-in methods yet.");
  await waitFor('Add', () => byRole(page, 'button', 'Add sign-in method').click());
  // The wizard, in its dialog, at the choice of method (or at the phone, when that is all the policy allows).
  const numberField = byRole(page, 'textbox', 'Phone number');
  const chosen = await waitFor('the wizard', () =>
    Locator.race([numberField, byRole(page, 'button', 'Phone')]).waitHandle(),
  );
  if (await chosen.evaluate((el) => el.localName === 'button')) await chosen.click();
  await waitFor('the phone number field', () => numberField.click());
  await page.keyboard.type(typed);
  await waitFor('Next', () => byRole(page, 'button', 'Next').click());
  await waitFor('the code field', () => byRole(page, 'textbox', 'Verification code').click());
  await page.keyboard.type(await sentCode(readCode));
  await waitFor('Verify', () => byRole(page, 'button', 'Verify').click());
  await waitFor('Done', () => byRole(page, 'button', 'Done').click());
  // The row's Change is named with the phone as the list shows it, masked as the wizard masks it; focus is on it.
  const change = await waitFor('the phone in the list', () =>
    byRole(page, 'button', 'Change Phone +31 6 •••• 5678').waitHandle(),
  );
  await waitFor('focus on the new phone', () =>
    page.waitForFunction(
      (button) => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return active === button;
      },
      {},
      change,
    ),
  );
  await shows(page, 'Security info updated (added).');
}

let passed = 0;
let failed = 0;

/**
 * Runs `steps` on a page of its own: a browser context signed in as a new person (named after the run), where any
 * error the page throws fails the run too; counts and prints the outcome.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} name
 * @param {string} url what the person opens, on the host the cookie is for
 * @param {string} outcome what the run shows when it passes
 * @param {(page: Page) => Promise<void>} steps from opening `url` on
 */
async function endToEnd(browser, name, url, outcome, steps) {
  const context = await browser.createBrowserContext();
  await context.setCookie({ name: USER_COOKIE, value: name.replace(/\W+/g, '-'), domain: new URL(url).hostname });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (error) => errors.push(messageOf(error)));
  try {
    await steps(page);
    if (errors.length) throw new Error(errors.join('; '));
    passed++;
    console.log(`  ✔ ${name}: ${outcome}, end to end`);
  } catch (error) {
    failed++;
    console.log(`  ✖ ${name}: ${messageOf(error)}${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}`);
  } finally {
    await context.close();
  }
}

/**
 * Opens `url` and adds a phone there (addPhone).
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} name
 * @param {string} url
 * @param {(page: Page) => ReadCode} readCode
 * @param {string} [typed]
 */
const check = (browser, name, url, readCode, typed) =>
  endToEnd(browser, name, url, 'a phone added through the Security info page', async (page) => {
    await page.goto(url);
    await addPhone(page, readCode(page), typed);
  });

/**
 * Adds a passkey on the demo's Security info page, with Chromium's virtual authenticator standing for the person's
 * device: Add, Passkey, Create passkey, the name offered, Save, Done; then the list shows it and the host heard of
 * the change. The page must be on `localhost`, the relying party the demo's backend is set up with.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} name
 * @param {string} url
 */
const checkPasskey = (browser, name, url) =>
  endToEnd(browser, name, url, 'a passkey added through the Security info page', async (page) => {
    const cdp = await page.createCDPSession();
    await cdp.send('WebAuthn.enable', { enableUI: false });
    await cdp.send('WebAuthn.addVirtualAuthenticator', { options: PLATFORM_AUTHENTICATOR });
    await page.goto(url);
    await waitFor('Add', () => byRole(page, 'button', 'Add sign-in method').click());
    await waitFor('the passkey method', () => byRole(page, 'button', 'Passkey').click());
    await waitFor('Create passkey', () => byRole(page, 'button', 'Create passkey').click());
    const named = await waitFor('the name offered', () =>
      byRole(page, 'textbox', 'Passkey name')
        .map((field) => /** @type {HTMLInputElement} */ (field).value)
        .wait(),
    );
    if (!named) throw new Error('no name was offered for the new passkey');
    await waitFor('Save', () => byRole(page, 'button', 'Save').click());
    await waitFor('Done', () => byRole(page, 'button', 'Done').click());
    await waitFor('the passkey in the list', () => byRole(page, 'button', `Rename Passkey ${named}`).wait());
    await shows(page, 'Security info updated (added).');
  });

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
    // Passkeys are bound to a domain name: the demo's relying party is localhost, on the port it is served on.
    const onLocalhost = (/** @type {string} */ path) => {
      const url = new URL(path, `${demo}/`);
      url.hostname = 'localhost';
      return url.href;
    };
    await checkPasskey(browser, 'demo (in-browser adapter, passkey)', onLocalhost('?adapter=memory'));
    await checkPasskey(browser, 'demo (reference backend, passkey)', onLocalhost('/'));
  } finally {
    console.warn = warn;
    await vite.close();
    rmSync(demoData, { recursive: true, force: true });
  }
} finally {
  await browser.close();
  server.close();
  await store.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
