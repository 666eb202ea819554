// @ts-check
// Minifies the static text of Lit's `css`, `html` and `svg` tagged templates. CSS loses its comments and the white
// space its syntax does not need; markup keeps one space wherever it had white space (what an HTML minifier's
// conservative mode does), so what renders and what a screen reader reads stay the same. In CSS, text inside
// quotes is left as it is; markup has no quotes it keeps (its attribute values are collapsed too, and so would a
// <pre>'s text be: the elements have none).
import ts from 'typescript';
import { editSource } from './source-edits.mjs';

const TAGS = new Set(['css', 'html', 'svg']);

/**
 * Applies `change` to the text outside quoted strings.
 * @param {string} text
 * @param {(piece: string) => string} change
 */
function outsideQuotes(text, change) {
  return text
    .split(/('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/)
    .map((piece, index) => (index % 2 === 1 ? piece : change(piece)))
    .join('');
}

/**
 * CSS text between interpolations. An edge touching an interpolation keeps a space it had, so an interpolated
 * value never merges with the word next to it.
 * @param {string} text
 * @param {{ first?: boolean, last?: boolean }} [edges] whether the text starts, or ends, the template
 * @returns {string}
 */
export function minifyCss(text, { first = true, last = true } = {}) {
  const out = outsideQuotes(text.replace(/\/\*[\s\S]*?\*\//g, ' '), (piece) =>
    piece
      .replace(/\s+/g, ' ')
      // No space is needed beside these; a space before ':' stays (`a :hover` is not `a:hover`).
      .replace(/ ?([{};,>]) ?/g, '$1')
      .replace(/: /g, ':')
      .replace(/;}/g, '}'),
  );
  return out.replace(first ? /^ / : /^$/, '').replace(last ? / $/ : /^$/, '');
}

/**
 * Markup text between interpolations: each run of white space becomes one space.
 * @param {string} text
 * @returns {string}
 */
export function minifyMarkup(text) {
  return text.replace(/\s+/g, ' ');
}

/**
 * @param {string} code
 * @param {string} [fileName]
 * @returns {string}
 */
export function minifyTemplates(code, fileName = 'module.js') {
  return editSource(code, fileName, (node, source, edit) => {
    if (!ts.isTaggedTemplateExpression(node) || !ts.isIdentifier(node.tag) || !TAGS.has(node.tag.text)) return;
    const tag = node.tag.text;
    const template = node.template;
    /** @type {ts.TemplateLiteralLikeNode[]} */
    const parts = ts.isNoSubstitutionTemplateLiteral(template)
      ? [template]
      : [template.head, ...template.templateSpans.map((span) => span.literal)];
    parts.forEach((part, index) => {
      const last = index === parts.length - 1;
      // The text between the delimiters: `…${  }…${  }…`
      const start = part.getStart(source) + 1;
      const end = part.getEnd() - (last ? 1 : 2);
      const text = code.slice(start, end);
      const min = tag === 'css' ? minifyCss(text, { first: index === 0, last }) : minifyMarkup(text);
      if (min !== text) edit(start, end, min);
    });
  });
}
