// @ts-check
// What the elements' sources become in the package: without the translators' notes (strip-msg-desc.mjs) and with
// their templates minified (minify-templates.mjs). The elements' build applies it to dist, the bench to what it
// measures, and the browser tests to the sources they load, so those tests run the code as it ships.
// `node scripts/build/ship.mjs <dir>` rewrites the .js files below <dir>.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripMsgDescriptions } from './strip-msg-desc.mjs';
import { minifyTemplates } from './minify-templates.mjs';

/**
 * A module's code as it ships.
 * @param {string} code
 * @param {string} [fileName] decides the syntax: TypeScript for .ts, JavaScript otherwise
 * @returns {string}
 */
export function forShipping(code, fileName = 'module.js') {
  return minifyTemplates(stripMsgDescriptions(code, fileName), fileName);
}

/**
 * Whether a path (a file's, or a URL's) is one of the elements' sources the package ships: not a test.
 * @param {string} path
 */
export const isShippedSource = (path) => /packages[\\/]elements[\\/]src[\\/].*(?<!\.test)\.ts$/.test(path);

/**
 * An esbuild plugin that loads the elements' TypeScript sources as they ship.
 * @type {import('esbuild').Plugin}
 */
export const asShipped = {
  name: 'as-shipped',
  setup(build) {
    build.onLoad({ filter: /packages[\\/]elements[\\/]src[\\/].*\.ts$/ }, ({ path }) =>
      isShippedSource(path) ? { contents: forShipping(readFileSync(path, 'utf8'), path), loader: 'ts' } : undefined,
    );
  },
};

/**
 * @param {string} dir
 * @returns {Generator<string>}
 */
function* jsFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* jsFiles(path);
    else if (name.endsWith('.js')) yield path;
  }
}

/**
 * Rewrites every .js file below `dir` as it ships.
 * @param {string} dir
 * @returns {string[]} the files that changed
 */
export function shipDirectory(dir) {
  const changed = [];
  for (const file of jsFiles(dir)) {
    const code = readFileSync(file, 'utf8');
    const shipped = forShipping(code, file);
    if (shipped !== code) {
      writeFileSync(file, shipped);
      changed.push(file);
    }
  }
  return changed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/build/ship.mjs <dir>');
    process.exit(2);
  }
  shipDirectory(dir);
}
