// @ts-check
// Run by `npm run localize:build` after `lit-localize build`: the generated locale modules import nothing.
// lit-localize has them import `str` from @lit/localize's index (which carries the whole runtime) and `html` from
// Lit. Any import ties a locale module to the modules the elements share, and a bundler then cuts what they share
// into extra chunks that every page downloads, in English too. So `str` is defined in the module (STR: the
// shape @lit/localize's `str` makes, checked against it by the tests), and `html` is dropped where no message
// holds markup (shared/placeholder.ts puts elements into messages without it).
// Then it moves the messages of each later feature (their ids start with `<feature>.`, see FEATURES) out of the
// locale module into `<dir>/<feature>/<locale>.ts`, with a map of loaders in `<dir>/<feature>/index.ts`: the
// feature's element registers that map (localization.ts `addMessages`), so its messages are downloaded with it,
// and the locale module a person loads first stays the size of what the first steps can show.
// `node scripts/localize/locale-modules.mjs [dir]` rewrites the modules in dir (by default the elements' own).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FROM = /import \{str\} from '@lit\/localize';/;
/** @lit/localize's `str` (internal/str-tag.js), for a module of its own. */
export const STR =
  'const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });';

/**
 * Drops lit-localize's `html` import from a module whose messages hold no markup.
 * @param {string} source
 */
const withoutUnusedHtml = (source) =>
  /\bhtml`/.test(source) ? source : source.replace(/^\s*import \{html\} from 'lit';\n/m, '\n');

/**
 * A generated locale module that imports nothing: its own `str`, and no `html`.
 * @param {string} source
 * @param {string} name the module's file name, for the error
 * @returns {string}
 */
export function rewriteLocaleModule(source, name) {
  const next = withoutUnusedHtml(source.replace(FROM, STR));
  if (/^\s*import (?!\{html\} from 'lit';)/m.test(next))
    throw new Error(`${name}: imports something in an unexpected way`);
  return next;
}

/**
 * Features whose messages load with their element, not with the locale module. A message belongs to a feature
 * when its id starts with the feature's name and a dot (`msg('…', { id: 'methods.delete' })`).
 */
export const FEATURES = /** @type {const} */ (['methods', 'enroll', 'passkey']);

/**
 * Messages of one feature that another feature's element shows too, by id: they are written into that feature's
 * modules as well, so that it has them without downloading the other feature's. The Security info page says a change
 * refused for now in the words of the wizard's later steps (shared/too-many-changes.ts).
 */
export const SHARED = /** @type {Readonly<Record<string, readonly string[]>>} */ ({
  'enroll.rate-limited': ['methods'],
  'enroll.rate-limited-wait': ['methods'],
});

const OPEN = 'export const templates = {';

/**
 * Splits a generated locale module into the messages that stay and those of each feature.
 * @param {string} source a module as lit-localize writes it: one `'id': template,` entry per line
 * @param {readonly string[]} features
 * @param {Readonly<Record<string, readonly string[]>>} [shared] messages (by id) that other features have too
 * @returns {{ rest: string, features: Map<string, string> }} the module without the features' messages, and a
 *   module of each feature that has messages in it
 */
export function splitLocaleModule(source, features, shared = {}) {
  const start = source.indexOf(OPEN);
  const end = source.lastIndexOf('};');
  if (start < 0 || end < start) return { rest: source, features: new Map() };
  const head = source.slice(0, start);
  /** @type {Map<string, string[]>} */
  const taken = new Map();
  const of = (/** @type {string} */ feature) =>
    taken.get(feature) ?? /** @type {string[]} */ (taken.set(feature, []).get(feature));
  /** @type {string[]} */
  const kept = [];
  /** Where the lines of the message being read go. */
  let current = [kept];
  for (const line of source.slice(start + OPEN.length, end).split('\n')) {
    const id = /^\s*'([^']+)':/.exec(line)?.[1];
    if (id !== undefined) {
      const feature = features.find((name) => id.startsWith(`${name}.`));
      current = [feature === undefined ? kept : of(feature), ...(shared[id] ?? []).map(of)];
    }
    for (const lines of current) lines.push(line);
  }
  const module = (/** @type {string[]} */ lines, /** @type {string} */ imports) =>
    `${imports}${OPEN}${lines.join('\n').replace(/,?\s*$/, '')}\n};\n`;
  /** @type {Map<string, string>} */
  const out = new Map();
  for (const [feature, lines] of taken) {
    const body = lines.join('\n');
    const imports = [
      '// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.\n',
      /\bhtml`/.test(body) ? "import {html} from 'lit';\n" : '',
      /\bstr`/.test(body) ? `${STR}\n` : '',
      '\n',
    ].join('');
    out.set(feature, module(lines, imports));
  }
  if (taken.size === 0) return { rest: source, features: out };
  return { rest: withoutUnusedHtml(`${head}${module(kept, '')}`), features: out };
}

/**
 * The map of loaders a feature's element registers: one dynamic import per locale, so bundlers split each one.
 * @param {readonly string[]} locales
 */
export const featureIndex = (locales) =>
  [
    '// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.',
    "import type { LocaleModule } from '../../../shared/lit-localize.js';",
    '',
    'export const messages: Record<string, () => Promise<LocaleModule>> = {',
    ...[...locales].sort().map((locale) => `  '${locale}': () => import('./${locale}.js'),`),
    '};',
    '',
  ].join('\n');

/**
 * Rewrites every locale module in `dir`.
 * @param {string} dir
 * @returns {number} how many changed
 */
export function rewriteLocaleModules(dir) {
  let changed = 0;
  /** @type {Map<string, string[]>} */
  const featureLocales = new Map();
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.ts'))) {
    const path = join(dir, name);
    const source = readFileSync(path, 'utf8');
    const split = splitLocaleModule(rewriteLocaleModule(source, name), FEATURES, SHARED);
    for (const [feature, module] of split.features) {
      mkdirSync(join(dir, feature), { recursive: true });
      writeFileSync(join(dir, feature, name), module);
      featureLocales.set(feature, [...(featureLocales.get(feature) ?? []), name.replace(/\.ts$/, '')]);
    }
    if (split.rest !== source) {
      writeFileSync(path, split.rest);
      changed++;
    }
  }
  for (const [feature, locales] of featureLocales) writeFileSync(join(dir, feature, 'index.ts'), featureIndex(locales));
  return changed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir =
    process.argv[2] ?? fileURLToPath(new URL('../../packages/elements/src/generated/locales/', import.meta.url));
  console.log(`locale modules: ${rewriteLocaleModules(dir)} rewritten to import nothing`);
}
