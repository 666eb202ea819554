// @ts-check
// Everything the docs test checks, as named checks: one per block (and per marked table), named after its file and
// line, and one for the HTTP contract's routes. Each kind of check lives in a module of its own; this one reads the
// docs and hands each block to its check.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_LANGUAGES, checkCode } from './code.mjs';
import { checkCss } from './css.mjs';
import { checkJson } from './json.mjs';
import { loadManifest } from './manifest.mjs';
import { readMarkdown } from './markdown.mjs';
import { checkMarkup } from './markup.mjs';
import { ROOT, customProperties, documentation, hasCommand, workspaces } from './repository.mjs';
import { checkRoutes } from './routes.mjs';
import { checkShellBlocks } from './shell.mjs';
import { checkTable, keyTypeOf } from './tables.mjs';

const OPENAPI = 'docs/http-contract.openapi.yaml';

/**
 * @typedef {import('./markdown.mjs').Block} Block
 * @typedef {import('./markdown.mjs').Problem} Problem
 * @typedef {import('./markdown.mjs').Snippet} Snippet
 * @typedef {{ name: string, run: () => Promise<string[]> }} Check
 *   A named check; running it gives what is wrong, each as `file:line: message`.
 */

/**
 * Everything the docs test checks, as named checks, each with its problems (or a page to run).
 * @param {ReturnType<typeof import('./pages.mjs').pageRunner>} pages
 * @returns {Promise<Check[]>}
 */
export async function collectChecks(pages) {
  const manifest = loadManifest();
  const properties = customProperties();
  const packages = workspaces();
  const read = documentation().map((file) => ({
    file,
    ...readMarkdown(readFileSync(join(ROOT, file), 'utf8'), file),
  }));

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
        const markup = checkMarkup(block, manifest);
        problemsOf(block).push(...markup.problems);
        snippets.push(...markup.snippets);
        if (markup.runnable) runnable.add(block);
      } else if (block.lang === 'css') {
        for (const problem of checkCss(block.code, manifest, properties))
          problemsOf(block).push({ line: block.line + problem.line - 1, message: problem.message });
      } else if (block.lang === 'json') problemsOf(block).push(...checkJson(block));
    }
  }
  // Shell blocks are checked a file at a time, their marks notwithstanding: what a file installs is what all its
  // commands install.
  for (const { blocks } of read)
    for (const [block, problems] of checkShellBlocks(blocks, packages, hasCommand)) problemsOf(block).push(...problems);

  const tables = read.flatMap(({ tables: marked }) => marked);
  const keyTypes = tables.flatMap((table) => keyTypeOf(table) ?? []);
  const { problems: codeProblems, keys } = checkCode(snippets, keyTypes);
  for (const [snippet, problems] of codeProblems) problemsOf(snippet.block).push(...problems);

  /** @type {Check[]} */
  const checks = [];
  for (const [block, problems] of found) {
    const name = `${block.file}:${block.line - 1} ${block.lang || 'text'}${block.mark ? ` (${block.mark})` : ''}`;
    checks.push({
      name,
      run: async () => {
        const listed = problems.map((problem) => `${block.file}:${problem.line}: ${problem.message}`);
        if (listed.length || !runnable.has(block)) return listed;
        return (await pages.run(block.code, manifest)).map((problem) => `${block.file}:${block.line - 1}: ${problem}`);
      },
    });
  }
  for (const table of tables) {
    const problems = checkTable(table, manifest, keys);
    checks.push({ name: `${table.file}:${table.line} table (${table.mark})`, run: async () => problems });
  }

  const contract = readFileSync(join(ROOT, 'docs/http-contract.md'), 'utf8');
  const openApi = readFileSync(join(ROOT, OPENAPI), 'utf8');
  checks.push({
    name: `docs/http-contract.md routes = ${OPENAPI} paths`,
    run: async () => checkRoutes(contract, openApi, OPENAPI),
  });
  return checks;
}
