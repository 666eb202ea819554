// Run by `npm run localize:build` after `lit-localize build`: the generated locale modules take `str` from
// shared/lit-localize.ts, like the elements, instead of @lit/localize's index. The index also carries the
// localization runtime, and bundlers would put it in a chunk that every locale module waits for, one round trip
// after the module itself; `localization.ts` fetches the runtime beside the locale module instead.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../packages/elements/src/generated/locales/', import.meta.url));
const FROM = /import \{str\} from '@lit\/localize';/;
const TO = "import {str} from '../../shared/lit-localize.js';";

let changed = 0;
for (const name of readdirSync(dir).filter((file) => file.endsWith('.ts'))) {
  const path = dir + name;
  const source = readFileSync(path, 'utf8');
  const next = source.replace(FROM, TO);
  if (/from '@lit\/localize'/.test(next))
    throw new Error(`${name}: imports @lit/localize's index in an unexpected way`);
  if (next !== source) {
    writeFileSync(path, next);
    changed++;
  }
}
console.log(`locale modules: ${changed} now import str from shared/lit-localize.ts`);
