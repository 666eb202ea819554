import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import ts from 'typescript';
// @ts-expect-error: a plain script, no types.
import { stripMsgDescriptions } from '../../../../scripts/strip-msg-desc.mjs';

const strip = stripMsgDescriptions as (code: string, fileName?: string) => string;

test('the translators’ notes leave msg() calls, and only those', () => {
  assert.equal(strip("msg('A', { id: 'a', desc: 'x' })"), "msg('A', { id: 'a' })");
  assert.equal(strip("msg('A', { desc: 'x', id: 'a' })"), "msg('A', { id: 'a' })");
  assert.equal(strip("msg('A', { id: 'a', desc: 'x', })"), "msg('A', { id: 'a', })");
  assert.equal(strip("msg('A', { desc: 'x' })"), "msg('A', { })");
  assert.equal(strip("msg('A', {\n  id: 'a',\n  desc: 'long ' + 'text',\n})"), "msg('A', {\n  id: 'a',\n})");
  assert.equal(
    strip("msg(html`<b>${x}</b>`, { id: 'b', desc: `t` }); other({ desc: 'kept' })"),
    "msg(html`<b>${x}</b>`, { id: 'b' }); other({ desc: 'kept' })",
  );
});

test('every element source, stripped, keeps its message ids and still compiles', () => {
  const root = new URL('../', import.meta.url);
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
    (name) => name.endsWith('.ts') && !name.includes('test') && !name.startsWith('generated'),
  );
  let messages = 0;
  for (const name of files) {
    const code = readFileSync(new URL(name, root), 'utf8');
    const stripped = strip(code, name);
    const ids = (text: string) => text.match(/\bid: '[^']+'/g) ?? [];
    assert.deepEqual(ids(stripped), ids(code), name);
    assert.doesNotMatch(stripped, /\bdesc:/, name);
    const { diagnostics } = ts.transpileModule(stripped, { reportDiagnostics: true, fileName: name });
    assert.deepEqual(
      diagnostics?.map((d) => d.messageText),
      [],
      name,
    );
    messages += ids(code).length;
  }
  assert.ok(messages >= 80, `${messages} messages`);
});
