// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MANIFEST_JSON } from './fixtures.mjs';
import { readManifest } from './manifest.mjs';
import { checkTable, keyTypeOf } from './tables.mjs';

const manifest = readManifest(MANIFEST_JSON);
const table = (/** @type {string} */ mark, /** @type {string[][]} */ rows) => ({
  file: 'docs/x.md',
  line: 7,
  mark,
  rows,
});

test('a keys table names exactly the properties of its type', () => {
  const options = table("table keys: import('m').Options", [
    ['`baseUrl`', 'where'],
    ['`fetch(request)`', 'how'],
  ]);
  assert.equal(keyTypeOf(options), "import('m').Options");
  assert.deepEqual(checkTable(options, manifest, new Map([["import('m').Options", ['baseUrl', 'fetch']]])), []);
  assert.deepEqual(checkTable(options, manifest, new Map([["import('m').Options", ['baseUrl', 'headers']]])), [
    'docs/x.md:7: the table leaves out headers',
    "docs/x.md:7: fetch is not a property of import('m').Options",
  ]);
  assert.deepEqual(checkTable(options, manifest, new Map([["import('m').Options", 'why there are none']])), [
    'docs/x.md:7: why there are none',
  ]);
});

test('a parts table names elements of the manifest and their parts', () => {
  const parts = table('table parts', [
    ['`<security-info-wizard>`', '`heading`, `button`, `title`'],
    ['`<code-verify>`', '`input`'],
  ]);
  assert.equal(keyTypeOf(parts), undefined);
  assert.deepEqual(checkTable(parts, manifest, new Map()), [
    'docs/x.md:7: <security-info-wizard> has no part `title`',
    'docs/x.md:7: <code-verify> is not an element of the manifest',
  ]);
});

test('a table with a mark of another kind is refused', () => {
  assert.deepEqual(checkTable(table('table colours', []), manifest, new Map()), [
    'docs/x.md:7: unknown mark "table colours"',
  ]);
});
