// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  bytesOf,
  chunkOf,
  esbuildApp,
  firstView,
  fromManifest,
  fromMetafile,
  requestsInSequence,
  viteApp,
  wholeInEnglish,
} from './documented-imports.mjs';

/**
 * An AppBuild from a sketch: each file's gzip size, module, and imports (`s:key` static, `d:key` dynamic).
 * @param {string} entry
 * @param {Record<string, { gzip?: number, src?: string, imports?: string[] }>} sketch
 * @returns {import('./documented-imports.mjs').AppBuild}
 */
function appOf(entry, sketch) {
  /** @type {import('./documented-imports.mjs').AppBuild['chunks']} */
  const chunks = {};
  for (const [key, { gzip = 1, src, imports = [] }] of Object.entries(sketch)) {
    const of = (/** @type {string} */ kind) =>
      imports.filter((spec) => spec.startsWith(`${kind}:`)).map((spec) => spec.slice(2));
    chunks[key] = {
      file: key,
      raw: gzip * 3,
      gzip,
      ...(src ? { src } : {}),
      imports: of('s'),
      dynamicImports: of('d'),
    };
  }
  return { entry, chunks };
}

const WIZARD = 'src/wizard.ts';
const STEPS = 'src/steps.ts';

// The root's autoloader: a small entry that imports the wizard (and the steps, for the phone field) on demand.
// Vite's preload helper lives in the entry, so the wizard's files import it back.
const root = appOf('app', {
  app: { gzip: 1, imports: ['s:localize', 'd:wizard', 'd:steps', 'd:methods'] },
  localize: { gzip: 2 },
  wizard: { gzip: 10, src: WIZARD, imports: ['s:lit', 's:localize', 's:app', 'd:steps', 'd:nl'] },
  lit: { gzip: 20 },
  steps: { gzip: 30, src: STEPS, imports: ['s:lit', 's:app', 'd:data-1', 'd:data-2'] },
  methods: { gzip: 500, src: 'src/methods.ts', imports: ['s:lit'] },
  'data-1': { gzip: 4, src: 'core/generated/phone-metadata/phone-data-1.ts' },
  'data-2': { gzip: 5, src: 'core/generated/phone-metadata/phone-data-2.ts' },
  nl: { gzip: 100, src: 'src/generated/locales/nl.ts', imports: ['s:runtime'] },
  runtime: { gzip: 100, src: 'src/shared/localization-runtime.ts' },
});

// The wizard's own entry: the app's entry holds the wizard.
const entry = appOf('app', {
  app: { gzip: 11, imports: ['s:lit', 'd:steps'] },
  lit: { gzip: 20 },
  steps: { gzip: 30, src: STEPS, imports: ['s:lit', 'd:data-1'] },
  'data-1': { gzip: 4, src: 'core/generated/phone-metadata/phone-data-1.ts' },
});

const sorted = (/** @type {Iterable<string>} */ keys) => [...keys].sort();

test('the first view is the entry’s static graph, with the file the autoloader imports for the element', () => {
  assert.deepEqual(sorted(firstView(root, WIZARD)), ['app', 'lit', 'localize', 'wizard']);
  assert.deepEqual(sorted(firstView(root, STEPS)), ['app', 'lit', 'localize', 'steps']);
  assert.deepEqual(sorted(firstView(entry)), ['app', 'lit']);
  assert.equal(bytesOf(root, firstView(root, WIZARD)).gzip, 33);
  assert.deepEqual(bytesOf(entry, firstView(entry)), { gzip: 31, raw: 93 });
});

test('a module the app did not build a file for is an error, not an empty figure', () => {
  assert.equal(chunkOf(root, 'src/phone.ts'), undefined);
  assert.throws(() => firstView(root, 'src/phone.ts'), /no file of its own for src\/phone\.ts/);
  assert.throws(() => wholeInEnglish(root, 'src/phone.ts'));
});

test('a whole English enrollment: what the element reaches, without other languages, with one region’s data', () => {
  // Not the other elements the autoloader could import (methods), though the wizard imports the entry back.
  assert.deepEqual(sorted(wholeInEnglish(root, WIZARD)), ['app', 'data-2', 'lit', 'localize', 'steps', 'wizard']);
  assert.equal(bytesOf(root, wholeInEnglish(root, WIZARD)).gzip, 1 + 2 + 10 + 20 + 30 + 5);
  // When the entry holds the element, its dynamic imports are the element's own.
  assert.deepEqual(sorted(wholeInEnglish(entry)), ['app', 'data-1', 'lit', 'steps']);
});

test('requests in sequence: each file only once its importer has arrived; files already there cost none', () => {
  assert.equal(requestsInSequence(entry), 2);
  // app, then localize; then the wizard, then lit (localize and app are there already).
  assert.equal(requestsInSequence(root, WIZARD), 4);
  const circle = appOf('a', { a: { imports: ['s:b'] }, b: { imports: ['s:a'] } });
  assert.equal(requestsInSequence(circle), 2);
});

test('an esbuild metafile and a Vite manifest become the same shape', () => {
  const fromEsbuild = fromMetafile(
    {
      'out/app.js': {
        bytes: 0,
        inputs: {},
        exports: [],
        entryPoint: '<stdin>',
        imports: [
          { path: 'out/chunk.js', kind: 'import-statement' },
          { path: 'out/wizard.js', kind: 'dynamic-import' },
        ],
      },
      'out/chunk.js': { bytes: 0, inputs: {}, exports: [], imports: [] },
      'out/wizard.js': { bytes: 0, inputs: {}, exports: [], entryPoint: WIZARD, imports: [] },
    },
    (key) => ({ raw: key.length, gzip: 1 }),
    '<stdin>',
  );
  const fromVite = fromManifest(
    {
      'app.js': { file: 'out/app.js', isEntry: true, imports: ['_chunk.js'], dynamicImports: [WIZARD] },
      '_chunk.js': { file: 'out/chunk.js' },
      [WIZARD]: { file: 'out/wizard.js', src: WIZARD, isDynamicEntry: true },
    },
    (file) => ({ raw: file.length, gzip: 1 }),
  );
  for (const app of [fromEsbuild, fromVite]) {
    assert.equal(firstView(app, WIZARD).size, 3);
    assert.equal(app.chunks[app.entry]?.file, 'out/app.js');
    assert.equal(app.chunks[chunkOf(app, WIZARD) ?? '']?.file, 'out/wizard.js');
    assert.equal(
      bytesOf(app, firstView(app, WIZARD)).raw,
      ['out/app.js', 'out/chunk.js', 'out/wizard.js'].join('').length,
    );
  }
  assert.throws(() => fromManifest({}, () => ({ raw: 0, gzip: 0 })), /no entry/);
});

test('both bundlers build an app for production, splitting its dynamic imports, from the repository’s root', async () => {
  const code =
    "import { LitElement } from 'lit'; globalThis.later = () => import('lit/directives/live.js'); LitElement;";
  for (const app of [await esbuildApp(code), await viteApp(code)]) {
    const live = chunkOf(app, 'node_modules/lit/directives/live.js');
    assert.ok(live, 'the dynamic import is a file of its own, named by its module');
    assert.ok(app.chunks[app.entry]?.dynamicImports.includes(live));
    assert.ok(!firstView(app).has(live));
    const { raw, gzip } = bytesOf(app, firstView(app));
    // Lit's production build, minified: about 6 KB gzipped, 15 KB raw; its development build is twice that.
    assert.ok(gzip > 3000 && gzip < 9000 && raw < 30_000, `${gzip} B gzipped, ${raw} B raw`);
  }
});
