// @ts-check
// JSON blocks must parse.

/**
 * What is wrong with a JSON block: nothing, or why it does not parse.
 * @param {import('./markdown.mjs').Block} block
 * @returns {import('./markdown.mjs').Problem[]}
 */
export function checkJson(block) {
  try {
    JSON.parse(block.code);
    return [];
  } catch (error) {
    return [{ line: block.line, message: `not JSON: ${error}` }];
  }
}
