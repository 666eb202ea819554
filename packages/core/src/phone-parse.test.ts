import { test } from 'node:test';
import assert from 'node:assert/strict';
import examples from 'libphonenumber-js/mobile/examples';
import { parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode } from 'libphonenumber-js/core/es6';
import { isValidNumber, lengthProblem, lengthProblemOf, readPhoneNumber } from './phone-parse.js';
import { loadPhoneMetadata } from './phone.js';

// The metadata the elements load, all of it: the reference and ours read the same data.
const metadata = await loadPhoneMetadata();
const plans = metadata.countries as Record<string, readonly unknown[]>;
const regions = Object.keys(plans);

/** A small seeded generator, so a failure names an input that fails again. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

/** Digits as people type them for a region: example numbers in every way they are written, cut at every length. */
function* inputs(): Generator<[digits: string, region: string | undefined]> {
  const next = random(42);
  const digits = (length: number) => Array.from({ length }, () => Math.floor(next() * 10)).join('');
  for (const region of regions) {
    const plan = plans[region]!;
    const code = plan[0] as string;
    const prefix = (plan[5] as string | 0) || '';
    const number = (examples as Record<string, string>)[region] ?? digits(9);
    const other = regions[Math.floor(next() * regions.length)]!;
    const written = [
      `${prefix}${number}`,
      number,
      `+${code}${number}`,
      `00${code}${number}`,
      `011${code}${number}`,
      `${code}${number}`,
      `${code}${prefix}${number}`,
      `+${code}${prefix}${number}`,
      // A digit more, a digit less, a digit changed.
      `${prefix}${number}${digits(1)}`,
      `+${code}${number.slice(0, -1)}`,
      `${prefix}${digits(1)}${number.slice(1)}`,
      // Noise: any digits, with and without a plus, and another region's number.
      digits(1 + Math.floor(next() * 18)),
      `+${digits(1 + Math.floor(next() * 18))}`,
      `+0${digits(8)}`,
      `+${(plans[other]![0] as string) + ((examples as Record<string, string>)[other] ?? '')}`,
    ];
    for (const typed of written) {
      for (let length = 1; length <= typed.length; length++) {
        yield [typed.slice(0, length), region];
        if (length === typed.length || typed.startsWith('+')) yield [typed.slice(0, length), undefined];
      }
    }
  }
  for (const edge of ['', '+', '0', '00', '+0', '+1', '+12', '12', '123', '+999', '+80012345678', '+8001', '+'])
    for (const region of [undefined, 'US', 'GB']) yield [edge, region];
}

test('reads every input as libphonenumber-js parses it: calling code, national number, region and validity', () => {
  let compared = 0;
  for (const [digits, region] of inputs()) {
    const options = region ? { defaultCountry: region as CountryCode } : {};
    const expected = parsePhoneNumberFromString(digits, options, metadata);
    const ours = readPhoneNumber(digits, region, metadata);
    const what = `${digits} for ${region ?? 'no region'}`;
    assert.deepEqual(
      ours && { code: ours.callingCode, national: ours.nationalNumber, region: ours.region },
      expected && { code: expected.countryCallingCode, national: expected.nationalNumber, region: expected.country },
      what,
    );
    if (ours && expected) assert.equal(isValidNumber(ours, metadata), expected.isValid(), `${what}: valid`);
    compared++;
  }
  assert.ok(compared > 50_000, `only ${compared} inputs compared`);
});

test('says what is wrong with a length as libphonenumber-js does', () => {
  for (const [digits, region] of inputs()) {
    const options = region ? { defaultCountry: region as CountryCode } : {};
    assert.equal(
      lengthProblem(digits, region, metadata),
      validatePhoneNumberLength(digits, options, metadata),
      `${digits} for ${region ?? 'no region'}`,
    );
  }
  assert.equal(lengthProblem('612345678', 'XX', metadata), 'INVALID_COUNTRY');
});

test('says what is wrong with the length of a number read as of the number written with its calling code', () => {
  for (const [digits, region] of inputs()) {
    const read = readPhoneNumber(digits, region, metadata);
    if (!read) continue;
    const written = `+${read.callingCode}${read.nationalNumber}`;
    assert.equal(lengthProblemOf(read, metadata), lengthProblem(written, region, metadata), `${digits} for ${region}`);
  }
});

test('reads a few numbers as people expect', () => {
  assert.deepEqual(readPhoneNumber('0612345678', 'NL', metadata), {
    callingCode: '31',
    nationalNumber: '612345678',
    region: 'NL',
  });
  assert.deepEqual(readPhoneNumber('+447400123456', undefined, metadata)?.region, 'GB');
  assert.deepEqual(readPhoneNumber('+441624456789', undefined, metadata)?.region, 'IM');
  assert.equal(readPhoneNumber('0031612345678', 'DE', metadata)?.region, 'NL');
  assert.equal(readPhoneNumber('+0123', undefined, metadata), undefined);
  const argentina = readPhoneNumber('0111512345678', 'AR', metadata);
  assert.equal(argentina?.nationalNumber, '91112345678', "Argentina's 15 becomes the mobile 9");
  assert.equal(isValidNumber(argentina!, metadata), true);
});

test('a region whose data is added to the same metadata afterwards is found by its leading digits', () => {
  // A host's own loader may keep adding to one object: Jamaica's +1 876 is read as Jamaica's once its data is there.
  const countries = Object.fromEntries(Object.entries(plans).filter(([region]) => region !== 'JM'));
  const partial = { ...metadata, countries } as unknown as typeof metadata;
  const jamaican = '+18765550123';
  assert.equal(readPhoneNumber(jamaican, undefined, partial)?.region, undefined);
  Object.assign(partial.countries, { JM: plans.JM });
  assert.equal(readPhoneNumber(jamaican, undefined, partial)?.region, 'JM');
  assert.equal(readPhoneNumber(jamaican, undefined, metadata)?.region, 'JM');
});
