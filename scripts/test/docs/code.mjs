// @ts-check
// TypeScript and JavaScript (ts, js, jsx, tsx, and HTML blocks' module scripts) are type-checked together, each a
// module of its own, against the workspace packages' sources, so a renamed option, property, event or export breaks
// the test; interface excerpts are compared with the packages' types; each `table keys` type's properties are listed.
import { join } from 'node:path';
import ts from 'typescript';
import { PACKAGES, checkExcerpts } from './excerpts.mjs';
import { PRELUDE } from './prelude.mjs';
import { messageOf, programOf } from './program.mjs';
import { ROOT } from './repository.mjs';

/**
 * @typedef {import('./markdown.mjs').Snippet} Snippet
 * @typedef {import('./markdown.mjs').Problem} Problem
 */

/** The languages of the blocks that are code. */
export const CODE_LANGUAGES = new Set(['ts', 'tsx', 'js', 'jsx', 'mjs']);
/**
 * JavaScript is checked as an editor checks it for a JavaScript reader: no null checks, no implicit-any complaints,
 * since a JavaScript reader writes neither; an unknown option or name is still refused.
 */
const JAVASCRIPT_OPTIONS = { strict: false, strictNullChecks: false, noImplicitAny: false };

/** @param {Snippet} snippet */
const isJavaScript = (snippet) => /^(js|jsx|mjs)$/.test(snippet.lang);
/** @param {Map<Snippet, string>} names */
const hasJavaScript = (names) => [...names.keys()].some(isJavaScript);

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

  for (const [snippet, excerptProblems] of checkExcerpts(names, files, program, exporter))
    problems.get(snippet)?.push(...excerptProblems);
  return { problems, keys };
}
