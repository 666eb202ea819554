// How a production bundler splits the wizard decides how many round trips a page waits. These tests bundle it
// as `npm run bench` does (esbuild, code-split) and check the shape that the byte figures rely on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Metafile } from 'esbuild';
// @ts-expect-error: a plain script, no types.
import { forOtherLanguages, loadedUpFront, productionBuild } from '../../../../scripts/bench/production-bundle.mjs';

const entry = 'packages/elements/src/security-info-wizard/security-info-wizard.ts';

async function split(): Promise<{ outputs: Metafile['outputs']; initial: Set<string> }> {
  const { metafile } = (await productionBuild({ entryPoints: [entry], logLevel: 'silent' })) as { metafile: Metafile };
  return { outputs: metafile.outputs, initial: loadedUpFront(metafile.outputs, entry) as Set<string> };
}

const bundled = split();
const otherLanguages = forOtherLanguages as (entryPoint?: string) => boolean;

test('a page in English downloads no localization runtime before the phone step', async () => {
  const { outputs, initial } = await bundled;
  for (const key of initial) {
    const inputs = Object.keys(outputs[key]!.inputs);
    assert.ok(
      !inputs.some((input) => input.endsWith('shared/localization-runtime.ts') || input.endsWith('lit-localize.js')),
      `${key} carries the localization runtime`,
    );
  }
});

test('the runtime imports nothing: no module the first view has is cut into a file of its own for it', async () => {
  const { outputs } = await bundled;
  const runtime = Object.values(outputs).find((output) => output.entryPoint?.endsWith('localization-runtime.ts'));
  assert.ok(runtime, 'no file for the runtime');
  assert.deepEqual(
    runtime.imports.filter((imported) => imported.kind === 'import-statement'),
    [],
  );
});

test("another language's strings wait for the runtime only: nothing else that the first step did not load", async () => {
  const { outputs, initial } = await bundled;
  const lazy = Object.entries(outputs).filter(([, output]) => otherLanguages(output.entryPoint));
  // The other methods' steps bring the 'enroll' feature's words: its 30 locale modules and their map.
  const enroll = lazy.filter(([, output]) => output.entryPoint?.includes('/generated/locales/enroll/'));
  assert.equal(enroll.length, 31, "the enroll feature's 30 locale modules and their map");
  // The passkey's step brings its own feature's words the same way.
  const passkey = lazy.filter(([, output]) => output.entryPoint?.includes('/generated/locales/passkey/'));
  assert.equal(passkey.length, 31, "the passkey feature's 30 locale modules and their map");
  assert.equal(lazy.length - enroll.length - passkey.length, 31, 'the 30 locale modules and the runtime');
  for (const [key, output] of lazy) {
    for (const imported of output.imports) {
      if (imported.kind !== 'import-statement') continue;
      assert.ok(initial.has(imported.path), `${key} waits for ${imported.path}, which a page has not loaded yet`);
    }
  }
  const locales = lazy.filter(([, output]) => output.entryPoint?.includes('/generated/locales/'));
  for (const [key, output] of locales)
    assert.deepEqual(
      output.imports.filter((imported) => imported.kind === 'import-statement'),
      [],
      `${key} imports a chunk: a locale module imports nothing`,
    );
});

test("the package root's own file imports nothing: until a tag appears, a page has downloaded the autoloader alone", async () => {
  const { metafile } = (await productionBuild({
    stdin: {
      contents: "import '@security-info/elements';",
      resolveDir: fileURLToPath(new URL('../../../..', import.meta.url)),
      loader: 'js',
    },
    logLevel: 'silent',
  })) as { metafile: Metafile };
  const [, root] = Object.entries(metafile.outputs).find(([, output]) => output.entryPoint === '<stdin>') ?? [];
  assert.ok(root, 'no file for the root');
  assert.deepEqual(
    root.imports.filter((imported) => imported.kind === 'import-statement'),
    [],
  );
  assert.ok(root.imports.some((imported) => imported.kind === 'dynamic-import'));
});
