/**
 * Email addresses: one check for the email step and the server, so both refuse the same addresses for the same
 * reason, and one mask for showing an address. Plain syntax only: whether mail arrives is what the code proves.
 */

/** Why an address is refused; the email step words each one. */
export type EmailProblem = 'required' | 'too-long' | 'no-at' | 'local-part' | 'domain';

/** RFC 5321's limit on a path, less its angle brackets. */
const MAX_ADDRESS = 254;
const MAX_LOCAL = 64;
const MAX_LABEL = 63;
// RFC 5322 dot-atom: atext runs joined by single dots. Quoted local parts and comments are refused: few mail
// systems accept them, and a person who has one has an ordinary address too.
const DOT_ATOM = /^[\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*$/;
// A label of an internationalized domain in Unicode (marks for scripts that combine them) or in its ASCII form.
const LABEL = /^[\p{L}\p{M}\p{Nd}](?:[\p{L}\p{M}\p{Nd}-]*[\p{L}\p{M}\p{Nd}])?$/u;
// Characters that show nothing (variation selectors, the grapheme joiner, Hangul fillers...): IDNA drops or refuses
// them, so a domain with one would show as a domain it is not, and the same mailbox could be written many ways.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;
// White space and invisible characters at either end: a paste brings a direction mark or a zero-width space along.
const AROUND = /^[\s\p{Default_Ignorable_Code_Point}]+|[\s\p{Default_Ignorable_Code_Point}]+$/gu;
// An address as a mail program copies it, after the name it is shown under: `Jan de Vries <jan@example.com>`.
const NAMED = /^[^<>]*<([^<>]*)>$/;
// Dots that IDNA treats as a full stop (ideographic and half-width); NFKC already folds the full-width one.
const DOTS = /[\u3002\uff61]/g;

/**
 * Checks an address as a person typed it. Trims it, drops a pasted `mailto:` and a name before the address in angle
 * brackets, folds full-width `＠` and dots (NFKC and IDNA's full stops) and lowercases the domain; the local part
 * keeps its case (RFC 5321 leaves it to the receiving server). Internationalized domains pass in Unicode and as `xn--`; the local part must be ASCII.
 */
export function checkEmail(input: string): { email: string } | { problem: EmailProblem } {
  // Cheap refusal first: normalizing ten thousand characters typed by mistake is wasted work.
  if (input.trim().length > MAX_ADDRESS * 4) return { problem: 'too-long' };
  const text = input
    .normalize('NFKC')
    .replace(DOTS, '.')
    .replace(AROUND, '')
    .replace(NAMED, '$1')
    .replace(AROUND, '')
    .replace(/^mailto:/i, '');
  if (!text) return { problem: 'required' };
  if (text.length > MAX_ADDRESS) return { problem: 'too-long' };
  const at = text.lastIndexOf('@');
  if (at < 0) return { problem: 'no-at' };
  const local = text.slice(0, at);
  const domain = text.slice(at + 1).toLowerCase();
  // Lowercasing may lengthen the domain (a capital İ becomes an i and a combining dot): the limit is the answer's.
  if (at + 1 + domain.length > MAX_ADDRESS) return { problem: 'too-long' };
  if (local.length > MAX_LOCAL || !DOT_ATOM.test(local)) return { problem: 'local-part' };
  const labels = domain.split('.');
  const valid =
    labels.length > 1 &&
    !INVISIBLE.test(domain) &&
    labels.every((label) => label.length <= MAX_LABEL && LABEL.test(label)) &&
    // A top-level domain is never all digits: that is an IP address, which mail to people does not use.
    !/^\d+$/.test(labels.at(-1) ?? '');
  return valid ? { email: `${local}@${domain}` } : { problem: 'domain' };
}

/** An address for showing: the local part's first character, then •••, then the domain (`j•••@example.com`). */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  const first = at > 0 ? String.fromCodePoint(address.codePointAt(0)!) : '';
  return `${first}•••${at < 0 ? '' : address.slice(at)}`;
}
