// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ts from 'typescript';
import { editSource } from './source-edits.mjs';

/**
 * Replaces every identifier named `from` with `to`.
 * @param {string} code
 * @param {string} fileName
 * @param {string} from
 * @param {string} [to]
 */
const rename = (code, fileName, from, to) =>
  editSource(code, fileName, (node, source, edit) => {
    if (ts.isIdentifier(node) && node.text === from) edit(node.getStart(source), node.getEnd(), to);
  });

test('an edit changes only its own characters: comments, spacing and quotes stay', () => {
  const code = "// a note\nconst  a = 'a';   /* a */ log(a,a);\n";
  assert.equal(rename(code, 'm.js', 'a', 'bee'), "// a note\nconst  bee = 'a';   /* a */ log(bee,bee);\n");
});

test('an edit without text deletes', () => {
  assert.equal(rename('f(a, b)', 'm.js', 'b'), 'f(a, )');
});

test('no edit leaves the code as it was', () => {
  const code = 'const x = 1;\n';
  assert.equal(
    editSource(code, 'm.ts', () => {}),
    code,
  );
});

test('a .ts file is read as TypeScript, so its types are nodes too', () => {
  assert.equal(rename('let n: Count = 1 as Count;', 'm.ts', 'Count', 'number'), 'let n: number = 1 as number;');
});

test('overlapping edits are refused rather than garbled', () => {
  assert.throws(
    () =>
      editSource('abcdef', 'm.js', (node, _source, edit) => {
        if (ts.isSourceFile(node)) {
          edit(0, 4, 'x');
          edit(2, 6, 'y');
        }
      }),
    /overlapping edits/,
  );
});
