import { test } from 'node:test';
import assert from 'node:assert/strict';
import metadataJson from 'libphonenumber-js/min/metadata';
import examples from 'libphonenumber-js/mobile/examples';
import { AsYouType, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/core/es6';
import {
  callingCodeOf,
  checkLoadedPhoneNumber,
  checkPhoneNumber,
  formatAsYouType,
  loadPhoneMetadataFor,
  maskPhoneNumber,
  missingPhoneData,
  normalizePhoneInput,
  phoneRegions,
  toAsciiDigits,
  type PhoneMetadata,
} from './phone.js';

const metadata = metadataJson as PhoneMetadata;
const ok = (raw: string, region?: string) => {
  const result = checkPhoneNumber(raw, region ? { region } : {}, metadata);
  assert.ok(result.valid, `${raw} (${region}) gave ${JSON.stringify(result)}`);
  return result;
};
const problem = (raw: string, region?: string, allowedRegions?: string[]) => {
  const result = checkPhoneNumber(
    raw,
    { ...(region ? { region } : {}), ...(allowedRegions ? { allowedRegions } : {}) },
    metadata,
  );
  assert.ok(!result.valid, `${raw} should be refused`);
  return result.problem;
};

test('245 regions, each with a calling code', () => {
  const regions = phoneRegions();
  assert.equal(regions.length, 245);
  for (const region of regions) assert.match(callingCodeOf(region) ?? '', /^\d{1,3}$/);
  assert.equal(callingCodeOf('nl'), '31');
  assert.equal(callingCodeOf('XX'), undefined);
});

test('native digits of many scripts become ASCII', () => {
  assert.equal(toAsciiDigits('０６ ٠٦ ۰۶ ०६ ๐๖'), '06 06 06 06 06');
  assert.equal(toAsciiDigits('＋31'), '+31');
});

test('normalizePhoneInput strips formatting and tel: links, refuses letters and markup', () => {
  assert.equal(normalizePhoneInput(' +31 (0)6-12.34/56 78 '), '+310612345678');
  assert.equal(normalizePhoneInput('tel:+31-6-1234-5678;ext=12'), '+31612345678');
  assert.equal(normalizePhoneInput('TEL:%2B31612345678'), '+31612345678');
  assert.equal(normalizePhoneInput('\u202a+31 6 12345678\u202c'), '+31612345678');
  assert.equal(normalizePhoneInput('06 12 34 abc'), null);
  assert.equal(normalizePhoneInput('<script>alert(1)</script>'), null);
  assert.equal(normalizePhoneInput('📞 0612345678'), null);
  assert.equal(normalizePhoneInput('tel:%E0%A4%A'), null);
  assert.equal(normalizePhoneInput('++31'), null);
});

test('the example mobile number of every region, typed in national format, gives its E.164', () => {
  let checked = 0;
  for (const region of phoneRegions()) {
    const national = (examples as Record<string, string>)[region];
    if (!national) continue;
    const formatted = new AsYouType(region as CountryCode, metadata).input(national);
    const result = checkPhoneNumber(formatted, { region }, metadata);
    const expected = `+${callingCodeOf(region)}${national}`;
    // Regions that share a calling code report the one the number belongs to; the number is the same.
    assert.ok(result.valid, `${region} ${formatted}: ${JSON.stringify(result)}`);
    assert.equal(
      result.e164,
      expected.replace(/^\+(\d+)0(?=\d)/, (m, cc) => (result.e164.startsWith(`+${cc}0`) ? m : `+${cc}`)),
    );
    checked++;
  }
  assert.ok(checked > 240, `only ${checked} examples`);
});

test('every way people paste a Dutch mobile number gives the same E.164', () => {
  for (const [raw, region] of [
    ['+31 6 12345678', undefined],
    ['0031 6 12345678', undefined],
    ['0031612345678', 'NL'],
    ['011 31 6 1234 5678', 'US'],
    ['06-12345678', 'NL'],
    ['(06) 12 34 56 78', 'NL'],
    ['06.12.34.56.78', 'NL'],
    ['612345678', 'NL'],
    ['tel:+31-6-1234-5678', undefined],
    ['０６１２３４５６７８', 'NL'],
    ['٠٦١٢٣٤٥٦٧٨', 'NL'],
    ['۰۶۱۲۳۴۵۶۷۸', 'NL'],
  ] as const) {
    const result = ok(raw, region);
    assert.equal(result.e164, '+31612345678', raw);
    assert.equal(result.region, 'NL', raw);
    assert.equal(result.nationalNumber, '612345678');
  }
});

test('a calling code switches the region, whatever was chosen', () => {
  assert.equal(ok('+44 7400 123456', 'NL').region, 'GB');
  assert.equal(ok('+1 613 555 0123', 'US').region, 'CA');
});

test('each reason a number is refused', () => {
  assert.equal(problem('', 'NL'), 'required');
  assert.equal(problem('   ', 'NL'), 'required');
  assert.equal(problem('+', 'NL'), 'required');
  assert.equal(problem('0612', 'NL'), 'too-short');
  assert.equal(problem('061234567890123', 'NL'), 'too-long');
  assert.equal(problem('1'.repeat(10_000), 'NL'), 'too-long');
  assert.equal(problem('abc', 'NL'), 'not-a-number');
  assert.equal(problem('<img src=x onerror=alert(1)>', 'NL'), 'not-a-number');
  assert.equal(problem('0612345678'), 'region-required');
  assert.equal(problem('+999 1234 5678'), 'invalid-for-region');
  assert.equal(problem('(123) 456-7890', 'US'), 'invalid-for-region');
  assert.equal(problem('+32 470 12 34 56', 'NL', ['NL']), 'region-not-allowed');
});

test('checkLoadedPhoneNumber checks a number as checkPhoneNumber does once its data is here, and is undefined before', () => {
  const plans = metadata.countries as Record<string, unknown>;
  // Only the data of +1's main region and +31: a field's metadata before the rest of it is loaded.
  const partial = { ...metadata, countries: { US: plans.US, NL: plans.NL } } as PhoneMetadata;
  const typed = [
    '',
    ' ',
    '+',
    '0612345678',
    '06 1234',
    '+31612345678',
    '0031612345678',
    '+44 7400 123456',
    '011 44 7400',
    '(201) 555-0123',
    '+1 613 555 0123',
    '201',
    'abc',
    '1'.repeat(300),
    '+999 1234',
    '+'.padEnd(70, '4'),
  ];
  for (const data of [metadata, partial]) {
    for (const raw of typed) {
      for (const region of [undefined, 'NL', 'US', 'GB', 'nl']) {
        for (const allowedRegions of [undefined, ['NL']]) {
          const options = { region, ...(allowedRegions ? { allowedRegions } : {}) };
          const loaded = missingPhoneData(raw, region, data).length === 0;
          assert.deepEqual(
            checkLoadedPhoneNumber(raw, options, data),
            loaded ? checkPhoneNumber(raw, options, data) : undefined,
            `${raw} for ${region ?? 'no region'}`,
          );
        }
      }
    }
  }
});

test("the answers remembered between a keystroke's format and check follow the metadata asked with and its data added later", () => {
  const plans = metadata.countries as Record<string, unknown>;
  const partial = { ...metadata, countries: { US: plans.US } } as PhoneMetadata;
  const typed = '+1 613 555 0123';
  // Asked of the whole data first, then of data without Canada: the first answers are not given for the second.
  assert.deepEqual(missingPhoneData(typed, 'US', metadata), []);
  assert.deepEqual(checkLoadedPhoneNumber(typed, { region: 'US' }, metadata), {
    valid: true,
    e164: '+16135550123',
    region: 'CA',
    nationalNumber: '6135550123',
  });
  assert.deepEqual(missingPhoneData(typed, 'US', partial), ['1']);
  assert.equal(checkLoadedPhoneNumber(typed, { region: 'US' }, partial), undefined);
  // The same object given the rest of +1's data (a host's loader adding to it): answered as with the whole data.
  const added = partial.countries as Record<string, unknown>;
  for (const [region, plan] of Object.entries(plans)) if ((plan as unknown[])[0] === '1') added[region] = plan;
  assert.deepEqual(missingPhoneData(typed, 'US', partial), []);
  assert.equal(checkLoadedPhoneNumber(typed, { region: 'US' }, partial)?.region, 'CA');
});

test('formatAsYouType formats and keeps the caret after the same digit', () => {
  assert.deepEqual(formatAsYouType('0612345678', 10, 'NL', metadata), { text: '06 12345678', caret: 11, region: 'NL' });
  // Caret after "201" in the middle of a US number.
  const us = formatAsYouType('2015550123', 3, 'US', metadata);
  assert.equal(us.text, '(201) 555-0123');
  assert.equal(us.text.slice(0, us.caret).replace(/\D/g, ''), '201');
  // A calling code tells the region.
  assert.equal(formatAsYouType('+447400123456', 13, undefined, metadata).region, 'GB');
  // Caret at the start stays there.
  assert.equal(formatAsYouType('0612345678', 0, 'NL', metadata).caret, 0);
});

test('formatAsYouType leaves input that is not a number as typed', () => {
  assert.deepEqual(formatAsYouType('06 12ab', 7, 'NL', metadata), { text: '06 12ab', caret: 7 });
  const long = '9'.repeat(10_000);
  assert.equal(formatAsYouType(long, 3, 'NL', metadata).text, long);
});

test('maskPhoneNumber keeps the calling code, a short first group and the last digits', () => {
  assert.equal(maskPhoneNumber('+31612345678', metadata), '+31 6 •••• 5678');
  assert.equal(maskPhoneNumber('+12015550123', metadata), '+1 201 •••• 0123');
  assert.equal(maskPhoneNumber('+447400123456', metadata), '+44 •••• 3456');
  assert.equal(maskPhoneNumber('+31612345678'), '•••• 5678');
  assert.equal(maskPhoneNumber('nonsense', metadata), '•••• ');
  for (const number of ['+31612345678', '+12015550123', '+447400123456']) {
    assert.ok(!maskPhoneNumber(number, metadata).includes(number.slice(-8, -4)), number);
  }
});

test('maskPhoneNumber groups every region’s example number as libphonenumber-js’s international format does', () => {
  let masked = 0;
  for (const [region, national] of Object.entries(examples as Record<string, string>)) {
    const e164 = `+${callingCodeOf(region)}${national}`;
    const parsed = parsePhoneNumberFromString(e164, {}, metadata)!;
    const groups = parsed.formatInternational().split(' ');
    const first = groups.length >= 3 && groups[1]!.length <= 3 && national.length >= 8 ? `${groups[1]} ` : '';
    const tail = national.slice(-(national.length > 6 ? 4 : 2));
    assert.equal(maskPhoneNumber(e164, metadata), `${groups[0]} ${first}•••• ${tail}`, e164);
    masked++;
  }
  assert.ok(masked > 240, `only ${masked} examples`);
});

test('maskPhoneNumber masks a number complete once this page loaded its data, even when the caller has none yet', async () => {
  await loadPhoneMetadataFor(['31']);
  assert.equal(maskPhoneNumber('+31612345678'), '+31 6 •••• 5678');
  assert.equal(maskPhoneNumber('+31612345678', undefined), '+31 6 •••• 5678');
});
