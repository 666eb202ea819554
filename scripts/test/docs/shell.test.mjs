// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkShell, checkShellBlocks, shellCommands } from './shell.mjs';

test('shell blocks are read as commands: continued lines, variables, comments and chains', () => {
  const sh = [
    'A=1 B="two words" \\',
    'npx security-info-server --help   # every variable',
    '# a comment',
    'npm install && npm start; npm test | tee log',
  ].join('\n');
  assert.deepEqual(shellCommands(sh), [
    { line: 1, words: ['npx', 'security-info-server', '--help'] },
    { line: 4, words: ['npm', 'install'] },
    { line: 4, words: ['npm', 'start'] },
    { line: 4, words: ['npm', 'test'] },
    { line: 4, words: ['tee', 'log'] },
  ]);
});

test('shell commands must name scripts, workspaces, commands and packages that exist', () => {
  /** @type {import('./repository.mjs').Workspace[]} */
  const workspaces = [
    { name: 'root', dir: '.', scripts: { start: '', test: '', analyze: '' }, bins: [] },
    { name: '@security-info/server', dir: 'packages/server', scripts: { start: '' }, bins: ['security-info-server'] },
  ];
  const sh = [
    'npm install @security-info/server @security-info/servr',
    'npm run analyze && npm run analyse',
    'NODE_ENV=development npm start -w @security-info/server',
    'npm test -w @security-info/server',
    'npm start -w @security-info/nothing',
    'npx security-info-server && npx tsc && npx nothing-here',
  ].join('\n');
  const { problems, installs } = checkShell(sh, workspaces, (name) => name === 'tsc');
  assert.deepEqual(installs, ['@security-info/server', '@security-info/servr']);
  assert.deepEqual(problems, [
    { line: 1, message: 'npm install @security-info/servr: no such package in this repository' },
    { line: 2, message: 'npm run analyse: root has no "analyse" script' },
    { line: 4, message: 'npm test: @security-info/server has no "test" script' },
    { line: 5, message: 'npm start -w @security-info/nothing: no such workspace' },
    { line: 6, message: 'npx nothing-here: no package of this repository provides that command' },
  ]);
});

test('a file that installs packages installs every package of this repository that its blocks import', () => {
  /** @type {import('./repository.mjs').Workspace[]} */
  const workspaces = [
    { name: 'root', dir: '.', scripts: {}, bins: [] },
    { name: '@security-info/core', dir: 'packages/core', scripts: {}, bins: [] },
    { name: '@security-info/elements', dir: 'packages/elements', scripts: {}, bins: [] },
  ];
  const block = (/** @type {number} */ line, /** @type {string} */ lang, /** @type {string} */ code) => ({
    file: 'docs/x.md',
    line,
    lang,
    code,
    mark: undefined,
  });
  const install = block(3, 'sh', 'npm install @security-info/elements');
  const blocks = [
    install,
    block(8, 'js', "import { createFetchAdapter } from '@security-info/core/fetch';"),
    block(12, 'html', '<script type="module">import "@security-info/elements";</script>'),
    block(16, 'json', '{ "import": "@security-info/server" }'),
  ];
  const found = checkShellBlocks(blocks, workspaces, () => false);
  assert.deepEqual([...found.keys()], [install]);
  assert.deepEqual(found.get(install), [
    { line: 3, message: 'docs/x.md:8 imports @security-info/core, which no npm install of this file installs' },
  ]);
  assert.deepEqual([...checkShellBlocks(blocks.slice(1), workspaces, () => false)], [], 'no install, nothing asked');
});
