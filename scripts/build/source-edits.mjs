// @ts-check
// Rewrites pieces of a module found in its TypeScript syntax tree, leaving every other character as it was.
import ts from 'typescript';

/** Replaces the characters from `start` to `end` with `text` (with nothing when it is left out). */
/** @typedef {(start: number, end: number, text?: string) => void} Edit */

/**
 * Calls `find(node, source, edit)` for every node of `code`; `edit(start, end, text)` replaces the characters
 * from `start` to `end` (with nothing when `text` is left out). Edits must not overlap.
 * @param {string} code
 * @param {string} fileName decides the syntax: TypeScript for .ts and .tsx, JavaScript otherwise
 * @param {(node: ts.Node, source: ts.SourceFile, edit: Edit) => void} find
 * @returns {string}
 */
export function editSource(code, fileName, find) {
  const kind = /\.tsx?$/.test(fileName) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, kind);
  /** @type {{ start: number, end: number, text: string }[]} */
  const edits = [];
  /** @type {Edit} */
  const edit = (start, end, text = '') => void edits.push({ start, end, text });
  /** @param {ts.Node} node */
  const visit = (node) => {
    find(node, source, edit);
    ts.forEachChild(node, visit);
  };
  visit(source);
  let result = code;
  let previousStart = Infinity;
  for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) {
    if (end > previousStart) throw new Error(`${fileName}: overlapping edits at ${start}-${end}`);
    result = result.slice(0, start) + text + result.slice(end);
    previousStart = start;
  }
  return result;
}
