/**
 * What the phone step offers: the regions, the one chosen at first, and the channels, from the element's own
 * properties where they are set and from the organization's policy where they are not.
 */
import { channelsFor, type Channel, type SecurityInfoPolicy } from '@security-info/core';
import { listConverter } from '../shared/converters.js';
import { regionOfLocale } from './countries.js';

/** The element's properties these rules read; a list a host left `undefined` or `null` (a React prop) is unset. */
export interface PhoneSettings {
  defaultCountry?: string | undefined;
  allowedCountries: readonly string[];
  channels: readonly Channel[];
  channelsByCountry?: Record<string, Channel[]> | undefined;
  policy?: SecurityInfoPolicy | undefined;
}

/**
 * A list a host set: an array's strings, or text read as the attribute is (`"NL, BE"`, a template binding a string to
 * the property); anything else is none.
 */
const listOf = (value: unknown): string[] =>
  typeof value === 'string'
    ? listConverter.fromAttribute!(value)
    : Array.isArray(value)
      ? value.filter((item): item is string => typeof item === 'string')
      : [];

/** The regions whose numbers may be registered, upper case; all when empty. */
export function allowedRegions({ allowedCountries, policy }: PhoneSettings): string[] {
  const own = listOf(allowedCountries);
  return (own.length ? own : (policy?.phone?.allowedCountries ?? [])).map((code) => code.toUpperCase());
}

/**
 * The channels offered for `region`, or at all without one: core's rule, over the policy's phone section with
 * `channels` and `channelsByCountry` in place of the policy's where they are set.
 */
export function offeredChannels({ channels, channelsByCountry, policy }: PhoneSettings, region?: string): Channel[] {
  const phone = policy?.phone;
  const own = listOf(channels) as Channel[];
  return channelsFor(
    {
      phone: {
        channels: own.length ? own : phone?.channels,
        channelsByCountry: channelsByCountry ?? phone?.channelsByCountry,
      },
    },
    region,
  );
}

/**
 * The region chosen at first: `defaultCountry`, else the policy's, else the region of `locale` or of the browser's
 * languages; `''` when none of them is one of the `known` regions.
 */
export function defaultRegion(
  { defaultCountry, policy }: PhoneSettings,
  locale: string | undefined,
  known: (code: string) => boolean,
): string {
  for (const code of [defaultCountry, policy?.phone?.defaultCountry]) {
    if (typeof code === 'string' && known(code.toUpperCase())) return code.toUpperCase();
  }
  const languages = [locale, ...(globalThis.navigator?.languages ?? [])].filter(Boolean) as string[];
  return regionOfLocale(languages, known) ?? '';
}
