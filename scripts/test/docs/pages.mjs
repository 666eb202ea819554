// @ts-check
// An HTML block with a module script is a page: it runs in Chromium, its scripts bundled as an application's
// production build would (scripts/bench/production-bundle.mjs, the import map's job), against the reference backend at
// /api/security-info. It passes when every element it uses is defined, the wizard leaves its loading step, and the
// page logs no error.
import { createServer } from 'node:http';
import { join, relative } from 'node:path';
import { scanHtml } from './html.mjs';
import { ROOT } from './repository.mjs';

/**
 * Runs HTML blocks as pages in Chromium, one browser and one server for all of them, against the reference backend:
 * a page's module scripts are bundled as an application's production build would, and its import map left out
 * (bundling does its job).
 */
export function pageRunner() {
  /** @type {Map<string, string>} the page and its scripts, by path */
  const served = new Map();
  /** @type {string[]} */
  const asked = [];
  /** @type {Promise<{ origin: string, browser: import('puppeteer-core').Browser, close(): Promise<void> }> | undefined} */
  let started;

  async function start() {
    const [puppeteer, { createSecurityInfoMiddleware, TEST_LIMITS }, { CHROME_ARGS, findBrowser }] = await Promise.all([
      import('puppeteer-core'),
      import('@security-info/server'),
      import('../find-browser.mjs'),
    ]);
    const backend = createSecurityInfoMiddleware({
      development: true,
      authenticate: () => 'docs-reader',
      sender: { send: async () => undefined },
      limits: TEST_LIMITS,
      logger: { warn: () => undefined, error: () => undefined },
    });
    const server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      if (path.startsWith('/api/')) asked.push(`${request.method} ${path}`);
      backend(request, response, () => {
        const body = served.get(path);
        if (path === '/favicon.ico') response.statusCode = 204;
        else if (body === undefined) response.statusCode = 404;
        else response.setHeader('content-type', path === '/' ? 'text/html' : 'text/javascript');
        response.end(body ?? '');
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
    const address = server.address();
    const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const browser = await puppeteer.default.launch({
      executablePath: findBrowser(),
      headless: true,
      args: CHROME_ARGS,
    });
    return {
      origin,
      browser,
      async close() {
        await browser.close();
        await new Promise((resolve) => server.close(() => resolve(undefined)));
      },
    };
  }

  return {
    /**
     * @param {string} html
     * @param {import('./manifest.mjs').Manifest} manifest
     * @returns {Promise<string[]>} what went wrong
     */
    async run(html, manifest) {
      const { productionBuild } = await import('../../bench/production-bundle.mjs');
      const { scripts, elements } = scanHtml(html);
      served.clear();
      asked.length = 0;
      let page = html;
      for (const [index, script] of [...scripts].reverse().entries()) {
        let replacement = '';
        if (script.type === 'module') {
          const bundle = await productionBuild({
            stdin: { contents: script.code, resolveDir: ROOT, sourcefile: 'snippet.js', loader: 'js' },
            outdir: `out/snippet-${index}`,
          });
          for (const file of bundle.outputFiles) served.set(`/${relative(join(ROOT, 'out'), file.path)}`, file.text);
          const outputs = Object.entries(bundle.metafile.outputs);
          const entry = outputs.find(([, output]) => output.entryPoint === 'snippet.js')?.[0] ?? '';
          replacement = `<script type="module" src="/${relative('out', entry)}"></script>`;
        } else if (script.type !== 'importmap') continue;
        page = page.slice(0, script.start) + replacement + page.slice(script.end);
      }
      if (!/<html[\s>]/i.test(page))
        page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>snippet</title></head><body>${page}</body></html>`;
      served.set('/', page);

      const { origin, browser } = await (started ??= start());
      const tab = await browser.newPage();
      /** @type {string[]} */
      const errors = [];
      tab.on('pageerror', (error) =>
        errors.push(`page error: ${error instanceof Error ? error.message : String(error)}`),
      );
      tab.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
      });
      tab.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
      try {
        await tab.goto(origin, { waitUntil: 'load' });
        const tags = [...new Set(elements.map((element) => element.tag).filter((tag) => manifest.has(tag)))];
        try {
          await tab.waitForFunction(
            (/** @type {string[]} */ wanted) =>
              wanted.every((tag) => customElements.get(tag)) &&
              [...document.querySelectorAll('security-info-wizard')].every((wizard) => {
                const step = /** @type {{ step?: string }} */ (/** @type {unknown} */ (wizard)).step;
                return step !== undefined && step !== 'loading';
              }),
            { timeout: 20_000 },
            tags,
          );
        } catch {
          const steps = await tab.evaluate(() =>
            [...document.querySelectorAll('security-info-wizard')].map(
              (wizard) => /** @type {{ step?: string }} */ (/** @type {unknown} */ (wizard)).step,
            ),
          );
          errors.push(
            `the page did not settle in 20 s: elements ${tags.join(', ')}, wizard steps ${JSON.stringify(steps)}, ` +
              `backend asked ${JSON.stringify(asked)}`,
          );
        }
      } finally {
        await tab.close();
      }
      return errors;
    },
    async close() {
      if (started) await (await started).close();
    },
  };
}
