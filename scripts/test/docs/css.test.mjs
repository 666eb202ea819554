// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCss } from './css.mjs';
import { MANIFEST_JSON } from './fixtures.mjs';
import { readManifest } from './manifest.mjs';

const manifest = readManifest(MANIFEST_JSON);

test('style sheets may only name parts, states and custom properties that exist', () => {
  const css = [
    'security-info-wizard { --si-color-accent: red; color: var(--si-radius); }',
    'security-info-wizard::part(heading button), security-info-wizard:state(pending) {}',
    'security-info-wizard::part(title), security-info-wizard:state(busy), code-verify::part(input) {',
    '  --si-colour-accent: red;',
    '}',
  ].join('\n');
  const known = new Set(['--si-color-accent', '--si-radius']);
  assert.deepEqual(checkCss(css, manifest, known), [
    { line: 3, message: '<security-info-wizard> has no part "title"' },
    { line: 3, message: '<code-verify> is not an element of the manifest' },
    { line: 3, message: '<security-info-wizard> has no state "busy"' },
    { line: 4, message: 'no element reads --si-colour-accent' },
  ]);
});
