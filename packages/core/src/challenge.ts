import { SecurityInfoError } from './errors.js';
import type { PhoneChallenge } from './types.js';

/**
 * Checks an adapter's answer to `sendCode`/`resendCode` against the contract. A malformed answer becomes an
 * `unknown` error, so the person is told something went wrong instead of the wizard breaking.
 */
export function readChallenge(value: unknown): PhoneChallenge {
  if (typeof value !== 'object' || value === null) {
    throw new SecurityInfoError('unknown', 'The backend answered without a challenge.');
  }
  const answer = value as Record<string, unknown>;
  if (typeof answer.challengeId !== 'string' || answer.challengeId === '') {
    throw new SecurityInfoError('unknown', 'The backend answered without a challenge id.');
  }
  const seconds = (key: string) => {
    const n = answer[key];
    return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.ceil(n) : undefined;
  };
  const length = seconds('codeLength');
  const challenge: PhoneChallenge = { challengeId: answer.challengeId };
  if (length !== undefined && length >= 4 && length <= 10) challenge.codeLength = length;
  const expires = seconds('expiresInSeconds');
  if (expires !== undefined) challenge.expiresInSeconds = expires;
  const resend = seconds('resendInSeconds');
  if (resend !== undefined) challenge.resendInSeconds = resend;
  if (answer.confirmation === 'code' || answer.confirmation === 'keypress')
    challenge.confirmation = answer.confirmation;
  return challenge;
}
