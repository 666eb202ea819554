// @ts-check
// `npm run test:node`: Node's test runner over every Node test file, found recursively (Node 20's runner takes
// no globs), with a readable report on screen and a TAP report in test-results/node.tap for the summary.
// Run it under tsx with the packages' source condition, as `npm run test:node` does: the options pass on.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_TAP, runNodeTests } from './results.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where Node tests live, and what a test file's name ends with there. */
export const NODE_TESTS = /** @type {const} */ ([
  // The core's tests, but those that need a browser.
  ['packages/core/src', /(?<!\.browser)\.test\.ts$/],
  ['packages/server/src', /\.test\.ts$/],
  ['packages/react/src', /\.test\.ts$/],
  // The elements' tests run in Chromium, but those named .node.test.ts.
  ['packages/elements/src', /\.node\.test\.ts$/],
  ['examples/server', /\.test\.ts$/],
  ['scripts', /\.test\.mjs$/],
]);

/**
 * The test files below each folder, relative to `root`, sorted; a missing folder has none.
 * @param {string} [root]
 * @param {readonly (readonly [string, RegExp])[]} [places]
 * @returns {string[]}
 */
export function nodeTestFiles(root = ROOT, places = NODE_TESTS) {
  return places
    .flatMap(([dir, pattern]) => {
      /** @type {string[]} */
      let names = [];
      try {
        names = readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' });
      } catch {
        return [];
      }
      return names
        .filter((name) => pattern.test(name) && !name.split(/[\\/]/).includes('node_modules'))
        .map((name) => relative(root, join(root, dir, name)));
    })
    .sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = nodeTestFiles();
  process.exit(runNodeTests(files, NODE_TAP, ROOT));
}
