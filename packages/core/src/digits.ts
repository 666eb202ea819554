/**
 * Digits of every script read as ASCII: phone numbers, codes and security answers all take them as typed, and the
 * questions step needs this without the phone helpers.
 */

// Code points of the zero of each decimal-digit block people type phone numbers in.
const DIGIT_ZEROS = [
  0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20,
  0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1b50, 0xa8d0, 0xa900, 0xaa50, 0xff10,
];

const NOT_ASCII = /[\u0080-\uffff]/;

/** Turns every Unicode decimal digit (full-width, Arabic-Indic, Persian, Devanagari, Thai...) into ASCII. */
export function toAsciiDigits(text: string): string {
  // What people type is ASCII almost always, and a test without the Unicode flag is the cheaper scan.
  if (!NOT_ASCII.test(text)) return text;
  return text.replace(/[\u0080-\u{10ffff}]/gu, (ch) => {
    if (ch === '\uff0b') return '+';
    const cp = ch.codePointAt(0)!;
    for (const zero of DIGIT_ZEROS) if (cp >= zero && cp <= zero + 9) return String(cp - zero);
    return ch;
  });
}
