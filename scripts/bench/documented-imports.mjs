// @ts-check
// The documented imports as an application bundles them: a one-line app, `import '<specifier>'`, built for
// production by esbuild and by Vite, and what a person downloads of it before the first view and for a whole
// English phone enrollment. Both builds become one shape (AppBuild), so the same questions are asked of each.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forShipping, isShippedSource } from '../build/ship.mjs';
import { gzipSize } from './bytes.mjs';
import { forOtherLanguages, forOtherMethods, outputOf, productionBuild } from './production-bundle.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * One file of an app's production build: its size, the module it was built for when it is an entry or the target
 * of a dynamic import (`src`, from the repository's root), and the files it imports, statically and dynamically.
 * @typedef {{
 *   file: string, raw: number, gzip: number, src?: string, name?: string, imports: string[], dynamicImports: string[],
 * }} AppChunk
 */
/**
 * An app's build: its files by key, and the key of the app's own entry.
 * @typedef {{ entry: string, chunks: Record<string, AppChunk> }} AppBuild
 */

/**
 * Whether a module is a chunk of phone metadata: a person loads the one of their region.
 * @param {string} [src]
 */
const isPhoneData = (src = '') => src.includes('/generated/phone-metadata/phone-data-');

/** @param {Uint8Array} contents */
const sizes = (contents) => ({ raw: contents.length, gzip: gzipSize(contents) });

/**
 * An esbuild metafile's outputs as an AppBuild.
 * @param {import('./production-bundle.mjs').Outputs} outputs
 * @param {(key: string) => { raw: number, gzip: number }} sizeOf
 * @param {string} entryPoint the app's entry, as the metafile names it
 * @returns {AppBuild}
 */
export function fromMetafile(outputs, sizeOf, entryPoint) {
  const entry = outputOf(outputs, entryPoint);
  if (!entry) throw new Error(`esbuild built no output for ${entryPoint}`);
  /** @type {Record<string, AppChunk>} */
  const chunks = {};
  for (const [key, output] of Object.entries(outputs)) {
    const byKind = (/** @type {string} */ kind) =>
      output.imports.filter((imported) => imported.kind === kind).map((imported) => imported.path);
    chunks[key] = {
      file: key,
      ...sizeOf(key),
      ...(output.entryPoint ? { src: output.entryPoint } : {}),
      imports: byKind('import-statement'),
      dynamicImports: byKind('dynamic-import'),
    };
  }
  return { entry, chunks };
}

/**
 * A Vite manifest (`build.manifest: true`) as an AppBuild.
 * @param {import('vite').Manifest} manifest
 * @param {(file: string) => { raw: number, gzip: number }} sizeOf
 * @returns {AppBuild}
 */
export function fromManifest(manifest, sizeOf) {
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('the Vite manifest has no entry');
  /** @type {Record<string, AppChunk>} */
  const chunks = {};
  for (const [key, chunk] of Object.entries(manifest)) {
    chunks[key] = {
      file: chunk.file,
      ...sizeOf(chunk.file),
      ...(chunk.src ? { src: chunk.src } : {}),
      ...(chunk.name ? { name: chunk.name } : {}),
      imports: chunk.imports ?? [],
      dynamicImports: chunk.dynamicImports ?? [],
    };
  }
  return { entry, chunks };
}

/**
 * Builds `code`, an app's one module, with esbuild as the bench's other figures are (production-bundle.mjs).
 * @param {string} code
 * @returns {Promise<AppBuild>}
 */
export async function esbuildApp(code) {
  const { metafile, outputFiles } = await productionBuild({
    stdin: { contents: code, resolveDir: root, loader: 'js' },
  });
  /** @type {Map<string, { raw: number, gzip: number }>} */
  const byKey = new Map(outputFiles.map((file) => [`out/${file.path.split('/out/')[1]}`, sizes(file.contents)]));
  return fromMetafile(metafile.outputs, (key) => byKey.get(key) ?? { raw: 0, gzip: 0 }, '<stdin>');
}

const APP = 'security-info-bench-app.js';

/**
 * Builds `code`, an app's one module, with Vite's production build (its defaults: Rolldown, its minifier, its
 * preload helper for dynamic imports) and the elements as they ship, into a temporary folder.
 * @param {string} code
 * @returns {Promise<AppBuild>}
 */
export async function viteApp(code) {
  const { build, defaultClientConditions } = await import('vite');
  const outDir = mkdtempSync(join(tmpdir(), 'security-info-vite-'));
  try {
    await build({
      configFile: false,
      root,
      publicDir: false,
      logLevel: 'silent',
      // The packages' sources, as in every other figure of the bench (their exports' first condition).
      resolve: { conditions: ['@security-info/source', ...defaultClientConditions] },
      plugins: [
        {
          name: 'app',
          resolveId: (id) => (id === APP ? `\0${APP}` : undefined),
          load: (id) => (id === `\0${APP}` ? code : undefined),
        },
        {
          name: 'as-shipped',
          enforce: 'pre',
          transform: (source, id) => (isShippedSource(id) ? forShipping(source, id) : undefined),
        },
      ],
      build: {
        outDir,
        emptyOutDir: false,
        manifest: true,
        reportCompressedSize: false,
        // The app's entry is a script, not an HTML page: no modulepreload polyfill, which is Vite's, not ours.
        modulePreload: { polyfill: false },
        rolldownOptions: { input: APP },
      },
    });
    /** @type {import('vite').Manifest} */
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'));
    return fromManifest(manifest, (file) => sizes(readFileSync(join(outDir, file))));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * The key of the file built for `module` (a dynamic import's target).
 * @param {AppBuild} app
 * @param {string} module from the repository's root
 */
export const chunkOf = (app, module) =>
  Object.keys(app.chunks).find((key) => app.chunks[key]?.src === module) ??
  // Vite puts a dynamic import's module in a shared file when others import it statically: the file has its name.
  Object.keys(app.chunks).find((key) => key.startsWith('_') && app.chunks[key]?.name === basename(module, '.ts'));

/**
 * The file the page waits for: the one built for `module`, or, without a module, the app's entry.
 * @param {AppBuild} app
 * @param {string} [module] from the repository's root
 */
function waitedFor(app, module) {
  if (module === undefined) return app.entry;
  const key = chunkOf(app, module);
  if (!key) throw new Error(`the app has no file of its own for ${module}`);
  return key;
}

/**
 * The files reachable from `starts`, following static imports and, when `dynamic` says so, dynamic ones.
 * @param {AppBuild} app
 * @param {Iterable<string>} starts
 * @param {(from: string, to: AppChunk) => boolean} [dynamic] whether to follow a dynamic import
 * @returns {Set<string>}
 */
function reach(app, starts, dynamic = () => false) {
  /** @type {Set<string>} */
  const seen = new Set();
  const visit = (/** @type {string} */ key) => {
    const chunk = app.chunks[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    for (const imported of chunk.imports) visit(imported);
    for (const imported of chunk.dynamicImports) {
      const target = app.chunks[imported];
      if (target && dynamic(key, target)) visit(imported);
    }
  };
  for (const key of starts) visit(key);
  return seen;
}

/**
 * What loads before an element first shows: the app's entry and its static imports, and when the page waits for a
 * dynamic import (the root's autoloader imports the element's module), that file and its static imports.
 * @param {AppBuild} app
 * @param {string} [module] the module the page imports dynamically for the element; none when the entry holds it
 * @returns {Set<string>}
 */
export function firstView(app, module) {
  return reach(app, [app.entry, waitedFor(app, module)]);
}

/**
 * All a page in English can load for an element: its first view, and everything the file it waits for imports,
 * statically or dynamically, except what only another language needs (locale modules, the localization runtime)
 * and the wizard's other methods (a phone enrollment never loads them); of the phone metadata, only the largest
 * region's chunk. What else the entry imports dynamically (the other
 * elements of the root's autoloader) is not counted, even from a chunk that imports the entry (Vite's preload
 * helper lives there).
 * @param {AppBuild} app
 * @param {string} [module] the module the page imports dynamically for the element; none when the entry holds it
 * @returns {Set<string>}
 */
export function wholeInEnglish(app, module) {
  const start = waitedFor(app, module);
  const all = reach(
    app,
    [start],
    (from, to) => (from !== app.entry || start === app.entry) && !forOtherLanguages(to.src) && !forOtherMethods(to.src),
  );
  for (const key of firstView(app, module)) all.add(key);
  const data = [...all].filter((key) => isPhoneData(app.chunks[key]?.src));
  const largest = data.sort((a, b) => (app.chunks[b]?.gzip ?? 0) - (app.chunks[a]?.gzip ?? 0))[0];
  for (const key of data) if (key !== largest) all.delete(key);
  return all;
}

/**
 * How many requests follow one another before an element first shows, when a browser learns of each file only once
 * the file importing it has arrived, as with esbuild's output: what `<link rel="modulepreload">` shortens. (Vite's
 * preload helper fetches a dynamic import's static imports beside it, and Vite's HTML preloads the entry's, so with
 * Vite it is one request for the entry's files and one for the element's.)
 * @param {AppBuild} app
 * @param {string} [module] the module the page imports dynamically for the element; none when the entry holds it
 */
export function requestsInSequence(app, module) {
  /** @param {Set<string>} loaded files already there, which cost no request */
  const depthAfter = (loaded) => {
    /** @type {Map<string, number>} */
    const depths = new Map();
    /** @type {(key: string) => number} */
    const depth = (key) => {
      const known = depths.get(key);
      if (known !== undefined) return known;
      depths.set(key, 0); // an import circle adds no request
      const chunk = app.chunks[key];
      const found = chunk && !loaded.has(key) ? 1 + Math.max(0, ...chunk.imports.map(depth)) : 0;
      depths.set(key, found);
      return found;
    };
    return depth;
  };
  const first = depthAfter(new Set())(app.entry);
  if (module === undefined) return first;
  return first + depthAfter(reach(app, [app.entry]))(waitedFor(app, module));
}

/**
 * The summed sizes of `keys`.
 * @param {AppBuild} app
 * @param {Iterable<string>} keys
 */
export function bytesOf(app, keys) {
  let raw = 0;
  let gzip = 0;
  for (const key of keys) {
    raw += app.chunks[key]?.raw ?? 0;
    gzip += app.chunks[key]?.gzip ?? 0;
  }
  return { raw, gzip };
}
