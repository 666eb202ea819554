// @ts-check
// The extraction: a Markdown file's fenced code blocks and its marked tables, each with the line it is at.

/**
 * @typedef {{ file: string, line: number, lang: string, code: string, mark: string | undefined }} Block
 *   A fenced code block: the line of its first line of code (1-based), its language, and the mark before it.
 * @typedef {{ file: string, line: number, mark: string, rows: string[][] }} Table
 *   A marked table: the line of its header, and its rows' cells (the header and the rule left out).
 * @typedef {{ line: number, message: string }} Problem
 *   What is wrong with a block, at a line of its file.
 * @typedef {{ block: Block, code: string, offset: number, lang: string }} Snippet
 *   Code to type-check: a block's, or an inline script of an HTML block starting `offset` lines into it.
 */

const MARK = /^\s*<!--\s*((?:snippet|table)\b[^>]*?)\s*-->\s*$/;
const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)[^`]*$/;

/**
 * The fenced code blocks of a Markdown file, and its marked tables.
 * @param {string} text
 * @param {string} file
 * @returns {{ blocks: Block[], tables: Table[] }}
 */
export function readMarkdown(text, file) {
  const lines = text.split('\n');
  /** @type {Block[]} */
  const blocks = [];
  /** @type {Table[]} */
  const tables = [];
  /** @type {string | undefined} */
  let mark;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const marked = MARK.exec(line);
    if (marked) {
      mark = marked[1];
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const [, indent = '', ticks = '', lang = ''] = fence;
      const closing = new RegExp(`^\\s*${ticks[0] === '`' ? '`' : '~'}{${ticks.length},}\\s*$`);
      const code = [];
      let end = index + 1;
      for (; end < lines.length && !closing.test(lines[end] ?? ''); end++) {
        const content = lines[end] ?? '';
        code.push(content.startsWith(indent) ? content.slice(indent.length) : content.trimStart());
      }
      blocks.push({ file, line: index + 2, lang: lang.toLowerCase(), code: code.join('\n'), mark });
      mark = undefined;
      index = end;
      continue;
    }
    if (mark?.startsWith('table') && line.trimStart().startsWith('|')) {
      const rows = [];
      let end = index;
      for (; end < lines.length && (lines[end] ?? '').trimStart().startsWith('|'); end++)
        rows.push(cells(lines[end] ?? ''));
      tables.push({
        file,
        line: index + 1,
        mark,
        rows: rows.filter((row) => !row.every((cell) => /^:?-+:?$/.test(cell))).slice(1),
      });
      mark = undefined;
      index = end - 1;
      continue;
    }
    if (line.trim() !== '') mark = undefined;
  }
  return { blocks, tables };
}

/**
 * A table row's cells, trimmed; a `|` inside a code span belongs to the cell.
 * @param {string} row
 * @returns {string[]}
 */
export function cells(row) {
  const found = [];
  let cell = '';
  let code = false;
  for (const character of row.trim().replace(/^\||\|$/g, '')) {
    if (character === '`') code = !code;
    if (character === '|' && !code) {
      found.push(cell.trim());
      cell = '';
    } else cell += character;
  }
  found.push(cell.trim());
  return found;
}
