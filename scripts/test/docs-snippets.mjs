// @ts-check
// `npm run test:docs`: every code block of README.md and docs/*.md does what the text says, against the packages as
// they are. One test per block (and per checked table), named after its file and line; a TAP report goes to
// test-results/docs.tap for the summary of `npm test`.
//
// - TypeScript and JavaScript (ts, js, jsx, tsx) are type-checked together, each block a module of its own, against
//   the workspace packages' sources (the `@security-info/source` condition of tsconfig.base.json), so a renamed
//   option, property, event or export breaks the test. TypeScript is checked as strictly as the packages are;
//   JavaScript as an editor checks it for a JavaScript reader (JAVASCRIPT_OPTIONS: no null checks, no implicit-any
//   complaints, since a JavaScript reader writes neither), which still refuses an unknown option or name.
// - A block may use what the reader brings (their wizard element, their sign-in, their sender): those names are
//   declared once, typed, in PRELUDE below. Anything else a block uses, it imports.
// - An `interface` that a TypeScript block declares without using it is there to be read: it is an excerpt of the
//   package's type of that name, and must have the same members, each of the same type.
// - HTML, Vue and Angular templates: each custom element must be in the Custom Elements Manifest
//   (packages/elements/custom-elements.json, which `npm run analyze` writes), and each attribute, property binding
//   (`.prop`, `[prop]`, `:prop.prop`) and event binding (`@event`, `(event)`, `on…`) must be one of its own. Inline
//   module scripts are type-checked as JavaScript; an import map must be JSON and map every bare import of the page.
// - An HTML block with a module script is a page: it runs in Chromium, its scripts bundled as an application's
//   production build would (scripts/bench/production-bundle.mjs, the import map's job), against the reference
//   backend at /api/security-info. It passes when every element it uses is defined, the wizard leaves its loading
//   step, and the page logs no error.
// - CSS: `tag::part(name)` and `tag:state(name)` must be parts and states the manifest lists for that tag, and each
//   `--si-*` custom property must be one the elements read.
// - JSON must parse. Shell: `npm run`, `npm start` and `npm test` name scripts that exist (in the workspace given with
//   `-w`), `npx` names a command a package provides, and `npm install` names packages that exist; a file that says
//   what to install installs every `@security-info/*` package its blocks import.
// - The HTTP contract's route tables (docs/http-contract.md) and its OpenAPI file list the same routes.
//
// Marks, as an HTML comment on the line before a block or table (keep them rare):
// - `<!-- snippet: fragment -->`: the block is deliberately a piece of something bigger (a line of a larger file,
//   output to compare with); it is not checked. No block needs it today.
// - `<!-- table keys: <TypeScript type> -->`: the first column of the table below names exactly the properties of that
//   type, for example `import('@security-info/core').FetchAdapterOptions`: an option added, renamed or removed in
//   the code and not in the table (or the other way round) fails.
// - `<!-- table parts -->`: the table below lists elements (first column) and their parts (second column); each part
//   named must be one the manifest lists for that element.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, relative } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { DOCS_TAP, RESULTS_DIR } from './results.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MANIFEST = join(ROOT, 'packages/elements/custom-elements.json');
const OPENAPI = 'docs/http-contract.openapi.yaml';
/** The packages an interface excerpt may come from, in the order they are searched. */
const PACKAGES = ['@security-info/core', '@security-info/server', '@security-info/elements'];
const CODE_LANGUAGES = new Set(['ts', 'tsx', 'js', 'jsx', 'mjs']);
/** JavaScript is checked as an editor checks it for a JavaScript reader: no null checks, no implicit-any complaints. */
const JAVASCRIPT_OPTIONS = { strict: false, strictNullChecks: false, noImplicitAny: false };
/** Attributes every HTML element takes. */
const GLOBAL_ATTRIBUTES = new Set(
  'id class style slot part exportparts hidden lang dir title tabindex role inert autofocus is nonce translate popover'.split(
    ' ',
  ),
);
/** Events of every element, as opposed to the ones an element fires of its own. */
const DOM_EVENTS = new Set('click input change focus blur keydown keyup submit reset invalid'.split(' '));

/**
 * What the reader brings, declared for every block: their page's wizard and adapter, their sign-in and dialogs,
 * their server's options and sender, and other runtimes' globals as far as the blocks use them.
 */
export const PRELUDE = `
import type { SecurityInfoAdapter } from '@security-info/core';
import type { SecurityInfoWizard } from '@security-info/elements';
import type { CodeSender, SecurityInfoHandlerOptions } from '@security-info/server';
import type { RequestHandler } from 'express';
import type { Store } from 'express-session';

declare global {
  /** The page's <security-info-wizard>. */
  const wizard: SecurityInfoWizard;
  /** An adapter the page made (docs/adapter.md). */
  const myAdapter: SecurityInfoAdapter;
  const adapter: SecurityInfoAdapter;
  /** The page's own sign-in, dialogs and messages. */
  function signIn(): Promise<string>;
  function signInAgain(): Promise<void>;
  function renewToken(): Promise<string | null>;
  function getAccessToken(): Promise<string>;
  function closeDialog(): void;
  function showMessage(text: string): void;
  function onDone(detail: unknown): void;
  /** The server's own options and parts (docs/server.md, docs/authentication.md). */
  const options: SecurityInfoHandlerOptions;
  const mySmsAndVoiceSender: CodeSender;
  const mySessionStore: Store;
  const csrfProtection: RequestHandler;
  function tellThePerson(notice: unknown): void;
  function myTextOrCallGateway(phoneNumber: string, channel: string, code: string, locale?: string): Promise<void>;
  const mailer: { tellAboutChange(userId: string, action: string, kind: string | null): Promise<void> };
  function signedInAt(request: Request): Promise<number>;
  function findSession(cookie: string | null): Promise<{ userId: string } | null>;
  /** Other runtimes, as far as docs/server.md uses them. */
  const Deno: {
    serve(handler: (request: Request, info: { remoteAddr: { hostname: string } }) => Promise<Response>): unknown;
  };
  const Bun: {
    serve(options: {
      fetch(request: Request, server: { requestIP(request: Request): { address: string } | null }): Promise<Response>;
    }): unknown;
  };
}
`;

/**
 * @typedef {{ file: string, line: number, lang: string, code: string, mark: string | undefined }} Block
 *   A fenced code block: the line of its first line of code (1-based), its language, and the mark before it.
 * @typedef {{ file: string, line: number, mark: string, rows: string[][] }} Table
 *   A marked table: the line of its header, and its rows' cells (the header and the rule left out).
 * @typedef {{ line: number, message: string }} Problem
 *   What is wrong with a block, at a line of its file.
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
 * @typedef {{ attributes: Set<string>, properties: Set<string>, events: Set<string>, parts: Set<string>,
 *   states: Set<string> }} ElementApi
 * @typedef {Map<string, ElementApi>} Manifest
 */

/**
 * What each tag of a Custom Elements Manifest offers.
 * @param {any} manifest the parsed custom-elements.json
 * @returns {Manifest}
 */
export function readManifest(manifest) {
  /** @type {Manifest} */
  const tags = new Map();
  /** @param {{ name: string }[] | undefined} list */
  const names = (list) => new Set((list ?? []).map((item) => item.name));
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.tagName) continue;
      /** @type {{ kind: string, name: string, privacy?: string, static?: boolean }[]} */
      const members = declaration.members ?? [];
      tags.set(declaration.tagName, {
        attributes: names(declaration.attributes),
        properties: new Set(
          members
            .filter((member) => member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public')
            .map((member) => member.name),
        ),
        events: names(declaration.events),
        parts: names(declaration.cssParts),
        states: names(declaration.cssStates),
      });
    }
  }
  return tags;
}

/** @param {string} name */
const camel = (name) => name.replace(/-([a-z])/g, (_match, letter) => letter.toUpperCase());

/**
 * What is wrong with the custom elements of a template: unknown tags, attributes, properties and events. Binding
 * syntax is read as Lit (`.prop`, `@event`, `?attr`), Vue (`:x`, `:x.prop`, `v-bind:x`, `@event`, `v-on:event`) and
 * Angular (`[prop]`, `(event)`, `[attr.x]`) write it.
 * @param {Element[]} elements
 * @param {Manifest} manifest
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
 * What is wrong with a style sheet: parts, states and custom properties the elements do not have.
 * @param {string} css
 * @param {Manifest} manifest
 * @param {ReadonlySet<string>} customProperties the `--si-*` names the elements read
 * @returns {{ line: number, message: string }[]}
 */
export function checkCss(css, manifest, customProperties) {
  const problems = [];
  const lines = css.split('\n');
  for (const [index, text] of lines.entries()) {
    const line = index + 1;
    for (const match of text.matchAll(/([a-z][\w]*-[\w-]*)::part\(([^)]*)\)/g)) {
      const [, tag = '', parts = ''] = match;
      const api = manifest.get(tag);
      if (!api) problems.push({ line, message: `<${tag}> is not an element of the manifest` });
      else
        for (const part of parts.trim().split(/\s+/))
          if (!api.parts.has(part)) problems.push({ line, message: `<${tag}> has no part "${part}"` });
    }
    for (const match of text.matchAll(/([a-z][\w]*-[\w-]*):state\(([^)]*)\)/g)) {
      const [, tag = '', state = ''] = match;
      if (!manifest.get(tag)?.states.has(state.trim()))
        problems.push({ line, message: `<${tag}> has no state "${state.trim()}"` });
    }
    for (const match of text.matchAll(/(--si-[\w-]+)/g)) {
      const [, property = ''] = match;
      if (!customProperties.has(property)) problems.push({ line, message: `no element reads ${property}` });
    }
  }
  return problems;
}

/**
 * The commands of a shell block: one per line (a trailing `\` continues it), comments and variable assignments left
 * out, split at `&&`, `||`, `;` and `|`.
 * @param {string} code
 * @returns {{ line: number, words: string[] }[]}
 */
export function shellCommands(code) {
  /** @type {{ line: number, words: string[] }[]} */
  const commands = [];
  const lines = code.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    let text = lines[index] ?? '';
    while (text.endsWith('\\') && index + 1 < lines.length) text = `${text.slice(0, -1)} ${lines[++index] ?? ''}`;
    /** @type {string[]} */
    let words = [];
    let word = '';
    /** @type {string | undefined} */
    let quote;
    const flush = () => {
      if (word !== '') words.push(word);
      word = '';
    };
    const end = () => {
      flush();
      while (words[0] !== undefined && /^[A-Za-z_]\w*=/.test(words[0])) words.shift();
      if (words.length) commands.push({ line, words });
      words = [];
    };
    for (let at = 0; at < text.length; at++) {
      const character = text[at] ?? '';
      if (quote) {
        if (character === quote) quote = undefined;
        else word += character;
      } else if (character === '"' || character === "'") quote = character;
      else if (character === '#' && word === '') break;
      else if (/\s/.test(character)) flush();
      else if (character === ';' || character === '|' || character === '&') {
        end();
        if (text[at + 1] === character) at++;
      } else word += character;
    }
    end();
  }
  return commands;
}

/**
 * @typedef {{ name: string, dir: string, scripts: Record<string, string>, bins: string[] }} Workspace
 */

/**
 * What is wrong with the commands of a shell block, and the packages it installs.
 * @param {string} code
 * @param {Workspace[]} workspaces the root first
 * @param {(name: string) => boolean} hasCommand whether `npx <name>` finds a command installed in the repository
 * @returns {{ problems: { line: number, message: string }[], installs: string[] }}
 */
export function checkShell(code, workspaces, hasCommand) {
  const problems = [];
  const installs = [];
  const [root] = workspaces;
  for (const { line, words } of shellCommands(code)) {
    const [command, sub, ...rest] = words;
    if (command === 'npx' && sub) {
      if (!workspaces.some((workspace) => workspace.bins.includes(sub)) && !hasCommand(sub))
        problems.push({ line, message: `npx ${sub}: no package of this repository provides that command` });
      continue;
    }
    if (command !== 'npm' || !sub) continue;
    const flag = rest.findIndex((word) => word === '-w' || word === '--workspace');
    const workspaceName = flag >= 0 ? rest[flag + 1] : undefined;
    const args = rest.filter(
      (word, index) => !word.startsWith('-') && (flag < 0 || (index !== flag + 1 && index !== flag)),
    );
    const workspace =
      workspaceName === undefined ? root : workspaces.find((candidate) => candidate.name === workspaceName);
    if (!workspace) {
      problems.push({ line, message: `npm ${sub} -w ${workspaceName}: no such workspace` });
      continue;
    }
    if (sub === 'install' || sub === 'i' || sub === 'add') {
      for (const name of args) {
        installs.push(name);
        if (name.startsWith('@security-info/') && !workspaces.some((candidate) => candidate.name === name))
          problems.push({ line, message: `npm install ${name}: no such package in this repository` });
      }
      continue;
    }
    const script = sub === 'run' || sub === 'run-script' ? args[0] : ['start', 'test'].includes(sub) ? sub : undefined;
    if (script !== undefined && !(script in workspace.scripts))
      problems.push({
        line,
        message: `npm ${sub === 'run' ? `run ${script}` : sub}: ${workspace.name} has no "${script}" script`,
      });
  }
  return { problems, installs };
}

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
 * @typedef {{ block: Block, code: string, offset: number, lang: string }} Snippet
 *   Code to type-check: a block's, or an inline script of an HTML block starting `offset` lines into it.
 * @typedef {{ name: string, members: string[], line: number }} Excerpt
 */

/**
 * The top-level interfaces a TypeScript block declares and does not use, with their members: excerpts of the
 * packages' types.
 * @param {string} code
 * @returns {Excerpt[]}
 */
export function excerptsOf(code) {
  const source = ts.createSourceFile('excerpt.ts', code, ts.ScriptTarget.Latest, true);
  const unused = (/** @type {ts.InterfaceDeclaration} */ declaration) =>
    (code.match(new RegExp(`\\b${declaration.name.text}\\b`, 'g')) ?? []).length === 1;
  return source.statements
    .filter(ts.isInterfaceDeclaration)
    .filter(unused)
    .map((declaration) => ({
      name: declaration.name.text,
      members: declaration.members.flatMap((member) =>
        member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? [member.name.text] : [],
      ),
      line: source.getLineAndCharacterOfPosition(declaration.getStart()).line + 1,
    }));
}

/** The compiler options of the packages, for snippets: every file a module, JavaScript checked, JSX for React. */
function compilerOptions() {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.base.json'), ts.sys.readFile).config;
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
  return {
    ...options,
    noEmit: true,
    declaration: false,
    declarationMap: false,
    sourceMap: false,
    allowJs: true,
    checkJs: true,
    jsx: ts.JsxEmit.ReactJSX,
    moduleDetection: ts.ModuleDetectionKind.Force,
    noUnusedLocals: false,
    noUnusedParameters: false,
    types: ['node'],
  };
}

/**
 * A program over virtual files (path to text) and everything they import from the repository.
 * @param {Map<string, string>} files
 * @param {ts.Program} [old]
 * @param {ts.CompilerOptions} [overrides]
 */
function programOf(files, old, overrides = {}) {
  const options = { ...compilerOptions(), ...overrides };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => files.has(name) || fileExists.call(host, name);
  host.readFile = (name) => files.get(name) ?? readFile.call(host, name);
  host.getSourceFile = (name, language, onError, fresh) => {
    const text = files.get(name);
    return text === undefined
      ? getSourceFile.call(host, name, language, onError, fresh)
      : ts.createSourceFile(name, text, language, true);
  };
  return ts.createProgram({ rootNames: [...files.keys()], options, host, ...(old ? { oldProgram: old } : {}) });
}

/** @param {Snippet} snippet */
const isJavaScript = (snippet) => /^(js|jsx|mjs)$/.test(snippet.lang);
/** @param {Map<Snippet, string>} names */
const hasJavaScript = (names) => [...names.keys()].some(isJavaScript);

/** @param {ts.Diagnostic} diagnostic */
const messageOf = (diagnostic) =>
  `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;

/**
 * Type-checks snippets, each a module; interfaces are compared with the packages' types of the same name, and each
 * `table keys` type's properties are listed.
 * @param {Snippet[]} snippets
 * @param {string[]} [keyTypes] the types of `table keys` marks
 * @returns {{ problems: Map<Snippet, Problem[]>, keys: Map<string, string[] | string> }}
 *   each snippet's problems at lines of its file, and each key type's property names (or why there are none)
 */
export function checkCode(snippets, keyTypes = []) {
  const dir = join(ROOT, '.docs-snippets');
  /** @type {Map<string, string>} */
  const files = new Map([[join(dir, 'prelude.ts'), PRELUDE]]);
  /** @type {Map<Snippet, string>} */
  const names = new Map();
  snippets.forEach((snippet, index) => {
    const extension = snippet.lang === 'mjs' ? 'js' : snippet.lang;
    const name = join(dir, `${index}-${snippet.block.file.replace(/\W+/g, '-')}-${snippet.block.line}.${extension}`);
    names.set(snippet, name);
    files.set(name, snippet.code);
  });
  const probe = join(dir, 'probe.ts');
  files.set(
    probe,
    [
      ...PACKAGES.map((name, index) => `import type * as package${index} from '${name}';`),
      ...PACKAGES.map((_name, index) => `export declare const package${index}: typeof import('${PACKAGES[index]}');`),
      ...keyTypes.map((type, index) => `export declare const keys${index}: ${type};`),
    ].join('\n'),
  );
  const program = programOf(files);
  const checker = program.getTypeChecker();
  const javascript = hasJavaScript(names) ? programOf(files, program, JAVASCRIPT_OPTIONS) : program;
  /** @type {Map<Snippet, Problem[]>} */
  const problems = new Map();
  const place = (/** @type {Snippet} */ snippet, /** @type {number} */ zeroBased) =>
    snippet.block.line + snippet.offset + zeroBased;
  for (const [snippet, name] of names) {
    const checking = isJavaScript(snippet) ? javascript : program;
    const source = checking.getSourceFile(name);
    const diagnostics = source
      ? [...checking.getSyntacticDiagnostics(source), ...checking.getSemanticDiagnostics(source)]
      : [];
    problems.set(
      snippet,
      diagnostics.map((diagnostic) => ({
        line: place(snippet, source?.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line ?? 0),
        message: messageOf(diagnostic),
      })),
    );
  }

  // What each package exports, to find the type an interface is an excerpt of.
  const probeFile = program.getSourceFile(probe);
  /** @type {Map<string, string>} */
  const exporter = new Map();
  /** @type {Map<string, string[] | string>} */
  const keys = new Map();
  if (probeFile) {
    /** The type of the `index`th key type's declaration in the probe. */
    const declared = (/** @type {number} */ index) => {
      const statement = probeFile.statements[PACKAGES.length * 2 + index];
      const declaration =
        statement && ts.isVariableStatement(statement) ? statement.declarationList.declarations[0] : undefined;
      return declaration ? checker.getTypeAtLocation(declaration.name) : undefined;
    };
    PACKAGES.forEach((packageName, index) => {
      const symbol = checker.getSymbolAtLocation(
        /** @type {ts.ImportDeclaration} */ (probeFile.statements[index]).moduleSpecifier,
      );
      for (const exported of symbol ? checker.getExportsOfModule(symbol) : [])
        if (!exporter.has(exported.name)) exporter.set(exported.name, packageName);
    });
    keyTypes.forEach((type, index) => {
      const probeProblems = program
        .getSemanticDiagnostics(probeFile)
        .filter(
          (diagnostic) =>
            probeFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line === PACKAGES.length * 2 + index,
        );
      const found = declared(index);
      keys.set(
        type,
        probeProblems.length || !found
          ? `${type}: ${probeProblems.map(messageOf).join('; ') || 'not a type'}`
          : checker.getPropertiesOfType(checker.getNonNullableType(found)).map((property) => property.name),
      );
    });
  }

  // Interface excerpts: each member the same type as the package's, and the same members.
  /** @type {Map<string, string>} */
  const checks = new Map();
  /** @type {Map<string, { snippet: Snippet, lines: Map<number, string> }>} */
  const appended = new Map();
  for (const [snippet, name] of names) {
    if (snippet.lang !== 'ts' && snippet.lang !== 'tsx') continue;
    const excerpts = excerptsOf(snippet.code);
    if (!excerpts.length) continue;
    const lines = snippet.code.split('\n');
    /** @type {Map<number, string>} */
    const meaning = new Map();
    const add = (/** @type {string} */ text, /** @type {string} */ what) => {
      meaning.set(lines.length, what);
      lines.push(text);
    };
    lines.push(
      'type Same__<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;',
    );
    for (const { name: excerpt, members, line } of excerpts) {
      const from = exporter.get(excerpt);
      if (!from) {
        (problems.get(snippet) ?? []).push({
          line: place(snippet, line - 1),
          message: `interface ${excerpt} is not a type of ${PACKAGES.join(', ')}: an interface in the docs shows one of theirs`,
        });
        continue;
      }
      const theirs = `import('${from}').${excerpt}`;
      add(
        `const keys_${excerpt}__: Same__<keyof ${excerpt}, keyof ${theirs}> = true;`,
        `interface ${excerpt} does not have the members of ${from}'s (${members.join(', ')})`,
      );
      for (const member of members)
        add(
          `const member_${excerpt}_${member.replace(/\W/g, '_')}__: Same__<${excerpt}['${member}'], ${theirs}['${member}']> = true;`,
          `${excerpt}.${member} is not of the type ${from} gives it`,
        );
    }
    checks.set(name, lines.join('\n'));
    appended.set(name, { snippet, lines: meaning });
  }
  if (checks.size) {
    const second = programOf(new Map([...files, ...checks]), program);
    for (const [name, { snippet, lines }] of appended) {
      const source = second.getSourceFile(name);
      if (!source) continue;
      for (const diagnostic of second.getSemanticDiagnostics(source)) {
        const line = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
        const what = lines.get(line);
        if (what !== undefined)
          (problems.get(snippet) ?? []).push({ line: snippet.block.line + snippet.offset, message: what });
      }
    }
  }
  return { problems, keys };
}

/** The documentation the test reads: the README and every Markdown file of docs/, by path from the root. */
export function documentation() {
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...docs];
}

/** The root package and every workspace, with their scripts and commands. */
function workspaces() {
  /** @param {string} dir */
  const read = (dir) => {
    const json = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8'));
    const bins = typeof json.bin === 'string' ? [json.name] : Object.keys(json.bin ?? {});
    return { name: json.name, dir, scripts: json.scripts ?? {}, bins };
  };
  const root = read('.');
  const patterns = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).workspaces ?? [];
  const dirs = patterns.flatMap((/** @type {string} */ pattern) =>
    pattern.endsWith('/*')
      ? readdirSync(join(ROOT, pattern.slice(0, -2))).map((name) => `${pattern.slice(0, -2)}/${name}`)
      : [pattern],
  );
  return [root, ...dirs.filter((/** @type {string} */ dir) => existsSync(join(ROOT, dir, 'package.json'))).map(read)];
}

/** The `--si-*` custom properties the elements' sources name. */
function customProperties() {
  const names = new Set();
  const src = join(ROOT, 'packages/elements/src');
  for (const name of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
    for (const match of readFileSync(join(src, name), 'utf8').matchAll(/--si-[\w-]+/g)) names.add(match[0]);
  }
  return names;
}

/**
 * The bare module specifiers a script imports.
 * @param {string} code
 */
const bareImports = (code) =>
  [...code.matchAll(/\bimport\s*(?:[^'"`]*?\bfrom\s*)?['"]([^'"]+)['"]/g)]
    .map((match) => match[1] ?? '')
    .filter((specifier) => !/^(\.|\/|[a-z]+:)/.test(specifier));

/** The `@security-info/*` packages a piece of code imports (a subpath counts as its package). */
const packagesImported = (/** @type {string} */ code) =>
  bareImports(code)
    .filter((specifier) => specifier.startsWith('@security-info/'))
    .map((specifier) => specifier.split('/').slice(0, 2).join('/'));

/**
 * Runs HTML blocks as pages in Chromium, one browser and one server for all of them, against the reference backend:
 * a page's module scripts are bundled as an application's production build would, and its import map left out
 * (bundling does its job).
 */
export function pageRunner() {
  /** @type {Map<string, string>} the page and its scripts, by path */
  const served = new Map();
  /** @type {string[]} */
  const asked = [];
  /** @type {Promise<{ origin: string, browser: import('puppeteer-core').Browser, close(): Promise<void> }> | undefined} */
  let started;

  async function start() {
    const [puppeteer, { createSecurityInfoMiddleware, TEST_LIMITS }, { CHROME_ARGS, findBrowser }] = await Promise.all([
      import('puppeteer-core'),
      import('@security-info/server'),
      import('./find-browser.mjs'),
    ]);
    const backend = createSecurityInfoMiddleware({
      development: true,
      authenticate: () => 'docs-reader',
      sender: { send: async () => undefined },
      limits: TEST_LIMITS,
      logger: { warn: () => undefined, error: () => undefined },
    });
    const server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      if (path.startsWith('/api/')) asked.push(`${request.method} ${path}`);
      backend(request, response, () => {
        const body = served.get(path);
        if (path === '/favicon.ico') response.statusCode = 204;
        else if (body === undefined) response.statusCode = 404;
        else response.setHeader('content-type', path === '/' ? 'text/html' : 'text/javascript');
        response.end(body ?? '');
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
    const address = server.address();
    const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const browser = await puppeteer.default.launch({
      executablePath: findBrowser(),
      headless: true,
      args: CHROME_ARGS,
    });
    return {
      origin,
      browser,
      async close() {
        await browser.close();
        await new Promise((resolve) => server.close(() => resolve(undefined)));
      },
    };
  }

  return {
    /**
     * @param {string} html
     * @param {Manifest} manifest
     * @returns {Promise<string[]>} what went wrong
     */
    async run(html, manifest) {
      const { productionBuild } = await import('../bench/production-bundle.mjs');
      const { scripts, elements } = scanHtml(html);
      served.clear();
      asked.length = 0;
      let page = html;
      for (const [index, script] of [...scripts].reverse().entries()) {
        let replacement = '';
        if (script.type === 'module') {
          const bundle = await productionBuild({
            stdin: { contents: script.code, resolveDir: ROOT, sourcefile: 'snippet.js', loader: 'js' },
            outdir: `out/snippet-${index}`,
          });
          for (const file of bundle.outputFiles) served.set(`/${relative(join(ROOT, 'out'), file.path)}`, file.text);
          const outputs = Object.entries(bundle.metafile.outputs);
          const entry = outputs.find(([, output]) => output.entryPoint === 'snippet.js')?.[0] ?? '';
          replacement = `<script type="module" src="/${relative('out', entry)}"></script>`;
        } else if (script.type !== 'importmap') continue;
        page = page.slice(0, script.start) + replacement + page.slice(script.end);
      }
      if (!/<html[\s>]/i.test(page))
        page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>snippet</title></head><body>${page}</body></html>`;
      served.set('/', page);

      const { origin, browser } = await (started ??= start());
      const tab = await browser.newPage();
      /** @type {string[]} */
      const errors = [];
      tab.on('pageerror', (error) =>
        errors.push(`page error: ${error instanceof Error ? error.message : String(error)}`),
      );
      tab.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
      });
      tab.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
      try {
        await tab.goto(origin, { waitUntil: 'load' });
        const tags = [...new Set(elements.map((element) => element.tag).filter((tag) => manifest.has(tag)))];
        try {
          await tab.waitForFunction(
            (/** @type {string[]} */ wanted) =>
              wanted.every((tag) => customElements.get(tag)) &&
              [...document.querySelectorAll('security-info-wizard')].every((wizard) => {
                const step = /** @type {{ step?: string }} */ (/** @type {unknown} */ (wizard)).step;
                return step !== undefined && step !== 'loading';
              }),
            { timeout: 20_000 },
            tags,
          );
        } catch {
          const steps = await tab.evaluate(() =>
            [...document.querySelectorAll('security-info-wizard')].map(
              (wizard) => /** @type {{ step?: string }} */ (/** @type {unknown} */ (wizard)).step,
            ),
          );
          errors.push(
            `the page did not settle in 20 s: elements ${tags.join(', ')}, wizard steps ${JSON.stringify(steps)}, ` +
              `backend asked ${JSON.stringify(asked)}`,
          );
        }
      } finally {
        await tab.close();
      }
      return errors;
    },
    async close() {
      if (started) await (await started).close();
    },
  };
}

/**
 * Everything the docs test checks, as named checks, each with its problems (or a page to run).
 * @param {ReturnType<typeof pageRunner>} pages
 * @returns {Promise<{ name: string, run: () => Promise<string[]> }[]>}
 */
export async function collectChecks(pages) {
  if (!existsSync(MANIFEST)) throw new Error(`${relative(ROOT, MANIFEST)} is missing: run npm run analyze`);
  const manifest = readManifest(JSON.parse(readFileSync(MANIFEST, 'utf8')));
  const properties = customProperties();
  const packages = workspaces();
  const bin = join(ROOT, 'node_modules/.bin');
  const hasCommand = (/** @type {string} */ name) => existsSync(join(bin, name));
  const files = documentation();
  const read = files.map((file) => ({ file, ...readMarkdown(readFileSync(join(ROOT, file), 'utf8'), file) }));

  /** @type {Snippet[]} */
  const snippets = [];
  /** @type {Map<Block, Problem[]>} */
  const found = new Map();
  /** @type {Set<Block>} */
  const runnable = new Set();
  const problemsOf = (/** @type {Block} */ block) => found.get(block) ?? found.set(block, []).get(block) ?? [];
  for (const { blocks } of read) {
    for (const block of blocks) {
      problemsOf(block);
      if (block.mark === 'snippet: fragment') continue;
      if (block.mark !== undefined) {
        problemsOf(block).push({ line: block.line - 1, message: `unknown mark "${block.mark}"` });
        continue;
      }
      if (CODE_LANGUAGES.has(block.lang)) snippets.push({ block, code: block.code, offset: 0, lang: block.lang });
      else if (block.lang === 'html' || block.lang === 'vue') {
        const { elements, scripts } = scanHtml(block.code);
        for (const problem of checkElements(elements, manifest))
          problemsOf(block).push({ line: block.line + problem.line - 1, message: problem.message });
        const map = scripts.find((script) => script.type === 'importmap');
        /** @type {Record<string, string>} */
        let imports = {};
        if (map) {
          try {
            imports = JSON.parse(map.code).imports ?? {};
          } catch (error) {
            problemsOf(block).push({
              line: block.line + map.line - 1,
              message: `the import map is not JSON: ${error}`,
            });
          }
        }
        for (const script of scripts.filter((candidate) => candidate.type === 'module')) {
          snippets.push({ block, code: script.code, offset: script.line - 1, lang: 'js' });
          if (map)
            for (const specifier of bareImports(script.code))
              if (!(specifier in imports))
                problemsOf(block).push({
                  line: block.line + script.line - 1,
                  message: `the import map has no "${specifier}"`,
                });
          if (block.lang === 'html') runnable.add(block);
        }
      } else if (block.lang === 'css') {
        for (const problem of checkCss(block.code, manifest, properties))
          problemsOf(block).push({ line: block.line + problem.line - 1, message: problem.message });
      } else if (block.lang === 'json') {
        try {
          JSON.parse(block.code);
        } catch (error) {
          problemsOf(block).push({ line: block.line, message: `not JSON: ${error}` });
        }
      }
    }
  }

  // A file that says what to install installs every package of this repository that its blocks import.
  for (const { blocks } of read) {
    const shells = blocks.filter((block) => block.lang === 'sh' || block.lang === 'bash');
    const installed = new Set();
    for (const block of shells) {
      const { problems, installs } = checkShell(block.code, packages, hasCommand);
      for (const problem of problems)
        problemsOf(block).push({ line: block.line + problem.line - 1, message: problem.message });
      for (const name of installs) installed.add(name);
    }
    const install = shells.find((block) => /\bnpm (install|i|add) \S/.test(block.code));
    if (!install) continue;
    for (const block of blocks) {
      const code =
        block.lang === 'html'
          ? scanHtml(block.code)
              .scripts.map((script) => script.code)
              .join('\n')
          : block.code;
      if (!CODE_LANGUAGES.has(block.lang) && block.lang !== 'html') continue;
      for (const name of packagesImported(code))
        if (!installed.has(name) && packages.some((workspace) => workspace.name === name))
          problemsOf(install).push({
            line: install.line,
            message: `${block.file}:${block.line} imports ${name}, which no npm install of this file installs`,
          });
    }
  }

  const tables = read.flatMap(({ tables: marked }) => marked);
  const keyTypes = tables.flatMap((table) =>
    table.mark.startsWith('table keys:') ? [table.mark.slice('table keys:'.length).trim()] : [],
  );
  const { problems: codeProblems, keys } = checkCode(snippets, keyTypes);
  for (const [snippet, problems] of codeProblems) problemsOf(snippet.block).push(...problems);

  /** @type {{ name: string, run: () => Promise<string[]> }[]} */
  const checks = [];
  const describe = (/** @type {Problem[]} */ problems, /** @type {string} */ file) =>
    problems.map((problem) => `${file}:${problem.line}: ${problem.message}`);
  for (const [block, problems] of found) {
    const name = `${block.file}:${block.line - 1} ${block.lang || 'text'}${block.mark ? ` (${block.mark})` : ''}`;
    checks.push({
      name,
      run: async () => {
        const listed = describe(problems, block.file);
        if (listed.length || !runnable.has(block)) return listed;
        return (await pages.run(block.code, manifest)).map((problem) => `${block.file}:${block.line - 1}: ${problem}`);
      },
    });
  }
  for (const table of tables) {
    const name = `${table.file}:${table.line} table (${table.mark})`;
    /** @type {string[]} */
    const problems = [];
    if (table.mark.startsWith('table keys:')) {
      const type = table.mark.slice('table keys:'.length).trim();
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
    checks.push({ name, run: async () => problems });
  }

  const contract = readFileSync(join(ROOT, 'docs/http-contract.md'), 'utf8');
  const documented = routesOfTables(contract);
  const specified = routesOfOpenApi(readFileSync(join(ROOT, OPENAPI), 'utf8'));
  checks.push({
    name: `docs/http-contract.md routes = ${OPENAPI} paths`,
    run: async () => [
      ...[...documented].filter((route) => !specified.has(route)).map((route) => `${route} is not in ${OPENAPI}`),
      ...[...specified]
        .filter((route) => !documented.has(route))
        .map((route) => `${route} is not in docs/http-contract.md`),
    ],
  });
  return checks;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.env.NODE_TEST_CONTEXT) {
    // Under the test runner (below): one test per check.
    const pages = pageRunner();
    after(() => pages.close());
    for (const check of await collectChecks(pages)) {
      test(check.name, async () => {
        const problems = await check.run();
        assert.deepEqual(problems, [], problems.join('\n'));
      });
    }
  } else {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const run = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        '--test',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${join(RESULTS_DIR, DOCS_TAP)}`,
        fileURLToPath(import.meta.url),
      ],
      { cwd: ROOT, stdio: 'inherit' },
    );
    process.exit(run.status ?? 1);
  }
}
