import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SecurityInfoPolicy } from '@security-info/core';
import { allowedRegions, defaultRegion, offeredChannels, type PhoneSettings } from './phone-settings.js';

const policy: SecurityInfoPolicy = {
  methods: [{ id: 'phone', purposes: ['mfa'] }],
  phone: {
    channels: ['sms', 'voice'],
    allowedCountries: ['nl', 'BE'],
    channelsByCountry: { be: ['sms'] },
    defaultCountry: 'be',
  },
};
const settings = (own: Partial<PhoneSettings> = {}): PhoneSettings => ({
  allowedCountries: [],
  channels: [],
  ...own,
});
const everywhere = () => true;

describe('phone settings', () => {
  it("allows the element's own regions, else the policy's, upper case; all when neither names any", () => {
    assert.deepEqual(allowedRegions(settings({ policy })), ['NL', 'BE']);
    assert.deepEqual(allowedRegions(settings({ policy, allowedCountries: ['de'] })), ['DE']);
    assert.deepEqual(allowedRegions(settings()), []);
  });

  it("offers the element's own channels and channels per region over the policy's", () => {
    assert.deepEqual(offeredChannels(settings({ policy })), ['sms', 'voice']);
    assert.deepEqual(offeredChannels(settings({ policy }), 'BE'), ['sms']);
    assert.deepEqual(offeredChannels(settings({ policy, channels: ['voice'] })), ['voice']);
    assert.deepEqual(offeredChannels(settings({ policy, channelsByCountry: { NL: ['voice'] } }), 'BE'), [
      'sms',
      'voice',
    ]);
    assert.deepEqual(offeredChannels(settings(), 'NL'), ['sms', 'voice']);
  });

  it("starts at the element's default region, else the policy's, else the locale's, if it is a known one", () => {
    assert.equal(defaultRegion(settings({ policy, defaultCountry: 'de' }), 'fr-FR', everywhere), 'DE');
    assert.equal(defaultRegion(settings({ policy }), 'fr-FR', everywhere), 'BE');
    assert.equal(
      defaultRegion(settings({ policy, defaultCountry: 'XX' }), 'fr-FR', (code) => code !== 'XX'),
      'BE',
    );
    assert.equal(defaultRegion(settings(), 'de-AT', everywhere), 'AT');
    assert.equal(defaultRegion(settings(), 'nl', everywhere), 'NL');
    assert.equal(
      defaultRegion(settings({ allowedCountries: ['NL', 'BE'] }), 'en', (code) => ['NL', 'BE'].includes(code)),
      '',
    );
  });
});
