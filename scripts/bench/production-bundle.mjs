// @ts-check
// How the bench, and the tests that check the shape its figures rely on, bundle code: as an application's
// production build would, with esbuild (minified, code-split, Lit's production mode) and the elements as they ship.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { asShipped } from '../build/ship.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** @typedef {import('esbuild').Metafile['outputs']} Outputs */
/**
 * A bundle built in memory, with its metafile.
 * @typedef {import('esbuild').BuildResult & { metafile: import('esbuild').Metafile, outputFiles: import('esbuild').OutputFile[] }} Bundle
 */

/**
 * Bundles in memory, with `options` (the entry points, or `stdin`) added to the shared settings; paths are the
 * repository's, and the outputs are named `out/...`.
 * @param {import('esbuild').BuildOptions} options
 * @returns {Promise<Bundle>}
 */
export async function productionBuild(options) {
  const result = await build({
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
  if (!result.metafile || !result.outputFiles) throw new Error('esbuild gave no metafile or no output files');
  return { ...result, metafile: result.metafile, outputFiles: result.outputFiles };
}

/**
 * The key of the output built from `entry` itself (dynamic-import targets have an `entryPoint` too).
 * @param {Outputs} outputs
 * @param {string} entry
 * @returns {string | undefined}
 */
export const outputOf = (outputs, entry) => Object.keys(outputs).find((key) => outputs[key]?.entryPoint === entry);

/**
 * The outputs reachable from `start` through the imports that `follow` accepts (by default, every import).
 * @param {Outputs} outputs
 * @param {string | undefined} start
 * @param {(imported: Outputs[string]['imports'][number]) => boolean} [follow]
 * @returns {Set<string>}
 */
export function reachable(outputs, start, follow = () => true) {
  /** @type {Set<string>} */
  const seen = new Set();
  /** @param {string} key */
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of outputs[key]?.imports ?? []) if (follow(imported)) visit(imported.path);
  };
  if (start) visit(start);
  return seen;
}

/**
 * Whether an output was built for a page in another language than English: a locale module, or the runtime.
 * @param {string} [entryPoint]
 */
export const forOtherLanguages = (entryPoint = '') =>
  /\/generated\/locales\/|\/localization-runtime\.ts$/.test(entryPoint);

/**
 * Whether an output was built for the wizard's other methods (their steps and the required flow, wizard-methods.ts,
 * and each method's own module, methods-<method>.ts), or for the policy sections only they read (core's
 * policy-sections.ts, loaded for a policy that has them): a person enrolling a phone never loads it, so a phone
 * enrollment's figures leave it out and the bench counts it on rows of its own.
 * @param {string} [entryPoint]
 */
export const forOtherMethods = (entryPoint = '') =>
  /\/security-info-wizard\/(wizard-methods|methods-[a-z-]+)\.ts$|\/core\/src\/policy-sections\.ts$/.test(entryPoint);

/**
 * The method whose own module an output was built for (`app` for methods-app.ts), if any.
 * @param {string} [entryPoint]
 */
export const methodOf = (entryPoint = '') =>
  /\/security-info-wizard\/methods-(?!load\.)([a-z-]+)\.ts$/.exec(entryPoint)?.[1];

/**
 * What an entry needs before anything runs: itself and the chunks it imports statically, transitively.
 * @param {Outputs} outputs
 * @param {string} entry
 */
export const loadedUpFront = (outputs, entry) =>
  reachable(outputs, outputOf(outputs, entry), (imported) => imported.kind === 'import-statement');
