/** The sentences of `<security-info-phone>` that depend on its state: problems with a number, and the channels. */
import { msg, str } from '../shared/lit-localize.js';
import type { Channel, PhoneProblem } from '@security-info/core';

/** What to do about `problem`; `country` names the region the number was read for. */
export function problem(problem: PhoneProblem, country: string): string {
  switch (problem) {
    case 'required':
      return msg('Enter your phone number.', { id: 'phone.required', desc: 'The phone number field is empty.' });
    case 'not-a-number':
      return msg('Enter the number with digits only. Spaces, dashes, brackets and a leading + are fine.', {
        id: 'phone.not-a-number',
        desc: 'Letters or other characters were entered in the phone number field.',
      });
    case 'too-short':
      return msg(str`This number is too short for ${country}. Check that you entered every digit.`, {
        id: 'phone.too-short',
        desc: 'The placeholder is a country or region name.',
      });
    case 'too-long':
      return msg(str`This number is too long for ${country}. Check for extra digits.`, {
        id: 'phone.too-long',
        desc: 'The placeholder is a country or region name.',
      });
    case 'invalid-for-region':
      return msg(
        str`This isn't a valid number for ${country}. Check the number, or choose another country or region.`,
        {
          id: 'phone.invalid-for-region',
          desc: 'The placeholder is a country or region name.',
        },
      );
    case 'region-required':
      return msg('Choose your country or region, or enter the number with its country code, starting with +.', {
        id: 'phone.region-required',
        desc: 'A national number was entered but no country or region is chosen.',
      });
    case 'region-not-allowed':
      return msg(
        str`Your organization doesn't allow numbers from ${country}. Use a number from another country or region.`,
        {
          id: 'phone.region-not-allowed',
          desc: 'The placeholder is a country or region name.',
        },
      );
  }
}

export function channel(channel: Channel): string {
  return channel === 'sms'
    ? msg('Text me a code', { id: 'phone.channel-sms', desc: 'Choice: receive the code by text message.' })
    : msg('Call me', { id: 'phone.channel-voice', desc: 'Choice: receive the code by a phone call.' });
}

/** Why `channel` is not offered for numbers in `country` (a region's name). */
export function unavailable(channel: Channel, country: string): string {
  return channel === 'voice'
    ? msg(str`Calls aren't available for numbers in ${country}.`, {
        id: 'phone.voice-unavailable',
        desc: 'The placeholder is a country or region name.',
      })
    : msg(str`Text messages aren't available for numbers in ${country}.`, {
        id: 'phone.sms-unavailable',
        desc: 'The placeholder is a country or region name.',
      });
}
