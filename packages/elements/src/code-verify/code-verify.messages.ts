/** The sentences of `<code-verify>` that depend on its state: where the code went, problems, wrong codes, waits. */
import { html, type TemplateResult } from 'lit';
import { maskPhoneNumber, normalizePhoneInput, type Channel, type PhoneMetadata } from '@security-info/core';
import { msg, str } from '../shared/lit-localize.js';
import { errorMessage, formatWait } from '../shared/error-messages.js';
import { numberFormat, pluralRules } from '../shared/intl.js';
import { getLocale } from '../shared/localization.js';
import { PLACE, placeIn } from '../shared/placeholder.js';

/** Whether `destination` is a whole number, which the element masks itself, rather than one masked already. */
export const wholeNumber = (destination: string) => Boolean(destination) && normalizePhoneInput(destination) !== null;

/**
 * Where the code went, with the destination masked in its own part, kept left to right. A destination masked already
 * is shown as given, so the element never needs the whole number; a whole one is grouped by `metadata` when loaded.
 */
export function intro(channel: Channel, destination: string, metadata: PhoneMetadata | undefined): TemplateResult {
  const shown = wholeNumber(destination) ? maskPhoneNumber(destination, metadata) : destination;
  const text =
    channel === 'voice'
      ? msg(str`We're calling ${PLACE}. Enter the code you hear.`, {
          id: 'code-verify.intro-voice',
          desc: 'The placeholder is the masked phone number being called.',
        })
      : msg(str`We sent a code to ${PLACE}.`, {
          id: 'code-verify.intro-sms',
          desc: 'The placeholder is the masked phone number the text message went to.',
        });
  return placeIn(text, html`<span class="ltr" part="destination">${shown}</span>`);
}

/** What is wrong with the entry itself, before the host is asked. */
export type InputProblem = 'required' | 'too-short' | 'not-digits';

export function problem(problem: InputProblem, length: number): string {
  switch (problem) {
    case 'required':
      return msg(str`Enter the ${length}-digit code.`, {
        id: 'code-verify.required',
        desc: 'Shown when Verify is pressed with an empty field; the placeholder is the number of digits.',
      });
    case 'too-short':
      return msg(str`The code has ${length} digits. Check the message and enter all of them.`, {
        id: 'code-verify.too-short',
        desc: 'Shown when fewer digits than the code has were entered.',
      });
    case 'not-digits':
      return msg('The code has only digits. Remove any letters or symbols.', {
        id: 'code-verify.not-digits',
        desc: 'Shown when letters were typed or pasted into the code field.',
      });
  }
}

/**
 * The alert's text for the `status` a host reported; empty for `idle`. It never holds a ticking countdown, or it
 * would be read out every second.
 */
export function statusAlert(status: string, attemptsRemaining: number | undefined): string {
  if (status === 'invalid-code') return wrongCode(attemptsRemaining);
  return status === 'code-expired' || status === 'too-many-attempts' ? errorMessage(status) : '';
}

/** A wrong code, with the tries left when the backend says. */
export function wrongCode(attemptsRemaining: number | undefined): string {
  const left = attemptsRemaining;
  if (left === undefined || left === null || !Number.isFinite(Number(left))) return errorMessage('invalid-code');
  // The active language's digits and plural rule: the one the message is shown in.
  const locale = getLocale();
  const count = numberFormat(locale).format(left);
  return pluralRules(locale).select(left) === 'one'
    ? msg(str`That code isn't right. You have ${count} try left.`, {
        id: 'code-verify.invalid-one',
        desc: 'The code entered was wrong; exactly one more try is allowed. The placeholder is that number.',
      })
    : msg(str`That code isn't right. You have ${count} tries left.`, {
        id: 'code-verify.invalid-other',
        desc: 'The code entered was wrong; the placeholder is the number of tries left.',
      });
}

export function resendWait(seconds: number): string {
  return msg(str`You can ask for a new code in ${formatWait(seconds)}.`, {
    id: 'code-verify.resend-wait',
    desc: 'The cooldown before another code may be requested; the placeholder is a wait such as 0:25.',
  });
}

export function retryWait(seconds: number): string {
  return msg(str`You can try again in ${formatWait(seconds)}.`, {
    id: 'code-verify.retry-wait',
    desc: 'After too many wrong codes: when entering a code is possible again; the placeholder is a wait such as 4:59.',
  });
}

export function resendNow(): string {
  return msg('You can ask for a new code now.', {
    id: 'code-verify.resend-now',
    desc: 'Announced when the resend cooldown is over.',
  });
}

/** What the host is doing while `pending`: sending a new code, or checking the one entered. */
export function pending(resending: boolean): string {
  return resending
    ? msg('Sending a new code…', {
        id: 'code-verify.resend-pending',
        desc: 'Announced while a new code is being sent.',
      })
    : msg('Checking…', { id: 'code-verify.pending', desc: 'Announced while the code is being checked.' });
}
