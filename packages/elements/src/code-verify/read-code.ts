/** What a one-time code is: read out of what was typed or pasted, and complete or not. */
import { toAsciiDigits } from '@security-info/core';

/**
 * Reads a code out of whatever was typed or pasted: digits in any script, separators ignored, and a whole
 * message ("Your code is 123-456") reduced to its code when it holds exactly one run of the right length.
 */
export function readCode(raw: string, length: number): { digits: string; letters: boolean } {
  const ascii = toAsciiDigits(raw.slice(0, 1000));
  const compact = ascii.replace(/[\s\-.\u2010-\u2015]/g, '');
  if (/^\d*$/.test(compact)) return { digits: compact.slice(0, length), letters: false };
  const runs = (ascii.match(/\d[\d \-.]*\d|\d/g) ?? []).map((run) => run.replace(/\D/g, ''));
  const matching = runs.filter((run) => run.length === length);
  if (matching.length === 1) return { digits: matching[0]!, letters: false };
  return { digits: compact.replace(/\D/g, '').slice(0, length), letters: true };
}

/** Why `code` cannot be submitted yet (nothing entered, or too few digits), or `undefined` when it is complete. */
export function incompleteCode(code: string, length: number): 'required' | 'too-short' | undefined {
  if (!code) return 'required';
  return code.length < length ? 'too-short' : undefined;
}
