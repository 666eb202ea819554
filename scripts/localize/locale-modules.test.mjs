// @ts-check
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { str as litStr } from '@lit/localize';
import { STR, featureIndex, rewriteLocaleModule, rewriteLocaleModules, splitLocaleModule } from './locale-modules.mjs';

/** A module as lit-localize writes it. */
const GENERATED = `
    // Do not modify this file by hand!
    import {html} from 'lit';
import {str} from '@lit/localize';

    export const templates = {
      'methods.added': str\`Hinzugefügt am \${0}\`,
'phone.results': str\`\${0} Ergebnisse\`,
'methods.delete': \`Löschen\`,
'wizard.title': \`Einrichten\`,
    };
  `;

/**
 * What a module's templates evaluate to, its imports given.
 * @param {string} code
 * @returns {Record<string, unknown>}
 */
function templatesOf(code) {
  const compilerOptions = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 };
  const js = ts.transpileModule(code, { compilerOptions }).outputText;
  const body = js.replace(/^\s*import .*$/gm, '').replace('export const templates =', 'return');
  const html = (/** @type {TemplateStringsArray} */ strings) => ({ html: strings.join('') });
  return new Function('html', body)(html);
}

test('a locale module imports nothing: its own str, and no html when no message holds markup', () => {
  const next = rewriteLocaleModule(GENERATED, 'de.ts');
  assert.doesNotMatch(next, /^\s*import /m);
  assert.ok(next.includes(STR));
  assert.equal(rewriteLocaleModule(next, 'de.ts'), next, 'a second run changes nothing');
});

test('its own str makes what @lit/localize’s str makes, so the runtime reads it the same', () => {
  const ours = templatesOf(rewriteLocaleModule(GENERATED, 'de.ts'))['phone.results'];
  /** @param {TemplateStringsArray} strings @param {number[]} values */
  const theirs = (strings, ...values) => litStr(strings, ...values);
  assert.deepEqual(JSON.parse(JSON.stringify(ours)), JSON.parse(JSON.stringify(theirs`${0} Ergebnisse`)));
});

test('a module whose messages hold markup keeps Lit’s html', () => {
  const withMarkup = GENERATED.replace("'wizard.title': `Einrichten`", "'wizard.title': html`<b>Einrichten</b>`");
  assert.match(rewriteLocaleModule(withMarkup, 'de.ts'), /import \{html\} from 'lit';/);
});

test('a module that imports anything else stops the build', () => {
  assert.throws(() => rewriteLocaleModule("import {str, msg} from '@lit/localize';", 'fr.ts'), /fr\.ts: imports/);
});

test('a feature’s messages leave the locale module for a module of their own, and both still say the same', () => {
  const { rest, features } = splitLocaleModule(rewriteLocaleModule(GENERATED, 'de.ts'), ['methods']);
  assert.deepEqual([...features.keys()], ['methods']);
  const methods = /** @type {string} */ (features.get('methods'));
  assert.doesNotMatch(methods, /^\s*import /m);
  assert.deepEqual(Object.keys(templatesOf(rest)), ['phone.results', 'wizard.title']);
  assert.deepEqual(Object.keys(templatesOf(methods)), ['methods.added', 'methods.delete']);
  assert.equal(templatesOf(methods)['methods.delete'], 'Löschen');
});

test('a message another feature shows too is written into its modules as well', () => {
  const module = rewriteLocaleModule(GENERATED.replace("'wizard.title'", "'enroll.title'"), 'de.ts');
  const { rest, features } = splitLocaleModule(module, ['methods', 'enroll'], { 'enroll.title': ['methods'] });
  assert.deepEqual(Object.keys(templatesOf(rest)), ['phone.results']);
  assert.deepEqual(Object.keys(templatesOf(/** @type {string} */ (features.get('enroll')))), ['enroll.title']);
  const methods = templatesOf(/** @type {string} */ (features.get('methods')));
  assert.deepEqual(Object.keys(methods), ['methods.added', 'methods.delete', 'enroll.title']);
  assert.equal(methods['enroll.title'], 'Einrichten');
});

test('a module without a feature’s messages is left as it is', () => {
  const module = rewriteLocaleModule(GENERATED.replace(/'methods\.[^\n]*\n/g, ''), 'de.ts');
  assert.deepEqual(splitLocaleModule(module, ['methods']), { rest: module, features: new Map() });
});

test('a feature’s loaders name each locale with a dynamic import, in a stable order', () => {
  const index = featureIndex(['nl', 'de']);
  assert.ok(index.indexOf("'de': () => import('./de.js')") < index.indexOf("'nl': () => import('./nl.js')"));
});

test('a folder is rewritten once: the feature folder gets each locale and the loaders; a second run changes nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'locale-modules-'));
  try {
    writeFileSync(join(dir, 'de.ts'), GENERATED);
    writeFileSync(join(dir, 'notes.md'), "import {str} from '@lit/localize';\n");
    assert.equal(rewriteLocaleModules(dir), 1);
    assert.ok(existsSync(join(dir, 'methods', 'de.ts')));
    assert.match(readFileSync(join(dir, 'methods', 'index.ts'), 'utf8'), /'de': \(\) => import\('\.\/de\.js'\)/);
    assert.doesNotMatch(readFileSync(join(dir, 'de.ts'), 'utf8'), /methods\.|^\s*import /m);
    assert.equal(rewriteLocaleModules(dir), 0);
    assert.ok(existsSync(join(dir, 'methods', 'de.ts')), 'a second run keeps the feature’s modules');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
