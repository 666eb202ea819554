// The parts the JSDoc of <authenticator-app-setup> lists (and so the manifest, Storybook and the docs) are exactly
// those its templates set: a part added or renamed without its line fails here.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';

const dir = new URL('./', import.meta.url);
const sources = readdirSync(dir)
  .filter((file) => file.endsWith('.ts') && !file.includes('.test.') && !file.endsWith('.styles.ts'))
  .map((file) => readFileSync(new URL(file, dir), 'utf8'));
const element = readFileSync(new URL('authenticator-app-setup.ts', dir), 'utf8');
const unique = (names: string[]) => [...new Set(names)].sort();

test('every part the templates set is documented with @csspart, and every documented part is set', () => {
  const documented = [...element.matchAll(/@csspart ([\w-]+) - /g)].map((match) => match[1]!);
  const set = sources.flatMap((source) => [...source.matchAll(/\spart="([^"$]+)"/g)].flatMap((m) => m[1]!.split(' ')));
  assert.deepEqual(unique(documented), unique(set));
});

test('the events it fires are the ones its JSDoc lists', () => {
  const documented = [...element.matchAll(/@fires \{[^}]+\} ([\w-]+) - /g)].map((match) => match[1]!);
  const fired = [...element.matchAll(/emit\(this, '([\w-]+)'/g)].map((match) => match[1]!);
  assert.deepEqual(unique(documented), unique(fired));
});
