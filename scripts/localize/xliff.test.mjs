// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fillXliff, pseudo, sourceTable, split, staleUnits } from './xliff.mjs';

const XLIFF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file target-language="de" source-language="en" original="lit-localize-inputs" datatype="plaintext">
<body>
<trans-unit id="phone.results">
  <source><x id="0" equiv-text="\${count}"/> results for <x id="1" equiv-text="\${query}"/></source>
  <note from="lit-localize">Announced search result count.</note>
</trans-unit>
<trans-unit id="terms">
  <source>Terms &amp; conditions</source>
  <target state="translated">Alt</target>
</trans-unit>
</body>
</file>
</xliff>
`;

test('placeholders become {0}, {1}... and entities their characters', () => {
  assert.deepEqual(split('<x id="0" equiv-text="${n}"/> &lt;b&gt; &amp; <x id="1"/>'), {
    text: '{0} <b> & {1}',
    placeholders: ['<x id="0" equiv-text="${n}"/>', '<x id="1"/>'],
  });
});

test('the source table: each id’s text and note, for a translator or a tool', () => {
  assert.deepEqual(sourceTable(XLIFF), {
    'phone.results': { text: '{0} results for {1}', note: 'Announced search result count.' },
    terms: { text: 'Terms & conditions', note: '' },
  });
});

test('filled targets keep the placeholders, in the translation’s order, and are marked for review', () => {
  /** @type {Record<string, string>} */
  const table = { 'phone.results': 'Für {1}: {0} Ergebnisse', terms: 'AGB & Datenschutz' };
  const { xml, missing } = fillXliff(XLIFF, 'de', (id) => table[id]);
  assert.equal(missing, 0);
  assert.ok(
    xml.includes(
      '<target state="needs-review-translation">Für <x id="1" equiv-text="${query}"/>: <x id="0" equiv-text="${count}"/> Ergebnisse</target>\n  <note from="lit-localize">Announced search result count.</note>',
    ),
  );
  assert.ok(xml.includes('<target state="needs-review-translation">AGB &amp; Datenschutz</target>'));
  assert.ok(!xml.includes('Alt'), 'an old target is replaced');
  assert.ok(xml.startsWith('<?xml') && xml.endsWith('</xliff>\n'), 'the rest of the file stays');
});

test('a unit without a translation loses its target and is counted', () => {
  const { xml, missing } = fillXliff(XLIFF, 'de', () => undefined);
  assert.equal(missing, 2);
  assert.ok(!xml.includes('<target'));
});

test('adding keeps the targets the table lacks, and still counts units that have none', () => {
  const first = fillXliff(XLIFF, 'de', (id) => (id === 'terms' ? 'Bedingungen' : undefined)).xml;
  const { xml, missing } = fillXliff(first, 'de', (id) => (id === 'terms' ? undefined : 'Für {1}: {0} Ergebnisse'), {
    keep: true,
  });
  assert.equal(missing, 0);
  assert.match(xml, /<target state="needs-review-translation">Bedingungen<\/target>/);
  assert.match(xml, /Ergebnisse<\/target>/);
  const untouched = fillXliff(XLIFF, 'de', () => undefined, { keep: true });
  assert.equal(untouched.missing, 1, 'the results unit has no target to keep');
  assert.match(untouched.xml, /<target state="translated">Alt<\/target>/);
});

test('a translation that drops or invents a placeholder is refused', () => {
  assert.throws(() => fillXliff(XLIFF, 'de', (id) => (id === 'terms' ? 'x' : '{0} Ergebnisse')), /de phone\.results/);
});

test('the pseudo-locale: accented, longer, bracketed, placeholders untouched', () => {
  assert.equal(pseudo('Next'), '⟦Ñéxt ·⟧');
  assert.equal(pseudo('{0} results'), '⟦{0} résülts · ·⟧');
  assert.ok(pseudo('Enter the code we sent').length > 'Enter the code we sent'.length * 1.3);
});

test('a message is stale when its English is not the English its translations were made from, or was never recorded', () => {
  const recorded = { 'phone.results': '{0} results for {1}', terms: 'Terms & conditions' };
  assert.deepEqual(staleUnits(XLIFF, recorded), []);
  assert.deepEqual(staleUnits(XLIFF, { ...recorded, terms: 'Terms and conditions' }), ['terms']);
  assert.deepEqual(staleUnits(XLIFF, { terms: 'Terms & conditions', gone: 'A message no longer there' }), [
    'phone.results',
  ]);
});
