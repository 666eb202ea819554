// @ts-check
// The extraction from HTML (and Vue and Angular templates): start tags with their attributes, scripts, and what the
// scripts import.

/**
 * @typedef {{ name: string, value: string | undefined }} Attribute
 * @typedef {{ tag: string, line: number, attributes: Attribute[] }} Element
 * @typedef {{ type: string, code: string, line: number, start: number, end: number }} Script
 *   A script element: its type, its text and the line that text starts on (1-based, within the HTML), and where the
 *   whole element starts and ends in the HTML.
 */

/**
 * The start tags and scripts of an HTML fragment (or a Vue or Angular template): enough to check names, not a
 * parser for every document.
 * @param {string} html
 * @returns {{ elements: Element[], scripts: Script[] }}
 */
export function scanHtml(html) {
  /** @type {Element[]} */
  const elements = [];
  /** @type {Script[]} */
  const scripts = [];
  const lineAt = (/** @type {number} */ index) => html.slice(0, index).split('\n').length;
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open < 0) break;
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      at = close < 0 ? html.length : close + 3;
      continue;
    }
    const name = /^<([a-zA-Z][\w-]*)/.exec(html.slice(open));
    if (!name) {
      at = open + 1;
      continue;
    }
    const tag = (name[1] ?? '').toLowerCase();
    /** @type {Attribute[]} */
    const attributes = [];
    let index = open + (name[0] ?? '').length;
    for (;;) {
      while (/\s/.test(html[index] ?? '')) index++;
      if (index >= html.length || html[index] === '>' || html.startsWith('/>', index)) break;
      const attribute = /^[^\s=>]+(?:\/(?!>)[^\s=>]*)*/.exec(html.slice(index));
      const attributeName = attribute?.[0] ?? html[index] ?? '';
      index += attributeName.length || 1;
      /** @type {string | undefined} */
      let value;
      if (html[index] === '=') {
        index++;
        const quote = html[index];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, index + 1);
          value = html.slice(index + 1, close < 0 ? html.length : close);
          index = close < 0 ? html.length : close + 1;
        } else {
          const unquoted = /^[^\s>]*/.exec(html.slice(index))?.[0] ?? '';
          value = unquoted;
          index += unquoted.length;
        }
      }
      attributes.push({ name: attributeName, value });
    }
    const end = html.indexOf('>', index);
    at = end < 0 ? html.length : end + 1;
    elements.push({ tag, line: lineAt(open), attributes });
    if (tag === 'script' || tag === 'style') {
      const close = html.toLowerCase().indexOf(`</${tag}`, at);
      const stop = close < 0 ? html.length : close;
      if (tag === 'script') {
        const type = attributes.find((attribute) => attribute.name.toLowerCase() === 'type')?.value ?? '';
        const after = close < 0 ? html.length : html.indexOf('>', close) + 1;
        scripts.push({ type, code: html.slice(at, stop), line: lineAt(at), start: open, end: after });
      }
      at = stop;
    }
  }
  return { elements, scripts };
}

/**
 * The bare module specifiers a script imports.
 * @param {string} code
 * @returns {string[]}
 */
export const bareImports = (code) =>
  [...code.matchAll(/\bimport\s*(?:[^'"`]*?\bfrom\s*)?['"]([^'"]+)['"]/g)]
    .map((match) => match[1] ?? '')
    .filter((specifier) => !/^(\.|\/|[a-z]+:)/.test(specifier));

/**
 * The `@security-info/*` packages a piece of code imports (a subpath counts as its package).
 * @param {string} code
 * @returns {string[]}
 */
export const packagesImported = (code) =>
  bareImports(code)
    .filter((specifier) => specifier.startsWith('@security-info/'))
    .map((specifier) => specifier.split('/').slice(0, 2).join('/'));
