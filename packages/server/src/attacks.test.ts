// Each attack on the service, tried as an attacker would, beside the defence that stops it. docs/security.md lists
// them with the names used here.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigurationError, type LimitAlert } from './options.js';
import { createSecurityInfoHandler } from './handler.js';
import { consoleSender } from './senders.js';
import { createMemoryStore } from './memory-store.js';
import type { SecurityInfoStore } from './store.js';
import { body, setup, SECRET } from './test-support.js';

const never = new Promise<never>(() => undefined);

describe('attack: using the service without signing in', () => {
  it('answers 401 unauthenticated on every route when authenticate returns null', async () => {
    const server = setup();
    const id = await server.start();
    const anonymous = { user: null };
    for (const response of [
      await server.handler(new Request('http://portal.test/api/security-info/policy')),
      await server.sendCode('+31612345678', 'sms', anonymous),
      await server.resend(id, 'sms', anonymous),
      await server.verify(id, server.lastCode(), anonymous),
      await server.confirmation(id, anonymous),
    ]) {
      assert.equal(response.status, 401);
      assert.equal((await body(response)).error, 'unauthenticated');
    }
    assert.equal(server.sent.length, 1, 'nothing was sent for the anonymous requests');
  });

  it('refuses to start without authenticate or clientKey', () => {
    const base = { sender: { send: async () => undefined }, secret: SECRET };
    assert.throws(() => createSecurityInfoHandler({ ...base, clientKey: () => 'x' } as never), ConfigurationError);
    assert.throws(() => createSecurityInfoHandler({ ...base, authenticate: () => 'u' } as never), ConfigurationError);
  });
});

describe('attack: a challenge of one user used by another', () => {
  it("answers another user's verify, resend and confirmation as if the challenge did not exist", async () => {
    const verified: string[] = [];
    const server = setup({ onVerified: ({ userId }) => void verified.push(userId) });
    const id = await server.start('+31612345678', 'sms', { user: 'alice' });
    server.advance(31);
    assert.equal((await server.resend(id, 'sms', { user: 'mallory' })).status, 404);
    assert.equal((await server.verify(id, server.lastCode(), { user: 'mallory' })).status, 404);
    assert.equal((await server.confirmation(id, { user: 'mallory' })).status, 404);
    assert.equal((await server.verify(id, server.lastCode(), { user: 'alice' })).status, 204);
    assert.deepEqual(verified, ['alice']);
  });
});

describe('attack: premium-rate and other numbers that cost or earn money', () => {
  for (const [name, number] of [
    ['UK 09 premium rate', '+449012345678'],
    ['UK 0871 shared cost', '+448712345678'],
    ['US 1-900', '+19005551234'],
    ['US toll-free', '+18005551234'],
    ['NL 0900', '+31900123456'],
    // "Personal numbers" forward calls anywhere at a rate their owner can earn from: UK 070 (often taken for a
    // mobile's 07), DE 0700.
    ['UK 070 personal number', '+447010000000'],
    ['DE 0700 personal number', '+4970012345678'],
  ] as const) {
    it(`refuses a call or text to ${name}`, async () => {
      const server = setup();
      for (const channel of ['voice', 'sms']) {
        const response = await server.sendCode(number, channel);
        assert.equal(response.status, 422);
        assert.equal((await body(response)).error, 'number-rejected');
      }
      assert.equal(server.sent.length, 0);
    });
  }

  it('refuses a text to a landline with the reason, and calls it instead', async () => {
    const server = setup();
    const text = await server.sendCode('+31201234567', 'sms');
    assert.equal(text.status, 422);
    assert.deepEqual(
      { ...(await body(text)), message: '' },
      { error: 'channel-unavailable', reason: 'landline', message: '' },
    );
    assert.equal((await server.sendCode('+31201234567', 'voice')).status, 201);
  });
});

describe('attack: pumping messages through many accounts, numbers and addresses', () => {
  it('lets at most a few dozen of 1,000 sends to 1,000 numbers of one country from 1,000 users out in a minute', async () => {
    const alerts: LimitAlert[] = [];
    const server = setup({ onAlert: (alert) => void alerts.push(alert) });
    let accepted = 0;
    for (let i = 0; i < 1000; i++) {
      const number = `+3161${String(10000000 + i).slice(1)}`;
      const response = await server.sendCode(number, 'sms', {
        user: `user${i}`,
        client: `198.51.${i >> 8}.${i & 255}`,
      });
      if (response.status === 201) accepted++;
      else assert.equal(response.status, 429);
      if (i % 20 === 19) server.advance(1);
    }
    assert.ok(accepted <= 40, `${accepted} sends went out`);
    assert.equal(accepted, server.sent.length);
    assert.ok(alerts.length > 0 && alerts.every((alert) => alert.limit === 'country' && alert.region === 'NL'));
  });

  it('lets an organization raise its own country for an enrollment campaign', async () => {
    const server = setup({
      limits: {
        sendsByCountry: { NL: [{ max: 500, windowSeconds: 60 }] },
        sendsOverall: [{ max: 500, windowSeconds: 60 }],
      },
    });
    let accepted = 0;
    for (let i = 0; i < 100; i++) {
      const number = `+3161${String(10000000 + i).slice(1)}`;
      if ((await server.sendCode(number, 'sms', { user: `user${i}`, client: `198.51.100.${i}` })).status === 201)
        accepted++;
    }
    assert.equal(accepted, 100);
  });

  it('limits one user across numbers and addresses', async () => {
    const server = setup();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const response = await server.sendCode(`+316123456${String(10 + i)}`, 'sms', { client: `203.0.113.${i}` });
      statuses.push(response.status);
    }
    assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429, 429, 429]);
  });

  it('says to wait until every full limit has room, not only the first one', async () => {
    const server = setup({
      limits: {
        sendsPerUser: [
          { max: 1, windowSeconds: 60 },
          { max: 2, windowSeconds: 3600 },
        ],
        sendsPerNumber: [{ max: 1, windowSeconds: 600 }],
      },
    });
    await server.start('+31611111111');
    server.advance(61);
    await server.start('+31622222222');
    server.advance(1);
    // The person's minute has room again in 59 s, its hour in 3,538 s, the number's ten minutes in 599 s.
    const refused = await server.sendCode('+31622222222');
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '3538');
    assert.equal((await body(refused)).retryAfterSeconds, 3538);
    server.advance(3537);
    assert.equal((await server.sendCode('+31633333333')).status, 429, 'a second early');
    server.advance(1);
    assert.equal((await server.sendCode('+31633333333')).status, 201, 'on time');
  });

  it("spends nobody's budget when the caller is over its own limit", async () => {
    const server = setup({ limits: { sendsPerUser: [{ max: 1, windowSeconds: 60 }] } });
    await server.start('+31611111111', 'sms', { user: 'mallory' });
    for (let i = 0; i < 3; i++) {
      const refused = await server.sendCode('+31612345678', 'sms', { user: 'mallory', client: `203.0.113.${i}` });
      assert.equal(refused.status, 429);
    }
    assert.equal((await server.sendCode('+31612345678', 'sms', { user: 'victim' })).status, 201);
  });

  it('lets a riskCheck refuse before anything is sent or counted', async () => {
    const seen: string[] = [];
    const server = setup({
      riskCheck: ({ userId, region, channel, kind }) => {
        seen.push(`${userId} ${region} ${channel} ${kind}`);
        return userId === 'bot' ? { allow: false } : true;
      },
      limits: { sendsPerNumber: [{ max: 1, windowSeconds: 60 }] },
    });
    const refused = await server.sendCode('+31612345678', 'sms', { user: 'bot' });
    assert.equal(refused.status, 429);
    // The check said no wait: the answer says none either, neither in the body nor as Retry-After.
    assert.equal(refused.headers.get('retry-after'), null);
    assert.equal('retryAfterSeconds' in (await body(refused)), false);
    assert.equal(server.sent.length, 0);
    assert.equal((await server.sendCode('+31612345678', 'sms', { user: 'alice' })).status, 201);
    assert.deepEqual(seen, ['bot NL sms send', 'alice NL sms send']);
  });
});

describe('attack: a risk check that answers something unexpected', () => {
  it('fails closed on an answer that is neither yes nor a refusal, and lets null through like nothing', async () => {
    const answers: unknown[] = ['no', 0, { allow: 'maybe' }, null];
    let next = 0;
    const server = setup({ riskCheck: () => answers[next++] as never });
    const statuses: number[] = [];
    for (let i = 0; i < answers.length; i++) statuses.push((await server.sendCode(`+3161234560${i}`)).status);
    assert.deepEqual(statuses, [429, 429, 429, 201]);
  });
});

describe('attack: guessing codes without end', () => {
  it('counts wrong codes per user across challenges; a resend does not reset the count', async () => {
    const server = setup({ limits: { sendsPerUser: [{ max: 100, windowSeconds: 60 }] } });
    let wrong = 0;
    let status = 0;
    let retryAfter: unknown;
    // Five wrong codes per challenge, on new challenges and resends, until the user is made to wait.
    for (let round = 0; round < 10 && status !== 429; round++) {
      const id = await server.start(`+3161234${String(5000 + round)}`, 'sms');
      for (let i = 0; i < 5; i++) {
        const response = await server.verify(id, server.wrongCode());
        if (response.status === 429 && (await body(response.clone())).retryAfterSeconds !== undefined && wrong >= 19) {
          status = 429;
          retryAfter = (await body(response)).retryAfterSeconds;
          wrong++;
          break;
        }
        wrong++;
      }
      server.advance(31);
    }
    assert.equal(wrong, 20);
    assert.equal(retryAfter, 900);
    // Even a new challenge's right code must wait.
    const id = await server.start('+31612340000', 'sms');
    const locked = await server.verify(id, server.lastCode());
    assert.equal(locked.status, 429);
    assert.equal((await body(locked)).error, 'too-many-attempts');
  });

  it('allows fewer than 30 guesses per user in a day, however they are spread', async () => {
    const server = setup({
      limits: {
        sendsPerUser: [{ max: 10_000, windowSeconds: 60 }],
        sendsPerNumber: [{ max: 10_000, windowSeconds: 60 }],
      },
    });
    let guesses = 0;
    const end = server.now() + 24 * 3600 * 1000;
    let id = await server.start();
    while (server.now() < end) {
      const response = await server.verify(id, server.wrongCode());
      const answer = await body(response);
      if (answer.error === 'invalid-code' || (answer.error === 'too-many-attempts' && response.status === 429)) {
        if (answer.error === 'invalid-code' || answer.retryAfterSeconds === 900 || guesses < 20) guesses++;
      }
      if (answer.error === 'too-many-attempts') {
        server.advance(Math.max(31, Number(answer.retryAfterSeconds ?? 31)));
        id = await server.start();
      }
    }
    assert.ok(guesses < 30, `${guesses} guesses`);
  });

  it('clears the count after a right code', async () => {
    const server = setup();
    for (let round = 0; round < 3; round++) {
      const id = await server.start(`+3161234500${round}`, 'sms');
      for (let i = 0; i < 4; i++) await server.verify(id, server.wrongCode());
      assert.equal((await server.verify(id, server.lastCode())).status, 204);
      server.advance(61);
    }
  });
});

describe('attack: resending without end', () => {
  it('accepts one of five parallel resends', async () => {
    const server = setup();
    const id = await server.start();
    server.advance(31);
    const statuses = (await Promise.all(Array.from({ length: 5 }, () => server.resend(id)))).map((r) => r.status);
    assert.deepEqual(statuses.sort(), [200, 429, 429, 429, 429]);
    assert.equal(server.sent.length, 2);
  });

  it('charges parallel resends for the one code they send, not for each request', async () => {
    const alerts: unknown[] = [];
    const server = setup({
      limits: {
        // The person's own budgets wide, to see what the shared one is charged.
        ...Object.fromEntries(
          ['sendsPerUser', 'sendsPerClient', 'sendsPerNumber'].map((name) => [
            name,
            [{ max: 100, windowSeconds: 3600 }],
          ]),
        ),
        sendsOverall: [{ max: 4, windowSeconds: 3600 }],
      },
      onAlert: (alert) => void alerts.push(alert),
    });
    const id = await server.start();
    server.advance(31);
    const statuses = (await Promise.all(Array.from({ length: 7 }, () => server.resend(id)))).map((r) => r.status);
    assert.deepEqual(statuses.sort(), [200, 429, 429, 429, 429, 429, 429]);
    // Two codes sent, two spent of the shared four: someone else's code still goes, and no alarm was raised.
    const other = await server.post(
      '/phone/challenges',
      { phoneNumber: '+31687654321', channel: 'sms' },
      { user: 'bob' },
    );
    assert.equal(other.status, 201);
    assert.deepEqual(alerts, []);
    assert.equal(server.sent.length, 3);
  });

  it('refuses a resend after the challenge expired', async () => {
    const server = setup();
    const id = await server.start();
    server.advance(55 * 60);
    const response = await server.resend(id);
    assert.ok(response.status === 410 || response.status === 404);
    assert.equal((await body(response)).error, 'code-expired');
  });

  it('sends at most five codes per challenge, each resend waiting twice as long', async () => {
    const server = setup({ limits: { codeTtlSeconds: 3600, sendsPerNumber: [{ max: 100, windowSeconds: 60 }] } });
    const id = await server.start();
    const waits: unknown[] = [];
    for (const wait of [30, 60, 120, 240]) {
      const early = await server.resend(id);
      waits.push((await body(early)).retryAfterSeconds);
      server.advance(wait);
      const response = await server.resend(id);
      assert.equal(response.status, 200);
    }
    assert.deepEqual(waits, [30, 60, 120, 240]);
    server.advance(3000);
    const sixth = await server.resend(id);
    assert.equal(sixth.status, 429);
    assert.equal(server.sent.length, 5);
  });
});

describe('attack: losing a registration to a failing hook or store', () => {
  const listMethods = (server: ReturnType<typeof setup>) =>
    server.handler(
      new Request('http://portal.test/api/security-info/methods', { headers: { 'x-test-user': 'alice' } }),
    );

  it('registers the phone in the transaction that uses the code up: a failing onVerified notice loses nothing', async () => {
    const keys: string[] = [];
    const server = setup({
      onVerified: ({ challengeId }) => {
        keys.push(challengeId);
        throw new Error('mailer down for +31612345678');
      },
    });
    const id = await server.start();
    assert.equal((await server.verify(id, server.lastCode())).status, 204);
    const { methods } = (await (await listMethods(server)).json()) as {
      methods: { phone?: { phoneNumber: string } }[];
    };
    assert.deepEqual(
      methods.map((method) => method.phone?.phoneNumber),
      ['+31612345678'],
    );
    assert.deepEqual(keys, [id]);
    assert.ok(
      server.logged.every((line) => !line.includes('612345678')),
      server.logged.join('\n'),
    );
  });

  it('keeps the code usable when the store fails while registering, and registers on the retry', async () => {
    const store = createMemoryStore();
    let failNext = false;
    const flaky: SecurityInfoStore = {
      ...store,
      transaction: (work) =>
        store.transaction(async (tx) => {
          const fail = failNext;
          return work({
            ...tx,
            putMethod: async (method) => {
              if (fail) throw new Error('connection reset');
              return tx.putMethod(method);
            },
          });
        }),
    };
    const server = setup({ store: flaky });
    const id = await server.start();
    failNext = true;
    assert.equal((await server.verify(id, server.lastCode())).status, 503);
    failNext = false;
    assert.equal((await server.verify(id, server.lastCode())).status, 204);
    const { methods } = (await (await listMethods(server)).json()) as { methods: unknown[] };
    assert.equal(methods.length, 1);
  });

  it('answers within the time-out when onVerified hangs, with the registration made', async () => {
    const server = setup({ dependencyTimeoutMs: 30, onVerified: () => never });
    const id = await server.start();
    assert.equal((await server.verify(id, server.lastCode())).status, 204);
    const { methods } = (await (await listMethods(server)).json()) as { methods: unknown[] };
    assert.equal(methods.length, 1);
  });
});

describe('attack: a dependency that hangs or fails', () => {
  it('answers 503 when the sender hangs, and leaves no usable code', async () => {
    const codes: string[] = [];
    const server = setup({
      dependencyTimeoutMs: 30,
      sender: { send: ({ code }) => (codes.push(code), never) },
    });
    const response = await server.sendCode();
    assert.equal(response.status, 503);
    assert.equal((await body(response)).error, 'channel-unavailable');
  });

  it('answers 503 when the store throws or hangs', async () => {
    const broken = createMemoryStore();
    const failing: SecurityInfoStore = {
      ...broken,
      transaction: async () => Promise.reject(new Error('connection reset')),
    };
    assert.equal((await setup({ store: failing }).sendCode()).status, 503);
    const hanging: SecurityInfoStore = { ...broken, transaction: () => never };
    assert.equal((await setup({ store: hanging, dependencyTimeoutMs: 30 }).sendCode()).status, 503);
  });

  it('answers 503 when authenticate hangs or throws', async () => {
    assert.equal((await setup({ dependencyTimeoutMs: 30, authenticate: () => never }).sendCode()).status, 503);
    const throwing = setup({
      authenticate: () => {
        throw new Error('session store down');
      },
    });
    assert.equal((await throwing.sendCode()).status, 503);
  });
});

describe('attack: reading codes from the logs', () => {
  it('refuses the console sender, a missing secret and a short one unless in development', () => {
    const base = { authenticate: () => 'u', clientKey: () => 'c', development: false };
    const sender = { send: async () => undefined };
    assert.throws(() => createSecurityInfoHandler({ ...base, secret: SECRET }), /sender is required/);
    assert.throws(() => createSecurityInfoHandler({ ...base, secret: SECRET, sender: consoleSender }), /development/);
    assert.throws(() => createSecurityInfoHandler({ ...base, sender }), /32 bytes/);
    assert.throws(() => createSecurityInfoHandler({ ...base, sender, secret: '' }), /32 bytes/);
    assert.throws(() => createSecurityInfoHandler({ ...base, sender, secret: 'x' }), /32 bytes/);
    assert.doesNotThrow(() =>
      createSecurityInfoHandler({ ...base, development: true, logger: { warn() {}, error() {} } }),
    );
  });

  it('never logs a code or a whole number, whatever fails', async () => {
    const server = setup({
      sender: {
        send: async ({ code, phoneNumber }) => {
          throw new Error(`gateway refused ${code} to ${phoneNumber}`);
        },
      },
    });
    await server.sendCode();
    const memory = createMemoryStore();
    const failing = setup({
      store: {
        ...memory,
        transaction: (work) =>
          memory.transaction((tx) =>
            work({ ...tx, putChallenge: async (c) => Promise.reject(new Error(`${c.phoneNumber}`)) }),
          ),
      },
    });
    await failing.sendCode();
    const lines = [...server.logged, ...failing.logged];
    assert.ok(lines.length >= 2);
    for (const line of lines) assert.doesNotMatch(line, /\d{6}/, line);
  });

  it('never logs an email address or a bearer token an error carries', async () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLW9mLWFsaWNl';
    // A host's hooks fail as their libraries do: a mailer names the recipient, a session library the token.
    const server = setup({
      authenticate: (request) => {
        if (request.headers.get('x-test-user') === 'mallory')
          throw new Error(`session lookup failed for Bearer ${token} (Alice.Smith+work@Example.co.uk)`);
        return request.headers.get('x-test-user');
      },
    });
    const refused = await server.sendCode('+31612345678', 'sms', { user: 'mallory' });
    assert.equal(refused.status, 503);
    const lines = server.logged;
    assert.ok(lines.length >= 1);
    for (const line of lines) {
      assert.doesNotMatch(line, /@example\.co\.uk/i, line);
      assert.doesNotMatch(line, /Alice\.Smith/i, line);
      assert.ok(!line.includes(token.split('.')[1]!), line);
      assert.match(line, /session lookup failed/, line);
    }
  });

  it('logs an error with a message of a megabyte at once, not after the patterns that hide data have read it all', async () => {
    // A driver's error that quotes what it was given, as long as the stranger made it.
    const server = setup({
      authenticate: () => {
        throw new Error(`lookup failed: ${'x'.repeat(1 << 20)}@`);
      },
    });
    const begun = performance.now();
    assert.equal((await server.sendCode()).status, 503);
    // Read whole, the message took about a second per 40,000 characters (hours for a megabyte).
    assert.ok(performance.now() - begun < 2000, `answered after ${Math.round(performance.now() - begun)} ms`);
    assert.ok(server.logged.every((line) => line.length < 400));
  });
});

describe('attack: filling memory', () => {
  it('sweeps rate windows and expired challenges on the handler clock', async () => {
    const store = createMemoryStore();
    const server = setup({ store });
    for (let i = 0; i < 50; i++)
      await server.sendCode(`+3161200${String(1000 + i)}`, 'sms', { user: `u${i}`, client: `10.0.0.${i}` });
    const before = store.stats();
    assert.ok(before.rateKeys > 50 && before.challenges >= 20, JSON.stringify(before));
    server.advance(2 * 3600);
    await server.handler(
      new Request('http://portal.test/api/security-info/policy', { headers: { 'x-test-user': 'a' } }),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.deepEqual(store.stats(), { challenges: 0, rateKeys: 0, failures: 0 });
  });
});
