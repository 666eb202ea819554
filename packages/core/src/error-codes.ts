/**
 * The codes of a SecurityInfoError, and the code any failure maps to. A module of its own, apart from the error
 * class and the details it checks (errors.ts), because the code is all a wizard's first step needs: a failed policy
 * request is shown by its code alone, and the details come with the later steps that show them.
 */

export const ERROR_CODES = [
  'invalid-code',
  'code-expired',
  'too-many-attempts',
  'rate-limited',
  'number-rejected',
  'channel-unavailable',
  'network',
  'timeout',
  'unauthenticated',
  'reauthentication-required',
  'method-required',
  'unknown',
] as const;

export type SecurityInfoErrorCode = (typeof ERROR_CODES)[number];

export function isSecurityInfoErrorCode(value: unknown): value is SecurityInfoErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * A refusal that signing in resolves: `unauthenticated`, the session ended; `reauthentication-required`, the
 * change wants a recent sign-in. The refused call may be made again once the person has signed in.
 */
export type SignInReason = Extract<SecurityInfoErrorCode, 'unauthenticated' | 'reauthentication-required'>;

export function isSignInReason(code: unknown): code is SignInReason {
  return code === 'unauthenticated' || code === 'reauthentication-required';
}

// What browsers and Node put in the TypeError a failed fetch rejects with.
const FAILED_FETCH = /failed to fetch|networkerror|network error|load failed|fetch failed|network request failed/i;

export interface NormalizeErrorContext {
  /** The call was aborted by the caller's own time-out. */
  timedOut?: boolean;
  /** The device reports it is offline (`navigator.onLine === false`). */
  offline?: boolean;
}

/**
 * The code of anything an adapter threw: an abort by the caller's own time-out is `timeout`, a known `code` is kept
 * (also from an error made by another copy of this library), a failed fetch or an offline device is `network`,
 * and everything else `unknown`. `toSecurityInfoError` makes the error with its details from it.
 */
export function failureCode(error: unknown, context: NormalizeErrorContext = {}): SecurityInfoErrorCode {
  if (context.timedOut) return 'timeout';
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (isSecurityInfoErrorCode(code)) return code;
  if (context.offline || (error instanceof TypeError && FAILED_FETCH.test(error.message))) return 'network';
  return 'unknown';
}
