// @ts-check
// Marked tables: `table keys: <TypeScript type>` lists exactly the properties of that type in its first column;
// `table parts` lists elements (first column) and parts (second column) the manifest has.

const KEYS = 'table keys:';

/**
 * The TypeScript type a `table keys` table lists the properties of, if the table is one.
 * @param {import('./markdown.mjs').Table} table
 * @returns {string | undefined}
 */
export const keyTypeOf = (table) => (table.mark.startsWith(KEYS) ? table.mark.slice(KEYS.length).trim() : undefined);

/**
 * What is wrong with a marked table, each problem at its file and line.
 * @param {import('./markdown.mjs').Table} table
 * @param {import('./manifest.mjs').Manifest} manifest
 * @param {Map<string, string[] | string>} keys each key type's property names, or why there are none
 * @returns {string[]}
 */
export function checkTable(table, manifest, keys) {
  /** @type {string[]} */
  const problems = [];
  const type = keyTypeOf(table);
  if (type !== undefined) {
    const known = keys.get(type);
    const listed = table.rows.map((row) => /^`?([A-Za-z_$][\w$]*)/.exec(row[0] ?? '')?.[1] ?? row[0] ?? '');
    if (typeof known === 'string' || known === undefined)
      problems.push(`${table.file}:${table.line}: ${known ?? type}`);
    else {
      for (const key of known.filter((key) => !listed.includes(key)))
        problems.push(`${table.file}:${table.line}: the table leaves out ${key}`);
      for (const key of listed.filter((key) => !known.includes(key)))
        problems.push(`${table.file}:${table.line}: ${key} is not a property of ${type}`);
    }
  } else if (table.mark === 'table parts') {
    for (const [tag = '', parts = ''] of table.rows) {
      const element = tag.replace(/[`<>]/g, '');
      const api = manifest.get(element);
      if (!api) problems.push(`${table.file}:${table.line}: <${element}> is not an element of the manifest`);
      for (const part of parts.match(/`[^`]+`/g) ?? [])
        if (api && !api.parts.has(part.slice(1, -1)))
          problems.push(`${table.file}:${table.line}: <${element}> has no part ${part}`);
    }
  } else problems.push(`${table.file}:${table.line}: unknown mark "${table.mark}"`);
  return problems;
}
