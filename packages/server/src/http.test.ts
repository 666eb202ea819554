import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Refusal, refuse } from './http.js';

describe('refuse', () => {
  it('answers a wait longer than a day as the one day the contract allows, in the body and the header', async () => {
    // A person's wrong-code lock doubles with each round: after enough rounds its wait passes a day, which the
    // contract's `retryAfterSeconds` (at most 86400) and a client (which believes one day at most) do not take.
    for (const [wait, said] of [
      [86_400 * 3, 86_400],
      [86_401, 86_400],
      [86_400, 86_400],
      [59, 59],
    ] as const) {
      const response = refuse(
        new Refusal(429, 'too-many-attempts', 'Too many wrong codes.', { retryAfterSeconds: wait }),
      );
      assert.equal(response.headers.get('retry-after'), String(said), String(wait));
      assert.equal(((await response.json()) as { retryAfterSeconds: number }).retryAfterSeconds, said, String(wait));
    }
  });
});
