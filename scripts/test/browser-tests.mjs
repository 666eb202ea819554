// @ts-check
// `npm run test:browser [-- --files <glob>...]`: Web Test Runner with the arguments given. Files named on the
// command line replace the configuration's list, and with it the pattern that leaves out the tests Node runs
// (`*.node.test.ts`, which a browser cannot load): a folder's glob such as `code-verify/*.test.ts` matches them too,
// so the same pattern is added to what was named.
import { fileURLToPath } from 'node:url';

/** What leaves Node's tests out of a browser run. */
export const NOT_NODE_TESTS = '!packages/**/*.node.test.ts';

/**
 * The runner's arguments, with Node's tests left out when files are named (after `--files`, or as the arguments
 * before any option, which the runner also reads as files).
 * @param {string[]} args
 * @returns {string[]}
 */
export function browserTestArgs(args) {
  const first = args[0];
  const named =
    args.some((arg) => arg === '--files' || arg.startsWith('--files=')) ||
    (first !== undefined && !first.startsWith('-'));
  return named ? [...args, '--files', NOT_NODE_TESTS] : args;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.argv.splice(2, Infinity, ...browserTestArgs(process.argv.slice(2)));
  // The runner's command, beside its package's entry (its exports name no other file).
  await import(new URL('dist/bin.js', import.meta.resolve('@web/test-runner')).href);
}
