/** SecurityInfoError and the mapping of whatever an adapter throws onto it. */

import { failureCode, type NormalizeErrorContext, type SecurityInfoErrorCode } from './error-codes.js';

export * from './error-codes.js';

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
