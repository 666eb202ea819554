// @ts-check
// What the docs are checked against, as the repository has it today: its documentation files, its workspaces with
// their scripts and commands, and the custom properties the elements read.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * @typedef {{ name: string, dir: string, scripts: Record<string, string>, bins: string[] }} Workspace
 */

/** The documentation the test reads: the README and every Markdown file of docs/, by path from the root. */
export function documentation() {
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...docs];
}

/**
 * The root package and every workspace, with their scripts and commands.
 * @returns {Workspace[]} the root first
 */
export function workspaces() {
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

/**
 * Whether `npx <name>` finds a command installed in the repository.
 * @param {string} name
 */
export const hasCommand = (name) => existsSync(join(ROOT, 'node_modules/.bin', name));

/**
 * The `--si-*` custom properties the elements' sources name.
 * @returns {Set<string>}
 */
export function customProperties() {
  const names = new Set();
  const src = join(ROOT, 'packages/elements/src');
  for (const name of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
    for (const match of readFileSync(join(src, name), 'utf8').matchAll(/--si-[\w-]+/g)) names.add(match[0]);
  }
  return names;
}
