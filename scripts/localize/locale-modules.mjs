// @ts-check
// Run by `npm run localize:build` after `lit-localize build`: the generated locale modules take `str` from
// shared/lit-localize.ts, like the elements, instead of @lit/localize's index. The index also carries the
// localization runtime, and bundlers would put it in a chunk that every locale module waits for, one round trip
// after the module itself; `localization.ts` fetches the runtime beside the locale module instead.
// `node scripts/localize/locale-modules.mjs [dir]` rewrites the modules in dir (by default the elements' own).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FROM = /import \{str\} from '@lit\/localize';/;
const TO = "import {str} from '../../shared/lit-localize.js';";

/**
 * A generated locale module with `str` imported from shared/lit-localize.ts.
 * @param {string} source
 * @param {string} name the module's file name, for the error
 * @returns {string}
 */
export function rewriteLocaleModule(source, name) {
  const next = source.replace(FROM, TO);
  if (/from '@lit\/localize'/.test(next))
    throw new Error(`${name}: imports @lit/localize's index in an unexpected way`);
  return next;
}

/**
 * Rewrites every locale module in `dir`.
 * @param {string} dir
 * @returns {number} how many changed
 */
export function rewriteLocaleModules(dir) {
  let changed = 0;
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.ts'))) {
    const path = join(dir, name);
    const source = readFileSync(path, 'utf8');
    const next = rewriteLocaleModule(source, name);
    if (next !== source) {
      writeFileSync(path, next);
      changed++;
    }
  }
  return changed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir =
    process.argv[2] ?? fileURLToPath(new URL('../../packages/elements/src/generated/locales/', import.meta.url));
  console.log(`locale modules: ${rewriteLocaleModules(dir)} now import str from shared/lit-localize.ts`);
}
