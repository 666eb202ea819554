// A wrapper brings its own element and nothing else: bundled for production as an app would (esbuild, code-split,
// as the bench bundles), `import { X } from '@security-info/react'` loads up front what the element's own entry
// loads, plus React and @lit/react, and none of the other elements. Before each wrapper had a module of its own and
// the package declared no side effects, every wrapper loaded all five elements, the wizard's steps among them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Metafile } from 'esbuild';
// @ts-expect-error: a plain script, no types.
import { loadedUpFront, productionBuild } from '../../../scripts/bench/production-bundle.mjs';

/** Each wrapper, and the entry of the element it wraps. */
const WRAPPERS = {
  SecurityInfoWizard: 'security-info-wizard.js',
  SecurityInfoPhone: 'security-info-phone.js',
  CodeVerify: 'code-verify.js',
  MethodPicker: 'method-picker.js',
  SecurityInfoMethods: 'security-info-methods.js',
  AuthenticatorAppSetup: 'authenticator-app-setup.js',
  EmailAddress: 'email-address.js',
  SecurityQuestionsForm: 'security-questions-form.js',
  PasskeySetup: 'passkey-setup.js',
} as const;

/** What React and the wrapper add: React itself, @lit/react, and this package's own modules. */
const isReactSide = (input: string) =>
  /(^|\/)node_modules\/(react|scheduler|@lit\/react)\//.test(input) || input.startsWith('packages/react/');

/** The source modules an app made of `code` loads before anything runs. */
async function upFront(code: string): Promise<Set<string>> {
  const { metafile } = (await productionBuild({ stdin: { contents: code, resolveDir: '.', loader: 'js' } })) as {
    metafile: Metafile;
  };
  const inputs = new Set<string>();
  for (const key of loadedUpFront(metafile.outputs, '<stdin>') as Set<string>)
    for (const input of Object.keys(metafile.outputs[key]!.inputs)) inputs.add(input);
  return inputs;
}

describe('@security-info/react in a production bundle', () => {
  for (const [name, entry] of Object.entries(WRAPPERS)) {
    it(`${name} loads what ${entry} loads, and no other element`, async () => {
      const [wrapper, element] = await Promise.all([
        upFront(`import { ${name} } from '@security-info/react'; console.log(${name});`),
        upFront(`import '@security-info/elements/${entry}';`),
      ]);
      const elementSide = [...wrapper].filter((input) => !isReactSide(input) && input !== '<stdin>');
      const expected = [...element].filter((input) => input !== '<stdin>');
      assert.ok(expected.length > 3, `the element's entry was bundled (${expected.length} modules)`);
      assert.deepEqual(elementSide.sort(), expected.sort());
      assert.ok(
        [...wrapper].some((input) => input.includes('/@lit/react/')),
        'the wrapper itself is in the bundle',
      );
    });
  }
});
