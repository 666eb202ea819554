/**
 * Turning whatever an adapter threw into a SecurityInfoError with the details it may show. Apart from the class
 * (errors.ts): a page that only makes one (the registrations' reader, in the Security info page's first view) loads
 * without this, and the steps that describe failures load it with them.
 */
import { failureCode, type NormalizeErrorContext, type SecurityInfoErrorCode } from './error-codes.js';
import { isSecurityInfoErrorReason, SecurityInfoError } from './errors.js';

/** What an error of each code says when the failure itself said nothing. */
const MESSAGES: Partial<Record<SecurityInfoErrorCode, string>> = {
  timeout: 'The request took too long.',
  network: 'The backend could not be reached.',
  unknown: 'The backend failed in an unexpected way.',
};

/**
 * Turns anything an adapter threw into a {@link SecurityInfoError} with the code `failureCode` gives it (a known
 * `code` is kept, also from an error made by another copy of this library, a failed fetch or an offline device
 * becomes `network`, an abort by the caller's own time-out `timeout`, and everything else `unknown`), and the
 * details a known code came with, checked.
 */
export function toSecurityInfoError(error: unknown, context: NormalizeErrorContext = {}): SecurityInfoError {
  if (error instanceof SecurityInfoError) return error;
  const code = failureCode(error, context);
  const thrown = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  if (!context.timedOut && code === thrown.code) {
    const { retryAfterSeconds, attemptsRemaining, reason, message } = thrown;
    return new SecurityInfoError(code, typeof message === 'string' ? message : undefined, {
      retryAfterSeconds: retryAfterSeconds as number | undefined,
      attemptsRemaining: attemptsRemaining as number | undefined,
      ...(isSecurityInfoErrorReason(reason) ? { reason } : {}),
      cause: error,
    });
  }
  return new SecurityInfoError(code, MESSAGES[code], { cause: error });
}
