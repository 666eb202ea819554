// Removes the translators' notes (`desc`) from every `msg(…, { id, desc })` call. `lit-localize extract` reads
// them from the sources; nothing reads them at run time, so the shipped code goes without them (see ship.mjs).
import ts from 'typescript';
import { editSource } from './source-edits.mjs';

export function stripMsgDescriptions(code, fileName = 'module.js') {
  return editSource(code, fileName, (node, source, cut) => {
    const options = node.arguments?.[1];
    if (
      !ts.isCallExpression(node) ||
      !ts.isIdentifier(node.expression) ||
      node.expression.text !== 'msg' ||
      !options ||
      !ts.isObjectLiteralExpression(options)
    ) {
      return;
    }
    const properties = options.properties;
    properties.forEach((property, index) => {
      if (!property.name || !ts.isIdentifier(property.name) || property.name.text !== 'desc') return;
      if (index < properties.length - 1) cut(property.getStart(source), properties[index + 1].getStart(source));
      else if (index > 0) cut(properties[index - 1].getEnd(), property.getEnd());
      else cut(property.getStart(source), options.getEnd() - 1);
    });
  });
}
