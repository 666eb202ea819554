/**
 * A change the backend refuses for now (`rate-limited` for anything but sending a code: saving security questions,
 * an authenticator app's key, a passkey, a new set of recovery codes, a few an hour), in the words of the Security
 * info page and the wizard's later steps alike: not the words about codes sent (error-messages.ts), and the wait in
 * whole minutes (or hours) rather than a clock, as this text stays as it is. A module of its own, loaded with those
 * steps and the page's actions, never with a first view; the page has these messages in its own locale modules too
 * (scripts/localize/locale-modules.mjs, `SHARED`).
 */
import { msg, str } from './lit-localize.js';
import { formatWait } from './error-messages.js';

export function tooManyChanges(seconds: number | undefined, locale: string | undefined): string {
  if (seconds === undefined)
    return msg('Too many changes in a short time. Wait a few minutes, then try again.', {
      id: 'enroll.rate-limited',
      desc: 'The backend refuses this change for now (too many in a short time).',
    });
  const wait = formatWait(seconds, locale, true);
  return msg(str`Too many changes in a short time. Try again in ${wait}.`, {
    id: 'enroll.rate-limited-wait',
    desc: 'The backend refuses this change for now; the placeholder is a wait such as "2 minutes" or "1.5 hours".',
  });
}
