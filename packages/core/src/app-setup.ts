/**
 * An authenticator app's setup as an adapter answers it, checked against the contract: one check for the fetch
 * adapter and the runner. A module of its own, not challenge.ts: the phone's steps load that one, and a bundle takes a
 * module whole.
 */
import { MAX_BACKEND_SECONDS, readChallenge } from './challenge.js';
import { SecurityInfoError } from './errors.js';
import type { AuthenticatorAppSetup } from './types.js';

// RFC 4648 base32 without padding; 128 bits at least (26 characters), as RFC 4226 requires of a key.
const BASE32_KEY = /^[A-Z2-7]{26,128}$/;
// The QR code holds the URI: longer than a QR code of a size people can scan is not an answer to act on.
const MAX_OTPAUTH_URI = 2048;

function malformedSetup(field: string): SecurityInfoError {
  return new SecurityInfoError(
    'unknown',
    `The backend answered with an authenticator app setup whose ${field} is not valid.`,
  );
}

/** The `secret` parameter of an `otpauth://` URI, as base32 in capitals without padding; `undefined` when none. */
function secretOf(uri: string): string | undefined {
  try {
    return new URL(uri).searchParams.get('secret')?.toUpperCase().replace(/=+$/, '');
  } catch {
    return undefined;
  }
}

/**
 * Checks an adapter's answer to `startAuthenticatorApp` against the contract, as {@link readChallenge} checks a
 * challenge: a challenge id as it takes one, an `otpauth://totp/` URI whose `secret` is the base32 key given beside
 * it (a QR code and a typed key that disagree would add an account whose codes are never right), a code length of 6
 * to 8 (what authenticator apps show), an expiry of at most a day. A malformed answer becomes an `unknown` error;
 * fields the contract does not name are left out.
 */
export function readAppSetup(value: unknown): AuthenticatorAppSetup {
  const { challengeId } = readChallenge(value);
  const { otpauthUri, secret, codeLength, expiresInSeconds } = value as Record<string, unknown>;
  if (typeof secret !== 'string' || !BASE32_KEY.test(secret)) throw malformedSetup('secret');
  if (
    typeof otpauthUri !== 'string' ||
    !/^otpauth:\/\/totp\/\S+$/i.test(otpauthUri) ||
    otpauthUri.length > MAX_OTPAUTH_URI ||
    secretOf(otpauthUri) !== secret
  )
    throw malformedSetup('otpauthUri');
  const setup: AuthenticatorAppSetup = { challengeId, otpauthUri, secret };
  if (codeLength !== undefined) {
    if (codeLength !== 6 && codeLength !== 7 && codeLength !== 8) throw malformedSetup('codeLength');
    setup.codeLength = codeLength;
  }
  if (expiresInSeconds !== undefined) {
    if (typeof expiresInSeconds !== 'number' || !(expiresInSeconds >= 0 && expiresInSeconds <= MAX_BACKEND_SECONDS))
      throw malformedSetup('expiresInSeconds');
    setup.expiresInSeconds = Math.ceil(expiresInSeconds);
  }
  return setup;
}
