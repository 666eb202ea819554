/**
 * The format of recovery codes (NIST SP 800-63B look-up secrets), the same wherever a set is made: the reference
 * server's and the in-memory backend's. Each code is 15 characters of an alphabet without look-alikes (no 0, O, 1,
 * I or L: 30 symbols, about 73.6 bits), drawn without bias from the platform's cryptographic random source (Web
 * Crypto, in browsers and Node alike), and grouped in fives for reading: `7KQM4-XPDW9-TNHR2`.
 */

/** Crockford's base32 without 0 and 1 (which it reads as O, I and L): what is left cannot be misread. */
export const RECOVERY_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
/** How many codes a set holds. */
export const RECOVERY_CODE_COUNT = 10;
/** 15 symbols of 30: log2(30^15), about 73.6 bits, above the 60 a look-up secret needs here. */
export const RECOVERY_CODE_LENGTH = 15;
const GROUP = 5;

/** A new code, grouped for reading: `XXXXX-XXXXX-XXXXX`. */
export function newRecoveryCode(): string {
  let code = '';
  while (code.length < RECOVERY_CODE_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(RECOVERY_CODE_LENGTH * 2))) {
      // 240 is the largest multiple of 30 under 256: bytes above it are dropped, so every symbol is as likely.
      if (byte < 240 && code.length < RECOVERY_CODE_LENGTH) code += RECOVERY_ALPHABET[byte % 30];
    }
  }
  return code.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}
