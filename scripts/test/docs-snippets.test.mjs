// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cells,
  checkCode,
  checkCss,
  checkElements,
  checkShell,
  documentation,
  excerptsOf,
  readManifest,
  readMarkdown,
  routesOfOpenApi,
  routesOfTables,
  scanHtml,
  shellCommands,
} from './docs-snippets.mjs';

const manifest = readManifest({
  modules: [
    {
      declarations: [
        {
          tagName: 'security-info-wizard',
          attributes: [{ name: 'purpose' }, { name: 'default-country' }],
          members: [
            { kind: 'field', name: 'adapter' },
            { kind: 'field', name: 'defaultCountry' },
            { kind: 'field', name: 'steps', privacy: 'private' },
            { kind: 'method', name: 'focus' },
          ],
          events: [{ name: 'security-info-complete' }],
          cssParts: [{ name: 'heading' }, { name: 'button' }],
          cssStates: [{ name: 'pending' }],
        },
        { name: 'NotAnElement' },
      ],
    },
  ],
});

test('code blocks are read with their language, first line, indentation and mark', () => {
  const markdown = [
    '# Title', //                                   1
    '', //                                          2
    '```ts', //                                     3
    "const a = '|';", //                            4
    '```', //                                       5
    '', //                                          6
    '- a list item:', //                            7
    '', //                                          8
    '  ```sh', //                                   9
    '  npm test', //                               10
    '  ```', //                                    11
    '', //                                         12
    '<!-- snippet: fragment -->', //               13
    '', //                                         14
    '~~~html', //                                  15
    '<p>```</p>', //                               16
    '~~~', //                                      17
    'Text between.', //                            18
    '```', //                                      19
    'plain', //                                    20
    '```', //                                      21
  ].join('\n');
  const { blocks } = readMarkdown(markdown, 'docs/x.md');
  assert.deepEqual(
    blocks.map(({ line, lang, code, mark }) => ({ line, lang, code, mark })),
    [
      { line: 4, lang: 'ts', code: "const a = '|';", mark: undefined },
      { line: 10, lang: 'sh', code: 'npm test', mark: undefined },
      { line: 16, lang: 'html', code: '<p>```</p>', mark: 'snippet: fragment' },
      { line: 20, lang: '', code: 'plain', mark: undefined },
    ],
  );
});

test('a mark belongs to the block or table right after it, and only when text does not come between', () => {
  const markdown = [
    '<!-- snippet: fragment -->',
    'Some words.',
    '```js',
    'x();',
    '```',
    '<!-- table keys: import("m").T -->',
    '',
    '| option | what `a | b` does |',
    '| ------ | ----------------- |',
    '| `one(request)` | first |',
    '| two | second |',
    '',
    '| not | marked |',
    '| --- | --- |',
  ].join('\n');
  const { blocks, tables } = readMarkdown(markdown, 'x.md');
  assert.equal(blocks[0]?.mark, undefined);
  assert.deepEqual(tables, [
    {
      file: 'x.md',
      line: 8,
      mark: 'table keys: import("m").T',
      rows: [
        ['`one(request)`', 'first'],
        ['two', 'second'],
      ],
    },
  ]);
  assert.deepEqual(cells('| `a | b` | c |'), ['`a | b`', 'c']);
});

test('HTML is scanned for start tags, attributes and scripts, comments left out', () => {
  const html = [
    '<!-- <method-picker></method-picker> -->',
    '<security-info-wizard purpose="mfa" [adapter]="a > b" (security-info-complete)="done($event)" hidden>',
    '</security-info-wizard>',
    '<script type="module">',
    "  import '@security-info/elements';",
    '</script>',
  ].join('\n');
  const { elements, scripts } = scanHtml(html);
  assert.deepEqual(
    elements.map(({ tag, line, attributes }) => ({ tag, line, names: attributes.map((attribute) => attribute.name) })),
    [
      {
        tag: 'security-info-wizard',
        line: 2,
        names: ['purpose', '[adapter]', '(security-info-complete)', 'hidden'],
      },
      { tag: 'script', line: 4, names: ['type'] },
    ],
  );
  assert.equal(elements[0]?.attributes[1]?.value, 'a > b');
  assert.equal(scripts.length, 1);
  assert.equal(scripts[0]?.type, 'module');
  assert.equal(scripts[0]?.line, 4);
  assert.equal(scripts[0]?.code.trim(), "import '@security-info/elements';");
  assert.ok(html.slice(scripts[0]?.start, scripts[0]?.end).endsWith('</script>'));
});

test('the manifest gives each tag its attributes, public properties, events, parts and states', () => {
  const api = manifest.get('security-info-wizard');
  assert.deepEqual([...(api?.attributes ?? [])], ['purpose', 'default-country']);
  assert.deepEqual([...(api?.properties ?? [])], ['adapter', 'defaultCountry']);
  assert.deepEqual([...(api?.events ?? [])], ['security-info-complete']);
  assert.deepEqual([...(api?.parts ?? [])], ['heading', 'button']);
  assert.deepEqual([...(api?.states ?? [])], ['pending']);
  assert.equal(manifest.size, 1);
});

test('templates may use what an element has, in Lit, Vue and Angular binding syntax', () => {
  const template = [
    '<security-info-wizard purpose="mfa" default-country="NL" id="w" aria-label="Set up" data-x="1"',
    '  .adapter=${a} @security-info-complete=${f} :adapter.prop="a" @security-info-complete.once="f" :purpose="p"',
    '  [adapter]="a" (security-info-complete)="f($event)" v-on:click="g" onsecurity-info-complete="f"',
    '  [attr.lang]="l" :class="c" #ref></security-info-wizard>',
    '<form><input name="x"></form>',
  ].join('\n');
  assert.deepEqual(checkElements(scanHtml(template).elements, manifest), []);
});

test('templates may not use a tag, attribute, property or event the element does not have', () => {
  const template = [
    '<security-info-wizzard></security-info-wizzard>',
    '<security-info-wizard purpose="mfa" country="NL" .adaptor=${a} [steps]="s" (security-info-done)="f()"',
    '  @security-info-finish="f" :start="s"></security-info-wizard>',
  ].join('\n');
  assert.deepEqual(
    checkElements(scanHtml(template).elements, manifest).map((problem) => problem.message),
    [
      '<security-info-wizzard> is not an element of the manifest',
      '<security-info-wizard> has no attribute "country" (country)',
      '<security-info-wizard> has no property "adaptor" (.adaptor)',
      '<security-info-wizard> has no property "steps" ([steps])',
      '<security-info-wizard> has no event "security-info-done" ((security-info-done))',
      '<security-info-wizard> has no event "security-info-finish" (@security-info-finish)',
      '<security-info-wizard> has no attribute or property "start" (:start)',
    ],
  );
});

test('style sheets may only name parts, states and custom properties that exist', () => {
  const css = [
    'security-info-wizard { --si-color-accent: red; color: var(--si-radius); }',
    'security-info-wizard::part(heading button), security-info-wizard:state(pending) {}',
    'security-info-wizard::part(title), security-info-wizard:state(busy), code-verify::part(input) {',
    '  --si-colour-accent: red;',
    '}',
  ].join('\n');
  const known = new Set(['--si-color-accent', '--si-radius']);
  assert.deepEqual(checkCss(css, manifest, known), [
    { line: 3, message: '<security-info-wizard> has no part "title"' },
    { line: 3, message: '<code-verify> is not an element of the manifest' },
    { line: 3, message: '<security-info-wizard> has no state "busy"' },
    { line: 4, message: 'no element reads --si-colour-accent' },
  ]);
});

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
  /** @type {import('./docs-snippets.mjs').Workspace[]} */
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

test('the routes of the contract tables and of the OpenAPI file are read alike', () => {
  const markdown = [
    '| route | body |',
    '| --- | --- |',
    '| `GET {base}/policy` | |',
    '| `POST {base}/phone/challenges/{id}/verify` | `{ code }` |',
    '| `GET {base}/service/audit?userId=&after=` | |',
  ].join('\n');
  const yaml = [
    'paths:',
    '  /policy:',
    '    get:',
    '      summary: x',
    '  /phone/challenges/{challengeId}/verify:',
    '    parameters: []',
    '    post:',
    '  /service/audit:',
    '    get:',
    'components:',
    '  schemas:',
    '    get:',
  ].join('\n');
  const expected = ['GET /policy', 'POST /phone/challenges/{}/verify', 'GET /service/audit'];
  assert.deepEqual([...routesOfTables(markdown)], expected);
  assert.deepEqual([...routesOfOpenApi(yaml)], expected);
});

test('an interface a block declares without using is an excerpt; one it uses is its own', () => {
  const code = [
    'interface PhoneChallenge {',
    '  challengeId: string;',
    "  'codeLength'?: number;",
    '}',
    'interface Props { a: string }',
    'export function f(props: Props) { return props.a; }',
  ].join('\n');
  assert.deepEqual(excerptsOf(code), [{ name: 'PhoneChallenge', members: ['challengeId', 'codeLength'], line: 1 }]);
});

test('code is type-checked against the packages: a renamed option, a wrong excerpt and a table type are caught', () => {
  const block = (/** @type {string} */ lang, /** @type {string} */ code) => ({
    block: { file: 'docs/x.md', line: 10, lang, code, mark: undefined },
    code,
    offset: 0,
    lang,
  });
  const renamed = block(
    'ts',
    [
      "import { createFetchAdapter } from '@security-info/core';",
      '',
      "createFetchAdapter({ baseUrl: '/api/security-info', credential: 'include' });",
    ].join('\n'),
  );
  const javascript = block(
    'js',
    [
      "import { createFetchAdapter } from '@security-info/core';",
      "const meta = document.querySelector('meta');",
      "wizard.adapter = createFetchAdapter({ baseUrl: '/api', headers: () => ({ token: meta.content }) });",
      "wizard.adapter = createFetchAdapter({ baseURL: '/api' });",
    ].join('\n'),
  );
  const excerpt = block(
    'ts',
    [
      'interface PhoneChallenge {',
      '  challengeId: string;',
      '  codeLength?: string;',
      '}',
      'interface SecurityInfoError {}',
      'interface NoSuchType {}',
    ].join('\n'),
  );
  const faithful = block('ts', ['interface CallConfirmationRequest {', '  challengeId: string;', '}'].join('\n'));
  const { problems, keys } = checkCode(
    [renamed, javascript, excerpt, faithful],
    ["import('@security-info/core').CallConfirmationRequest", "import('@security-info/core').NoSuchType"],
  );
  const messages = (/** @type {typeof renamed} */ snippet) =>
    (problems.get(snippet) ?? []).map((problem) => `${problem.line}: ${problem.message.split('\n')[0]}`);

  assert.equal(messages(renamed).length, 1);
  assert.match(
    messages(renamed)[0] ?? '',
    /^12: TS2561: .*'credential' does not exist .*Did you mean to write 'credentials'\?/,
  );
  assert.equal(messages(javascript).length, 1, 'a JavaScript reader is not told about null');
  assert.match(messages(javascript)[0] ?? '', /^13: TS2561: .*'baseURL' does not exist/);
  assert.deepEqual(messages(excerpt), [
    '15: interface NoSuchType is not a type of @security-info/core, @security-info/server, @security-info/elements: an interface in the docs shows one of theirs',
    "10: interface PhoneChallenge does not have the members of @security-info/core's (challengeId, codeLength)",
    '10: PhoneChallenge.codeLength is not of the type @security-info/core gives it',
    "10: interface SecurityInfoError does not have the members of @security-info/core's ()",
  ]);
  assert.deepEqual(messages(faithful), []);
  assert.deepEqual(keys.get("import('@security-info/core').CallConfirmationRequest"), ['challengeId']);
  assert.match(String(keys.get("import('@security-info/core').NoSuchType")), /has no exported member 'NoSuchType'/);
});

test('the docs read are the README and every page of docs/', () => {
  const files = documentation();
  assert.equal(files[0], 'README.md');
  assert.ok(files.includes('docs/getting-started.md'));
  assert.ok(files.every((file) => file === 'README.md' || /^docs\/[^/]+\.md$/.test(file)));
});
