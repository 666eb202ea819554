/**
 * Reading a phone number's digits with the metadata (libphonenumber-js's, Google's libphonenumber data): which calling
 * code and national number they are, which region they belong to, whether they are a number of that region, and
 * what is wrong with their length. It follows the rules of libphonenumber-js's parser and validator, which a
 * differential test holds it to (phone-parse.test.ts); reading the metadata here rather than through the library
 * keeps the phone step about 5 KB gzipped lighter. The digits come normalized (`+` and ASCII digits only: see
 * `normalizePhoneInput`).
 */
import type { MetadataJson } from 'libphonenumber-js/core/es6';

/**
 * A numbering plan as the minified metadata stores it: [calling code, international access prefix, national number
 * pattern, possible lengths, formats, national prefix, its formatting rule, the national prefix for parsing, its
 * transform rule, whether the prefix is optional when formatting, leading digits, types, …].
 */
export type Plan = readonly unknown[];
/** A type of number of a plan (fixed line, mobile, toll free, …): [pattern, possible lengths]. */
type NumberType = readonly [string?, number[]?];

/** A number read: its calling code, its national (significant) number and, when the digits tell it, its region. */
export interface ReadNumber {
  callingCode: string;
  nationalNumber: string;
  region?: string;
}

/** What is wrong with a number's length, as libphonenumber-js names it. */
export type LengthProblem = 'NOT_A_NUMBER' | 'INVALID_COUNTRY' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH';

// The shortest and longest national significant numbers.
const MIN_NATIONAL = 2;
const MAX_NATIONAL = 17;

/**
 * Compiled patterns of the metadata: a few dozen serve a person's typing, so each is compiled once. Each cache is
 * keyed by the metadata's own string, not by one made from it (`^(?:…)$`): the metadata's strings are the same at
 * every keystroke, so a lookup neither builds a string nor hashes one anew. None is global, so none keeps state
 * between uses.
 */
const atStart = new Map<string, RegExp>();
const whole = new Map<string, RegExp>();

function cached(cache: Map<string, RegExp>, pattern: string, before: string, after: string): RegExp {
  let found = cache.get(pattern);
  if (!found) cache.set(pattern, (found = new RegExp(before + pattern + after)));
  return found;
}

/** A pattern of the metadata that must match at the start of a text. */
export const compiledAtStart = (pattern: string): RegExp => cached(atStart, pattern, '^(?:', ')');
/** A pattern of the metadata that must match a whole text. */
export const compiledWhole = (pattern: string): RegExp => cached(whole, pattern, '^(?:', ')$');
const entirely = (text: string, pattern: string) => compiledWhole(pattern).test(text);

/** A region's numbering plan, when the metadata holds it. */
export const planOf = (metadata: MetadataJson, region: string | undefined) =>
  region ? ((metadata.countries as Record<string, Plan | undefined>)[region] ?? undefined) : undefined;

/** The regions of a calling code (none for a code of global services, such as +800). */
const regionsOf = (metadata: MetadataJson, code: string) => metadata.country_calling_codes[code];
const services = (metadata: MetadataJson) => (metadata as { nonGeographic?: Record<string, Plan> }).nonGeographic ?? {};
const knowsCode = (metadata: MetadataJson, code: string) =>
  Boolean(regionsOf(metadata, code) || services(metadata)[code]);
/** The plan of a calling code: its main region's, or the global service's. */
const planOfCode = (metadata: MetadataJson, code: string) =>
  planOf(metadata, regionsOf(metadata, code)?.[0]) ?? services(metadata)[code];

/**
 * The calling code the digits start with, of those `known` accepts: calling codes are one to three digits, and none
 * begins another, so the first one found is the one.
 */
export function callingCodeIn(digits: string, known: (code: string) => unknown): string | undefined {
  for (let length = 1; length <= 3 && length <= digits.length; length++) {
    const code = digits.slice(0, length);
    if (known(code)) return code;
  }
  return undefined;
}

/** How a national number's length compares with the lengths its plan allows. */
function lengthOf(national: string, plan: Plan): 'IS_POSSIBLE' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH' {
  const lengths = plan[3] as number[] | undefined;
  if (!lengths) return 'IS_POSSIBLE';
  const length = national.length;
  if (length === lengths[0]) return 'IS_POSSIBLE';
  if (length < lengths[0]!) return 'TOO_SHORT';
  if (length > lengths[lengths.length - 1]!) return 'TOO_LONG';
  return lengths.includes(length) ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
}

/** Whether a national number is of one of the plan's types of number (its pattern, and its lengths). */
function hasType(national: string, plan: Plan): boolean {
  if (!entirely(national, plan[2] as string)) return false;
  return ((plan[11] as (NumberType | 0 | null)[] | undefined) ?? []).some((type) => {
    const pattern = type ? type[0] : undefined;
    const lengths = (type ? type[1] : undefined) || (plan[3] as number[] | undefined);
    return !!pattern && (!lengths || lengths.includes(national.length)) && entirely(national, pattern);
  });
}

/**
 * The last answer of {@link regionOfNumber} that more data cannot change: a reading asks it up to three times for
 * the same number (the number, its prefix, its length), and +1's 25 regions are looked through at every keystroke.
 */
let lastRegion: { metadata: MetadataJson; code: string; national: string; found: string | undefined } | undefined;

/** The region of a calling code a national number belongs to: by its leading digits, or by its types of number. */
function regionOfNumber(metadata: MetadataJson, code: string, national: string): string | undefined {
  const regions = regionsOf(metadata, code);
  if (!regions || regions.length <= 1) return regions?.[0];
  const last = lastRegion;
  if (last && last.national === national && last.code === code && last.metadata === metadata) return last.found;
  // The first region that claims the number. A plain loop: +1 has 25 regions, looked through at every keystroke.
  const plans = metadata.countries as Record<string, Plan | undefined>;
  let found: string | undefined;
  // Remembered only when no region before the answer lacked its data: data is added to metadata, never taken out.
  let final = true;
  for (const region of regions) {
    const plan = plans[region];
    if (!plan) {
      final = false;
      continue;
    }
    const leading = plan[10] as string | undefined;
    if (leading ? !!national && compiledAtStart(leading).test(national) : hasType(national, plan)) {
      found = region;
      break;
    }
  }
  if (final) lastRegion = { metadata, code, national, found };
  return found;
}

/**
 * The national number without a national prefix (or a carrier code) before it, rewritten by the plan's transform rule
 * where it has one; the digits as they are when taking a prefix off would leave a number the plan cannot have.
 */
function withoutPrefix(digits: string, plan: Plan, metadata: MetadataJson): string {
  const pattern = (plan[7] || plan[5]) as string | undefined;
  const prefix = digits && pattern ? compiledAtStart(pattern) : undefined;
  const match = prefix?.exec(digits);
  if (!prefix || !match) return digits;
  const groups = match.length - 1;
  const national =
    plan[8] && groups > 0 && match[groups] ? digits.replace(prefix, plan[8] as string) : digits.slice(match[0].length);
  if (national === digits) return national;
  const nationalPattern = plan[2] as string;
  if (entirely(digits, nationalPattern) && !entirely(national, nationalPattern)) return digits;
  if (plan[3]) {
    const region = regionOfNumber(metadata, plan[0] as string, national);
    const length = lengthOf(national, planOf(metadata, region) ?? plan);
    if (length === 'TOO_SHORT' || length === 'INVALID_LENGTH') return digits;
  }
  return national;
}

/** The digits after the region's international access prefix ("00", "011"), unless a calling code cannot follow. */
export function withoutAccessPrefix(digits: string, plan: Plan): string | undefined {
  const match = plan[1] ? compiledAtStart(plan[1] as string).exec(digits) : null;
  if (!match) return undefined;
  const rest = digits.slice(match[0].length);
  return rest.startsWith('0') ? undefined : rest;
}

/** The calling code a number typed for `region` starts with, without `+` or an access prefix, when it does. */
function codeWithoutPlus(digits: string, plan: Plan, metadata: MetadataJson): string | undefined {
  const code = plan[0] as string;
  if (!digits.startsWith(code)) return undefined;
  const whole = withoutPrefix(digits, plan, metadata);
  const shorter = withoutPrefix(digits.slice(code.length), plan, metadata);
  const pattern = plan[2] as string;
  const fits = !entirely(whole, pattern) && entirely(shorter, pattern);
  return fits || lengthOf(whole, plan) === 'TOO_LONG' ? code : undefined;
}

type Reading = { problem: 'NOT_A_NUMBER' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_COUNTRY' } | { number: ReadNumber };

/**
 * Reads the digits for `region`: an international number (after `+`, the region's access prefix, or its calling code
 * typed without either) by its calling code, whose region the national number then tells; a national one as the
 * region's. What is wrong when they are no number, by libphonenumber-js's names.
 */
function read(digits: string, region: string | undefined, metadata: MetadataJson): Reading {
  // At least two digits, or three after a plus.
  if (!/^\d{2}$|^\+?\d{3,}$/.test(digits))
    return { problem: /^\+?\d{1,2}$/.test(digits) ? 'TOO_SHORT' : 'NOT_A_NUMBER' };
  const own = planOf(metadata, region);
  let number = digits;
  let code: string | undefined;
  if (!number.startsWith('+')) {
    const afterAccess = own ? withoutAccessPrefix(number, own) : undefined;
    if (afterAccess && afterAccess !== number) number = `+${afterAccess}`;
    else if (own) {
      code = codeWithoutPlus(number, own, metadata);
      if (code) number = number.slice(code.length);
    }
  }
  if (number.startsWith('+')) {
    if (number[1] === '0') return { problem: 'INVALID_COUNTRY' };
    code = callingCodeIn(number.slice(1), (known) => knowsCode(metadata, known));
    if (!code) return { problem: 'INVALID_COUNTRY' };
    number = number.slice(1 + code.length);
  }
  // A number with its calling code belongs to a region only as its national number tells.
  let found = region;
  let plan: Plan | undefined;
  if (code) {
    plan = planOfCode(metadata, code);
    found = undefined;
  } else if (own) {
    plan = own;
    code = own[0] as string;
  }
  if (!plan || !code) return { problem: 'INVALID_COUNTRY' };
  if (!number) return { problem: 'TOO_SHORT' };
  const national = withoutPrefix(number, plan, metadata);
  found = regionOfNumber(metadata, code, national) ?? found;
  if (national.length < MIN_NATIONAL) return { problem: 'TOO_SHORT' };
  if (national.length > MAX_NATIONAL) return { problem: 'TOO_LONG' };
  return { number: { callingCode: code, nationalNumber: national, ...(found ? { region: found } : {}) } };
}

/**
 * The number the digits are, read for `region` (a region the metadata holds, or none); undefined for digits that are
 * no phone number at all (too few, too many, a calling code nobody has).
 */
export function readPhoneNumber(digits: string, region: string | undefined, metadata: MetadataJson) {
  const reading = read(digits, planOf(metadata, region) ? region : undefined, metadata);
  return 'number' in reading ? reading.number : undefined;
}

/** Whether a number read is one its region (or its calling code's global service) can have. */
export function isValidNumber({ callingCode, nationalNumber, region }: ReadNumber, metadata: MetadataJson): boolean {
  const plan = (region ? planOf(metadata, region) : undefined) ?? planOfCode(metadata, callingCode);
  if (!plan) return false;
  const types = plan[11] as NumberType[] | undefined;
  return types?.length ? hasType(nationalNumber, plan) : entirely(nationalNumber, plan[2] as string);
}

/** What is wrong with the length of the digits read for `region`; undefined when their length is possible. */
export function lengthProblem(digits: string, region: string | undefined, metadata: MetadataJson) {
  if (region && !planOf(metadata, region)) return 'INVALID_COUNTRY';
  const reading = read(digits, region, metadata);
  if ('problem' in reading) return reading.problem as LengthProblem;
  const { callingCode, nationalNumber, region: found } = reading.number;
  const plan = (found ? planOf(metadata, found) : undefined) ?? planOfCode(metadata, callingCode);
  const length = plan ? lengthOf(nationalNumber, plan) : 'IS_POSSIBLE';
  return length === 'IS_POSSIBLE' ? undefined : (length as LengthProblem);
}

/**
 * What `lengthProblem` says of a number read, written with its calling code (`+${callingCode}${nationalNumber}`),
 * without writing it and reading it again: a calling code begins no other, so the same code is read, then the national
 * number as after any calling code.
 */
export function lengthProblemOf({ callingCode, nationalNumber }: ReadNumber, metadata: MetadataJson) {
  const plan = planOfCode(metadata, callingCode);
  if (!plan) return 'INVALID_COUNTRY';
  const national = withoutPrefix(nationalNumber, plan, metadata);
  const found = regionOfNumber(metadata, callingCode, national);
  if (national.length < MIN_NATIONAL) return 'TOO_SHORT';
  if (national.length > MAX_NATIONAL) return 'TOO_LONG';
  const length = lengthOf(national, (found ? planOf(metadata, found) : undefined) ?? plan);
  return length === 'IS_POSSIBLE' ? undefined : (length as LengthProblem);
}
