// `npm run test:examples`: builds every example and drives each, end to end in Chromium, through the whole
// enrollment against the reference backend; then the demo portal of `npm start`, with each of its adapters.
// Prints a plain `N passed, N failed` line.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { createServer as createViteServer } from 'vite';
import { createSecurityInfoMiddleware, TEST_LIMITS } from '@security-info/server';
import { CHROME_ARGS, findBrowser } from './test/find-browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
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

function run(command, args) {
  console.log(`▶ ${[command, ...args].join(' ')}`);
  const env = { ...process.env, NG_CLI_ANALYTICS: 'false', CI: process.env.CI ?? '1' };
  const outcome = spawnSync(command, args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (outcome.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};
const issued = [];
// Every example enrolls the same number within a minute: lift the send limits for this run.
const backend = createSecurityInfoMiddleware({
  // One signed-in demo user, and limits lifted: every example enrolls the same number from the same address.
  development: true,
  authenticate: () => 'demo-user',
  sender: { send: async (message) => void issued.push(message) },
  limits: TEST_LIMITS,
});

/** Serves the repository (examples, built packages, node_modules) and the reference backend. */
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
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

/** Names the step that timed out. */
async function waitFor(what, wait) {
  try {
    return await wait();
  } catch (error) {
    throw new Error(`waiting for ${what}: ${error.message}`);
  }
}

/** The code the reference backend of this run sent last. */
const lastSentCode = (base) => async () => (await (await fetch(`${base}/__test__/last-code`)).json()).code;

async function enroll(page, readCode, typed = '0612345678') {
  // Find the controls through shadow roots, as a person finds them on screen.
  const deep = (selector) =>
    waitFor(selector, () =>
      page.waitForFunction(
        (sel) => {
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
      ),
    );
  // A wizard that starts with the methods: the phone one.
  const first = await deep('input[type="tel"], button.method');
  if (await first.evaluate((el) => el.localName === 'button')) {
    const phone = await deep('button.method[aria-describedby^="phone-"]');
    await phone.click();
  }
  const number = await deep('input[type="tel"]');
  await number.type(typed);
  await (await deep('security-info-phone button[type="submit"], button[part~="next"]')).click();
  const codeField = await deep('input[autocomplete="one-time-code"]');
  const code = await waitFor('the code', async () => {
    for (let tries = 0; tries < 50; tries++) {
      const found = await readCode();
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('no code was sent');
  });
  await codeField.type(code);
  await (await deep('button[part~="verify"]')).click();
  await waitFor('the host page to show the registered number', () =>
    page.waitForFunction(() => document.body.textContent.includes('Registered +31612345678'), { timeout: 10_000 }),
  );
}

let passed = 0;
let failed = 0;
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

await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({
  executablePath: findBrowser({ install: true }),
  headless: true,
  args: CHROME_ARGS,
});
try {
  for (const example of examples) {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(`${base}${example.path}`);
      await enroll(page, lastSentCode(base));
      if (errors.length) throw new Error(errors.join('; '));
      passed++;
      console.log(`  ✔ ${example.name}: enrolled end to end`);
    } catch (error) {
      failed++;
      console.log(
        `  ✖ ${example.name}: ${error.message}${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}`,
      );
    } finally {
      await page.close();
    }
  }
  // The demo portal, served as `npm start` serves it (Vite over the sources, the reference backend mounted). With
  // the in-browser adapter the page shows the code; with the reference backend its console sender prints it.
  const vite = await createViteServer({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    configLoader: 'native',
    server: { port: 0, host: '127.0.0.1' },
    logLevel: 'error',
  });
  await vite.listen();
  const demo = vite.resolvedUrls.local[0].replace(/\/$/, '');
  const printed = [];
  const warn = console.warn;
  try {
    for (const [name, query, readCode] of [
      [
        'demo (in-browser adapter)',
        '?adapter=memory',
        (page) => () => page.$eval('#code', (el) => (/^\d+$/.test(el.value) ? el.value : null)),
      ],
      ['demo (reference backend)', '', () => async () => printed.at(-1) ?? null],
    ]) {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      // The reference backend's console sender prints each code: read it from there, as a developer does.
      console.warn = (...args) => {
        const code = args.join(' ').match(/^\[security-info\] \w+ code for .*: (\d+)$/)?.[1];
        if (code) printed.push(code);
        else warn(...args);
      };
      try {
        await page.goto(`${demo}/${query}`);
        // No default country in the demo: the number with its calling code, as a person abroad types it.
        await enroll(page, readCode(page), '+31 6 12345678');
        if (errors.length) throw new Error(errors.join('; '));
        passed++;
        console.log(`  ✔ ${name}: enrolled end to end`);
      } catch (error) {
        failed++;
        console.log(`  ✖ ${name}: ${error.message}${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}`);
      } finally {
        console.warn = warn;
        await page.close();
      }
    }
  } finally {
    await vite.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
