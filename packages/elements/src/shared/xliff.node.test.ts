// Every shipped locale has a target for every message, and every target keeps the source's placeholders.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

const dir = new URL('../../xliff/', import.meta.url);
const UNIT = /<trans-unit id="([^"]+)">\s*<source>([\s\S]*?)<\/source>(?:\s*<target([^>]*)>([\s\S]*?)<\/target>)?/g;
const placeholders = (text: string) => (text.match(/<x id="\d+"/g) ?? []).sort();

const config = JSON.parse(readFileSync(new URL('../../lit-localize.json', import.meta.url), 'utf8')) as {
  targetLocales: string[];
};

describe('XLIFF', () => {
  it('has one file per target locale', () => {
    const files = readdirSync(dir).map((file) => file.replace(/\.xlf$/, ''));
    assert.deepEqual(files.sort(), [...config.targetLocales].sort());
  });

  for (const locale of config.targetLocales) {
    it(`${locale}: every message has a target with the same placeholders, marked for review`, () => {
      const xml = readFileSync(new URL(`${locale}.xlf`, dir), 'utf8');
      const units = [...xml.matchAll(UNIT)];
      assert.ok(units.length > 50, `only ${units.length} messages`);
      for (const [, id, source, attributes, target] of units) {
        assert.ok(target?.trim(), `${locale} ${id}: no target`);
        assert.deepEqual(placeholders(target!), placeholders(source!), `${locale} ${id}: placeholders`);
        assert.match(
          attributes ?? '',
          /state="(needs-review-translation|translated|final|signed-off)"/,
          `${locale} ${id}`,
        );
      }
    });
  }
});
