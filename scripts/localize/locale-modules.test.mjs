// @ts-check
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { featureIndex, rewriteLocaleModule, rewriteLocaleModules, splitLocaleModule } from './locale-modules.mjs';

const GENERATED = `
    // Do not modify this file by hand!
    import {html} from 'lit';
import {str} from '@lit/localize';

    export const templates = { 'phone.results': str\`\${0} Ergebnisse\` };
`;

test('a locale module takes str from the elements’ own module, and nothing else changes', () => {
  const next = rewriteLocaleModule(GENERATED, 'de.ts');
  assert.equal(
    next,
    GENERATED.replace("import {str} from '@lit/localize';", "import {str} from '../../shared/lit-localize.js';"),
  );
  assert.equal(rewriteLocaleModule(next, 'de.ts'), next, 'a second run changes nothing');
});

test('a module that imports @lit/localize some other way stops the build, rather than shipping the runtime', () => {
  assert.throws(
    () => rewriteLocaleModule("import {str, msg} from '@lit/localize';", 'fr.ts'),
    /fr\.ts: imports @lit\/localize's index/,
  );
});

test('a folder of modules is rewritten in place, and the count says how many changed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'locale-modules-'));
  try {
    writeFileSync(join(dir, 'de.ts'), GENERATED);
    writeFileSync(join(dir, 'nl.ts'), "import {html} from 'lit';\n");
    writeFileSync(join(dir, 'notes.md'), "import {str} from '@lit/localize';\n");
    assert.equal(rewriteLocaleModules(dir), 1);
    assert.match(readFileSync(join(dir, 'de.ts'), 'utf8'), /from '\.\.\/\.\.\/shared\/lit-localize\.js'/);
    assert.equal(rewriteLocaleModules(dir), 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const WITH_FEATURE = `
    import {html} from 'lit';
    import {str} from '../../shared/lit-localize.js';

    export const templates = {
      'methods.added': str\`Hinzugefügt am \${0}\`,
'phone.label': \`Telefonnummer\`,
'methods.delete': html\`<b>Löschen</b>\`,
'wizard.title': \`Einrichten\`,
    };
  `;

test('a feature’s messages leave the locale module for a module of their own, which imports only what it uses', async () => {
  const { rest, features } = splitLocaleModule(WITH_FEATURE, ['methods']);
  assert.deepEqual([...features.keys()], ['methods']);
  const methods = /** @type {string} */ (features.get('methods'));
  assert.doesNotMatch(rest, /methods\./);
  assert.match(rest, /'phone\.label'/);
  assert.match(rest, /'wizard\.title'/);
  assert.match(methods, /import \{html\} from 'lit';/);
  assert.match(methods, /import \{str\} from '\.\.\/\.\.\/\.\.\/shared\/lit-localize\.js';/);
  // Both still evaluate to the same messages, once `html` and `str` are given.
  const evaluate = (/** @type {string} */ code) =>
    new Function('html', 'str', `${code.replace(/^\s*import .*$/gm, '').replace('export const', 'return')}`)(
      (/** @type {TemplateStringsArray} */ s) => s.join(''),
      (/** @type {TemplateStringsArray} */ s) => s.join('{}'),
    );
  assert.deepEqual(Object.keys(evaluate(rest)), ['phone.label', 'wizard.title']);
  assert.deepEqual(evaluate(methods), { 'methods.added': 'Hinzugefügt am {}', 'methods.delete': '<b>Löschen</b>' });
});

test('a module without a feature’s messages is left as it is', () => {
  assert.deepEqual(splitLocaleModule(GENERATED, ['methods']), { rest: GENERATED, features: new Map() });
});

test('a feature’s loaders name each locale with a dynamic import, in a stable order', () => {
  const index = featureIndex(['nl', 'de']);
  assert.ok(index.indexOf("'de': () => import('./de.js')") < index.indexOf("'nl': () => import('./nl.js')"));
});

test('a folder is split once: the feature folder gets each locale and the loaders, and a second run changes nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'locale-features-'));
  try {
    writeFileSync(join(dir, 'de.ts'), WITH_FEATURE);
    assert.equal(rewriteLocaleModules(dir), 1);
    assert.ok(existsSync(join(dir, 'methods', 'de.ts')));
    assert.match(readFileSync(join(dir, 'methods', 'index.ts'), 'utf8'), /'de': \(\) => import\('\.\/de\.js'\)/);
    assert.doesNotMatch(readFileSync(join(dir, 'de.ts'), 'utf8'), /methods\./);
    assert.equal(rewriteLocaleModules(dir), 0);
    assert.ok(existsSync(join(dir, 'methods', 'de.ts')), 'a second run keeps the feature’s modules');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
