// Every shipped locale has a target for every message, and every target keeps the source's placeholders.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
// @ts-expect-error: a plain script, no types.
import { STAMP, staleUnits } from '../../../../scripts/localize/xliff.mjs';

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

  it('was translated from today’s English: a message reworded under its id is translated anew', () => {
    // Extraction keeps a message's translations when its English changes: they would say what it used to.
    const stamped = JSON.parse(readFileSync(STAMP as URL, 'utf8')) as Record<string, string>;
    const stale = staleUnits(readFileSync(new URL('de.xlf', dir), 'utf8'), stamped) as string[];
    assert.deepEqual(
      stale,
      [],
      `English changed since these were translated: ${stale.join(', ')}. Translate them anew in every locale, then ` +
        'run `node scripts/localize/xliff.mjs stamp` (docs/localization.md).',
    );
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
