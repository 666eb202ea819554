// @ts-check
// Interface excerpts: an `interface` that a TypeScript block declares without using it is there to be read, an
// excerpt of the package's type of that name, and must have the same members, each of the same type.
import ts from 'typescript';
import { programOf } from './program.mjs';

/** The packages an interface excerpt may come from, in the order they are searched. */
export const PACKAGES = ['@security-info/core', '@security-info/server', '@security-info/elements'];

/**
 * @typedef {import('./markdown.mjs').Snippet} Snippet
 * @typedef {import('./markdown.mjs').Problem} Problem
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

/**
 * What is wrong with the interface excerpts of TypeScript snippets: an interface no package exports, and one whose
 * members are not those of the package's type of that name, or not of the same types.
 * @param {Map<Snippet, string>} names each snippet's virtual file
 * @param {Map<string, string>} files every virtual file, by path
 * @param {ts.Program} program the program over `files`, which the comparison's program builds on
 * @param {Map<string, string>} exporter the package each exported name comes from, the first in PACKAGES' order
 * @returns {Map<Snippet, Problem[]>} the problems of each snippet that has any, at lines of its file
 */
export function checkExcerpts(names, files, program, exporter) {
  /** @type {Map<Snippet, Problem[]>} */
  const problems = new Map();
  const problemsOf = (/** @type {Snippet} */ snippet) =>
    problems.get(snippet) ?? problems.set(snippet, []).get(snippet) ?? [];
  // Each excerpt's comparison is appended to a copy of its block as lines that do not compile when it fails.
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
        problemsOf(snippet).push({
          line: snippet.block.line + snippet.offset + line - 1,
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
        if (what !== undefined) problemsOf(snippet).push({ line: snippet.block.line + snippet.offset, message: what });
      }
    }
  }
  return problems;
}
