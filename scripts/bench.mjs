// `npm run bench`: bytes of what a user downloads, minified and gzipped, and (unless --bytes) the timing and
// memory figures of scripts/bench-time.mjs, against the budgets. Writes bench/results.json.
// Bundles each public entry with esbuild for production (Lit's production build, no dev warnings), following
// dynamic imports into separate chunks the way an application's bundler does.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const KB = 1024;

async function bundle(entry, external = []) {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    write: false,
    outdir: 'out',
    target: 'es2022',
    conditions: ['@security-info/source', 'browser', 'production'],
    tsconfig: 'tsconfig.base.json',
    legalComments: 'none',
    metafile: true,
    external,
  });
  // What the entry needs before anything runs: itself and the chunks it imports statically, transitively.
  const outputs = result.metafile.outputs;
  // Dynamic-import targets have an entryPoint too: the entry is the one built from `entry` itself.
  const entryKey = Object.keys(outputs).find((key) => outputs[key].entryPoint === entry);
  const initial = new Set();
  const visit = (key) => {
    if (initial.has(key)) return;
    initial.add(key);
    for (const imported of outputs[key]?.imports ?? []) if (imported.kind === 'import-statement') visit(imported.path);
  };
  if (entryKey) visit(entryKey);
  const entryName = entry.split('/').pop().replace(/\.ts$/, '.js');
  const files = result.outputFiles.map((file) => {
    const name = file.path.split('/out/')[1];
    return {
      path: name,
      raw: file.contents.length,
      gzip: gzipSync(file.contents, { level: 9 }).length,
      entry: name === entryName,
      initial: initial.has(`out/${name}`),
      locale: Object.keys(outputs[`out/${name}`]?.inputs ?? {}).some((input) => input.includes('/generated/locales/')),
    };
  });
  return files;
}

const rows = [];
const budgets = [];
function row(name, gzip, raw, budget) {
  rows.push({ name, gzip, raw, budget });
  if (budget !== undefined) budgets.push({ name, gzip, budget, ok: gzip <= budget });
}

const wizard = await bundle('packages/elements/src/security-info-wizard/security-info-wizard.ts');
const initial = wizard.filter((file) => file.initial);
const lazy = wizard.filter((file) => !file.initial && !file.locale);
const sum = (files, key) => files.reduce((total, file) => total + file[key], 0);
row('wizard: loaded before the phone step', sum(initial, 'gzip'), sum(initial, 'raw'), 15 * KB);
for (const file of lazy) row(`  lazy chunk ${file.path}`, file.gzip, file.raw);
const english = wizard.filter((file) => !file.locale);
row('wizard: everything (Lit, metadata, English)', sum(english, 'gzip'), sum(english, 'raw'), 50 * KB);

// esbuild emits every dynamic import's chunk; a chunk is counted with an element only if that element reaches it.
for (const [name, entry] of [
  ['security-info-phone', 'packages/elements/src/security-info-phone/security-info-phone.ts'],
  ['code-verify', 'packages/elements/src/code-verify/code-verify.ts'],
  ['method-picker', 'packages/elements/src/method-picker/method-picker.ts'],
]) {
  try {
    const files = await bundle(entry);
    const main = files.filter((file) => file.initial);
    row(`${name} (loaded up front)`, sum(main, 'gzip'), sum(main, 'raw'));
  } catch (error) {
    row(`${name}: not built (${error.message.split('\n')[0]})`, 0, 0);
  }
}

const { readdirSync } = await import('node:fs');
for (const file of readdirSync('packages/elements/src/generated/locales')) {
  // A locale's own cost: Lit is already on the page.
  const [out] = await bundle(`packages/elements/src/generated/locales/${file}`, ['lit', 'lit/*', '@lit/*']);
  row(`locale ${file.replace(/\.ts$/, '')}`, out.gzip, out.raw, 3 * KB);
}

const pad = (text, width) => String(text).padEnd(width);
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
console.log(`${pad('what', 48)} ${pad('gzip', 10)} ${pad('minified', 10)} budget`);
for (const r of rows) {
  const verdict = r.budget === undefined ? '' : `${kb(r.budget)} ${r.gzip <= r.budget ? 'ok' : 'OVER'}`;
  console.log(`${pad(r.name, 48)} ${pad(kb(r.gzip), 10)} ${pad(kb(r.raw), 10)} ${verdict}`);
}
let times;
if (!process.argv.includes('--bytes')) {
  const { measureTimes } = await import('./bench-time.mjs');
  times = await measureTimes();
  const ms = (n) => `${n.toFixed(2)} ms`;
  console.log('');
  console.log(
    `${pad('first render of the wizard (median, p95)', 48)} ${ms(times.firstRenderMs.median)}, ${ms(times.firstRenderMs.p95)}  budget 16 ms median ${times.firstRenderMs.median <= 16 ? 'ok' : 'OVER'}`,
  );
  const k = times.keystrokeMs;
  const c = times.countrySearchMs;
  console.log(
    `${pad('keystroke to formatted value (median, p95)', 48)} ${ms(k.workMedian)}, ${ms(k.workP95)}; painted ${ms(k.paintedMedian)}, ${ms(k.paintedP95)}`,
  );
  console.log(
    `${pad('country search per keystroke (median, p95)', 48)} ${ms(c.workMedian)}, ${ms(c.workP95)}; painted ${ms(c.paintedMedian)}`,
  );
  console.log(
    `${pad('heap growth after 100 mounts and removals', 48)} ${kb(times.heapGrowthBytes)}  budget 1024 KB ${times.heapGrowthBytes <= 1024 * KB ? 'ok' : 'OVER'}`,
  );
  budgets.push({ name: 'first render median', gzip: 0, budget: 0, ok: times.firstRenderMs.median <= 16 });
  budgets.push({ name: 'heap growth', gzip: 0, budget: 0, ok: times.heapGrowthBytes <= 1024 * KB });
}
mkdirSync('bench', { recursive: true });
writeFileSync(
  'bench/results.json',
  JSON.stringify({ date: new Date().toISOString(), bytes: rows, ...(times ? { times } : {}) }, null, 2) + '\n',
);
const broken = budgets.filter((b) => !b.ok);
for (const b of broken) {
  console.log(
    b.budget ? `Budget broken: ${b.name} is ${kb(b.gzip)} gzip, budget ${kb(b.budget)}.` : `Budget broken: ${b.name}.`,
  );
}
process.exit(broken.length ? 1 : 0);
