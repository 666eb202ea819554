// @ts-check
// HTML, Vue and Angular blocks against the manifest: each custom element must be one of it, and each attribute,
// property binding and event binding one of that element's own; an import map must be JSON and map every bare import
// of the page. The inline module scripts are handed on to be type-checked, and a page with one to be run.
import { bareImports, scanHtml } from './html.mjs';

/** Attributes every HTML element takes. */
const GLOBAL_ATTRIBUTES = new Set(
  'id class style slot part exportparts hidden lang dir title tabindex role inert autofocus is nonce translate popover'.split(
    ' ',
  ),
);
/** Events of every element, as opposed to the ones an element fires of its own. */
const DOM_EVENTS = new Set('click input change focus blur keydown keyup submit reset invalid'.split(' '));

/** @param {string} name */
const camel = (name) => name.replace(/-([a-z])/g, (_match, letter) => letter.toUpperCase());

/**
 * What is wrong with the custom elements of a template: unknown tags, attributes, properties and events. Binding
 * syntax is read as Lit (`.prop`, `@event`, `?attr`), Vue (`:x`, `:x.prop`, `v-bind:x`, `@event`, `v-on:event`) and
 * Angular (`[prop]`, `(event)`, `[attr.x]`) write it.
 * @param {import('./html.mjs').Element[]} elements
 * @param {import('./manifest.mjs').Manifest} manifest
 * @returns {{ line: number, message: string }[]}
 */
export function checkElements(elements, manifest) {
  const problems = [];
  for (const { tag, line, attributes } of elements) {
    if (!tag.includes('-')) continue;
    const api = manifest.get(tag);
    if (!api) {
      problems.push({ line, message: `<${tag}> is not an element of the manifest` });
      continue;
    }
    for (const { name } of attributes) {
      /** @type {['attribute' | 'property' | 'event' | 'either', string] | undefined} */
      let wanted;
      if (/^\[attr\.|^(?:v-bind)?:(?:class|style|key)$|^#|^\*|^v-(?!bind:|on:)/.test(name)) continue;
      const property = /^\[([\w-]+)\]$|^\.([\w-]+)$|^(?:v-bind)?:([\w-]+)\.prop$/.exec(name);
      const event = /^\(([\w-]+)\)$|^(?:@|v-on:)([\w-]+)(?:\.[\w]+)*$|^on([a-z][\w-]*)$/.exec(name);
      const bound = /^(?:v-bind)?:([\w-]+)$|^\?([\w-]+)$/.exec(name);
      if (property) wanted = ['property', property[1] ?? property[2] ?? property[3] ?? ''];
      else if (event) wanted = ['event', event[1] ?? event[2] ?? event[3] ?? ''];
      else if (bound) wanted = ['either', bound[1] ?? bound[2] ?? ''];
      else wanted = ['attribute', name.toLowerCase()];
      const [kind, what] = wanted;
      const known =
        kind === 'event'
          ? api.events.has(what) || DOM_EVENTS.has(what)
          : kind === 'property'
            ? api.properties.has(camel(what))
            : kind === 'either'
              ? api.attributes.has(what) || api.properties.has(camel(what))
              : api.attributes.has(what) || GLOBAL_ATTRIBUTES.has(what) || /^(aria|data)-/.test(what);
      if (!known)
        problems.push({
          line,
          message: `<${tag}> has no ${kind === 'either' ? 'attribute or property' : kind} "${what}" (${name})`,
        });
    }
  }
  return problems;
}

/**
 * What is wrong with an HTML, Vue or Angular block, the module scripts it holds, and whether it is a page to run (an
 * HTML block with a module script).
 * @param {import('./markdown.mjs').Block} block
 * @param {import('./manifest.mjs').Manifest} manifest
 * @returns {{ problems: import('./markdown.mjs').Problem[], snippets: import('./markdown.mjs').Snippet[], runnable: boolean }}
 */
export function checkMarkup(block, manifest) {
  /** @type {import('./markdown.mjs').Problem[]} */
  const problems = [];
  /** @type {import('./markdown.mjs').Snippet[]} */
  const snippets = [];
  let runnable = false;
  const { elements, scripts } = scanHtml(block.code);
  for (const problem of checkElements(elements, manifest))
    problems.push({ line: block.line + problem.line - 1, message: problem.message });
  const map = scripts.find((script) => script.type === 'importmap');
  /** @type {Record<string, string>} */
  let imports = {};
  if (map) {
    try {
      imports = JSON.parse(map.code).imports ?? {};
    } catch (error) {
      problems.push({ line: block.line + map.line - 1, message: `the import map is not JSON: ${error}` });
    }
  }
  for (const script of scripts.filter((candidate) => candidate.type === 'module')) {
    snippets.push({ block, code: script.code, offset: script.line - 1, lang: 'js' });
    if (map)
      for (const specifier of bareImports(script.code))
        if (!(specifier in imports))
          problems.push({ line: block.line + script.line - 1, message: `the import map has no "${specifier}"` });
    if (block.lang === 'html') runnable = true;
  }
  return { problems, snippets, runnable };
}
