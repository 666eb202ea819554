/**
 * The messages for a failure to reach the backend, of the backend itself, or of the person's session: all the
 * wizard can show before the phone step, kept apart from the other error messages (error-messages.ts) so it loads
 * without them.
 */
import { msg } from './lit-localize.js';
import type { SecurityInfoErrorCode } from '@security-info/core';

/** Offline, too slow, signed out, or anything else: each message says what to do. */
export function failureMessage(code: SecurityInfoErrorCode): string {
  switch (code) {
    case 'network':
      return msg('You seem to be offline. Check your connection, then try again. Nothing you entered is lost.', {
        id: 'error.network',
        desc: 'The device could not reach the server.',
      });
    case 'timeout':
      return msg('The server is taking too long to answer. Try again.', {
        id: 'error.timeout',
        desc: 'The request took longer than allowed.',
      });
    case 'unauthenticated':
      return msg('Your session has ended. Sign in again to continue.', {
        id: 'error.unauthenticated',
        desc: 'The person was signed out (their session expired); what they entered is kept.',
      });
    default:
      return msg('Something went wrong on our side. Try again, or come back later.', {
        id: 'error.unknown',
        desc: 'An unexpected failure.',
      });
  }
}
