// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MANIFEST_JSON } from './fixtures.mjs';
import { scanHtml } from './html.mjs';
import { readManifest } from './manifest.mjs';
import { checkElements, checkMarkup } from './markup.mjs';

const manifest = readManifest(MANIFEST_JSON);

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

test('a page hands on its module scripts, and its import map must be JSON that maps every bare import', () => {
  const code = [
    '<security-info-wizard></security-info-wizard>', //  line 10 of the file
    '<script type="importmap">',
    '{ "imports": { "@security-info/elements": "/elements.js" } }',
    '</script>',
    '<script type="module">',
    "  import '@security-info/elements';",
    "  import { createFetchAdapter } from '@security-info/core';",
    '</script>',
  ].join('\n');
  const block = { file: 'docs/x.md', line: 10, lang: 'html', code, mark: undefined };
  const { problems, snippets, runnable } = checkMarkup(block, manifest);
  assert.deepEqual(problems, [{ line: 14, message: 'the import map has no "@security-info/core"' }]);
  assert.deepEqual(
    snippets.map(({ offset, lang }) => ({ offset, lang })),
    [{ offset: 4, lang: 'js' }],
  );
  assert.ok(runnable);

  const vue = { ...block, lang: 'vue', code: code.replace('{ "imports"', '{ imports') };
  const broken = checkMarkup(vue, manifest);
  assert.deepEqual(
    broken.problems.map(({ line, message }) => `${line}: ${message.split(':')[0]}`),
    [
      '11: the import map is not JSON',
      '14: the import map has no "@security-info/elements"',
      '14: the import map has no "@security-info/core"',
    ],
  );
  assert.equal(broken.runnable, false, 'only an HTML block is a page');
});
