// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bundleFiles, gzipSize, sum, withOneRegion } from './bytes.mjs';

/**
 * @param {string} path
 * @param {Partial<import('./bytes.mjs').BundleFile>} flags
 * @returns {import('./bytes.mjs').BundleFile}
 */
const file = (path, flags) => ({
  path,
  raw: 100,
  gzip: 10,
  entry: false,
  initial: false,
  english: true,
  locale: false,
  phoneData: false,
  otherMethods: false,
  methods: [],
  ...flags,
});

test('a page in English counts its own files and the largest region’s phone data, once', () => {
  const files = [
    file('wizard.js', { entry: true, initial: true }),
    file('nl.js', { english: false, locale: true }),
    file('phone-data-0.js', { phoneData: true, gzip: 30 }),
    file('phone-data-1.js', { phoneData: true, gzip: 50 }),
  ];
  assert.deepEqual(
    withOneRegion(files).map((f) => f.path),
    ['wizard.js', 'phone-data-1.js'],
  );
  assert.equal(sum(withOneRegion(files), 'gzip'), 60);
  assert.equal(sum(files, 'raw'), 400);
});

test('gzip sizes are of the best compression, as a server would precompress', () => {
  const text = new TextEncoder().encode('a'.repeat(10_000));
  assert.ok(gzipSize(text) < 100);
});

test('a locale module alone, with Lit left out, is a single file sized raw and gzipped', async () => {
  const [out, ...rest] = await bundleFiles('packages/elements/src/generated/locales/de.ts', ['lit', 'lit/*', '@lit/*']);
  assert.equal(rest.length, 0);
  assert.ok(out && out.entry && out.initial && out.locale && !out.phoneData);
  assert.ok(out.gzip > 0 && out.gzip < out.raw);
});
