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
  // 6,000 symbols: each of the 30 about 200 times; a biased draw (byte % 30 without rejection) favours the first 16.
  assert.equal(counts.size, 30);
  for (const count of counts.values()) assert.ok(count > 120 && count < 290, String(count));
});
