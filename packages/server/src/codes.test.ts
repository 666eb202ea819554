import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCodeHasher, equalInConstantTime, randomId } from './codes.js';

const secret = new TextEncoder().encode('a secret of at least thirty-two bytes');

describe('code hashes', () => {
  it('are the same with Node’s crypto and with Web Crypto, so instances on either agree', async () => {
    const withNode = await (await createCodeHasher(secret))('challenge', '123456');
    const process = globalThis.process as { getBuiltinModule?: unknown };
    const saved = process.getBuiltinModule;
    process.getBuiltinModule = undefined;
    try {
      const withWeb = await (await createCodeHasher(secret))('challenge', '123456');
      assert.ok(equalInConstantTime(withNode, withWeb));
    } finally {
      process.getBuiltinModule = saved;
    }
  });

  it('depend on the challenge, the code and the secret', async () => {
    const hash = await createCodeHasher(secret);
    const other = await createCodeHasher(new TextEncoder().encode('another secret of thirty-two bytes!'));
    const base = await hash('c1', '123456');
    assert.equal(base.length, 32);
    assert.ok(!equalInConstantTime(base, await hash('c2', '123456')));
    assert.ok(!equalInConstantTime(base, await hash('c1', '123457')));
    assert.ok(!equalInConstantTime(base, await other('c1', '123456')));
  });
});

describe('challenge ids', () => {
  it('are 128 random bits in base64url', () => {
    const ids = new Set(Array.from({ length: 1000 }, randomId));
    assert.equal(ids.size, 1000);
    for (const id of ids) assert.match(id, /^[A-Za-z0-9_-]{22}$/);
  });
});
