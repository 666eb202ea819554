/**
 * Checking a code of an authenticator app: the step it belongs to, within a window and after the last one accepted.
 * The codes themselves (HOTP, TOTP) are core's, which the in-memory adapter computes too.
 */
import { APP_TOTP, hotp, totpStep, type TotpParameters } from '@security-info/core';
import { equalInConstantTime } from './codes.js';

export { APP_TOTP, hotp, totp, totpStep, type TotpAlgorithm, type TotpParameters } from '@security-info/core';

export interface StepSearch {
  /** Steps accepted either side of the current one, for clocks that drift and codes typed late. Default 1. */
  window?: number;
  /** The last step accepted before: it and every earlier one are refused, so a code works once. */
  after?: number | null;
  parameters?: TotpParameters;
}

/**
 * The step whose code `code` is, among the step at `timeMs` and `window` either side that come after `after`; `null`
 * when none. Every candidate is computed and compared, so the time taken says nothing of which one matched.
 */
export async function findStep(
  key: Uint8Array,
  code: string,
  timeMs: number,
  { window = 1, after = null, parameters = APP_TOTP }: StepSearch = {},
): Promise<number | null> {
  const current = totpStep(timeMs, parameters.periodSeconds);
  const given = new TextEncoder().encode(code);
  let found: number | null = null;
  for (let step = current - window; step <= current + window; step++) {
    if (step < 0 || (after !== null && step <= after)) continue;
    const expected = new TextEncoder().encode(await hotp(key, step, parameters));
    if (equalInConstantTime(given, expected)) found = step;
  }
  return found;
}
