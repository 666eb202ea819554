// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minifyCss, minifyMarkup, minifyTemplates as minify } from './minify-templates.mjs';

test('CSS templates lose comments and the white space CSS does not need, and nothing else', () => {
  assert.equal(
    minify("css`\n  /* a note with a \\`quote\\` */\n  :host {\n    font: 1rem 'Segoe  UI', serif ;\n  }\n`"),
    "css`:host{font:1rem 'Segoe  UI',serif}`",
  );
  assert.equal(
    minify('css`@media (forced-colors: active) {\n  .x { color: CanvasText; }\n}`'),
    'css`@media (forced-colors:active){.x{color:CanvasText}}`',
  );
});

test('CSS keeps the spaces that mean something', () => {
  // A space before ':' is a descendant combinator; `+` and `-` in calc() need theirs.
  assert.equal(
    minify('css`a :hover , b > c { inline-size: calc(100% - 2px); }`'),
    'css`a :hover,b>c{inline-size:calc(100% - 2px)}`',
  );
  assert.equal(minifyCss(`content: "a ;  { b }"  ;`), `content:"a ;  { b }";`);
});

test('next to an interpolation CSS keeps a space, so a value never runs into the word beside it', () => {
  assert.equal(minify('css`a { margin: ${x} auto; }`'), 'css`a{margin:${x} auto}`');
  assert.equal(minify('css`${sel} .b { color: red }`'), 'css`${sel} .b{color:red}`');
  assert.equal(minifyCss(' a ', { first: false, last: false }), ' a ');
  assert.equal(minifyCss(' a ', { first: true, last: true }), 'a');
});

test('markup templates keep one space wherever they had white space', () => {
  assert.equal(
    minify('html`\n  <p class="a">\n    ${x}\n    <span>b</span> c\n  </p>\n`'),
    'html` <p class="a"> ${x} <span>b</span> c </p> `',
  );
  assert.equal(minify('svg`<path\n   d="M0 0"/>`'), 'svg`<path d="M0 0"/>`');
  assert.equal(minifyMarkup('a \n\t b'), 'a b');
});

test('templates inside interpolations are minified too', () => {
  assert.equal(
    minify('html`<ul>\n  ${items.map((i) => html`\n    <li>${i}</li>\n  `)}\n</ul>`'),
    'html`<ul> ${items.map((i) => html` <li>${i}</li> `)} </ul>`',
  );
});

test('other tags and plain template literals are text the code uses as it is', () => {
  assert.equal(
    minify('const s = `a\n  b`; other`a  b`; x.html`a  b`'),
    'const s = `a\n  b`; other`a  b`; x.html`a  b`',
  );
});
