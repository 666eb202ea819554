// The parts and custom states the JSDoc of <code-verify> lists (and so the manifest, Storybook and the docs) are
// exactly those its templates and its code expose: a part added or renamed without its line fails here.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';

const dir = new URL('./', import.meta.url);
const sources = readdirSync(dir)
  .filter((file) => file.endsWith('.ts') && !file.includes('.test.') && !file.endsWith('.styles.ts'))
  .map((file) => readFileSync(new URL(file, dir), 'utf8'));
const element = readFileSync(new URL('code-verify.ts', dir), 'utf8');
const documented = (tag: string) =>
  [...element.matchAll(new RegExp(`@${tag} ([\\w-]+) - `, 'g'))].map((match) => match[1]!).sort();
const unique = (names: string[]) => [...new Set(names)].sort();

test('every part the templates set is documented with @csspart, and every documented part is set', () => {
  const set = sources.flatMap((source) => [...source.matchAll(/\spart="([^"$]+)"/g)].flatMap((m) => m[1]!.split(' ')));
  assert.deepEqual(documented('csspart'), unique(set));
});

test('every custom state the element toggles is documented with @cssstate, and no other', () => {
  const toggled = [...element.matchAll(/toggleState\('([\w-]+)'/g)].map((match) => match[1]!);
  assert.deepEqual(documented('cssstate'), unique(toggled));
});
