/** SecurityInfoError, the error an adapter throws; making one of whatever an adapter threw is to-error.ts's. */

import type { SecurityInfoErrorCode } from './error-codes.js';

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
