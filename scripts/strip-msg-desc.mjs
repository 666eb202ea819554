// Removes the translators' notes (`desc`) from every `msg(…, { id, desc })` call. `lit-localize extract` reads
// them from the sources; nothing reads them at run time, so the shipped code goes without them (see ship.mjs).
import ts from 'typescript';

export function stripMsgDescriptions(code, fileName = 'module.js') {
  const kind = /\.tsx?$/.test(fileName) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, kind);
  const cuts = [];
  const visit = (node) => {
    const options = node.arguments?.[1];
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'msg' &&
      options &&
      ts.isObjectLiteralExpression(options)
    ) {
      const properties = options.properties;
      properties.forEach((property, index) => {
        if (!property.name || !ts.isIdentifier(property.name) || property.name.text !== 'desc') return;
        if (index < properties.length - 1)
          cuts.push([property.getStart(source), properties[index + 1].getStart(source)]);
        else if (index > 0) cuts.push([properties[index - 1].getEnd(), property.getEnd()]);
        else cuts.push([property.getStart(source), options.getEnd() - 1]);
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let result = code;
  for (const [start, end] of cuts.sort((a, b) => b[0] - a[0])) result = result.slice(0, start) + result.slice(end);
  return result;
}
