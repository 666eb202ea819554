// The custom states the JSDoc of <security-info-methods> lists (and so the manifest, Storybook and the docs) are
// exactly those the page sets (states.ts): a state added or renamed without its line fails here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { PAGE_STATES } from './states.js';

const element = readFileSync(new URL('security-info-methods.ts', import.meta.url), 'utf8');
const documented = [...element.matchAll(/@cssstate ([\w-]+) - /g)].map((match) => match[1]!);

test('every custom state the page sets is documented with @cssstate, and no other', () => {
  assert.deepEqual([...documented].sort(), [...PAGE_STATES].sort());
});

test('the page sets its states through states.ts, the list this test reads', () => {
  assert.match(element, /new CustomStatesController<PageState>\(/);
});
