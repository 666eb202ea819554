// The helpers with part of the metadata, as a page has it: what a number needs is loaded before it is read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPhoneNumber, formatAsYouType, loadPhoneMetadataFor, missingPhoneData } from './phone.js';

test("a number dialled with the region's own international access prefix asks for its calling code's data", async () => {
  // Japan dials abroad with 010, Australia with 0011, Russia with 810: none of them "00" or "011".
  const cases = [
    ['JP', '81', '010 44 20 7946 0958'],
    ['AU', '61', '0011 44 20 7946 0958'],
    ['RU', '7', '810 44 20 7946 0958'],
  ] as const;
  for (const [region, own, dialled] of cases) {
    const home = await loadPhoneMetadataFor([own]);
    // Australia's 0011 also reads as 00 and then +1, which is asked for too (a chunk more, read or not).
    assert.ok(missingPhoneData(dialled, region, home).includes('44'), `${dialled} for ${region}`);
    assert.throws(() => checkPhoneNumber(dialled, { region }, home), RangeError, 'read before its data is here');
    assert.equal(formatAsYouType(dialled, dialled.length, region, home).text, dialled, 'left as typed meanwhile');
  }
  const both = await loadPhoneMetadataFor(['44', '1']);
  for (const [region, , dialled] of cases) {
    assert.deepEqual(missingPhoneData(dialled, region, both), []);
    assert.deepEqual(checkPhoneNumber(dialled, { region }, both), {
      valid: true,
      e164: '+442079460958',
      region: 'GB',
      nationalNumber: '2079460958',
    });
  }
});

test('metadata a host adds to in place is read afresh: a calling code missing before is found once it is there', async () => {
  // A subclass of the phone field may load data its own way, into one object it keeps adding to.
  const loaded = await loadPhoneMetadataFor(['31', '44']);
  const metadata = { ...loaded, countries: { NL: loaded.countries.NL! } as typeof loaded.countries };
  const number = '+44 20 7946 0958';
  assert.deepEqual(missingPhoneData(number, 'NL', metadata), ['44']);
  assert.throws(() => checkPhoneNumber(number, { region: 'NL' }, metadata), RangeError);
  Object.assign(metadata.countries, loaded.countries);
  assert.deepEqual(missingPhoneData(number, 'NL', metadata), []);
  assert.equal(checkPhoneNumber(number, { region: 'NL' }, metadata).valid, true);
});
