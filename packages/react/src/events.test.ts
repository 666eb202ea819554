// Each wrapper offers an `on…` callback for every event its element documents with @fires (the list the manifest,
// Storybook and the docs are made from), and the Security info page's wrapper for the wizard's events that bubble out
// of it as well: an event added to an element and forgotten here fails.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const ELEMENTS = new URL('../../elements/src/', import.meta.url);
/** The wizard's events the page never causes: it opens the wizard for one method, never for the required flow. */
const REQUIRED_FLOW_ONLY = ['security-info-skip', 'security-info-sequence-complete'];

const fired = (tag: string): string[] => {
  for (const folder of readdirSync(ELEMENTS, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    const file = new URL(`${folder.name}/${tag}.ts`, ELEMENTS);
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    return [...source.matchAll(/@fires \{[^}]*\} ([\w-]+) - /g)].map((match) => match[1]!);
  }
  throw new Error(`no element source for <${tag}>`);
};

const wrappers = readdirSync(new URL('.', import.meta.url)).filter(
  (name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !['index.ts', 'events.ts'].includes(name),
);

for (const name of wrappers) {
  const source = readFileSync(new URL(name, import.meta.url), 'utf8');
  const tag = /tagName: '([\w-]+)'/.exec(source)?.[1];
  test(`${name}: a callback for every event of <${tag}>`, () => {
    assert.ok(tag, `${name} names no tag`);
    const mapped = [...source.matchAll(/on\('([\w-]+)'\)/g)].map((match) => match[1]!);
    const expected = new Set(fired(tag));
    if (tag === 'security-info-methods')
      for (const event of fired('security-info-wizard')) if (!REQUIRED_FLOW_ONLY.includes(event)) expected.add(event);
    assert.deepEqual([...new Set(mapped)].sort(), [...expected].sort());
  });
}
