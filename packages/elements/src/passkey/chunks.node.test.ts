// The WebAuthn helper and the passkey step load only with the step: a bundler that splits the wizard as the bench
// does (esbuild, code-split) puts neither in what the wizard loads up front, nor in what the phone's steps load, and
// the step's own file stays within the 5 KB gzipped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { Metafile, OutputFile } from 'esbuild';
// @ts-expect-error: a plain script, no types.
import { loadedUpFront, productionBuild } from '../../../../scripts/bench/production-bundle.mjs';

const wizard = 'packages/elements/src/security-info-wizard/security-info-wizard.ts';
const phoneSteps = 'packages/elements/src/security-info-wizard/wizard-steps.ts';
const passkeyModule = 'packages/elements/src/security-info-wizard/methods-passkey.ts';
const isPasskey = (input: string) => input.includes('/@simplewebauthn/') || input.includes('/src/passkey/');

const built = productionBuild({ entryPoints: [wizard], logLevel: 'silent' }) as Promise<{
  metafile: Metafile;
  outputFiles: OutputFile[];
}>;

test('neither the WebAuthn helper nor the passkey step is loaded by the wizard up front or by the phone steps', async () => {
  const { outputs } = (await built).metafile;
  const loaded = new Set<string>(loadedUpFront(outputs, wizard) as Set<string>);
  for (const key of loadedUpFront(outputs, phoneSteps) as Set<string>) loaded.add(key);
  assert.ok(loaded.size > 1, 'the wizard and its phone steps were found in the bundle');
  for (const key of loaded) {
    const carried = Object.keys(outputs[key]!.inputs).filter(isPasskey);
    assert.deepEqual(carried, [], `${key} carries ${carried.join(', ')}`);
  }
});

test('the passkey step is one file of its own, with the WebAuthn helper, at most 5 KB gzipped', async () => {
  const { metafile, outputFiles } = await built;
  const own = Object.entries(metafile.outputs).filter(([, output]) => Object.keys(output.inputs).some(isPasskey));
  assert.deepEqual(
    own.map(([, output]) => output.entryPoint),
    [passkeyModule],
    'every passkey module is in the file the wizard loads for the method',
  );
  const file = outputFiles.find((output) => output.path.endsWith(own[0]![0].replace(/^out/, '')))!;
  assert.ok(gzipSync(file.contents, { level: 9 }).length <= 5 * 1024);
});
