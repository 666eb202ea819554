// @ts-check
// The HTTP contract's route tables (docs/http-contract.md) and its OpenAPI file list the same routes.

/**
 * The routes of the HTTP contract's tables, as `METHOD /path` with each `{parameter}` as `{}`.
 * @param {string} markdown
 * @returns {Set<string>}
 */
export function routesOfTables(markdown) {
  const routes = new Set();
  for (const match of markdown.matchAll(/^\|\s*`(GET|POST|PUT|PATCH|DELETE) \{base\}(\/[^`?\s]*)[^`]*`\s*\|/gm))
    routes.add(`${match[1]} ${(match[2] ?? '').replace(/\{[^}]+\}/g, '{}')}`);
  return routes;
}

/**
 * The routes of an OpenAPI file, read from its layout (paths at two spaces, their methods at four).
 * @param {string} yaml
 * @returns {Set<string>}
 */
export function routesOfOpenApi(yaml) {
  const routes = new Set();
  let path = '';
  for (const line of yaml.split('\n')) {
    const pathLine = /^ {2}(\/\S*):\s*$/.exec(line);
    if (pathLine) path = (pathLine[1] ?? '').replace(/\{[^}]+\}/g, '{}');
    const method = /^ {4}(get|post|put|patch|delete):\s*$/.exec(line);
    if (method && path) routes.add(`${(method[1] ?? '').toUpperCase()} ${path}`);
    if (/^\S/.test(line) && !line.startsWith('paths:')) path = '';
  }
  return routes;
}

/**
 * The routes one of the two lists and the other does not.
 * @param {string} markdown the contract
 * @param {string} yaml its OpenAPI file
 * @param {string} openApiFile the OpenAPI file's path, for the messages
 * @returns {string[]}
 */
export function checkRoutes(markdown, yaml, openApiFile) {
  const documented = routesOfTables(markdown);
  const specified = routesOfOpenApi(yaml);
  return [
    ...[...documented].filter((route) => !specified.has(route)).map((route) => `${route} is not in ${openApiFile}`),
    ...[...specified]
      .filter((route) => !documented.has(route))
      .map((route) => `${route} is not in docs/http-contract.md`),
  ];
}
