/** What a one-time code is: read out of what was typed or pasted, and complete or not. */
import { toAsciiDigits } from '@security-info/core';

// Dashes and dots people put inside a code, with the full-width ones, the long vowel mark (ー) that a Japanese
// input method types for "-" and the minus sign: one list, for a code alone and for a run of a message's digits.
const MARKS = String.raw`\-.\u2010-\u2015\u2212\u30fc\uff0d\uff0e\uff70`;
const SEPARATORS = new RegExp(`[\\s${MARKS}]`, 'g');
// Within a run of a message's digits, only the spaces on one line.
const RUNS = new RegExp(`\\d[\\d \\u3000${MARKS}]*\\d|\\d`, 'g');

/**
 * Reads a code out of whatever was typed or pasted: digits in any script, separators ignored, and a whole
 * message ("Your code is 123-456") reduced to its code when it holds exactly one run of the right length.
 */
export function readCode(raw: string, length: number): { digits: string; letters: boolean } {
  const ascii = toAsciiDigits(raw.slice(0, 1000));
  const compact = ascii.replace(SEPARATORS, '');
  if (/^\d*$/.test(compact)) return { digits: compact.slice(0, length), letters: false };
  const runs = (ascii.match(RUNS) ?? []).map((run) => run.replace(/\D/g, ''));
  const matching = runs.filter((run) => run.length === length);
  if (matching.length === 1) return { digits: matching[0]!, letters: false };
  return { digits: compact.replace(/\D/g, '').slice(0, length), letters: true };
}

/** Why `code` cannot be submitted yet (nothing entered, or too few digits), or `undefined` when it is complete. */
export function incompleteCode(code: string, length: number): 'required' | 'too-short' | undefined {
  if (!code) return 'required';
  return code.length < length ? 'too-short' : undefined;
}
