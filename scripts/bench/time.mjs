// @ts-check
// The timing and memory part of `npm run bench`, in headless Chromium on the production build of in-page.ts:
// define to first render of the wizard, keystroke to formatted value painted, country search per keystroke,
// and the JS heap after mounting and removing the wizard 100 times.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findBrowser } from '../test/find-browser.mjs';
import { outputOf, productionBuild } from './production-bundle.mjs';

const ITI_DIST = new URL('../../node_modules/intl-tel-input/dist/', import.meta.url);
const PAGE = 'scripts/bench/in-page.ts';

/**
 * @typedef {import('./in-page.js').PageSamples} PageSamples
 * @typedef {{ median: number, p95: number }} Spread
 * @typedef {{ workMedian: number, workP95: number, paintedMedian: number, paintedP95: number, samples: number }} Keystrokes
 * @typedef {{ workMedian: number, workP95: number, paintedMedian: number }} Search
 * @typedef {{
 *   firstRenderMs: Spread,
 *   keystrokeMs: Keystrokes,
 *   countrySearchMs: Search,
 *   heapGrowthBytes: number,
 *   intlTelInput: { version: string, initMs: Spread, keystrokeMs: Keystrokes, countrySearchMs: Search },
 *   ratios?: Record<string, number>,
 * }} Times
 */

/**
 * The value below which a share `q` of the samples lie (the upper one of two in the middle).
 * @param {readonly number[]} values
 * @param {number} q from 0 to 1
 * @returns {number}
 */
export const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  const value = sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  if (value === undefined) throw new Error('no samples');
  return value;
};

/** @param {readonly number[]} samples */
const spread = (samples) => ({ median: quantile(samples, 0.5), p95: quantile(samples, 0.95) });

/**
 * "work": until the formatted value is rendered; "painted": until the next frame (quantized to 60 Hz).
 * @param {readonly number[]} work
 * @param {readonly number[]} painted
 * @returns {Keystrokes}
 */
const keystrokes = (work, painted) => ({
  workMedian: quantile(work, 0.5),
  workP95: quantile(work, 0.95),
  paintedMedian: quantile(painted, 0.5),
  paintedP95: quantile(painted, 0.95),
  samples: work.length,
});

/**
 * @param {readonly number[]} work
 * @param {readonly number[]} painted
 * @returns {Search}
 */
const searches = (work, painted) => ({
  workMedian: quantile(work, 0.5),
  workP95: quantile(work, 0.95),
  paintedMedian: quantile(painted, 0.5),
});

/**
 * The figures of one run from the page's samples.
 * @param {PageSamples} samples
 * @param {number} heapGrowthBytes
 * @param {string} itiVersion
 * @returns {Times}
 */
export function summarize(samples, heapGrowthBytes, itiVersion) {
  return {
    firstRenderMs: spread(samples.firstRender),
    keystrokeMs: keystrokes(samples.keystrokeWork, samples.keystroke),
    countrySearchMs: searches(samples.searchWork, samples.search),
    heapGrowthBytes,
    intlTelInput: {
      version: itiVersion,
      initMs: spread(samples.iti.init),
      keystrokeMs: keystrokes(samples.iti.keystrokeWork, samples.iti.keystroke),
      countrySearchMs: searches(samples.iti.searchWork, samples.iti.search),
    },
  };
}

/**
 * Serves the built page and intl-tel-input's stylesheet and images on a free port of 127.0.0.1.
 * @param {Map<string, string>} files the built files by their path, `/name.js`
 * @param {string} entry the page's script among them
 */
async function servePage(files, entry) {
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    // Cross-origin isolated, so that performance.now() ticks in microseconds, not in the 0.1 ms of other pages.
    res.setHeader('cross-origin-opener-policy', 'same-origin');
    res.setHeader('cross-origin-embedder-policy', 'require-corp');
    if (url === '/') {
      res.setHeader('content-type', 'text/html');
      return res.end(
        `<!doctype html><html lang="en"><head><link rel="stylesheet" href="/iti/css/intlTelInput.min.css"></head>` +
          `<body><script type="module" src="${entry}"></script></body></html>`,
      );
    }
    if (url.startsWith('/iti/') && !url.includes('..')) {
      /** @type {Record<string, string>} */
      const types = { css: 'text/css', webp: 'image/webp', png: 'image/png' };
      try {
        const body = readFileSync(new URL(url.slice(5).split('?')[0] ?? '', ITI_DIST));
        res.setHeader('content-type', types[url.split('.').pop() ?? ''] ?? 'application/octet-stream');
        return res.end(body);
      } catch {
        return res.writeHead(404).end();
      }
    }
    const text = files.get(url);
    if (!text) return res.writeHead(404).end();
    res.setHeader('content-type', 'text/javascript');
    res.end(text);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the bench page server has no port');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

/** @returns {Promise<Times>} */
export async function measureTimes() {
  const bundle = await productionBuild({ entryPoints: [PAGE] });
  const files = new Map(bundle.outputFiles.map((file) => [`/${file.path.split('/out/')[1]}`, file.text]));
  const entry = outputOf(bundle.metafile.outputs, PAGE);
  if (!entry) throw new Error(`the bench page ${PAGE} was not built`);
  const { server, url } = await servePage(files, `/${entry.replace(/^out\//, '')}`);
  const browser = await puppeteer.launch({
    executablePath: findBrowser({ install: true }),
    headless: true,
    args: [...CHROME_ARGS, '--js-flags=--expose-gc'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.benchPage);
    await page.evaluate(() => window.benchPage?.loadPhoneMetadata());
    const samples = await page.evaluate(() => window.benchPage?.measure());
    if (!samples) throw new Error('the bench page did not measure');

    // Memory: mount and remove the wizard 100 times; the heap after must not grow beyond 1 MB.
    const client = await page.createCDPSession();
    const heap = async () => {
      await client.send('HeapProfiler.collectGarbage');
      await client.send('HeapProfiler.collectGarbage');
      return (await client.send('Runtime.getHeapUsage')).usedSize;
    };
    const before = await heap();
    await page.evaluate(() => window.benchPage?.mountAndRemove(100));
    const after = await heap();

    const itiVersion = JSON.parse(readFileSync(new URL('../package.json', ITI_DIST), 'utf8')).version;
    return summarize(samples, after - before, itiVersion);
  } finally {
    await browser.close();
    server.close();
  }
}
