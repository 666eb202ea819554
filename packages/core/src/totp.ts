/**
 * One-time passwords of authenticator apps: HOTP (RFC 4226) and TOTP (RFC 6238), on Web Crypto, so the server and the
 * in-memory adapter (which runs in browsers) compute them the same way. Apps read SHA-1, 6 digits and 30-second steps
 * from an `otpauth://` URI; the other algorithms and lengths are here for the RFCs' test vectors and for hosts that
 * choose them.
 */

export type TotpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

export interface TotpParameters {
  algorithm: TotpAlgorithm;
  /** 6 to 8. */
  digits: number;
  periodSeconds: number;
}

/** What every authenticator app supports, and what the URI this server hands out says. */
export const APP_TOTP: TotpParameters = { algorithm: 'SHA1', digits: 6, periodSeconds: 30 };

const HASHES: Record<TotpAlgorithm, string> = { SHA1: 'SHA-1', SHA256: 'SHA-256', SHA512: 'SHA-512' };

/** The HOTP value of `counter` under `key`: HMAC, dynamic truncation, the last `digits` decimal digits. */
export async function hotp(
  key: Uint8Array,
  counter: number,
  { algorithm, digits }: Pick<TotpParameters, 'algorithm' | 'digits'> = APP_TOTP,
): Promise<string> {
  if (!Number.isInteger(digits) || digits < 6 || digits > 8) throw new RangeError('digits must be 6, 7 or 8');
  if (!Number.isSafeInteger(counter) || counter < 0) throw new RangeError('counter must be a whole number');
  const message = new Uint8Array(8);
  new DataView(message.buffer).setBigUint64(0, BigInt(counter));
  const hmacKey = await crypto.subtle.importKey(
    'raw',
    new Uint8Array(key),
    { name: 'HMAC', hash: HASHES[algorithm] },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, message));
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The TOTP time step that `timeMs` (milliseconds since the epoch) falls in. */
export const totpStep = (timeMs: number, periodSeconds = APP_TOTP.periodSeconds) =>
  Math.floor(timeMs / 1000 / periodSeconds);

/** The TOTP value at `timeMs`. */
export function totp(key: Uint8Array, timeMs: number, parameters: TotpParameters = APP_TOTP): Promise<string> {
  return hotp(key, totpStep(timeMs, parameters.periodSeconds), parameters);
}
