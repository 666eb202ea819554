import { SecurityInfoError } from './errors.js';
import type { PhoneChallenge } from './types.js';

/**
 * The longest duration, in seconds, believed from a backend (an expiry, a cooldown, a wait): one day. A longer
 * one is a broken or hostile answer, and would lock the person out of the wizard for good.
 */
export const MAX_BACKEND_SECONDS = 86_400;

// Letters, digits and RFC 3986's other unreserved characters: the id goes into a URL path unchanged in meaning.
// Dots alone would be a path's "." or "..": never an id.
const CHALLENGE_ID = /^(?!\.+$)[A-Za-z0-9._~-]{1,256}$/;

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
