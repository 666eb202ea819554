/**
 * The rule for a passkey's name, which the Security info page, the wizard's passkey step, the memory adapter and the
 * reference server all apply. A module of its own: the page reads its list without it, and loads it with its dialogs.
 */

import { PASSKEY_NAME_MAX } from './policy-words.js';

// Control characters, half a character, bidirectional controls (which would reorder the text shown around a name)
// and line or paragraph separators have no place in a name on one line. Joiners stay: emoji sequences need them.
const NOT_IN_NAMES = /[\p{Cc}\p{Cs}\p{Bidi_Control}\p{Zl}\p{Zp}]/u;
// A letter, digit, symbol or punctuation: a name of zero-width characters or marks alone would list as a blank row.
const VISIBLE = /[\p{L}\p{N}\p{S}\p{P}]/u;
// Characters that show nothing though some are letters or symbols: the default-ignorable ones (among them the Hangul
// fillers, what blank user names are made of) and the Braille blank. They may be in a name, but cannot be all of it.
const BLANK = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;

/**
 * A passkey's name as the contract takes it, or undefined for one it refuses: trimmed, 1 to 64 characters (code
 * points), on one line, with something visible in it. The reference server applies this same rule.
 */
export function passkeyName(name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  const trimmed = name.trim();
  const fits =
    VISIBLE.test(trimmed.replace(BLANK, '')) && !NOT_IN_NAMES.test(trimmed) && [...trimmed].length <= PASSKEY_NAME_MAX;
  return fits ? trimmed : undefined;
}

/**
 * A name as a person typed or pasted it into a field, by the same rule: the marks that set a direction (LRM, RLM,
 * ALM) come along invisibly with pasted right-to-left text, so they are dropped rather than refused for what no
 * one can see. The contract still refuses them in a name sent as it is.
 */
export function typedPasskeyName(typed: string): string | undefined {
  return passkeyName(typed.replace(/[\u200e\u200f\u061c]/g, ''));
}
