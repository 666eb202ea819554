/** SecurityInfoError and the mapping of whatever an adapter throws onto it. */

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

/**
 * Why a request was refused, where the code alone does not say what the person can do: `landline` with
 * `channel-unavailable` means the number cannot receive text messages but can be called.
 */
export type SecurityInfoErrorReason = 'landline';

export interface SecurityInfoErrorOptions {
  retryAfterSeconds?: number;
  attemptsRemaining?: number;
  reason?: SecurityInfoErrorReason;
  cause?: unknown;
}

/** An error an adapter throws to tell the wizard what went wrong, so the person is told what to do. */
export class SecurityInfoError extends Error {
  readonly code: SecurityInfoErrorCode;
  /** With `rate-limited` and `too-many-attempts`: seconds until the person may try again. */
  readonly retryAfterSeconds?: number;
  /** With `invalid-code`: tries left before the challenge locks. */
  readonly attemptsRemaining?: number;
  /** With `channel-unavailable`: `landline` when the number can be called but cannot receive text messages. */
  readonly reason?: SecurityInfoErrorReason;

  constructor(code: SecurityInfoErrorCode, message?: string, options: SecurityInfoErrorOptions = {}) {
    super(message ?? code, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SecurityInfoError';
    this.code = code;
    const retry = nonNegative(options.retryAfterSeconds);
    if (retry !== undefined) this.retryAfterSeconds = retry;
    const attempts = nonNegative(options.attemptsRemaining);
    if (attempts !== undefined) this.attemptsRemaining = Math.floor(attempts);
    if (options.reason !== undefined && isSecurityInfoErrorReason(options.reason)) this.reason = options.reason;
  }
}

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

export function isSecurityInfoErrorReason(value: unknown): value is SecurityInfoErrorReason {
  return value === 'landline';
}

function nonNegative(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** True for the rejection an aborted `AbortSignal` causes (`AbortError`, or the signal's own reason). */
export function isAbortError(error: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted && error === signal.reason) return true;
  return error instanceof Error && error.name === 'AbortError';
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
 * Turns anything an adapter threw into a {@link SecurityInfoError}: a known `code` is kept (also from an
 * error made by another copy of this library), a failed fetch or an offline device becomes `network`, an
 * abort by the caller's own time-out `timeout`, and everything else `unknown`.
 */
export function toSecurityInfoError(error: unknown, context: NormalizeErrorContext = {}): SecurityInfoError {
  if (error instanceof SecurityInfoError) return error;
  if (context.timedOut) return new SecurityInfoError('timeout', 'The request took too long.', { cause: error });
  if (typeof error === 'object' && error !== null) {
    const { code, retryAfterSeconds, attemptsRemaining, reason, message } = error as Record<string, unknown>;
    if (isSecurityInfoErrorCode(code)) {
      return new SecurityInfoError(code, typeof message === 'string' ? message : undefined, {
        retryAfterSeconds: retryAfterSeconds as number | undefined,
        attemptsRemaining: attemptsRemaining as number | undefined,
        ...(isSecurityInfoErrorReason(reason) ? { reason } : {}),
        cause: error,
      });
    }
  }
  if (context.offline || (error instanceof TypeError && FAILED_FETCH.test(error.message))) {
    return new SecurityInfoError('network', 'The backend could not be reached.', { cause: error });
  }
  return new SecurityInfoError('unknown', 'The backend failed in an unexpected way.', { cause: error });
}
