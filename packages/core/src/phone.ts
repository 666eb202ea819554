/**
 * Phone-number helpers over libphonenumber-js's metadata: read whatever a person types or pastes, format it as
 * they type (phone-layout.ts), validate it with a reason (phone-parse.ts), and mask a number for display. Every
 * helper takes the metadata explicitly so that the (large) metadata can be loaded when it is needed, see
 * {@link loadPhoneMetadata}.
 */
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core/es6';
import {
  callingCodes,
  chunkLoaders,
  chunkStarts,
  metadataVersion,
  nonGeographicCodes,
} from './generated/phone-metadata/index.js';
import { toAsciiDigits } from './digits.js';
import { layOutInternational, layOutPhoneNumber } from './phone-layout.js';
import {
  callingCodeIn,
  isValidNumber,
  lengthProblem,
  lengthProblemOf,
  planOf,
  readPhoneNumber,
  withoutAccessPrefix,
  type ReadNumber,
} from './phone-parse.js';

export { toAsciiDigits };

export type PhoneMetadata = MetadataJson;

/** Why a phone number is not accepted. */
export type PhoneProblem =
  | 'required'
  | 'not-a-number'
  | 'too-short'
  | 'too-long'
  | 'invalid-for-region'
  | 'region-required'
  | 'region-not-allowed';

export interface PhoneCheckOptions {
  /** The region chosen in the form (ISO 3166-1 alpha-2), used for national numbers. */
  region?: string;
  /** Regions a number may belong to; all when absent. */
  allowedRegions?: readonly string[];
}

export type PhoneCheck =
  | { valid: true; e164: string; region: string; nationalNumber: string }
  | { valid: false; problem: PhoneProblem; region?: string };

/** Longer input than any phone number, however formatted: analysed no further. */
const MAX_INPUT = 64;

// Characters that may stand between the digits of a phone number as people write it.
// All of them in the Basic Multilingual Plane: no Unicode flag, whose matching is slower.
const SEPARATORS = /[\s.\-‐-―−()[\]/\\\u00a0\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Reduces what a person typed or pasted to `+` and ASCII digits: drops a `tel:` scheme and its
 * parameters, decodes `%2B`, maps native digits, removes separators. Returns `null` when something other
 * than a phone number remains (letters, emoji, markup).
 */
export function normalizePhoneInput(raw: string): string | null {
  let text = toAsciiDigits(raw.trim());
  const tel = /^tel:/i.exec(text);
  if (tel) {
    text = text.slice(tel[0].length).split(';')[0] ?? '';
    try {
      text = decodeURIComponent(text);
    } catch {
      return null;
    }
  }
  text = text.replace(SEPARATORS, '');
  if (!/^\+?\d*$/.test(text)) return null;
  return text;
}

const regionOf = (region: string | undefined, metadata: PhoneMetadata): CountryCode | undefined => {
  const upper = region?.toUpperCase();
  return upper && upper in metadata.countries ? (upper as CountryCode) : undefined;
};

let callingCodeByRegion: Map<string, string> | undefined;

/** Every region a phone number can belong to (245), as ISO 3166-1 alpha-2 codes. Needs no metadata. */
export function phoneRegions(): string[] {
  return Object.values(callingCodes).flat();
}

/** The calling code of a region without `+` (`"31"` for NL), or undefined for a region it does not know. */
export function callingCodeOf(region: string): string | undefined {
  callingCodeByRegion ??= new Map(
    Object.entries(callingCodes).flatMap(([code, regions]) => regions.map((r) => [r, code] as const)),
  );
  return callingCodeByRegion.get(region.toUpperCase());
}

const nonGeographic = new Set(nonGeographicCodes);

/** The calling code an international number's digits start with ("4420…" -> "44"), if there is one. */
const leadingCallingCode = (digits: string) =>
  callingCodeIn(digits, (code) => callingCodes[code] || nonGeographic.has(code));

/**
 * The calling codes whose metadata the helpers need for this input and region: the region's own, and the
 * one an international number starts with (`+44…`, `0044…`, `011 44…`).
 */
export function phoneCallingCodesFor(raw: string, region?: string): string[] {
  return codesFor(normalizePhoneInput(raw.slice(0, MAX_INPUT * 4)), region);
}

/** {@link phoneCallingCodesFor} of input normalized already. */
function codesFor(digits: string | null, region?: string): string[] {
  const codes = new Set<string>();
  const own = region ? callingCodeOf(region) : undefined;
  if (own) codes.add(own);
  if (digits) {
    const prefix = digits.startsWith('+') ? '+' : INTERNATIONAL_PREFIXES.find((p) => digits.startsWith(p));
    const code = prefix === undefined ? undefined : leadingCallingCode(digits.slice(prefix.length));
    if (code) codes.add(code);
  }
  return [...codes];
}

/**
 * The calling codes found in each metadata object, asked about several times per keystroke (+1 alone has 25 regions
 * to look for). Only codes found are remembered: data is added to metadata (a load makes a new object, a host's own
 * loader may add to the same one), never taken out, so a code found stays found and one missing is looked for again.
 */
const found = new WeakMap<PhoneMetadata, Set<string>>();

function hasCallingCode(code: string, metadata: PhoneMetadata): boolean {
  let codes = found.get(metadata);
  if (codes?.has(code)) return true;
  const has = nonGeographic.has(code)
    ? Boolean((metadata.nonGeographic as Record<string, unknown> | undefined)?.[code])
    : (callingCodes[code] ?? []).every((region) => region in metadata.countries);
  if (has) {
    if (!codes) found.set(metadata, (codes = new Set()));
    codes.add(code);
  }
  return has;
}

/**
 * The calling codes this input and region need that `metadata` does not hold yet (all of them without
 * metadata): load them with {@link loadPhoneMetadataFor} before relying on the other helpers. Empty with the
 * full metadata. Once the region's own data is here, a number dialled with its own international access prefix
 * (`010` in Japan, `0011` in Australia, `810` in Russia) needs its calling code's data too.
 */
export function missingPhoneData(raw: string, region: string | undefined, metadata?: PhoneMetadata): string[] {
  return missingFor(normalizePhoneInput(raw.slice(0, MAX_INPUT * 4)), region, metadata);
}

/**
 * The last input found to need nothing more of its metadata: a field asks for the same digits twice per keystroke
 * (to format them, then to check them). Only "nothing missing" is remembered: data is added, never taken out.
 */
let lastLoaded: { digits: string | null; region: string | undefined; metadata: PhoneMetadata } | undefined;

/** {@link missingPhoneData} of input normalized already. */
function missingFor(digits: string | null, region: string | undefined, metadata?: PhoneMetadata): string[] {
  const last = lastLoaded;
  if (last && last.digits === digits && last.region === region && last.metadata === metadata) return [];
  const codes = codesFor(digits, region);
  if (!metadata) return codes;
  const plan = planOf(metadata, region?.toUpperCase());
  const dialled = plan && digits && !digits.startsWith('+') ? withoutAccessPrefix(digits, plan) : undefined;
  const code = dialled ? leadingCallingCode(dialled) : undefined;
  if (code && !codes.includes(code)) codes.push(code);
  const missing = codes.filter((known) => !hasCallingCode(known, metadata));
  if (missing.length === 0) lastLoaded = { digits, region, metadata };
  return missing;
}

/**
 * International access prefixes people dial instead of `+`; tried when a number does not read as a
 * national number of the chosen region (`0031…` typed with no region, `011…` from North America).
 */
const INTERNATIONAL_PREFIXES = ['00', '011'];

/** The number the digits are, and whether it is valid: as read for the region, else after an access prefix. */
function parseNormalized(digits: string, region: CountryCode | undefined, metadata: PhoneMetadata) {
  const parsed = readPhoneNumber(digits, region, metadata);
  const valid = !!parsed && isValidNumber(parsed, metadata);
  if (valid || digits.startsWith('+')) return { parsed, valid };
  for (const prefix of INTERNATIONAL_PREFIXES) {
    if (!digits.startsWith(prefix)) continue;
    const intl = readPhoneNumber(`+${digits.slice(prefix.length)}`, undefined, metadata);
    if (intl && isValidNumber(intl, metadata)) return { parsed: intl, valid: true };
  }
  return { parsed, valid };
}

const e164Of = ({ callingCode, nationalNumber }: ReadNumber) => `+${callingCode}${nationalNumber}`;

const LENGTH_PROBLEMS: Record<string, PhoneProblem> = {
  TOO_SHORT: 'too-short',
  TOO_LONG: 'too-long',
  NOT_A_NUMBER: 'too-short',
  INVALID_LENGTH: 'invalid-for-region',
  INVALID_COUNTRY: 'region-required',
};

/**
 * Validates a phone number as typed or pasted, with the reason when it is not accepted. A number written
 * with a country calling code (`+44…`, `0044…`) belongs to that code's region, whatever region was chosen.
 */
export function checkPhoneNumber(raw: string, options: PhoneCheckOptions, metadata: PhoneMetadata): PhoneCheck {
  if (raw.trim() === '') return { valid: false, problem: 'required' };
  if (raw.length > MAX_INPUT * 4) return { valid: false, problem: 'too-long' };
  const digits = normalizePhoneInput(raw);
  const missing = missingFor(digits, options.region, metadata);
  if (missing.length > 0) {
    throw new RangeError(`The phone metadata of +${missing.join(', +')} is not loaded: see loadPhoneMetadataFor().`);
  }
  return checkDigits(raw, digits, options, metadata);
}

/**
 * {@link checkPhoneNumber} once `metadata` holds what the number and region need (see {@link missingPhoneData}),
 * else undefined: a field asks both at every keystroke, and this reads what was typed once for the two.
 */
export function checkLoadedPhoneNumber(
  raw: string,
  options: PhoneCheckOptions,
  metadata: PhoneMetadata,
): PhoneCheck | undefined {
  const digits = normalizePhoneInput(raw.slice(0, MAX_INPUT * 4));
  if (missingFor(digits, options.region, metadata).length > 0) return undefined;
  return checkDigits(raw, digits, options, metadata);
}

/**
 * {@link checkPhoneNumber} of `raw` normalized (the whole of it when it is not too long to be read), with the
 * metadata it needs.
 */
function checkDigits(
  raw: string,
  digits: string | null,
  options: PhoneCheckOptions,
  metadata: PhoneMetadata,
): PhoneCheck {
  if (raw.trim() === '') return { valid: false, problem: 'required' };
  if (raw.length > MAX_INPUT * 4) return { valid: false, problem: 'too-long' };
  if (digits === null) return { valid: false, problem: 'not-a-number' };
  if (digits.replace('+', '') === '') return { valid: false, problem: 'required' };
  if (digits.length > MAX_INPUT) return { valid: false, problem: 'too-long' };
  const chosen = regionOf(options.region, metadata);
  if (!digits.startsWith('+') && !chosen && !INTERNATIONAL_PREFIXES.some((p) => digits.startsWith(p))) {
    return { valid: false, problem: 'region-required' };
  }
  const { parsed, valid } = parseNormalized(digits, chosen, metadata);
  const region = parsed?.region ?? chosen;
  if (!parsed || !valid) {
    const length = parsed ? lengthProblemOf(parsed, metadata) : lengthProblem(digits, chosen, metadata);
    let problem = (length && LENGTH_PROBLEMS[length]) || 'invalid-for-region';
    // A calling code that no region has is a wrong number, not a missing region.
    if (problem === 'region-required' && digits.startsWith('+')) problem = 'invalid-for-region';
    return region ? { valid: false, problem, region } : { valid: false, problem };
  }
  if (!region) return { valid: false, problem: 'invalid-for-region' };
  if (options.allowedRegions && !options.allowedRegions.some((r) => r.toUpperCase() === region)) {
    return { valid: false, problem: 'region-not-allowed', region };
  }
  return { valid: true, e164: e164Of(parsed), region, nationalNumber: parsed.nationalNumber };
}

export interface FormattedInput {
  /** The text to show. */
  text: string;
  /** Where the caret goes in `text`: after as many digits as stood before it in the input. */
  caret: number;
  /** The region the digits so far belong to, when they carry a calling code that tells it. */
  region?: string;
}

const isDigit = (ch: string) => ch >= '0' && ch <= '9';

/**
 * Formats a number as the person types, keeping the caret after the same digit it followed. Input that is
 * not a phone number is returned as it is, so nothing the person typed disappears under them.
 */
export function formatAsYouType(
  raw: string,
  caret: number,
  region: string | undefined,
  metadata: PhoneMetadata,
): FormattedInput {
  const ascii = toAsciiDigits(raw);
  const digits = normalizePhoneInput(ascii);
  if (digits === null || digits.length > MAX_INPUT || /^tel:/i.test(ascii.trim())) {
    return { text: raw, caret: Math.min(caret, raw.length) };
  }
  // Without the data of the number's calling code, it stays as typed (the caller loads it and asks again).
  if (missingFor(digits, region, metadata).length > 0) return { text: raw, caret: Math.min(caret, raw.length) };
  const before = ascii.slice(0, caret);
  // The digits (and plus) before the caret, by UTF-16 unit: a character outside the Basic Multilingual Plane is neither.
  let digitsBefore = 0;
  for (let i = 0; i < before.length; i++) if (isDigit(before[i]!) || before[i] === '+') digitsBefore++;
  const laid = layOutPhoneNumber(digits, regionOf(region, metadata), metadata);
  const text = laid.text;
  let position = 0;
  let seen = 0;
  while (position < text.length && seen < digitsBefore) {
    const ch = text[position++]!;
    if (isDigit(ch) || ch === '+') seen++;
  }
  return laid.region ? { text, caret: position, region: laid.region } : { text, caret: position };
}

/**
 * Shows a number without revealing it: the calling code, the first group when it is short, and the last
 * digits (`+31 6 •••• 5678`). Without metadata, or for a number it cannot read, only the last digits.
 */
export function maskPhoneNumber(e164: string, metadata?: PhoneMetadata): string {
  const digits = normalizePhoneInput(e164) ?? '';
  const tail = (n: string) => n.slice(-(n.length > 6 ? 4 : 2));
  const covers = (data: PhoneMetadata | undefined): data is PhoneMetadata =>
    !!data && digits.startsWith('+') && missingPhoneData(digits, undefined, data).length === 0;
  // What this page loaded already (the phone step loads a number's data before it can submit it) counts too, so a
  // number is masked complete the first time it is shown, not first by its last digits and then in full.
  const data = covers(metadata) ? metadata : covers(partial) ? partial : undefined;
  // "+31 6 12345678": the calling code, then the national number in its groups.
  const [code, ...groups] = (data && layOutInternational(digits, data)?.split(' ')) || [];
  const national = groups.join('');
  if (!code || national.length < 2) return `•••• ${tail(digits.replace('+', ''))}`;
  const first = groups.length >= 2 && groups[0]!.length <= 3 && national.length >= 8 ? `${groups[0]} ` : '';
  return `${code} ${first}•••• ${tail(national)}`;
}

/** The chunk of the metadata that holds a calling code: the last one whose first code sorts before it. */
function chunkOf(code: string): number {
  let chunk = 0;
  while (chunk + 1 < chunkStarts.length && chunkStarts[chunk + 1]! <= code) chunk++;
  return chunk;
}

let partial = {
  version: metadataVersion,
  country_calling_codes: callingCodes,
  countries: {},
  nonGeographic: {},
} as unknown as PhoneMetadata;
const loading = new Map<number, Promise<void>>();

/**
 * Loads the metadata of the given calling codes (see {@link phoneCallingCodesFor}) in chunks of about 2 kB
 * gzipped, each a range of calling codes, and resolves to the metadata of everything loaded so far: a new
 * object whenever something was added. A chunk that failed to load (offline) is tried again at the next call.
 */
export async function loadPhoneMetadataFor(codes: readonly string[]): Promise<PhoneMetadata> {
  const known = codes.filter((code) => callingCodes[code] || nonGeographic.has(code));
  const chunks = new Set(known.filter((code) => !hasCallingCode(code, partial)).map(chunkOf));
  await Promise.all(
    [...chunks].map((chunk) => {
      let pending = loading.get(chunk);
      if (!pending) {
        pending = chunkLoaders[chunk]!().then(
          ({ default: group }) => {
            const { countries, nonGeographic: services } = partial as unknown as Record<string, object>;
            partial = {
              ...partial,
              countries: { ...countries, ...group.countries },
              nonGeographic: { ...services, ...group.nonGeographic },
            } as unknown as PhoneMetadata;
          },
          (error: unknown) => {
            loading.delete(chunk);
            throw error;
          },
        );
        loading.set(chunk, pending);
      }
      return pending;
    }),
  );
  return partial;
}

/**
 * Loads all the phone metadata (about 80 kB, 18.5 kB gzipped): for servers and tools. A page loads only what
 * a number needs with {@link loadPhoneMetadataFor}.
 */
export function loadPhoneMetadata(): Promise<PhoneMetadata> {
  return loadPhoneMetadataFor([...Object.keys(callingCodes), ...nonGeographicCodes]);
}
