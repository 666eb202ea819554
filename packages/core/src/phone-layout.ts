/**
 * Lays a phone number out in the groups its region writes it in, while it is being typed: a complete number in its
 * format, a partial one in the groups of the first format its leading digits allow ("(201) 55" for "20155" in the
 * United States). The formats are libphonenumber-js's metadata (Google's libphonenumber data); reading them here
 * rather than with the library's `AsYouType` keeps the phone step about 5 KB gzipped lighter and each keystroke
 * cheap. The layout only adds spaces and punctuation: every digit typed stays, in order, so a caret can follow it.
 */
import type { MetadataJson } from 'libphonenumber-js/core/es6';
import { callingCodeIn, compiledAtStart, compiledWhole, planOf, readPhoneNumber, type Plan } from './phone-parse.js';

/** [pattern, format, leading digits patterns, national prefix formatting rule, prefix optional, international format] */
type NumberFormat = readonly [string, string, string[]?, (string | 0)?, (0 | 1)?, string?];

export interface PhoneLayout {
  /** The digits as typed, with the spaces and punctuation of their format. */
  text: string;
  /** The region the digits belong to, when they tell it (a calling code, or the region they were typed for). */
  region?: string;
}

const PARENS_ONLY = /^\(?\$1\)?$/;
const startsWith = (pattern: string, digits: string) => compiledAtStart(pattern).test(digits);

/**
 * Whether some continuation of one or two digits (the key: the digits, then the pattern) starts a leading-digits
 * pattern: the first keystrokes of every number ask it again, each answer taking up to a hundred tries. Two digits
 * are no one's number, and the metadata's patterns are few.
 */
const continued = new Map<string, boolean>();

/**
 * Whether a format's leading digits allow `digits`: the pattern for their length (one per digit from the third on),
 * or, with fewer than three digits, the first pattern for some continuation of them.
 */
function leadsWith(format: NumberFormat, digits: string): boolean {
  const patterns = format[2];
  if (!patterns?.length) return true;
  const pattern = patterns[Math.min(Math.max(digits.length - 3, 0), patterns.length - 1)]!;
  if (digits.length >= 3) return startsWith(pattern, digits);
  const key = `${digits} ${pattern}`;
  let leads = continued.get(key);
  if (leads === undefined) {
    leads = false;
    const width = 3 - digits.length;
    for (let more = 0; more < 10 ** width && !leads; more++) {
      leads = startsWith(pattern, digits + String(more).padStart(width, '0'));
    }
    continued.set(key, leads);
  }
  return leads;
}

/** Templates of the longest number each format takes, by its pattern, then by the layout it is written in. */
const templates = new Map<string, Map<string, string | undefined>>();

/** The longest number a format's pattern takes, laid out, as a template of placeholders (9s). */
function longestOf(pattern: string, layout: string): string | undefined {
  let byLayout = templates.get(pattern);
  if (!byLayout) templates.set(pattern, (byLayout = new Map()));
  if (byLayout.has(layout)) return byLayout.get(layout);
  const greedy = new RegExp(pattern.replace(/\[[^\]]*\]/g, '\\d').replace(/\d(?=[^,}][^,}])/g, '\\d'));
  const longest = greedy.exec('9'.repeat(17))?.[0].replace(greedy, layout);
  byLayout.set(layout, longest);
  return longest;
}

/**
 * The number's digits laid out in `format`: all of them in it when they complete it, otherwise in its longest
 * groups, cut after the last digit. Undefined when there are more digits than the format holds.
 */
function inFormat(national: string, pattern: string, layout: string): string | undefined {
  const whole = compiledWhole(pattern);
  if (whole.test(national)) return national.replace(whole, layout);
  const longest = longestOf(pattern, layout);
  if (!longest || longest.split('9').length - 1 < national.length) return undefined;
  let next = 0;
  let end = 0;
  let text = '';
  for (const ch of longest) {
    if (ch === '9') {
      if (next === national.length) break;
      text += national[next++];
      end = text.length;
    } else text += ch;
  }
  // Cut after the last digit, keeping a closing parenthesis, dropping one that opened and never closed.
  text = text.slice(0, text[end] === ')' ? end + 1 : end);
  return text.split('(').length === text.split(')').length ? text : text.replace('(', '');
}

/**
 * Lays out a national significant number with the first format that suits it, after `prefix` (the national prefix
 * typed before it) or, internationally, with the international format.
 */
function national(digits: string, prefix: string, plan: Plan, main: Plan, international: boolean): string {
  if (digits === '') return prefix;
  const formats = ((plan[4] || main[4]) as NumberFormat[] | 0) || [];
  for (const format of formats) {
    const rule = format[3] || (plan[6] as string | undefined) || (main[6] as string | undefined) || '';
    const usesPrefix = rule !== '' && !PARENS_ONLY.test(rule);
    const optional = Boolean(format[4] || plan[9] || main[9]);
    // A format that writes the national prefix is not for a number typed without it, and one that never writes it
    // is not for a number typed with it, unless the prefix is optional in either case.
    if (!international && usesPrefix && !optional && !prefix) continue;
    if (prefix && !usesPrefix && !optional) continue;
    if (!leadsWith(format, digits)) continue;
    let layout = international ? format[5] || format[1] : format[1];
    // The rule writes the first group ("($1)"), with the national prefix before it ("0$1", "8 ($1)") when it is
    // the prefix that was typed.
    const withRule =
      !international && rule !== '' && (!usesPrefix || rule.replace('$1', '').replace(/\D/g, '') === prefix);
    if (withRule) layout = layout.replace('$1', rule);
    let text = inFormat(digits, format[0], layout);
    // International numbers are written with spaces only.
    if (text !== undefined && international) text = text.replace(/[-\s().]+/g, ' ').trim();
    if (text !== undefined && !(withRule && usesPrefix)) text = prefix ? `${prefix} ${text}` : text;
    // A format that writes digits of its own (Argentina's "15") would change the number: the next one may not.
    if (text !== undefined && text.replace(/\D/g, '') === prefix + digits) return text;
  }
  return prefix + digits;
}

/** Splits a national prefix from what follows; undefined when reading the number would change its digits. */
function splitPrefix(digits: string, plan: Plan): [prefix: string, rest: string] | undefined {
  const pattern = (plan[7] || plan[5]) as string | 0;
  const match = pattern ? compiledAtStart(pattern).exec(digits) : null;
  if (!match?.[0]) return ['', digits];
  if (plan[8] && match.length > 1 && match[match.length - 1]) return undefined;
  return [match[0], digits.slice(match[0].length)];
}

/**
 * The region of an international number: the calling code's only region; the one the whole number belongs to; the
 * one whose leading digits it starts with (the Isle of Man's 1624 in +44); from four digits on, the one region of the code
 * without leading digits of its own (Russia in +7, beside Kazakhstan's) when no other claims them.
 */
function regionOfCode(regions: readonly string[], digits: string, rest: string, metadata: MetadataJson) {
  if (regions.length <= 1) return regions[0];
  const parsed = readPhoneNumber(`+${digits}`, undefined, metadata)?.region;
  if (parsed) return parsed;
  const leading = (region: string) => planOf(metadata, region)?.[10] as string | 0 | undefined;
  const claimed = regions.find((region) => leading(region) && startsWith(leading(region) as string, rest));
  if (claimed || rest.length < 4) return claimed;
  const open = regions.filter((region) => !leading(region));
  return open.length === 1 ? open[0] : undefined;
}

/** Which region of a calling code's a number belongs to, when known (see `regionOfCode`). */
type RegionOf = (
  regions: readonly string[],
  digits: string,
  rest: string,
  metadata: MetadataJson,
) => string | undefined;

/**
 * After a `+` or an international access prefix: the calling code, then the number in its international format, in
 * its region's formats when `regionOf` tells the region, else in those of the code's main region.
 */
function international(
  lead: string,
  digits: string,
  metadata: MetadataJson,
  regionOf?: RegionOf,
): PhoneLayout | undefined {
  const code = callingCodeIn(
    digits,
    (known) => metadata.country_calling_codes[known] || metadata.nonGeographic?.[known],
  );
  if (!code) return undefined;
  const regions = metadata.country_calling_codes[code] ?? [];
  const main = planOf(metadata, regions[0]) ?? (metadata.nonGeographic?.[code] as Plan | undefined);
  if (!main) return undefined;
  const rest = digits.slice(code.length);
  const region = regionOf?.(regions, digits, rest, metadata);
  const plan = planOf(metadata, region) ?? main;
  const text = `${lead}${code}${rest ? ` ${national(rest, '', plan, main, true)}` : ''}`;
  return region ? { text, region } : { text };
}

/**
 * Lays out `digits` (`+` and ASCII digits, see `normalizePhoneInput`) for display as they are typed: a number
 * with `+`, or with the region's international access prefix and a calling code, internationally; anything else as
 * a national number of `region`. The metadata must hold the calling codes involved (see `missingPhoneData`).
 */
export function layOutPhoneNumber(digits: string, region: string | undefined, metadata: MetadataJson): PhoneLayout {
  if (digits.startsWith('+')) return international('+', digits.slice(1), metadata, regionOfCode) ?? { text: digits };
  const plan = planOf(metadata, region);
  if (!plan || !region) return { text: digits };
  const access = compiledAtStart(plan[1] as string).exec(digits)?.[0];
  const abroad = access ? international(`${access} `, digits.slice(access.length), metadata, regionOfCode) : undefined;
  if (abroad) return abroad;
  const split = splitPrefix(digits, plan);
  if (!split) return { text: digits, region };
  const main = planOf(metadata, metadata.country_calling_codes[plan[0] as string]?.[0]) ?? plan;
  return { text: national(split[1], split[0], plan, main, false), region };
}

/**
 * An international number (`+` and digits) laid out in its calling code's format, without telling its region: what
 * a masked number needs, without the parser that telling the region takes (see `maskPhoneNumber`). Undefined for
 * digits with no calling code the metadata holds.
 */
export function layOutInternational(digits: string, metadata: MetadataJson): string | undefined {
  return digits.startsWith('+') ? international('+', digits.slice(1), metadata)?.text : undefined;
}
