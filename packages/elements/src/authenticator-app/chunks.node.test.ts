// The QR code library and this step load only with the step: a bundler that splits the wizard as the bench does
// (esbuild, code-split) puts neither in what the wizard loads up front, nor in what the phone's steps load.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Metafile } from 'esbuild';
// @ts-expect-error: a plain script, no types.
import { loadedUpFront, productionBuild } from '../../../../scripts/bench/production-bundle.mjs';

const wizard = 'packages/elements/src/security-info-wizard/security-info-wizard.ts';
const phoneSteps = 'packages/elements/src/security-info-wizard/wizard-steps.ts';
const isApp = (input: string) => input.includes('/lean-qr/') || input.includes('/authenticator-app/');

test('neither lean-qr nor the authenticator app step is loaded by the wizard up front or by the phone steps', async () => {
  const { metafile } = (await productionBuild({ entryPoints: [wizard], logLevel: 'silent' })) as { metafile: Metafile };
  const { outputs } = metafile;
  const loaded = new Set<string>(loadedUpFront(outputs, wizard) as Set<string>);
  for (const key of loadedUpFront(outputs, phoneSteps) as Set<string>) loaded.add(key);
  assert.ok(loaded.size > 1, 'the wizard and its phone steps were found in the bundle');
  for (const key of loaded) {
    const carried = Object.keys(outputs[key]!.inputs).filter(isApp);
    assert.deepEqual(carried, [], `${key} carries ${carried.join(', ')}`);
  }
});
