import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { base32Decode, base32Encode } from './base32.js';

const text = (value: string) => new TextEncoder().encode(value);

// RFC 4648, section 10, without the padding.
const VECTORS: [string, string][] = [
  ['', ''],
  ['f', 'MY'],
  ['fo', 'MZXQ'],
  ['foo', 'MZXW6'],
  ['foob', 'MZXW6YQ'],
  ['fooba', 'MZXW6YTB'],
  ['foobar', 'MZXW6YTBOI'],
];

describe('base32', () => {
  it('encodes the RFC 4648 test vectors without padding', () => {
    for (const [plain, encoded] of VECTORS) assert.equal(base32Encode(text(plain)), encoded, plain);
  });

  it('decodes them back, with or without padding, in either case', () => {
    for (const [plain, encoded] of VECTORS) {
      assert.deepEqual(base32Decode(encoded), text(plain), encoded);
      assert.deepEqual(base32Decode(encoded.toLowerCase().padEnd(Math.ceil(encoded.length / 8) * 8, '=')), text(plain));
    }
  });

  it('reads a secret as a person types it, in groups', () => {
    assert.deepEqual(base32Decode('mzxw 6ytb-oi'), text('foobar'));
  });

  it('round-trips every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => 255 - i);
    assert.deepEqual(base32Decode(base32Encode(bytes)), bytes);
  });

  it('encodes 160 bits as 32 characters, the size of an authenticator secret', () => {
    assert.match(base32Encode(new Uint8Array(20).fill(0xa5)), /^[A-Z2-7]{32}$/);
  });

  it('refuses characters outside the alphabet and lengths no encoder writes', () => {
    for (const bad of ['MZXW1', 'MZXW8', 'MZ!Q', 'M', 'MZX', 'MZXW6Y']) assert.throws(() => base32Decode(bad), bad);
  });
});
