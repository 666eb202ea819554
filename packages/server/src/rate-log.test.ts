import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRateLog } from './rate-log.js';

const perMinute = (max: number) => [{ max, windowSeconds: 60 }];

describe('the rate log', () => {
  it('allows max events in a window and says when the oldest leaves it', () => {
    const log = createRateLog();
    const charge = [{ key: 'a', windows: perMinute(3) }];
    for (const at of [0, 10_000, 20_000]) assert.deepEqual(log.consume(charge, at), { allowed: true });
    assert.deepEqual(log.consume(charge, 30_000), { allowed: false, key: 'a', retryAfterSeconds: 30 });
    assert.deepEqual(log.consume(charge, 60_001), { allowed: true });
  });

  it('checks every window: a short burst and a longer total', () => {
    const log = createRateLog();
    const charge = [
      {
        key: 'a',
        windows: [
          { max: 2, windowSeconds: 60 },
          { max: 3, windowSeconds: 3600 },
        ],
      },
    ];
    assert.equal(log.consume(charge, 0).allowed, true);
    assert.equal(log.consume(charge, 1000).allowed, true);
    assert.equal(log.consume(charge, 2000).allowed, false);
    assert.equal(log.consume(charge, 61_000).allowed, true);
    const hourly = log.consume(charge, 122_000);
    assert.deepEqual(hourly, { allowed: false, key: 'a', retryAfterSeconds: 3478 });
  });

  it('says when every full window has room, the longest wait of all of them', () => {
    const log = createRateLog();
    const person = {
      key: 'a',
      windows: [
        { max: 2, windowSeconds: 60 },
        { max: 3, windowSeconds: 3600 },
      ],
    };
    const number = { key: 'b', windows: perMinute(1) };
    assert.equal(log.consume([person], 0).allowed, true);
    assert.equal(log.consume([person], 61_000).allowed, true);
    assert.equal(log.consume([person, number], 62_000).allowed, true);
    // The person's minute is full until 121 s and its hour until 3,600 s; the number's minute until 122 s.
    assert.deepEqual(log.consume([number, person], 63_000), { allowed: false, key: 'b', retryAfterSeconds: 3537 });
    assert.equal(log.consume([number, person], 3_599_999).allowed, false);
    assert.equal(log.consume([number, person], 3_600_000).allowed, true);
  });

  it('charges all keys or none', () => {
    const log = createRateLog();
    const full = { key: 'full', windows: perMinute(1) };
    const other = { key: 'other', windows: perMinute(1) };
    log.consume([full], 0);
    assert.equal(log.consume([other, full], 1000).allowed, false);
    assert.equal(log.consume([other], 2000).allowed, true, 'the refused request did not charge "other"');
  });

  it('refuses everything when a window allows none', () => {
    const log = createRateLog();
    assert.deepEqual(log.consume([{ key: 'a', windows: perMinute(0) }], 0), {
      allowed: false,
      key: 'a',
      retryAfterSeconds: 60,
    });
  });

  it('keeps counting right past the compact forms: one event, a few, many', () => {
    const log = createRateLog();
    const charge = [{ key: 'a', windows: perMinute(40) }];
    for (let i = 0; i < 40; i++) assert.equal(log.consume(charge, i * 100).allowed, true, `event ${i}`);
    assert.equal(log.consume(charge, 4000).allowed, false);
    assert.equal(log.consume(charge, 60_001).allowed, true, 'the first event left the window');
    assert.equal(log.consume(charge, 60_002).allowed, false);
  });

  it('sweeps keys whose longest window has passed, and only those', () => {
    const log = createRateLog();
    log.consume([{ key: 'short', windows: perMinute(5) }], 0);
    log.consume([{ key: 'long', windows: [{ max: 5, windowSeconds: 3600 }] }], 0);
    log.consume([{ key: 'busy', windows: perMinute(5) }], 0);
    log.consume([{ key: 'busy', windows: perMinute(5) }], 50_000);
    log.sweep(60_000);
    assert.equal(log.size(), 2);
    log.sweep(3_600_000);
    assert.equal(log.size(), 0);
  });
});
