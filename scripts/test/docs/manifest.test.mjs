// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MANIFEST_JSON } from './fixtures.mjs';
import { readManifest } from './manifest.mjs';

const manifest = readManifest(MANIFEST_JSON);

test('the manifest gives each tag its attributes, public properties, events, parts and states', () => {
  const api = manifest.get('security-info-wizard');
  assert.deepEqual([...(api?.attributes ?? [])], ['purpose', 'default-country']);
  assert.deepEqual([...(api?.properties ?? [])], ['adapter', 'defaultCountry']);
  assert.deepEqual([...(api?.events ?? [])], ['security-info-complete']);
  assert.deepEqual([...(api?.parts ?? [])], ['heading', 'button']);
  assert.deepEqual([...(api?.states ?? [])], ['pending']);
  assert.equal(manifest.size, 1);
});
