// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCode } from './code.mjs';

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
