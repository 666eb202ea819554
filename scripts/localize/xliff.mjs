// @ts-check
// Fills XLIFF targets from simple translation tables, for the first machine-made translations that a
// localization team then reviews: every target written here is marked state="needs-review-translation".
//
//   node scripts/localize/xliff.mjs source > source.json          # id -> { text, note }, placeholders as {0}, {1}...
//   node scripts/localize/xliff.mjs fill <locale> <table.json>    # writes the targets into xliff/<locale>.xlf
//   node scripts/localize/xliff.mjs add <locale> <table.json>     # the same, keeping the targets the table lacks
//   node scripts/localize/xliff.mjs pseudo                          # the en-XA pseudo-locale: accented, 40 % longer
//   node scripts/localize/xliff.mjs stamp                           # records the English every locale was translated from
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = new URL('../../packages/elements/xliff/', import.meta.url);
const UNIT =
  /<trans-unit id="([^"]+)">\s*<source>([\s\S]*?)<\/source>(\s*<target[^>]*>[\s\S]*?<\/target>)?(\s*<note[^>]*>([\s\S]*?)<\/note>)?/g;

/** @param {string} text */
const unescape = (text) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
/** @param {string} text */
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Source text with each placeholder element replaced by {n}, and the elements by n.
 * @param {string} source a <source>'s content
 * @returns {{ text: string, placeholders: string[] }}
 */
export function split(source) {
  /** @type {string[]} */
  const placeholders = [];
  const text = source.replace(/<x id="(\d+)"[^>]*\/>/g, (element) => `{${placeholders.push(element) - 1}}`);
  return { text: unescape(text), placeholders };
}

/**
 * Every unit's id, source text (placeholders as {n}) and translators' note.
 * @param {string} xml
 * @returns {Record<string, { text: string, note: string }>}
 */
export function sourceTable(xml) {
  return Object.fromEntries(
    [...xml.matchAll(UNIT)].map(([, id = '', source = '', , , note]) => [
      id,
      { text: split(source).text, note: note ?? '' },
    ]),
  );
}

/**
 * The XLIFF with each unit's target set to `translate(id, sourceText)`, or left without one when that is undefined.
 * @param {string} xml
 * @param {string} locale for the error messages
 * @param {(id: string, text: string) => string | undefined} translate
 * @param {{ keep?: boolean }} [options] `keep`: a unit `translate` has nothing for keeps the target it has
 * @returns {{ xml: string, missing: number }}
 */
export function fillXliff(xml, locale, translate, { keep = false } = {}) {
  let missing = 0;
  const out = xml.replace(UNIT, (whole, id, source, existing, noteBlock = '') => {
    const { text, placeholders } = split(source);
    const translated = translate(id, text);
    if (translated === undefined && keep && existing) return whole;
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
  return { xml: out, missing };
}

/**
 * Where the English each translation was made from is recorded (`stamp`), so that a message whose English changed
 * under the same id, which extraction leaves with its old translations, is noticed (xliff.node.test.ts).
 */
export const STAMP = new URL('../../packages/elements/translated-from.json', import.meta.url);

/**
 * The ids whose English differs from the English their translations were made from, or was never recorded.
 * @param {string} xml any locale's XLIFF (they share their sources)
 * @param {Record<string, string>} stamped id -> the English the translations were made from
 * @returns {string[]}
 */
export function staleUnits(xml, stamped) {
  return Object.entries(sourceTable(xml))
    .filter(([id, { text }]) => stamped[id] !== text)
    .map(([id]) => id);
}

/** @type {Record<string, string>} */
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

/**
 * Accented, about 40 % longer, bracketed: shows untranslated strings and layouts that cannot grow.
 * @param {string} text source text, placeholders as {n}
 */
export function pseudo(text) {
  const accented = text.replace(/\{\d+\}|./g, (ch) => (ch.length > 1 ? ch : (ACCENTS[ch] ?? ch)));
  const letters = text.replace(/\{\d+\}/g, '').length;
  const padding = ' ·'.repeat(Math.max(1, Math.round((letters * 0.4) / 2)));
  return `⟦${accented}${padding}⟧`;
}

/** @param {string} locale */
const xliffFile = (locale) => new URL(`${locale}.xlf`, dir);

/**
 * @param {string} locale
 * @param {(id: string, text: string) => string | undefined} translate
 */
function fillFile(locale, translate, keep = false) {
  const { xml, missing } = fillXliff(readFileSync(xliffFile(locale), 'utf8'), locale, translate, { keep });
  writeFileSync(xliffFile(locale), xml);
  return missing;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, locale, table] = process.argv.slice(2);
  if (command === 'source') {
    console.log(JSON.stringify(sourceTable(readFileSync(xliffFile('de'), 'utf8')), null, 2));
  } else if ((command === 'fill' || command === 'add') && locale && table) {
    /** @type {Record<string, string>} */
    const translations = JSON.parse(readFileSync(table, 'utf8'));
    const missing = fillFile(locale, (id) => translations[id], command === 'add');
    console.log(`${locale}: ${missing} unit(s) without a translation`);
    if (missing) process.exitCode = 1;
  } else if (command === 'stamp') {
    const table = sourceTable(readFileSync(xliffFile('de'), 'utf8'));
    const stamped = Object.fromEntries(
      Object.keys(table)
        .sort()
        .map((id) => [id, table[id]?.text ?? '']),
    );
    writeFileSync(STAMP, `${JSON.stringify(stamped, null, 2)}\n`);
    console.log(`${Object.keys(stamped).length} messages recorded as translated`);
  } else if (command === 'pseudo') {
    fillFile('en-XA', (_id, text) => pseudo(text));
    console.log('en-XA written');
  } else {
    console.error('usage: node scripts/localize/xliff.mjs source | fill|add <locale> <table.json> | pseudo | stamp');
    process.exitCode = 2;
  }
}
