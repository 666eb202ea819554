import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createFetchAdapter } from '@security-info/core';
import { randomCode } from './codes.js';
import { ConfigurationError } from './options.js';
import { BASE, body, setup } from './test-support.js';

describe('GET /policy', () => {
  it('answers the policy', async () => {
    const { handler } = setup({ policy: { methods: [{ id: 'phone', purposes: ['mfa'] }] } });
    const response = await handler(new Request(`${BASE}/policy`, { headers: { 'x-test-user': 'alice' } }));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { methods: [{ id: 'phone', purposes: ['mfa'] }] });
    assert.equal(response.headers.get('cache-control'), 'no-store');
  });
});

describe('the policy a host passes', () => {
  it('is refused at start when it is not a policy, saying what is wrong, rather than failing each request', () => {
    for (const [policy, why] of [
      [{ methods: 'phone' }, /"methods" is not a list/],
      [{ methods: [{ id: 'phone' }] }, /a method has no id or purposes/],
      [
        { methods: [{ id: 'phone', purposes: ['mfa'] }], phone: { allowedCountries: 'NL' } },
        /"phone.allowedCountries" is not a list/,
      ],
      [{ methods: [{ id: 'phone', purposes: ['mfa'] }], recoveryCodes: 'yes' }, /"recoveryCodes" is not valid/],
    ] as const)
      assert.throws(
        () => setup({ policy: policy as never }),
        (error: Error) =>
          error instanceof ConfigurationError &&
          /Not a security info policy/.test(error.message) &&
          why.test(error.message),
        JSON.stringify(policy),
      );
  });
});

describe('POST /phone/challenges', () => {
  it('creates a challenge and delivers a code through the sender', async () => {
    const server = setup();
    const response = await server.sendCode('+31612345678', 'voice');
    assert.equal(response.status, 201);
    const answer = await body(response);
    assert.match(String(answer.challengeId), /^[A-Za-z0-9_-]{22}$/);
    assert.deepEqual(
      { ...answer, challengeId: 'x' },
      { challengeId: 'x', codeLength: 6, expiresInSeconds: 300, resendInSeconds: 30, confirmation: 'code' },
    );
    assert.equal(server.sent.length, 1);
    assert.deepEqual({ ...server.sent[0], code: 'x' }, { phoneNumber: '+31612345678', channel: 'voice', code: 'x' });
    assert.match(server.sent[0]!.code, /^\d{6}$/);
  });

  it('keeps only a keyed hash of the code', async () => {
    const server = setup();
    const id = await server.start();
    const stored = await server.store.transaction((tx) => tx.getChallenge(id));
    assert.ok(stored?.codeHash instanceof Uint8Array && stored.codeHash.length === 32);
    assert.ok(!JSON.stringify(stored).includes(server.lastCode()));
  });

  it('refuses numbers that are not valid E.164', async () => {
    for (const phoneNumber of ['0612345678', '+31 6 12345678', '+999123456', '+1234', 42, null, '+'.repeat(100)]) {
      const response = await setup().post('/phone/challenges', { phoneNumber, channel: 'sms' });
      assert.equal(response.status, 422, String(phoneNumber));
      assert.equal((await body(response)).error, 'number-rejected');
    }
  });

  it('refuses an unknown channel', async () => {
    const response = await setup().sendCode('+31612345678', 'pigeon');
    assert.equal(response.status, 400);
  });

  it('follows the policy: regions and channels', async () => {
    const server = setup({
      policy: {
        methods: [{ id: 'phone', purposes: ['mfa'] }],
        phone: { allowedCountries: ['NL', 'US'], channelsByCountry: { US: ['sms'] } },
      },
    });
    assert.equal((await body(await server.sendCode('+4915123456789'))).error, 'number-rejected');
    const voice = await server.sendCode('+12015550123', 'voice');
    assert.equal(voice.status, 422);
    assert.equal((await body(voice)).error, 'channel-unavailable');
    assert.equal((await server.sendCode('+12015550123', 'sms')).status, 201);
  });

  it('limits sends per number: 3 a minute, 10 an hour', async () => {
    const server = setup();
    for (let i = 0; i < 3; i++) assert.equal((await server.sendCode()).status, 201);
    const limited = await server.sendCode();
    assert.equal(limited.status, 429);
    const answer = await body(limited);
    assert.equal(answer.error, 'rate-limited');
    assert.equal(answer.retryAfterSeconds, 60);
    assert.equal(limited.headers.get('retry-after'), '60');
    server.advance(61);
    assert.equal((await server.sendCode()).status, 201);
    for (let i = 0; i < 20; i++) {
      server.advance(61);
      await server.sendCode();
    }
    const hourly = await body(await server.sendCode());
    assert.equal(hourly.error, 'rate-limited');
    assert.ok(Number(hourly.retryAfterSeconds) > 60);
  });

  it('limits sends per client across numbers', async () => {
    const server = setup({ limits: { sendsPerClient: [{ max: 2, windowSeconds: 60 }] } });
    const client = { client: '203.0.113.9' };
    assert.equal((await server.sendCode('+31612345678', 'sms', client)).status, 201);
    assert.equal((await server.sendCode('+31612345679', 'sms', client)).status, 201);
    assert.equal((await server.sendCode('+31612345670', 'sms', client)).status, 429);
    assert.equal((await server.sendCode('+31612345670', 'sms', { client: '198.51.100.1' })).status, 201);
  });

  it('answers channel-unavailable when the sender fails, and leaves no usable code', async () => {
    const delivered: string[] = [];
    let failing = false;
    const server = setup({
      sender: {
        send: async ({ code }) => {
          delivered.push(code);
          if (failing) throw new Error('gateway down');
        },
      },
    });
    const id = await server.start();
    server.advance(31);
    failing = true;
    const response = await server.post(`/phone/challenges/${id}/resend`, { channel: 'sms' });
    assert.equal(response.status, 422);
    assert.equal((await body(response)).error, 'channel-unavailable');
    for (const code of delivered) {
      const verify = await server.post(`/phone/challenges/${id}/verify`, { code });
      assert.equal(verify.status, 410, 'neither the old nor the undelivered code works');
    }
    const first = await setup({ sender: { send: async () => Promise.reject(new Error('down')) } }).sendCode();
    assert.equal(first.status, 422);
    assert.equal((await body(first)).error, 'channel-unavailable');
  });
});

describe('POST /phone/challenges/{id}/verify', () => {
  it('accepts the right code once: its retry answers the same and registers nothing, another code is refused', async () => {
    const server = setup();
    const id = await server.start();
    const ok = await server.post(`/phone/challenges/${id}/verify`, { code: server.lastCode() });
    assert.equal(ok.status, 204);
    const again = await server.post(`/phone/challenges/${id}/verify`, { code: server.lastCode() });
    assert.equal(again.status, 204, 'a retry of the verify, whose answer may have been lost');
    const other = await server.post(`/phone/challenges/${id}/verify`, { code: server.wrongCode() });
    assert.equal(other.status, 409);
    const audit = await server.store.transaction((tx) => tx.listAudit({ userId: 'alice', limit: 10 }));
    assert.deepEqual(
      audit.map((entry) => entry.action),
      ['method-added'],
    );
  });

  it('counts wrong codes down and then locks', async () => {
    const server = setup();
    const id = await server.start();
    const wrong = server.lastCode() === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left--) {
      const response = await server.post(`/phone/challenges/${id}/verify`, { code: wrong });
      assert.equal(response.status, 422);
      assert.deepEqual(await body(response), {
        error: 'invalid-code',
        message: 'The code is not right.',
        attemptsRemaining: left,
      });
    }
    const locked = await server.post(`/phone/challenges/${id}/verify`, { code: wrong });
    assert.equal(locked.status, 429);
    assert.equal((await body(locked)).error, 'too-many-attempts');
    const right = await server.post(`/phone/challenges/${id}/verify`, { code: server.lastCode() });
    assert.equal(right.status, 429, 'the right code no longer works once locked');
  });

  it('takes the right code typed in full-width or Arabic-Indic digits, or grouped by a space', async () => {
    for (const write of [
      (code: string) => [...code].map((digit) => String.fromCodePoint(0xff10 + Number(digit))).join(''),
      (code: string) => [...code].map((digit) => String.fromCodePoint(0x660 + Number(digit))).join(''),
      (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`,
    ]) {
      const server = setup();
      const id = await server.start();
      const written = write(server.lastCode());
      assert.equal((await server.verify(id, written)).status, 204, written);
    }
  });

  it('answers 400 to a code that is not digits, and counts no wrong code for it', async () => {
    const server = setup();
    const id = await server.start();
    const code = server.lastCode();
    for (const junk of [`${code}x`, `x${code}`, `${code.slice(0, 3)}.${code.slice(3)}`, '', '   ', 'wrong']) {
      const response = await server.verify(id, junk);
      assert.equal(response.status, 400, JSON.stringify(junk));
      assert.equal((await body(response)).error, 'unknown');
    }
    const wrong = await server.verify(id, server.wrongCode());
    assert.equal((await body(wrong)).attemptsRemaining, 4, 'the junk counted no wrong code');
    assert.equal((await server.verify(id, code)).status, 204);
  });

  it('lets a code expire after five minutes', async () => {
    const server = setup();
    const id = await server.start();
    server.advance(301);
    const response = await server.post(`/phone/challenges/${id}/verify`, { code: server.lastCode() });
    assert.equal(response.status, 410);
    assert.equal((await body(response)).error, 'code-expired');
  });

  it('answers 404 for an unknown challenge and an id that cannot be one', async () => {
    const server = setup();
    assert.equal(
      (await server.post('/phone/challenges/AAAAAAAAAAAAAAAAAAAAAA/verify', { code: '123456' })).status,
      404,
    );
    assert.equal((await server.post('/phone/challenges/..%2F..%2Fetc/verify', { code: '123456' })).status, 404);
  });

  it('lets exactly one of 50 parallel verifies with the right code register, the others answered as its retries', async () => {
    const notices: unknown[] = [];
    const server = setup({ onNotice: (notice) => void notices.push(notice) });
    const id = await server.start();
    const code = server.lastCode();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => server.post(`/phone/challenges/${id}/verify`, { code })),
    );
    assert.ok(responses.every((response) => response.status === 204));
    const audit = await server.store.transaction((tx) => tx.listAudit({ userId: 'alice', limit: 100 }));
    assert.deepEqual(
      audit.map((entry) => entry.action),
      ['method-added'],
    );
    assert.equal(notices.length, 1);
  });
});

describe('POST /phone/challenges/{id}/resend', () => {
  it('waits for the cooldown, then sends a new code that replaces the old one', async () => {
    const server = setup();
    const id = await server.start();
    const first = server.lastCode();
    const early = await server.post(`/phone/challenges/${id}/resend`, { channel: 'sms' });
    assert.equal(early.status, 429);
    assert.equal((await body(early)).retryAfterSeconds, 30);
    server.advance(30);
    const response = await server.post(`/phone/challenges/${id}/resend`, { channel: 'voice' });
    assert.equal(response.status, 200);
    assert.equal(server.sent.at(-1)!.channel, 'voice');
    const second = server.lastCode();
    if (second !== first) {
      assert.equal((await server.post(`/phone/challenges/${id}/verify`, { code: first })).status, 422);
    }
    assert.equal((await server.post(`/phone/challenges/${id}/verify`, { code: second })).status, 204);
  });

  it('unlocks a locked challenge with a new code', async () => {
    const server = setup({ limits: { maxAttempts: 1 } });
    const id = await server.start();
    const wrong = server.lastCode() === '000000' ? '111111' : '000000';
    assert.equal((await server.post(`/phone/challenges/${id}/verify`, { code: wrong })).status, 429);
    server.advance(31);
    assert.equal((await server.post(`/phone/challenges/${id}/resend`, { channel: 'sms' })).status, 200);
    assert.equal((await server.post(`/phone/challenges/${id}/verify`, { code: server.lastCode() })).status, 204);
  });
});

describe('GET /phone/challenges/{id}/confirmation', () => {
  it('says a challenge is not confirmed yet, and when to ask again', async () => {
    const server = setup();
    const id = await server.start('+31612345678', 'voice');
    const response = await server.confirmation(id);
    assert.equal(response.status, 200);
    assert.deepEqual(await body(response), { confirmed: false, retryAfterSeconds: 2 });
    assert.equal(response.headers.get('cache-control'), 'no-store');
  });

  it('says it is confirmed once the phone is registered, as often as it is asked', async () => {
    const server = setup();
    const id = await server.start('+31612345678', 'voice');
    assert.equal((await server.verify(id, server.lastCode())).status, 204);
    for (let ask = 0; ask < 2; ask++) assert.deepEqual(await body(await server.confirmation(id)), { confirmed: true });
    server.advance(301);
    assert.deepEqual(await body(await server.confirmation(id)), { confirmed: true }, 'confirmed stays confirmed');
  });

  it('answers 410 code-expired once the challenge expired unconfirmed, or its code was never delivered', async () => {
    const server = setup();
    const id = await server.start();
    server.advance(301);
    const expired = await server.confirmation(id);
    assert.equal(expired.status, 410);
    assert.equal((await body(expired)).error, 'code-expired');

    let failing = false;
    const undelivered = setup({
      sender: { send: async () => (failing ? Promise.reject(new Error('down')) : undefined) },
    });
    const other = await undelivered.start();
    undelivered.advance(31);
    failing = true;
    assert.equal((await undelivered.resend(other)).status, 422);
    assert.equal((await undelivered.confirmation(other)).status, 410);
  });

  it('answers 404 code-expired for a challenge that does not exist', async () => {
    const server = setup();
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', '..%2F..%2Fetc']) {
      const response = await server.confirmation(id);
      assert.equal(response.status, 404, id);
    }
    const unknown = await server.confirmation('AAAAAAAAAAAAAAAAAAAAAA');
    assert.equal((await body(unknown)).error, 'code-expired');
  });

  it('is what createFetchAdapter asks while a call waits, until the challenge is confirmed', async (t: TestContext) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const server = setup();
    const id = await server.start('+31612345678', 'voice');
    let asked = 0;
    const adapter = createFetchAdapter({
      baseUrl: BASE,
      headers: { 'x-test-user': 'alice' },
      fetch: async (input, init) => {
        asked++;
        return server.handler(new Request(input, init));
      },
    });
    let confirmed = false;
    const waiting = adapter
      .awaitCallConfirmation({ challengeId: id }, { signal: new AbortController().signal })
      .then(() => (confirmed = true));
    const settle = async () => {
      for (let turn = 0; turn < 50; turn++) await new Promise(setImmediate);
    };
    await settle();
    assert.equal(asked, 1);
    t.mock.timers.tick(2000);
    await settle();
    assert.deepEqual([asked, confirmed], [2, false]);
    assert.equal((await server.verify(id, server.lastCode())).status, 204);
    t.mock.timers.tick(2000);
    await waiting;
    assert.deepEqual([asked, confirmed], [3, true]);
  });

  it('only reads: a POST is 405 with Allow, and nothing is sent or counted', async () => {
    const server = setup();
    const id = await server.start();
    const response = await server.post(`/phone/challenges/${id}/confirmation`, {});
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'GET, HEAD');
    for (let ask = 0; ask < 30; ask++) assert.equal((await server.confirmation(id)).status, 200);
    assert.equal(server.sent.length, 1);
    assert.equal((await server.verify(id, server.lastCode())).status, 204, 'asking spends no attempt');
  });
});

describe('bad input never gives a 500', () => {
  it('refuses what is not JSON, too large, or not an object', async () => {
    const server = setup();
    const cases: [string, Record<string, string>, number][] = [
      ['{"phoneNumber":', {}, 400],
      ['[]', {}, 400],
      ['"x"', {}, 400],
      [JSON.stringify({ phoneNumber: 'x'.repeat(5000), channel: 'sms' }), {}, 413],
      ['{}', { 'content-type': 'text/plain' }, 415],
    ];
    for (const [text, headers, status] of cases) {
      const response = await server.post('/phone/challenges', text, { headers });
      assert.equal(response.status, status, text.slice(0, 30));
    }
  });

  it('survives random bodies on every route', async () => {
    const server = setup();
    const id = await server.start();
    const junk = [
      null,
      1,
      'a',
      [],
      {},
      { code: 1 },
      { code: {} },
      { channel: ['sms'] },
      { phoneNumber: {}, channel: 'sms' },
      '💥',
    ];
    for (const path of ['/phone/challenges', `/phone/challenges/${id}/verify`, `/phone/challenges/${id}/resend`]) {
      for (const value of junk) {
        const response = await server.post(path, JSON.stringify(value));
        assert.ok(response.status < 500, `${path} ${JSON.stringify(value)} gave ${response.status}`);
      }
    }
    const wrongMethod = await server.handler(new Request(`${BASE}/phone/challenges`, { method: 'GET' }));
    assert.equal(wrongMethod.status, 405);
  });
});

describe('codes', () => {
  it('are digits of the asked length, each digit about equally likely', () => {
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 20_000; i++) for (const d of randomCode(6)) counts[Number(d)]++;
    const expected = 12_000;
    for (const count of counts) assert.ok(Math.abs(count - expected) < expected * 0.05, `digit count ${count}`);
  });
});
