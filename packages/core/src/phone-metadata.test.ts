import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import full from 'libphonenumber-js/min/metadata';
import examples from 'libphonenumber-js/mobile/examples';
import { callingCodes, chunkLoaders, chunkStarts, metadataVersion } from './generated/phone-metadata/index.js';
import {
  callingCodeOf,
  checkPhoneNumber,
  formatAsYouType,
  loadPhoneMetadataFor,
  maskPhoneNumber,
  missingPhoneData,
  phoneCallingCodesFor,
  phoneRegions,
  type PhoneMetadata,
} from './phone.js';
// @ts-expect-error: a plain script, no types.
import { phoneMetadataFiles } from '../../../scripts/build/phone-metadata.mjs';

const metadata = full as unknown as PhoneMetadata;

/** Metadata holding only the given calling codes, as a page that loaded just those has. */
async function only(codes: readonly string[]): Promise<PhoneMetadata> {
  const countries: Record<string, unknown> = {};
  const nonGeographic: Record<string, unknown> = {};
  for (const code of codes) {
    // Only the code's own part of its chunk: what else the chunk holds must not be what makes it work.
    const chunk = chunkStarts.findLastIndex((first) => first <= code);
    const { default: group } = await chunkLoaders[chunk]!();
    for (const region of callingCodes[code] ?? []) countries[region] = group.countries[region];
    if (group.nonGeographic?.[code]) nonGeographic[code] = group.nonGeographic[code];
  }
  return {
    version: metadataVersion,
    country_calling_codes: callingCodes,
    countries,
    nonGeographic,
  } as unknown as PhoneMetadata;
}

test('the generated metadata is what scripts/build/phone-metadata.mjs writes from the installed libphonenumber-js', () => {
  const files = phoneMetadataFiles() as Map<string, string>;
  for (const [name, text] of files) {
    const current = readFileSync(new URL(`./generated/phone-metadata/${name}`, import.meta.url), 'utf8');
    assert.equal(current, text, `${name} is out of date: run node scripts/build/phone-metadata.mjs`);
  }
});

test('every region and non-geographic code is in a chunk, and the chunks add up to the whole metadata', async () => {
  const merged = await only([...Object.keys(callingCodes), ...Object.keys(full.nonGeographic ?? {})]);
  assert.deepEqual(merged.countries, full.countries);
  assert.deepEqual(merged.nonGeographic, full.nonGeographic);
  assert.equal(phoneRegions().length, Object.keys(full.countries).length);
});

test('the data of the calling codes an input needs gives the same answers as the whole metadata', async () => {
  let checked = 0;
  for (const region of phoneRegions()) {
    const national = (examples as Record<string, string>)[region];
    if (!national) continue;
    const international = `+${callingCodeOf(region)}${national}`;
    for (const [raw, chosen] of [
      [national, region],
      [international, undefined],
      [`00${international.slice(1)}`, undefined],
      [international, 'NL'],
    ] as const) {
      const needed = phoneCallingCodesFor(raw, chosen);
      const part = await only(needed);
      assert.deepEqual(missingPhoneData(raw, chosen, part), [], `${raw} ${chosen}`);
      const options = chosen ? { region: chosen } : {};
      assert.deepEqual(checkPhoneNumber(raw, options, part), checkPhoneNumber(raw, options, metadata), raw);
      assert.deepEqual(
        formatAsYouType(raw, raw.length, chosen, part),
        formatAsYouType(raw, raw.length, chosen, metadata),
        raw,
      );
      checked++;
    }
    assert.equal(
      maskPhoneNumber(international, await only([callingCodeOf(region)!])),
      maskPhoneNumber(international, metadata),
    );
  }
  assert.ok(checked > 900, `${checked} checked`);
});

test('without the data it needs, formatting leaves the input as typed and checking says what to load', async () => {
  const part = await only(['31']);
  assert.deepEqual(missingPhoneData('+44 20 7183 8750', 'NL', part), ['44']);
  assert.deepEqual(missingPhoneData('0044 20 7183 8750', undefined, part), ['44']);
  assert.deepEqual(missingPhoneData('011 44 20 7183 8750', undefined, part), ['44']);
  assert.deepEqual(missingPhoneData('0612345678', 'BE', part), ['32']);
  assert.deepEqual(missingPhoneData('+800 1234 5678', undefined, part), ['800']);
  assert.deepEqual(missingPhoneData('0612345678', 'NL', part), []);
  assert.deepEqual(formatAsYouType('+4420718', 8, undefined, part), { text: '+4420718', caret: 8 });
  assert.throws(() => checkPhoneNumber('+442071838750', {}, part), /\+44 is not loaded/);
  assert.equal(maskPhoneNumber('+442071838750', part), '•••• 8750');
  // Input that is not a number needs no data.
  assert.deepEqual(phoneCallingCodesFor('hello'), []);
  assert.deepEqual(phoneCallingCodesFor('x'.repeat(10_000), 'NL'), ['31']);
});

test('loadPhoneMetadataFor loads each code once and returns everything loaded so far', async () => {
  const first = await loadPhoneMetadataFor(['31']);
  assert.ok('NL' in first.countries);
  assert.equal(await loadPhoneMetadataFor(['31']), first, 'nothing new: the same object');
  const second = await loadPhoneMetadataFor(['1', '800', 'not-a-code']);
  assert.notEqual(second, first);
  for (const region of ['NL', 'US', 'CA', 'PR']) assert.ok(region in second.countries, region);
  assert.ok((second.nonGeographic as Record<string, unknown>)['800']);
});
