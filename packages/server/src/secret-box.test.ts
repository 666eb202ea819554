import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SealError, createSecretBox } from './secret-box.js';

const key = (text: string) => new TextEncoder().encode(text.padEnd(32, '.'));
const CURRENT = key('the current server secret');
const PREVIOUS = key('the previous server secret');
const PLAIN = Uint8Array.from({ length: 20 }, (_, i) => i * 13);

const isSealError = (error: unknown) => error instanceof SealError;

describe('secret box', () => {
  it('opens what it sealed, for the same context', async () => {
    const box = createSecretBox(CURRENT);
    const sealed = await box.seal(PLAIN, 'user:alice');
    assert.match(sealed, /^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    assert.deepEqual(await box.open(sealed, 'user:alice'), { plain: PLAIN, current: true });
  });

  it('seals the same secret differently each time', async () => {
    const box = createSecretBox(CURRENT);
    assert.notEqual(await box.seal(PLAIN, 'user:alice'), await box.seal(PLAIN, 'user:alice'));
  });

  it('does not open for another context', async () => {
    const box = createSecretBox(CURRENT);
    const sealed = await box.seal(PLAIN, 'user:alice');
    await assert.rejects(box.open(sealed, 'user:mallory'), isSealError);
  });

  it('does not open under a wrong key', async () => {
    const sealed = await createSecretBox(CURRENT).seal(PLAIN, 'user:alice');
    await assert.rejects(createSecretBox(key('another secret')).open(sealed, 'user:alice'), isSealError);
  });

  it('does not open when any byte was changed', async () => {
    const box = createSecretBox(CURRENT);
    const sealed = await box.seal(PLAIN, 'user:alice');
    const [version, iv, data] = sealed.split('.') as [string, string, string];
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    for (const tampered of [
      `${version}.${flip(iv, 3)}.${data}`,
      `${version}.${iv}.${flip(data, 0)}`,
      `${version}.${iv}.${flip(data, data.length - 2)}`,
      `${version}.${iv}.${data.slice(0, -4)}`,
      `v2.${iv}.${data}`,
      `${version}.${iv}`,
      `${version}.${iv}.${data}!`,
      '',
    ])
      await assert.rejects(box.open(tampered, 'user:alice'), isSealError, tampered);
  });

  it('opens what a previous secret sealed, and says so, while seals use the current one', async () => {
    const sealed = await createSecretBox(PREVIOUS).seal(PLAIN, 'user:alice');
    const rotating = createSecretBox(CURRENT, [PREVIOUS]);
    assert.deepEqual(await rotating.open(sealed, 'user:alice'), { plain: PLAIN, current: false });
    const resealed = await rotating.seal(PLAIN, 'user:alice');
    assert.deepEqual(await createSecretBox(CURRENT).open(resealed, 'user:alice'), { plain: PLAIN, current: true });
    await assert.rejects(createSecretBox(PREVIOUS).open(resealed, 'user:alice'), isSealError);
  });

  it('no longer opens it once the previous secret is dropped', async () => {
    const sealed = await createSecretBox(PREVIOUS).seal(PLAIN, 'user:alice');
    await assert.rejects(createSecretBox(CURRENT).open(sealed, 'user:alice'), isSealError);
  });
});
