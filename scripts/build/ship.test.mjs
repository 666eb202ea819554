import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import ts from 'typescript';
// @ts-expect-error: a plain script, no types.
import { stripMsgDescriptions } from '../../../../scripts/strip-msg-desc.mjs';
// @ts-expect-error: a plain script, no types.
import { minifyTemplates } from '../../../../scripts/minify-templates.mjs';
// @ts-expect-error: a plain script, no types.
import { forShipping } from '../../../../scripts/ship.mjs';

const strip = stripMsgDescriptions as (code: string, fileName?: string) => string;
const minify = minifyTemplates as (code: string, fileName?: string) => string;
const ship = forShipping as (code: string, fileName?: string) => string;

/** Every element source the package ships, by its path below src/. */
function* elementSources(): Generator<{ name: string; code: string }> {
  const root = new URL('../', import.meta.url);
  const names = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
    (name) => name.endsWith('.ts') && !name.includes('test') && !name.startsWith('generated'),
  );
  for (const name of names) yield { name, code: readFileSync(new URL(name, root), 'utf8') };
}

function assertCompiles(code: string, name: string): void {
  const { diagnostics } = ts.transpileModule(code, { reportDiagnostics: true, fileName: name });
  assert.deepEqual(
    diagnostics?.map((d) => d.messageText),
    [],
    name,
  );
}

test('the translators’ notes leave msg() calls, and only those', () => {
  assert.equal(strip("msg('A', { id: 'a', desc: 'x' })"), "msg('A', { id: 'a' })");
  assert.equal(strip("msg('A', { desc: 'x', id: 'a' })"), "msg('A', { id: 'a' })");
  assert.equal(strip("msg('A', { id: 'a', desc: 'x', })"), "msg('A', { id: 'a', })");
  assert.equal(strip("msg('A', { desc: 'x' })"), "msg('A', { })");
  assert.equal(strip("msg('A', {\n  id: 'a',\n  desc: 'long ' + 'text',\n})"), "msg('A', {\n  id: 'a',\n})");
  assert.equal(
    strip("msg(html`<b>${x}</b>`, { id: 'b', desc: `t` }); other({ desc: 'kept' })"),
    "msg(html`<b>${x}</b>`, { id: 'b' }); other({ desc: 'kept' })",
  );
});

test('every element source, stripped, keeps its message ids and still compiles', () => {
  let messages = 0;
  for (const { name, code } of elementSources()) {
    const stripped = strip(code, name);
    const ids = (text: string) => text.match(/\bid: '[^']+'/g) ?? [];
    assert.deepEqual(ids(stripped), ids(code), name);
    assert.doesNotMatch(stripped, /\bdesc:/, name);
    assertCompiles(stripped, name);
    messages += ids(code).length;
  }
  assert.ok(messages >= 80, `${messages} messages`);
});

test('CSS templates lose comments and the white space CSS does not need, and nothing else', () => {
  assert.equal(
    minify("css`\n  /* a note with a \\`quote\\` */\n  :host {\n    font: 1rem 'Segoe  UI', serif ;\n  }\n`"),
    "css`:host{font:1rem 'Segoe  UI',serif}`",
  );
  // A space before ':' is a descendant combinator; `+` and `-` in calc() need theirs.
  assert.equal(
    minify('css`a :hover , b > c { inline-size: calc(100% - 2px); }`'),
    'css`a :hover,b>c{inline-size:calc(100% - 2px)}`',
  );
  assert.equal(
    minify('css`@media (forced-colors: active) {\n  .x { color: CanvasText; }\n}`'),
    'css`@media (forced-colors:active){.x{color:CanvasText}}`',
  );
  // Next to an interpolation a space stays, so a value never runs into the word beside it.
  assert.equal(minify('css`a { margin: ${x} auto; }`'), 'css`a{margin:${x} auto}`');
  assert.equal(minify('css`${sel} .b { color: red }`'), 'css`${sel} .b{color:red}`');
});

test('markup templates keep one space wherever they had white space', () => {
  assert.equal(
    minify('html`\n  <p class="a">\n    ${x}\n    <span>b</span> c\n  </p>\n`'),
    'html` <p class="a"> ${x} <span>b</span> c </p> `',
  );
  assert.equal(minify('svg`<path\n   d="M0 0"/>`'), 'svg`<path d="M0 0"/>`');
  // Other tags and plain template literals are text the code uses as it is.
  assert.equal(minify('const s = `a\n  b`; other`a  b`'), 'const s = `a\n  b`; other`a  b`');
});

test('every element source, as shipped, compiles and keeps its interpolations', () => {
  let smaller = 0;
  for (const { name, code } of elementSources()) {
    const shipped = ship(code, name);
    const holes = (text: string) => (text.match(/\$\{/g) ?? []).length;
    assert.equal(holes(shipped), holes(code), name);
    assertCompiles(shipped, name);
    if (shipped.length < code.length) smaller++;
  }
  assert.ok(smaller >= 8, `${smaller} files shrank`);
});
