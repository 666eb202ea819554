import { test } from 'node:test';
import assert from 'node:assert/strict';
import metadataJson from 'libphonenumber-js/min/metadata';
import examples from 'libphonenumber-js/mobile/examples';
import { AsYouType, type CountryCode, type MetadataJson } from 'libphonenumber-js/core/es6';
import { layOutPhoneNumber } from './phone-layout.js';

const metadata = metadataJson as MetadataJson;
const plans = metadata.countries as Record<string, readonly unknown[]>;
const digitsOf = (text: string) => text.replace(/[^+\d]/g, '');

/** Every example mobile number of every region, as typed at home (with the national prefix) and with `+`. */
function* typedExamples(): Generator<[typed: string, region: string | undefined, home: string]> {
  for (const [region, number] of Object.entries(examples as Record<string, string>)) {
    const plan = plans[region];
    if (!plan) continue;
    yield [`+${plan[0] as string}${number}`, undefined, region];
    yield [`${(plan[5] as string | 0) || ''}${number}`, region, region];
  }
}

test('lays out every region’s example number, at every length as it is typed, as libphonenumber-js’s AsYouType does', () => {
  let compared = 0;
  for (const [typed, region] of typedExamples()) {
    for (let length = 1; length <= typed.length; length++) {
      const digits = typed.slice(0, length);
      const expected = new AsYouType(region as CountryCode | undefined, metadata).input(digits);
      assert.equal(
        layOutPhoneNumber(digits, region, metadata).text,
        expected,
        `${digits} typed for ${region ?? 'no region'}`,
      );
      compared++;
    }
  }
  // 245 regions, two ways, about ten lengths each.
  assert.ok(compared > 5000, `only ${compared} inputs compared`);
});

test('tells the region of an international number once its digits do, and never another than AsYouType', () => {
  for (const [typed, , home] of typedExamples()) {
    if (!typed.startsWith('+')) continue;
    const whole = layOutPhoneNumber(typed, undefined, metadata).region;
    const reference = new AsYouType(undefined, metadata);
    reference.input(typed);
    assert.equal(whole, reference.getCountry(), `${typed}, a number of ${home}`);
    for (let length = 2; length < typed.length; length++) {
      const partial = new AsYouType(undefined, metadata);
      partial.input(typed.slice(0, length));
      const found = layOutPhoneNumber(typed.slice(0, length), undefined, metadata).region;
      const expected = partial.getCountry();
      if (found && expected) assert.equal(found, expected, typed.slice(0, length));
    }
  }
  assert.equal(layOutPhoneNumber('+31', undefined, metadata).region, 'NL');
  assert.equal(layOutPhoneNumber('+4416245', undefined, metadata).region, 'IM');
  assert.equal(layOutPhoneNumber('+79123', undefined, metadata).region, 'RU');
  assert.equal(layOutPhoneNumber('+447400123456', undefined, metadata).region, 'GB');
  // +1 is shared by two dozen regions: not one until the number says which.
  assert.equal(layOutPhoneNumber('+1201555', undefined, metadata).region, undefined);
  assert.equal(layOutPhoneNumber('+16135550123', undefined, metadata).region, 'CA');
});

test('known layouts: a national prefix, parentheses, an international access prefix, a short number', () => {
  const laid = (digits: string, region?: string) => layOutPhoneNumber(digits, region, metadata).text;
  assert.equal(laid('0612345678', 'NL'), '06 12345678');
  assert.equal(laid('061', 'NL'), '06 1');
  assert.equal(laid('+31612345678'), '+31 6 12345678');
  assert.equal(laid('+31'), '+31');
  assert.equal(laid('+3'), '+3');
  assert.equal(laid('+'), '+');
  assert.equal(laid('20', 'US'), '20');
  assert.equal(laid('201', 'US'), '(201)');
  assert.equal(laid('20155', 'US'), '(201) 55');
  assert.equal(laid('2015550123', 'US'), '(201) 555-0123');
  assert.equal(laid('12015550123', 'US'), '1 (201) 555-0123');
  assert.equal(laid('+12015550123'), '+1 201 555 0123');
  assert.equal(laid('01131612345678', 'US'), '011 31 6 12345678');
  assert.equal(laid('0201234', 'GB'), '020 1234');
  assert.equal(laid('89121234567', 'RU'), '8 (912) 123-45-67');
  assert.equal(laid('0612345678', 'FR'), '06 12 34 56 78');
  assert.equal(laid('221234567', 'CL'), '(2) 2123 4567');
  // A number typed without the prefix its format writes is left as it is (the Netherlands writes 06).
  assert.equal(laid('612345678', 'NL'), '612345678');
});

test('never changes, adds or drops a digit, whatever is typed for whichever region', () => {
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (const [region, plan] of Object.entries(plans)) {
    for (let round = 0; round < 30; round++) {
      // National numbers, numbers after + and after the region's international access prefix, of any length.
      const lead = ['', '+', `${(plan[5] as string | 0) || ''}`, '00', '011'][round % 5]!;
      let digits = lead;
      const length = 1 + Math.floor(random() * 17);
      while (digits.length < lead.length + length) digits += String(Math.floor(random() * 10));
      const text = layOutPhoneNumber(digits, lead === '+' ? undefined : region, metadata).text;
      assert.equal(digitsOf(text), digits, `${digits} for ${region} became ${text}`);
    }
  }
  // Argentina's mobile format writes a 15 of its own, and Anguilla's reading adds an area code: left as typed.
  assert.equal(layOutPhoneNumber('0911234', 'AR', metadata).text, '0911234');
  assert.equal(layOutPhoneNumber('2351234', 'AI', metadata).text, '2351234');
});

test('a region or calling code the metadata does not hold leaves the digits as they are', () => {
  assert.deepEqual(layOutPhoneNumber('0612345678', 'ZZ', metadata), { text: '0612345678' });
  assert.deepEqual(layOutPhoneNumber('0612345678', undefined, metadata), { text: '0612345678' });
  assert.deepEqual(layOutPhoneNumber('+999123', undefined, metadata), { text: '+999123' });
  const empty = { ...metadata, countries: {}, nonGeographic: {} } as MetadataJson;
  assert.deepEqual(layOutPhoneNumber('+31612345678', undefined, empty), { text: '+31612345678' });
});
