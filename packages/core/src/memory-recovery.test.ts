import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryAdapter } from './memory-adapter.js';
import { readRegistrations } from './registrations.js';
import { SecurityInfoError } from './errors.js';

const signal = new AbortController().signal;
const APP = { id: 'app', kind: 'authenticator-app' } as const;

test('generating makes ten codes and a recovery-codes registration that says ten are left', async () => {
  const adapter = createMemoryAdapter({ registrations: { methods: [APP] } });
  const { codes, method } = await adapter.generateRecoveryCodes({ signal });
  assert.equal(codes.length, 10);
  assert.equal(new Set(codes).size, 10);
  // The reference server's format: a page shows the same codes whichever backend made them.
  for (const code of codes) assert.match(code, /^[2-9A-HJKMNP-TV-Z]{5}(-[2-9A-HJKMNP-TV-Z]{5}){2}$/);
  assert.equal(method.kind, 'recovery-codes');
  assert.deepEqual(method.recoveryCodes, { remaining: 10, total: 10 });
  const listed = readRegistrations(await adapter.listMethods({ signal }));
  assert.deepEqual(
    listed.methods.map((each) => [each.kind, each.recoveryCodes]),
    [
      ['authenticator-app', undefined],
      ['recovery-codes', { remaining: 10, total: 10 }],
    ],
  );
  // Recovery codes never become the default, and can be deleted.
  assert.equal(listed.defaultMethodId, 'app');
  assert.equal(listed.methods[1]?.removable, true);
  assert.equal(adapter.calls.generateRecoveryCodes, 1);
});

test('generating again replaces the set: one registration, ten left, and the old codes no longer listed', async () => {
  const adapter = createMemoryAdapter({ registrations: { methods: [APP] } });
  const first = await adapter.generateRecoveryCodes({ signal });
  const second = await adapter.generateRecoveryCodes({ signal });
  assert.equal(second.method.id, first.method.id);
  assert.equal(first.codes.filter((code) => second.codes.includes(code)).length, 0);
  const { methods } = await adapter.listMethods({ signal });
  assert.equal(methods.filter((method) => method.kind === 'recovery-codes').length, 1);
  assert.ok(!JSON.stringify(methods).includes(second.codes[0]!), 'the list never holds a code');
});

test('a preloaded set says how many are left, and a fault can be injected, a sign-in first among them', async () => {
  const adapter = createMemoryAdapter({
    registrations: {
      methods: [APP, { id: 'codes', kind: 'recovery-codes', recoveryCodes: { remaining: 2, total: 10 } }],
    },
  });
  const { methods } = await adapter.listMethods({ signal });
  assert.deepEqual(methods[1]?.recoveryCodes, { remaining: 2, total: 10 });
  adapter.injectFault('generateRecoveryCodes', 'reauthentication-required');
  await assert.rejects(
    adapter.generateRecoveryCodes({ signal }),
    (error) => error instanceof SecurityInfoError && error.code === 'reauthentication-required',
  );
  const { method } = await adapter.generateRecoveryCodes({ signal });
  assert.equal(method.id, 'codes');
  assert.deepEqual(method.recoveryCodes, { remaining: 10, total: 10 });
});
