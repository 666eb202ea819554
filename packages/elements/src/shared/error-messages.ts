/** What a person is told for each adapter error: what happened and what to do next, in their language. */
import { msg, str } from './lit-localize.js';
import type { SecurityInfoErrorCode } from '@security-info/core';
import { numberFormat } from './intl.js';
import { failureMessage } from './failure-message.js';
import { getLocale } from './localization.js';

/**
 * "0:25" for short waits, "2 hours" style for long ones, in `locale`: by default the language the elements' words are
 * in (an element passes its `textLocale`, which refines it with its `lang`'s region). `inWords` for a text that does
 * not count down, where a clock would look stuck: short waits in whole minutes, rounded up ("1 minute").
 */
export function formatWait(seconds: number, locale: string = getLocale(), inWords = false): string {
  const whole = Math.max(0, Math.ceil(seconds));
  if (whole < 3600 && inWords)
    return numberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(
      Math.max(1, Math.ceil(whole / 60)),
    );
  if (whole < 3600) {
    const digits = numberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
    const minutes = numberFormat(locale, { useGrouping: false });
    return `${minutes.format(Math.floor(whole / 60))}:${digits.format(whole % 60)}`;
  }
  const hours = Math.round(whole / 360) / 10;
  return numberFormat(locale, {
    style: 'unit',
    unit: 'hour',
    unitDisplay: 'long',
    maximumFractionDigits: 1,
  }).format(hours);
}

export interface ErrorMessageContext {
  retryAfterSeconds?: number | undefined;
  locale?: string | undefined;
  /** The message stays as it is (nothing counts its wait down): the wait in words, not as a clock. */
  still?: boolean | undefined;
}

/** The message for an error code; each says what to do. */
export function errorMessage(code: SecurityInfoErrorCode, context: ErrorMessageContext = {}): string {
  const wait =
    context.retryAfterSeconds !== undefined
      ? formatWait(context.retryAfterSeconds, context.locale, context.still)
      : undefined;
  switch (code) {
    case 'invalid-code':
      return msg("That code isn't right. Check the latest message and try again.", {
        id: 'error.invalid-code',
        desc: 'The code the person entered was wrong.',
      });
    case 'code-expired':
      return msg('That code has expired. Ask for a new code.', {
        id: 'error.code-expired',
        desc: 'The code was right but too old.',
      });
    case 'too-many-attempts':
      return wait
        ? msg(str`Too many wrong codes. You can try again in ${wait}.`, {
            id: 'error.too-many-attempts-wait',
            desc: 'Verification is locked; the placeholder is a wait such as 4:59.',
          })
        : msg('Too many wrong codes. Ask for a new code, or try again later.', {
            id: 'error.too-many-attempts',
            desc: 'Verification is locked after too many wrong codes.',
          });
    case 'rate-limited':
      return wait
        ? msg(str`Too many codes were requested. You can ask again in ${wait}.`, {
            id: 'error.rate-limited-wait',
            desc: 'The backend refuses to send more codes for now; the placeholder is a wait such as 0:45.',
          })
        : msg('Too many codes were requested. Wait a few minutes, then try again.', {
            id: 'error.rate-limited',
            desc: 'The backend refuses to send more codes for now.',
          });
    case 'number-rejected':
      return msg("This number can't be used for sign-in. Enter a different number.", {
        id: 'error.number-rejected',
        desc: 'The organization or the phone service does not accept this phone number.',
      });
    case 'channel-unavailable':
      return msg("We can't reach this number that way right now. Choose another option or try again later.", {
        id: 'error.channel-unavailable',
        desc: 'Text messages or calls cannot be delivered to this number at the moment.',
      });
    // Only the later steps are refused for these, so their messages load with those steps, not before.
    case 'reauthentication-required':
      return msg('For your security, sign in again to make this change.', {
        id: 'error.reauthentication-required',
        desc: 'The server wants a recent sign-in before it changes security info; what was entered is kept.',
      });
    case 'method-required':
      return msg(
        "Your organization requires you to keep a way to verify it's you, so this method can't be removed until you add another.",
        {
          id: 'error.method-required',
          desc: 'The person tried to remove a method, but the organization requires them to keep at least as many methods for two-step verification as they have.',
        },
      );
    default:
      return failureMessage(code);
  }
}

/**
 * `channel-unavailable` for a landline (`reason: 'landline'`): text messages cannot reach the number. With
 * `canCall` the person is offered a call to it; otherwise asked for a mobile number.
 */
export function landlineMessage(canCall: boolean): string {
  return canCall
    ? msg("This number looks like a landline, which can't receive texts. We can call you instead.", {
        id: 'error.landline-call',
        desc: 'Text messages cannot reach this number, but a call can; a Call me button follows.',
      })
    : msg("This number looks like a landline, which can't receive texts. Enter a mobile number.", {
        id: 'error.landline-mobile',
        desc: 'Text messages cannot reach this number, and the organization does not allow calls to it.',
      });
}
