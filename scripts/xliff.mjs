// Fills XLIFF targets from simple translation tables, for the first machine-made translations that a
// localization team then reviews: every target written here is marked state="needs-review-translation".
//
//   node scripts/xliff.mjs source > source.json          # id -> { text, note }, placeholders as {0}, {1}...
//   node scripts/xliff.mjs fill <locale> <table.json>    # writes the targets into xliff/<locale>.xlf
//   node scripts/xliff.mjs pseudo                          # the en-XA pseudo-locale: accented, 40 % longer
import { readFileSync, writeFileSync } from 'node:fs';

const dir = new URL('../packages/elements/xliff/', import.meta.url);
const UNIT =
  /<trans-unit id="([^"]+)">\s*<source>([\s\S]*?)<\/source>(\s*<target[^>]*>[\s\S]*?<\/target>)?(\s*<note[^>]*>([\s\S]*?)<\/note>)?/g;

const unescape = (text) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Source text with each placeholder element replaced by {n}, and the elements by n. */
function split(source) {
  const placeholders = [];
  const text = source.replace(/<x id="(\d+)"[^>]*\/>/g, (element) => `{${placeholders.push(element) - 1}}`);
  return { text: unescape(text), placeholders };
}

function units(locale) {
  const xml = readFileSync(new URL(`${locale}.xlf`, dir), 'utf8');
  return { xml, units: [...xml.matchAll(UNIT)] };
}

function fill(locale, translate) {
  const { xml } = units(locale);
  let missing = 0;
  const out = xml.replace(UNIT, (whole, id, source, _target, noteBlock = '') => {
    const { text, placeholders } = split(source);
    const translated = translate(id, text);
    if (translated === undefined) {
      missing++;
      return `<trans-unit id="${id}">\n  <source>${source}</source>${noteBlock}`;
    }
    const used = new Set();
    const target = escape(translated).replace(/\{(\d+)\}/g, (match, n) => {
      used.add(Number(n));
      return placeholders[Number(n)] ?? match;
    });
    if (used.size !== placeholders.length)
      throw new Error(`${locale} ${id}: placeholders ${[...used]} of ${placeholders.length}`);
    return `<trans-unit id="${id}">\n  <source>${source}</source>\n  <target state="needs-review-translation">${target}</target>${noteBlock}`;
  });
  writeFileSync(new URL(`${locale}.xlf`, dir), out);
  return missing;
}

const ACCENTS = {
  a: 'á',
  e: 'é',
  i: 'í',
  o: 'ö',
  u: 'ü',
  c: 'ç',
  n: 'ñ',
  y: 'ý',
  A: 'Å',
  E: 'É',
  I: 'Í',
  O: 'Ø',
  U: 'Û',
  C: 'Ç',
  N: 'Ñ',
};

/** Accented, about 40 % longer, bracketed: shows untranslated strings and layouts that cannot grow. */
function pseudo(text) {
  const accented = text.replace(/\{\d+\}|./g, (ch) => (ch.length > 1 ? ch : (ACCENTS[ch] ?? ch)));
  const letters = text.replace(/\{\d+\}/g, '').length;
  const padding = ' ·'.repeat(Math.max(1, Math.round((letters * 0.4) / 2)));
  return `⟦${accented}${padding}⟧`;
}

const [command, locale, table] = process.argv.slice(2);
if (command === 'source') {
  const entries = units('de').units.map(([, id, source, , , note]) => [
    id,
    { text: split(source).text, note: note ?? '' },
  ]);
  console.log(JSON.stringify(Object.fromEntries(entries), null, 2));
} else if (command === 'fill') {
  const translations = JSON.parse(readFileSync(table, 'utf8'));
  const missing = fill(locale, (id) => translations[id]);
  console.log(`${locale}: ${missing} unit(s) without a translation`);
  if (missing) process.exitCode = 1;
} else if (command === 'pseudo') {
  fill('en-XA', (_id, text) => pseudo(text));
  console.log('en-XA written');
} else {
  console.error('usage: xliff.mjs source | fill <locale> <table.json> | pseudo');
  process.exitCode = 2;
}
