// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forOtherLanguages, loadedUpFront, outputOf, productionBuild, reachable } from './production-bundle.mjs';

/**
 * A metafile's outputs: `graph` maps each output to its imports, `kind:path` (`s` static, `d` dynamic).
 * @param {Record<string, { entryPoint?: string, imports?: string[] }>} graph
 * @returns {import('./production-bundle.mjs').Outputs}
 */
const outputsOf = (graph) =>
  Object.fromEntries(
    Object.entries(graph).map(([key, { entryPoint, imports = [] }]) => [
      key,
      {
        bytes: 0,
        inputs: {},
        exports: [],
        entryPoint,
        imports: imports.map((spec) => {
          const [kind, path = ''] = spec.split(':');
          return { path, kind: kind === 'd' ? 'dynamic-import' : 'import-statement' };
        }),
      },
    ]),
  );

const outputs = outputsOf({
  'out/wizard.js': { entryPoint: 'src/wizard.ts', imports: ['s:out/chunk-lit.js', 'd:out/steps.js', 'd:out/nl.js'] },
  'out/chunk-lit.js': {},
  'out/steps.js': { entryPoint: 'src/steps.ts', imports: ['s:out/chunk-lit.js', 's:out/chunk-phone.js'] },
  'out/chunk-phone.js': { imports: ['d:out/wizard.js'] },
  'out/nl.js': { entryPoint: 'src/generated/locales/nl.ts', imports: ['s:out/runtime.js'] },
  'out/runtime.js': { entryPoint: 'src/shared/localization-runtime.ts' },
});

test('an entry’s output is the one built from it, not a chunk it loads', () => {
  assert.equal(outputOf(outputs, 'src/wizard.ts'), 'out/wizard.js');
  assert.equal(outputOf(outputs, 'src/missing.ts'), undefined);
});

test('reachable follows every import once, through circles', () => {
  assert.deepEqual([...reachable(outputs, 'out/wizard.js')].sort(), [
    'out/chunk-lit.js',
    'out/chunk-phone.js',
    'out/nl.js',
    'out/runtime.js',
    'out/steps.js',
    'out/wizard.js',
  ]);
  assert.deepEqual([...reachable(outputs, undefined)], []);
});

test('loaded up front: the entry and what it imports statically, transitively', () => {
  assert.deepEqual([...loadedUpFront(outputs, 'src/wizard.ts')].sort(), ['out/chunk-lit.js', 'out/wizard.js']);
  assert.deepEqual([...loadedUpFront(outputs, 'src/steps.ts')].sort(), [
    'out/chunk-lit.js',
    'out/chunk-phone.js',
    'out/steps.js',
  ]);
});

test('what only a page in another language loads: locale modules and the localization runtime', () => {
  assert.ok(forOtherLanguages('packages/elements/src/generated/locales/de.ts'));
  assert.ok(forOtherLanguages('packages/elements/src/shared/localization-runtime.ts'));
  assert.ok(!forOtherLanguages('packages/elements/src/shared/localization.ts'));
  assert.ok(!forOtherLanguages());
  const english = reachable(
    outputs,
    'out/wizard.js',
    (imported) => !forOtherLanguages(outputs[imported.path]?.entryPoint),
  );
  assert.ok(!english.has('out/nl.js') && !english.has('out/runtime.js') && english.has('out/steps.js'));
});

test('the production build minifies, splits dynamic imports into chunks and runs Lit’s production mode', async () => {
  const { outputFiles, metafile } = await productionBuild({
    stdin: {
      contents:
        "import { LitElement } from 'lit'; export const later = () => import('lit/directives/live.js'); export { LitElement };",
      resolveDir: '.',
      loader: 'ts',
    },
  });
  assert.ok(outputFiles.length >= 2, 'the dynamic import is a chunk of its own');
  assert.equal(Object.keys(metafile.outputs).length, outputFiles.length);
  const text = outputFiles.map((file) => file.text).join('\n');
  assert.doesNotMatch(text, /Lit is in dev mode/);
  assert.doesNotMatch(text, /\n\s+\n/);
});
