/**
 * Which numbers the server will text or call. Fuller phone metadata than the browser's (libphonenumber-js's `max`
 * set, on the server only) tells a number's type, so numbers that earn their owner money per call or message
 * (premium-rate, shared-cost, UAN, personal numbers such as UK 070 and DE 0700, which forward calls anywhere at a rate
 * their owner can share in), cost the organization (toll-free), or reach no person (voicemail, pager, unknown types)
 * are refused, and text messages go only to numbers that can receive them.
 */
import { parsePhoneNumberFromString, type NumberType } from 'libphonenumber-js/max';
import type { Channel } from '@security-info/core';
import { Refusal } from './http.js';

export interface CheckedNumber {
  /** E.164. */
  phoneNumber: string;
  /** ISO 3166-1 alpha-2. */
  region: string;
  type: NonNullable<NumberType>;
}

const REFUSED_TYPES: ReadonlySet<NumberType> = new Set([
  'PREMIUM_RATE',
  'SHARED_COST',
  'TOLL_FREE',
  'UAN',
  'PERSONAL_NUMBER',
  'VOICEMAIL',
  'PAGER',
]);
const TEXTABLE_TYPES: ReadonlySet<NumberType> = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

/** A valid E.164 number of a type a person answers, or the refusal that says why not. */
export function checkNumber(value: unknown): CheckedNumber {
  if (typeof value !== 'string' || !/^\+[1-9]\d{4,14}$/.test(value)) {
    throw new Refusal(422, 'number-rejected', 'phoneNumber must be a phone number in E.164, such as +31612345678.');
  }
  const parsed = parsePhoneNumberFromString(value);
  if (!parsed?.isValid() || !parsed.country) {
    throw new Refusal(422, 'number-rejected', 'This is not a valid phone number.');
  }
  const type = parsed.getType();
  if (!type || REFUSED_TYPES.has(type)) {
    throw new Refusal(422, 'number-rejected', 'Numbers of this type cannot be used for sign-in.');
  }
  return { phoneNumber: parsed.number, region: parsed.country, type };
}

/** Refuses a channel the number's type cannot take: text messages only to mobile numbers. */
export function checkChannelForType(number: CheckedNumber, channel: Channel): void {
  if (channel !== 'sms' || TEXTABLE_TYPES.has(number.type)) return;
  throw new Refusal(
    422,
    'channel-unavailable',
    'This number cannot receive text messages.',
    number.type === 'FIXED_LINE' ? { reason: 'landline' } : {},
  );
}
