import { test } from 'node:test';
import assert from 'node:assert/strict';
import { channelsFor } from './channels.js';
import type { SecurityInfoPolicy } from './types.js';

test('channels follow the policy and the region', () => {
  const policy: SecurityInfoPolicy = {
    methods: [],
    phone: { channels: ['voice', 'sms'], channelsByCountry: { de: ['sms'] } },
  };
  assert.deepEqual(channelsFor(undefined), ['sms', 'voice']);
  assert.deepEqual(channelsFor(policy), ['sms', 'voice']);
  assert.deepEqual(channelsFor(policy, 'DE'), ['sms']);
  assert.deepEqual(channelsFor(policy, 'nl'), ['sms', 'voice']);
  assert.deepEqual(
    channelsFor({ methods: [], phone: { channels: ['voice'], channelsByCountry: { DE: ['sms'] } } }, 'DE'),
    [],
  );
});

test('no region, or an empty one, narrows nothing', () => {
  const policy = { phone: { channelsByCountry: { DE: ['sms' as const] } } };
  assert.deepEqual(channelsFor(policy), ['sms', 'voice']);
  assert.deepEqual(channelsFor(policy, ''), ['sms', 'voice']);
});

test('takes a phone section alone, as an element that overrides the policy has one', () => {
  assert.deepEqual(channelsFor({ phone: { channels: ['voice'] } }, 'NL'), ['voice']);
  assert.deepEqual(channelsFor({ phone: { channels: [] } }), []);
  assert.deepEqual(channelsFor({ phone: {} }, 'NL'), ['sms', 'voice']);
});
