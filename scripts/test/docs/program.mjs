// @ts-check
// TypeScript programs over the docs' code, as virtual files beside the repository, compiled as the packages are.
import { join } from 'node:path';
import ts from 'typescript';
import { ROOT } from './repository.mjs';

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
export function programOf(files, old, overrides = {}) {
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

/**
 * A diagnostic as one line of text with its code, as the docs test reports it.
 * @param {ts.Diagnostic} diagnostic
 */
export const messageOf = (diagnostic) =>
  `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
