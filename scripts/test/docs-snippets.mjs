// @ts-check
// `npm run test:docs`: every code block of README.md and docs/*.md does what the text says, against the packages as
// they are. One test per block (and per checked table), named after its file and line; a TAP report goes to
// test-results/docs.tap for the summary of `npm test`. Each kind of check is a module of docs/ (named below), with its
// unit tests beside it; docs/checks.mjs reads the docs and hands each block to its check.
//
// - TypeScript and JavaScript (ts, js, jsx, tsx) are type-checked together, each block a module of its own, against
//   the workspace packages' sources (the `@security-info/source` condition of tsconfig.base.json), so a renamed
//   option, property, event or export breaks the test. TypeScript is checked as strictly as the packages are;
//   JavaScript as an editor checks it for a JavaScript reader (JAVASCRIPT_OPTIONS: no null checks, no implicit-any
//   complaints, since a JavaScript reader writes neither), which still refuses an unknown option or name
//   (docs/code.mjs, over docs/program.mjs).
// - A block may use what the reader brings (their wizard element, their sign-in, their sender): those names are
//   declared once, typed, in PRELUDE (docs/prelude.mjs). Anything else a block uses, it imports.
// - An `interface` that a TypeScript block declares without using it is there to be read: it is an excerpt of the
//   package's type of that name, and must have the same members, each of the same type (docs/excerpts.mjs).
// - HTML, Vue and Angular templates: each custom element must be in the Custom Elements Manifest
//   (packages/elements/custom-elements.json, which `npm run analyze` writes), and each attribute, property binding
//   (`.prop`, `[prop]`, `:prop.prop`) and event binding (`@event`, `(event)`, `on…`) must be one of its own. Inline
//   module scripts are type-checked as JavaScript; an import map must be JSON and map every bare import of the page
//   (docs/markup.mjs, reading with docs/html.mjs and docs/manifest.mjs).
// - An HTML block with a module script is a page: it runs in Chromium, its scripts bundled as an application's
//   production build would (scripts/bench/production-bundle.mjs, the import map's job), against the reference
//   backend at /api/security-info. It passes when every element it uses is defined, the wizard leaves its loading
//   step, and the page logs no error (docs/pages.mjs).
// - CSS: `tag::part(name)` and `tag:state(name)` must be parts and states the manifest lists for that tag, and each
//   `--si-*` custom property must be one the elements read (docs/css.mjs).
// - JSON must parse (docs/json.mjs). Shell: `npm run`, `npm start` and `npm test` name scripts that exist (in the
//   workspace given with `-w`), `npx` names a command a package provides, and `npm install` names packages that
//   exist; a file that says what to install installs every `@security-info/*` package its blocks import
//   (docs/shell.mjs).
// - The HTTP contract's route tables (docs/http-contract.md) and its OpenAPI file list the same routes
//   (docs/routes.mjs).
//
// Marks, as an HTML comment on the line before a block or table (keep them rare):
// - `<!-- snippet: fragment -->`: the block is deliberately a piece of something bigger (a line of a larger file,
//   output to compare with); it is not checked. No block needs it today.
// - `<!-- table keys: <TypeScript type> -->`: the first column of the table below names exactly the properties of that
//   type, for example `import('@security-info/core').FetchAdapterOptions`: an option added, renamed or removed in
//   the code and not in the table (or the other way round) fails.
// - `<!-- table parts -->`: the table below lists elements (first column) and their parts (second column); each part
//   named must be one the manifest lists for that element.
// docs/markdown.mjs reads the blocks and tables; docs/tables.mjs checks the marked tables.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { collectChecks } from './docs/checks.mjs';
import { pageRunner } from './docs/pages.mjs';
import { ROOT } from './docs/repository.mjs';
import { DOCS_TAP, runNodeTests } from './results.mjs';

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
  process.exit(runNodeTests([fileURLToPath(import.meta.url)], DOCS_TAP, ROOT));
}
