// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stripMsgDescriptions as strip } from './strip-msg-desc.mjs';

test('the note goes wherever it stands among the options', () => {
  assert.equal(strip("msg('A', { id: 'a', desc: 'x' })"), "msg('A', { id: 'a' })");
  assert.equal(strip("msg('A', { desc: 'x', id: 'a' })"), "msg('A', { id: 'a' })");
  assert.equal(strip("msg('A', { id: 'a', desc: 'x', })"), "msg('A', { id: 'a', })");
  assert.equal(strip("msg('A', { desc: 'x' })"), "msg('A', { })");
});

test('a note over several lines, or built of pieces, goes whole', () => {
  assert.equal(strip("msg('A', {\n  id: 'a',\n  desc: 'long ' + 'text',\n})"), "msg('A', {\n  id: 'a',\n})");
});

test('only msg() calls lose a desc', () => {
  assert.equal(
    strip("msg(html`<b>${x}</b>`, { id: 'b', desc: `t` }); other({ desc: 'kept' })"),
    "msg(html`<b>${x}</b>`, { id: 'b' }); other({ desc: 'kept' })",
  );
  assert.equal(strip("i18n.msg('A', { desc: 'kept' })"), "i18n.msg('A', { desc: 'kept' })");
  assert.equal(strip("msg('A', options)"), "msg('A', options)");
  assert.equal(strip("msg('A')"), "msg('A')");
});

test('TypeScript sources keep their types', () => {
  assert.equal(
    strip("const s: string = msg(str`${n as number} left`, { id: 'n', desc: 'count' });", 'm.ts'),
    "const s: string = msg(str`${n as number} left`, { id: 'n' });",
  );
});
