import { SecurityInfoError } from './errors.js';
import type { AuthenticatorAppSetup, PhoneChallenge } from './types.js';

/**
 * The longest duration, in seconds, believed from a backend (an expiry, a cooldown, a wait): one day. A longer
 * one is a broken or hostile answer, and would lock the person out of the wizard for good.
 */
export const MAX_BACKEND_SECONDS = 86_400;

// Letters, digits and RFC 3986's other unreserved characters: the id goes into a URL path unchanged in meaning.
const CHALLENGE_ID = /^[A-Za-z0-9._~-]{1,256}$/;

function malformed(field: string): SecurityInfoError {
  return new SecurityInfoError('unknown', `The backend answered with a challenge whose ${field} is not valid.`);
}

/**
 * Checks an adapter's answer to `sendCode`/`resendCode` against the contract. A malformed answer, including a
 * documented field that is present with a wrong type or value, becomes an `unknown` error, so the person is told
 * something went wrong instead of the wizard acting on nonsense. Fields the contract does not name are left out.
 */
export function readChallenge(value: unknown): PhoneChallenge {
  if (typeof value !== 'object' || value === null) {
    throw new SecurityInfoError('unknown', 'The backend answered without a challenge.');
  }
  const answer = value as Record<string, unknown>;
  if (typeof answer.challengeId !== 'string' || answer.challengeId === '') {
    throw new SecurityInfoError('unknown', 'The backend answered without a challenge id.');
  }
  if (!CHALLENGE_ID.test(answer.challengeId)) throw malformed('challengeId');
  const challenge: PhoneChallenge = { challengeId: answer.challengeId };

  const { codeLength, confirmation } = answer;
  if (codeLength !== undefined) {
    if (typeof codeLength !== 'number' || !Number.isInteger(codeLength) || codeLength < 4 || codeLength > 10) {
      throw malformed('codeLength');
    }
    challenge.codeLength = codeLength;
  }
  for (const key of ['expiresInSeconds', 'resendInSeconds'] as const) {
    const seconds = answer[key];
    if (seconds === undefined) continue;
    if (typeof seconds !== 'number' || !(seconds >= 0 && seconds <= MAX_BACKEND_SECONDS)) throw malformed(key);
    challenge[key] = Math.ceil(seconds);
  }
  if (confirmation !== undefined) {
    if (confirmation !== 'code' && confirmation !== 'keypress') throw malformed('confirmation');
    challenge.confirmation = confirmation;
  }
  return challenge;
}

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
