// Rotating the key of the code hashes: codes sent under the old key stay right until they expire, new codes are
// hashed under the new one, and a key that is dropped no longer lets its codes through.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryStore } from './memory-store.js';
import { ConfigurationError, resolveOptions } from './options.js';
import { SECRET, setup } from './test-support.js';

const NEXT = 'the next secret, also of more than thirty-two bytes';

describe('previousSecrets', () => {
  it('accepts a code sent under the previous secret', async () => {
    const store = createMemoryStore();
    const before = setup({ store });
    const id = await before.start();
    const after = setup({ store, secret: NEXT, previousSecrets: [SECRET] });
    assert.equal((await after.verify(id, before.lastCode())).status, 204);
  });

  it('refuses it once the previous secret is dropped', async () => {
    const store = createMemoryStore();
    const before = setup({ store });
    const id = await before.start();
    const after = setup({ store, secret: NEXT });
    assert.equal((await after.verify(id, before.lastCode())).status, 422);
  });

  it('hashes new codes under the current secret only', async () => {
    const store = createMemoryStore();
    const rotating = setup({ store, secret: NEXT, previousSecrets: [SECRET] });
    const id = await rotating.start();
    const old = setup({ store });
    assert.equal((await old.verify(id, rotating.lastCode())).status, 422);
    assert.equal((await rotating.verify(id, rotating.lastCode())).status, 204);
  });

  it('still counts a wrong code once, whatever the number of keys', async () => {
    const server = setup({ previousSecrets: [NEXT, `${NEXT} and one more`] });
    const id = await server.start();
    const answer = await server.verify(id, server.wrongCode());
    assert.equal(answer.status, 422);
    assert.equal(((await answer.json()) as { attemptsRemaining: number }).attemptsRemaining, 4);
  });

  it('refuses a short previous secret in production', () => {
    const base = { authenticate: () => 'a', clientKey: () => 'c', sender: { send: async () => undefined } };
    assert.throws(
      () => resolveOptions({ ...base, secret: SECRET, previousSecrets: ['short'], development: false }),
      (error: unknown) => error instanceof ConfigurationError && /previousSecrets\[0\]/.test(error.message),
    );
    assert.equal(resolveOptions({ ...base, secret: SECRET, previousSecrets: [] }).previousSecrets.length, 0);
  });
});
