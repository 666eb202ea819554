/**
 * One adapter call of the Security info page: given the call's `AbortSignal`, aborted by the page's controller
 * (the element left the page, the list was asked for again) or after `timeout` milliseconds. A call that fails
 * rejects with a `CallFailure`, which the caller reads with core's `failureCode` or `toSecurityInfoError` (as much
 * as it shows); one whose controller the page aborted rejects with the abort's reason, which the caller ignores:
 * the page has moved on.
 */
import type { NormalizeErrorContext } from '@security-info/core';

/** What the adapter threw, and how the call ended (its time-out, the device offline). */
export interface CallFailure {
  error: unknown;
  context: NormalizeErrorContext;
}

export async function callAdapter<T>(
  call: (signal: AbortSignal) => Promise<T>,
  controller: AbortController,
  timeout: number,
): Promise<T> {
  const { signal } = controller;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The backend took too long.', 'TimeoutError'));
  }, timeout);
  try {
    // An adapter that ignores its signal does not hold the page: the abort settles the call.
    return await new Promise<T>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      const answer = call(signal);
      answer.catch(() => undefined);
      answer.then(resolve, reject);
    });
  } catch (error) {
    if (signal.aborted && !timedOut) throw error;
    throw { error, context: { timedOut, offline: globalThis.navigator?.onLine === false } } satisfies CallFailure;
  } finally {
    clearTimeout(timer);
  }
}
