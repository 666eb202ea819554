// How the bench, and the tests that check the shape its figures rely on, bundle code: as an application's
// production build would, with esbuild (minified, code-split, Lit's production mode) and the elements as they ship.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { asShipped } from './build/ship.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Bundles in memory, with `options` (the entry points, or `stdin`) added to the shared settings. */
export function productionBuild(options) {
  return build({
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    write: false,
    outdir: 'out',
    target: 'es2022',
    conditions: ['@security-info/source', 'browser', 'production'],
    tsconfig: 'tsconfig.base.json',
    legalComments: 'none',
    // Non-Latin text as UTF-8, not \u escapes: what Vite and the packages' own dist files ship.
    charset: 'utf8',
    metafile: true,
    plugins: [asShipped],
    ...options,
  });
}

/** The key of the output built from `entry` itself (dynamic-import targets have an `entryPoint` too). */
export const outputOf = (outputs, entry) => Object.keys(outputs).find((key) => outputs[key].entryPoint === entry);

/** The outputs reachable from `start` through the imports that `follow` accepts (by default, every import). */
export function reachable(outputs, start, follow = () => true) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of outputs[key]?.imports ?? []) if (follow(imported)) visit(imported.path);
  };
  if (start) visit(start);
  return seen;
}

/** Whether an output was built for a page in another language than English: a locale module, or the runtime. */
export const forOtherLanguages = (entryPoint = '') =>
  /\/generated\/locales\/|\/localization-runtime\.ts$/.test(entryPoint);

/** What an entry needs before anything runs: itself and the chunks it imports statically, transitively. */
export const loadedUpFront = (outputs, entry) =>
  reachable(outputs, outputOf(outputs, entry), (imported) => imported.kind === 'import-statement');
