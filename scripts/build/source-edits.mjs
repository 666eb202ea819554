// Rewrites pieces of a module found in its TypeScript syntax tree, leaving every other character as it was.
import ts from 'typescript';

/**
 * Calls `find(node, source, edit)` for every node of `code`; `edit(start, end, text)` replaces the characters
 * from `start` to `end` (with nothing when `text` is left out). Edits must not overlap.
 */
export function editSource(code, fileName, find) {
  const kind = /\.tsx?$/.test(fileName) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, kind);
  const edits = [];
  const edit = (start, end, text = '') => edits.push({ start, end, text });
  const visit = (node) => {
    find(node, source, edit);
    ts.forEachChild(node, visit);
  };
  visit(source);
  let result = code;
  for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, start) + text + result.slice(end);
  }
  return result;
}
