// @ts-check
// The shipping transform on samples, on a build, in a bundler, and over every element source the package ships.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import ts from 'typescript';
import { asShipped, forShipping, isShippedSource, shipDirectory } from './ship.mjs';

const SAMPLE = `import { css, html } from 'lit';
import { msg } from '../shared/lit-localize.js';

export const styles = css\`
  /* the accent */
  :host {
    color: var(--si-color-accent, blue);
  }
\`;

export const render = (n: number) => html\`
  <p part="status">
    \${msg('Sent', { id: 'sent', desc: 'Shown after the code was sent.' })}
    <b>\${n}</b>
  </p>
\`;
`;

const SHIPPED = `import { css, html } from 'lit';
import { msg } from '../shared/lit-localize.js';

export const styles = css\`:host{color:var(--si-color-accent,blue)}\`;

export const render = (n: number) => html\` <p part="status"> \${msg('Sent', { id: 'sent' })} <b>\${n}</b> </p> \`;
`;

const work = mkdtempSync(join(tmpdir(), 'ship-test-'));
after(() => rmSync(work, { recursive: true, force: true }));

test('a source as it ships: no translators’ notes, minified templates, the code around them untouched', () => {
  assert.equal(forShipping(SAMPLE, 'sample.ts'), SHIPPED);
});

test('shipping twice changes nothing more', () => {
  assert.equal(forShipping(SHIPPED, 'sample.ts'), SHIPPED);
});

test('the shipped sources are the elements’ own, without their tests', () => {
  assert.ok(isShippedSource('/work/packages/elements/src/code-verify/code-verify.ts'));
  assert.ok(isShippedSource('/packages/elements/src/shared/tokens.styles.ts'));
  assert.ok(isShippedSource('C:\\repo\\packages\\elements\\src\\shared\\events.ts'));
  assert.ok(!isShippedSource('/packages/elements/src/code-verify/code-verify.test.ts'));
  assert.ok(!isShippedSource('/packages/elements/src/shared/chunks.node.test.ts'));
  assert.ok(!isShippedSource('/packages/core/src/phone.ts'));
  assert.ok(!isShippedSource('/packages/elements/src/shared/tokens.styles.js'));
});

test('a built folder is rewritten in place, .js files only', () => {
  const dist = join(work, 'dist');
  mkdirSync(join(dist, 'nested'), { recursive: true });
  const js = 'export const s = css`\n  a { b: c; }\n`;\n';
  writeFileSync(join(dist, 'nested', 'a.js'), js);
  writeFileSync(join(dist, 'a.d.ts'), js);
  writeFileSync(join(dist, 'plain.js'), 'export const n = 1;\n');
  assert.deepEqual(shipDirectory(dist), [join(dist, 'nested', 'a.js')]);
  assert.equal(readFileSync(join(dist, 'nested', 'a.js'), 'utf8'), 'export const s = css`a{b:c}`;\n');
  assert.equal(readFileSync(join(dist, 'a.d.ts'), 'utf8'), js);
});

test('run without a folder, the command says how to use it', () => {
  const run = spawnSync(process.execPath, [fileURLToPath(new URL('./ship.mjs', import.meta.url))], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /usage: node scripts\/build\/ship\.mjs <dir>/);
});

test('the esbuild plugin bundles an element source as it ships, and leaves other code alone', async () => {
  const src = join(work, 'packages', 'elements', 'src');
  mkdirSync(join(src, 'shared'), { recursive: true });
  mkdirSync(join(src, 'sample'), { recursive: true });
  writeFileSync(join(src, 'sample', 'sample.ts'), SAMPLE);
  writeFileSync(join(src, 'shared', 'lit-localize.ts'), 'export const msg = (s: unknown, _o?: object) => s;\n');
  writeFileSync(join(work, 'other.ts'), "export const o = css`\n  a { b: c; }\n`;\nmsg('x', { desc: 'kept' });\n");
  const { outputFiles } = await build({
    stdin: {
      contents: "export * from './packages/elements/src/sample/sample.ts'; export * from './other.ts';",
      resolveDir: work,
    },
    bundle: true,
    write: false,
    format: 'esm',
    external: ['lit'],
    plugins: [asShipped],
  });
  const out = outputFiles[0]?.text ?? '';
  assert.match(out, /css2?`:host\{color:var\(--si-color-accent,blue\)\}`/);
  assert.doesNotMatch(out, /Shown after the code was sent/);
  assert.match(out, /css`\n {2}a \{ b: c; \}\n`/);
  assert.match(out, /desc: "kept"/);
});

/**
 * Every element source the package ships, by its path below src/.
 * @returns {Generator<{ name: string, code: string }>}
 */
function* elementSources() {
  const root = new URL('../../packages/elements/src/', import.meta.url);
  const names = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
    (name) => isShippedSource(`packages/elements/src/${name}`) && !name.startsWith('generated'),
  );
  for (const name of names) yield { name, code: readFileSync(new URL(name, root), 'utf8') };
}

/**
 * @param {string} code
 * @param {string} name
 */
function assertCompiles(code, name) {
  const { diagnostics } = ts.transpileModule(code, { reportDiagnostics: true, fileName: name });
  assert.deepEqual(
    diagnostics?.map((d) => d.messageText),
    [],
    name,
  );
}

test('every element source, stripped, keeps its message ids and still compiles', async () => {
  const { stripMsgDescriptions } = await import('./strip-msg-desc.mjs');
  let messages = 0;
  for (const { name, code } of elementSources()) {
    const stripped = stripMsgDescriptions(code, name);
    /** @param {string} text */
    const ids = (text) => text.match(/\bid: '[^']+'/g) ?? [];
    assert.deepEqual(ids(stripped), ids(code), name);
    assert.doesNotMatch(stripped, /\bdesc:/, name);
    assertCompiles(stripped, name);
    messages += ids(code).length;
  }
  assert.ok(messages >= 80, `${messages} messages`);
});

test('every element source, as shipped, compiles and keeps its interpolations', () => {
  let smaller = 0;
  for (const { name, code } of elementSources()) {
    const shipped = forShipping(code, name);
    /** @param {string} text */
    const holes = (text) => (text.match(/\$\{/g) ?? []).length;
    assert.equal(holes(shipped), holes(code), name);
    assertCompiles(shipped, name);
    if (shipped.length < code.length) smaller++;
  }
  assert.ok(smaller >= 8, `${smaller} files shrank`);
});
