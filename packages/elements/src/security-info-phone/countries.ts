/** The country and region list of the phone step: localized names, calling codes, sorting and search. */
import { callingCodeOf, phoneRegions, toAsciiDigits } from '@security-info/core';
import { regionNames } from '../shared/intl.js';

export interface CountryOption {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** Name in the display locale. */
  name: string;
  /** Calling code without `+`. */
  callingCode: string;
  /** Everything a search may match, folded. */
  haystack: string;
}

/**
 * Lower case without diacritics, so "Turkiye" finds "Türkiye" and "cote" finds "Côte d’Ivoire"; digits of any
 * script as ASCII, so "+٣١" finds the Netherlands.
 */
export function fold(text: string): string {
  return toAsciiDigits(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’'`´]/g, "'")
    .toLowerCase()
    .trim();
}

function displayNames(locale: string | undefined): Intl.DisplayNames | undefined {
  try {
    return regionNames(locale);
  } catch {
    return undefined; // A browser without Intl.DisplayNames: the codes are shown.
  }
}

/** The name of a region in `locale` (English, or the code itself, when the locale has none). */
export function regionName(code: string, locale: string | undefined): string {
  try {
    return displayNames(locale)?.of(code) ?? code;
  } catch {
    return code; // Not a region code at all (`USA`, from a host's markup): `of` throws, and a render must not.
  }
}

/** Every region (or only `allowed`), named in `locale`, sorted the way that locale sorts. */
export function buildCountries(locale: string | undefined, allowed?: readonly string[]): CountryOption[] {
  const local = displayNames(locale);
  const english = displayNames('en');
  const allowedSet = allowed && allowed.length > 0 ? new Set(allowed.map((c) => c.toUpperCase())) : undefined;
  const options = phoneRegions()
    .filter((code) => !allowedSet || allowedSet.has(code))
    .map((code) => {
      const name = local?.of(code) ?? code;
      const englishName = english?.of(code) ?? code;
      const callingCode = callingCodeOf(code) ?? '';
      return { code, name, callingCode, haystack: fold(`${name}|${englishName}|${code}|+${callingCode}`) };
    });
  let collator: Intl.Collator;
  try {
    collator = new Intl.Collator(locale, { sensitivity: 'base' });
  } catch {
    collator = new Intl.Collator();
  }
  return options.sort((a, b) => collator.compare(a.name, b.name));
}

/**
 * The options matching what the person typed: a name (localized or English), an ISO code or a calling code
 * ("+31", "31"). Names that start with the query come first, then codes, then names containing it.
 */
export function searchCountries(options: readonly CountryOption[], query: string): CountryOption[] {
  const folded = fold(query);
  if (!folded) return [...options];
  const digits = folded.replace(/^\+/, '');
  const isCallingCode = /^\d{1,4}$/.test(digits);
  const starts: CountryOption[] = [];
  const codes: CountryOption[] = [];
  const contains: CountryOption[] = [];
  for (const option of options) {
    const names = option.haystack.split('|');
    if (isCallingCode) {
      if (option.callingCode === digits) codes.push(option);
      else if (option.callingCode.startsWith(digits)) contains.push(option);
    } else if (names[0]!.startsWith(folded) || names[1]!.startsWith(folded)) {
      starts.push(option);
    } else if (folded.length === 2 && names[2] === folded) {
      codes.push(option);
    } else if (names[0]!.includes(folded) || names[1]!.includes(folded)) {
      contains.push(option);
    }
  }
  return [...codes, ...starts, ...contains];
}

/** The region a locale implies (`nl-BE` → BE, `nl` → NL), if the metadata knows it. */
export function regionOfLocale(locales: readonly string[], known: (code: string) => boolean): string | undefined {
  for (const tag of locales) {
    try {
      const region = new Intl.Locale(tag).maximize().region;
      if (region && known(region)) return region;
    } catch {
      // Not a locale: try the next one.
    }
  }
  return undefined;
}
