import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newRecoveryCode, RECOVERY_ALPHABET, RECOVERY_CODE_LENGTH } from './recovery-code.js';

test('a recovery code is fifteen symbols of an alphabet without look-alikes, in groups of five, from an even draw', () => {
  assert.equal(RECOVERY_ALPHABET.length, 30);
  assert.doesNotMatch(RECOVERY_ALPHABET, /[01OIL]/);
  // 30^15 is above 2^60.
  assert.ok(RECOVERY_CODE_LENGTH * Math.log2(30) >= 60);
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  for (let i = 0; i < 400; i++) {
    const code = newRecoveryCode();
    assert.match(code, /^[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}$/);
    seen.add(code);
    for (const symbol of code.replaceAll('-', '')) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
  }
  assert.equal(seen.size, 400);
  // 6,000 symbols: each of the 30 about 200 times. Too few to see the bias of byte % 30 (the next test checks that).
  assert.equal(counts.size, 30);
  for (const count of counts.values()) assert.ok(count > 120 && count < 290, String(count));
});

test('a recovery code drops bytes of 240 and above, the ones that would favour some symbols', (t) => {
  // First only bytes from 240 to 255, which `byte % 30` would read as the first 16 symbols; then 0, 1, 2...
  let call = 0;
  t.mock.method(crypto, 'getRandomValues', <T extends ArrayBufferView | null>(array: T): T => {
    const bytes = array as unknown as Uint8Array;
    for (let i = 0; i < bytes.length; i++) bytes[i] = call === 0 ? 240 + (i % 16) : i;
    call++;
    return array;
  });
  assert.equal(
    newRecoveryCode(),
    `${RECOVERY_ALPHABET.slice(0, 5)}-${RECOVERY_ALPHABET.slice(5, 10)}-${RECOVERY_ALPHABET.slice(10, 15)}`,
  );
  assert.equal(call, 2);
});
