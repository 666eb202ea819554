// @ts-check
// Removes the translators' notes (`desc`) from every `msg(…, { id, desc })` call. `lit-localize extract` reads
// them from the sources; nothing reads them at run time, so the shipped code goes without them (see ship.mjs).
import ts from 'typescript';
import { editSource } from './source-edits.mjs';

/**
 * @param {string} code
 * @param {string} [fileName]
 * @returns {string}
 */
export function stripMsgDescriptions(code, fileName = 'module.js') {
  return editSource(code, fileName, (node, source, cut) => {
    if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'msg') return;
    const options = node.arguments[1];
    if (!options || !ts.isObjectLiteralExpression(options)) return;
    const properties = options.properties;
    properties.forEach((property, index) => {
      if (!property.name || !ts.isIdentifier(property.name) || property.name.text !== 'desc') return;
      const next = properties[index + 1];
      const previous = properties[index - 1];
      if (next) cut(property.getStart(source), next.getStart(source));
      else if (previous) cut(previous.getEnd(), property.getEnd());
      else cut(property.getStart(source), options.getEnd() - 1);
    });
  });
}
