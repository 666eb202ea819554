// @ts-check
// Shell blocks: `npm run`, `npm start` and `npm test` name scripts that exist (in the workspace given with `-w`), `npx`
// names a command a package provides, and `npm install` names packages that exist; a file that says what to install
// installs every `@security-info/*` package its blocks import.
import { CODE_LANGUAGES } from './code.mjs';
import { packagesImported, scanHtml } from './html.mjs';

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
 * What is wrong with the commands of a shell block, and the packages it installs.
 * @param {string} code
 * @param {import('./repository.mjs').Workspace[]} workspaces the root first
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
 * What is wrong with the shell blocks of a file: their commands, and, when one of them installs packages, each
 * package of this repository that a block of the file imports and no `npm install` of the file installs.
 * @param {import('./markdown.mjs').Block[]} blocks a file's blocks
 * @param {import('./repository.mjs').Workspace[]} workspaces the root first
 * @param {(name: string) => boolean} hasCommand whether `npx <name>` finds a command installed in the repository
 * @returns {Map<import('./markdown.mjs').Block, import('./markdown.mjs').Problem[]>} the problems of each shell block
 *   that has any
 */
export function checkShellBlocks(blocks, workspaces, hasCommand) {
  /** @type {Map<import('./markdown.mjs').Block, import('./markdown.mjs').Problem[]>} */
  const found = new Map();
  const problemsOf = (/** @type {import('./markdown.mjs').Block} */ block) =>
    found.get(block) ?? found.set(block, []).get(block) ?? [];
  const shells = blocks.filter((block) => block.lang === 'sh' || block.lang === 'bash');
  const installed = new Set();
  for (const block of shells) {
    const { problems, installs } = checkShell(block.code, workspaces, hasCommand);
    for (const problem of problems)
      problemsOf(block).push({ line: block.line + problem.line - 1, message: problem.message });
    for (const name of installs) installed.add(name);
  }
  const install = shells.find((block) => /\bnpm (install|i|add) \S/.test(block.code));
  if (!install) return found;
  for (const block of blocks) {
    const code =
      block.lang === 'html'
        ? scanHtml(block.code)
            .scripts.map((script) => script.code)
            .join('\n')
        : block.code;
    if (!CODE_LANGUAGES.has(block.lang) && block.lang !== 'html') continue;
    for (const name of packagesImported(code))
      if (!installed.has(name) && workspaces.some((workspace) => workspace.name === name))
        problemsOf(install).push({
          line: install.line,
          message: `${block.file}:${block.line} imports ${name}, which no npm install of this file installs`,
        });
  }
  return found;
}
