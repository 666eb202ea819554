// @ts-check
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { rewriteLocaleModule, rewriteLocaleModules } from './locale-modules.mjs';

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
