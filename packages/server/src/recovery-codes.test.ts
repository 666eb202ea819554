// Recovery codes through the handler: a set made on the person's page, shown once and kept only as hashes; each code
// used once through the service API, also when two checks race; a new set ends the old one; guesses are limited.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PGlite } from '@electric-sql/pglite';
import type { SecurityInfoPolicy } from '@security-info/core';
import type { SecurityInfoHandlerOptions } from './options.js';
import { pgliteClient } from './pglite-store.js';
import { openPostgresStore, type PostgresStore } from './postgres-store.js';
import { hashRecoveryCodes, normalizeRecoveryCode, RECOVERY_SCRYPT } from './recovery-codes.js';
import { migrate } from './sql-schema.js';
import { createSqlStore } from './sql-store.js';
import { BASE, body, setup, watchHashing } from './test-support.js';
import { startPostgres, type TestPostgres } from './test-postgres.js';

const POLICY: SecurityInfoPolicy = {
  methods: [{ id: 'phone', purposes: ['mfa', 'password-reset'] }],
  recoveryCodes: true,
};
const TOKEN = 'sign-in-service-credential-of-32-characters-or-more';

interface Codes {
  codes: string[];
  method: { id: string; kind: string; recoveryCodes: { remaining: number; total: number }; purposes: string[] };
}

function recoveryServer(options: Partial<SecurityInfoHandlerOptions> = {}) {
  const server = setup({ policy: POLICY, serviceCredentials: { 'sign-in': TOKEN }, ...options });
  const generate = (user = 'alice') => server.post('/recovery-codes', {}, { user });
  async function codes(user = 'alice'): Promise<Codes> {
    const response = await generate(user);
    assert.equal(response.status, 201, await response.clone().text());
    return (await response.json()) as Codes;
  }
  const use = (methodId: string, code: unknown, user = 'alice') =>
    server.handler(
      new Request(`${BASE}/service/users/${user}/methods/${methodId}/verify`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      }),
    );
  const listMethods = async (user = 'alice') => {
    const response = await server.handler(new Request(`${BASE}/methods`, { headers: { 'x-test-user': user } }));
    return (await response.json()) as { methods: Record<string, unknown>[] };
  };
  return { ...server, generate, codes, use, listMethods };
}

describe('recovery codes, made', () => {
  it('read as typed: any case, spaces and dashes', () => {
    assert.equal(normalizeRecoveryCode(' abcde-fghjk mnpqr '), 'ABCDEFGHJKMNPQR');
    assert.throws(() => normalizeRecoveryCode(42));
    assert.throws(() => normalizeRecoveryCode('x'.repeat(65)));
  });

  it('are kept as salted scrypt hashes only', async () => {
    const set = await hashRecoveryCodes(['AAAAA-BBBBB-CCCCC', 'AAAAA-BBBBB-CCCCD'], 10_000);
    assert.deepEqual(set.params, RECOVERY_SCRYPT);
    assert.equal(set.hashes.length, 2);
    assert.notEqual(set.hashes[0], set.hashes[1]);
    const again = await hashRecoveryCodes(['AAAAA-BBBBB-CCCCC'], 10_000);
    assert.notEqual(again.hashes[0], set.hashes[0], 'another salt, another hash');
  });
});

describe('POST /recovery-codes', () => {
  it('answers ten codes once and lists ten of ten left, never a code or a hash', async () => {
    const server = recoveryServer();
    const { codes, method } = await server.codes();
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    assert.equal(method.kind, 'recovery-codes');
    assert.deepEqual(method.recoveryCodes, { remaining: 10, total: 10 });
    assert.deepEqual(method.purposes, []);
    const listed = await server.listMethods();
    assert.deepEqual(listed.methods, [method]);
    const stored = JSON.stringify(await server.store.transaction((tx) => tx.listMethods('alice')));
    for (const code of codes) {
      assert.ok(!stored.includes(code) && !stored.includes(code.replaceAll('-', '')));
      assert.ok(!JSON.stringify(listed).includes(code));
    }
  });

  it('replaces the set in one step: the old codes stop working, one registration remains', async () => {
    const server = recoveryServer();
    const old = await server.codes();
    const fresh = await server.codes();
    const { methods } = await server.listMethods();
    assert.equal(methods.length, 1);
    assert.equal(methods[0]!.id, fresh.method.id);
    assert.equal((await server.use(fresh.method.id, old.codes[0])).status, 422);
    assert.equal((await server.use(old.method.id, old.codes[1])).status, 404);
    assert.equal((await server.use(fresh.method.id, fresh.codes[0])).status, 200);
    const entries = await server.store.transaction((tx) => tx.listAudit({ userId: 'alice', limit: 10 }));
    assert.deepEqual(
      entries.map((entry) => entry.action),
      ['method-added', 'method-replaced', 'recovery-code-used'],
    );
  });

  it('answers no set that another made at the same time has already replaced (a retry, a second tab)', async () => {
    for (const first of [false, true]) {
      const server = recoveryServer();
      if (first) await server.codes();
      const answers = await Promise.all([server.generate(), server.generate(), server.generate()]);
      const made = answers.filter((answer) => answer.status === 201);
      const refused = answers.filter((answer) => answer.status === 409);
      assert.equal(made.length, 1, answers.map((answer) => answer.status).join());
      assert.equal(refused.length, 2);
      for (const answer of refused) assert.equal((await body(answer)).error, 'unknown');
      // The set answered is the one registered: its codes work, so the person does not keep codes already void.
      const { codes, method } = (await made[0]!.json()) as Codes;
      assert.deepEqual(
        (await server.listMethods()).methods.map((listed) => listed.id),
        [method.id],
      );
      assert.equal((await server.use(method.id, codes[0])).status, 200);
    }
  });

  it('needs a recent sign-in to make a new set, when the host asks (403 reauthentication-required)', async () => {
    let recent = true;
    const server = recoveryServer({ recentAuthentication: () => recent });
    await server.codes();
    recent = false;
    const refused = await server.generate();
    assert.equal(refused.status, 403);
    assert.equal((await body(refused)).error, 'reauthentication-required');
    recent = true;
    await server.codes();
  });

  it('is refused when the policy does not offer recovery codes (422)', async () => {
    const server = recoveryServer({ policy: { methods: [{ id: 'phone', purposes: ['mfa'] }] } });
    assert.equal((await server.generate()).status, 422);
  });

  it('is limited per person, so no one makes sets (and slow hashes) without end', async () => {
    const server = recoveryServer({ limits: { sendsPerUser: [{ max: 2, windowSeconds: 600 }] } });
    await server.codes();
    await server.codes();
    const refused = await server.generate();
    assert.equal(refused.status, 429);
    assert.equal((await body(refused)).error, 'rate-limited');
  });
});

describe('a recovery code at sign-in (the service API)', () => {
  it('works once, typed in any case and grouping; the answer and the list say how many are left', async () => {
    const server = recoveryServer();
    const { codes, method } = await server.codes();
    const typed = codes[3]!.toLowerCase().replaceAll('-', ' ');
    const right = await server.use(method.id, typed);
    assert.equal(right.status, 200);
    assert.deepEqual(await right.json(), {
      verified: true,
      methodId: method.id,
      recoveryCodes: { remaining: 9, total: 10 },
    });
    const again = await server.use(method.id, codes[3]);
    assert.equal(again.status, 422);
    assert.equal((await body(again)).error, 'invalid-code');
    const listed = (await server.listMethods()).methods[0]!;
    assert.deepEqual(listed.recoveryCodes, { remaining: 9, total: 10 });
    assert.equal(listed.lastUsedAt, new Date(server.now()).toISOString());
  });

  it('takes a right code as a sign-in page may pass it: full-width, other dashes, invisible characters', async () => {
    const server = recoveryServer({ limits: { maxConsecutiveFailures: 3 } });
    const { codes, method } = await server.codes();
    // A full-width keyboard (Japanese, Chinese, Korean input) types letters, digits and the dash at U+FF01 and up.
    const fullWidth = (code: string) =>
      [...code].map((symbol) => String.fromCodePoint(symbol.codePointAt(0)! + 0xfee0)).join('');
    const typed = [
      fullWidth(codes[0]!),
      fullWidth(codes[1]!.toLowerCase()).replaceAll('\uff0d', '\u3000'),
      codes[2]!.replaceAll('-', '\u2013'), // en dash, as word processors turn a hyphen into
      codes[3]!.replaceAll('-', '\u2010'), // hyphen
      codes[4]!.replaceAll('-', '\u2212'), // minus sign
      `\u200b${codes[5]!.replaceAll('-', '\u00ad')}\u2060`, // zero-width space, soft hyphen, word joiner
    ];
    for (const [index, code] of typed.entries()) {
      const answer = await server.use(method.id, code);
      const json = await body(answer);
      assert.equal(answer.status, 200, `${JSON.stringify(code)}: ${JSON.stringify(json)}`);
      assert.deepEqual(json.recoveryCodes, { remaining: 9 - index, total: 10 });
    }
  });

  it('leaves an audit entry and tells the person when a code is used, so a stolen code does not go unseen', async () => {
    const notices: { userId: string; action: string; methodId: string | null }[] = [];
    const server = recoveryServer({ onNotice: (notice) => void notices.push(notice) });
    const { codes, method } = await server.codes();
    notices.length = 0;
    assert.equal((await server.use(method.id, 'AAAAA-AAAAA-AAAAA')).status, 422);
    assert.equal((await server.use(method.id, codes[4])).status, 200);
    await new Promise((resolve) => setImmediate(resolve));
    const entries = await server.store.transaction((tx) => tx.listAudit({ userId: 'alice', limit: 10 }));
    const used = entries.filter((entry) => entry.action === 'recovery-code-used');
    assert.equal(used.length, 1, 'one entry, for the right code only');
    assert.equal(used[0]!.actor, 'service:sign-in');
    assert.equal(used[0]!.methodId, method.id);
    assert.ok(!JSON.stringify(entries).includes(codes[4]!.replace(/-/g, '')), 'no code in the trail');
    assert.deepEqual(
      notices.map(({ userId, action, methodId }) => ({ userId, action, methodId })),
      [{ userId: 'alice', action: 'recovery-code-used', methodId: method.id }],
    );
  });

  it('never writes a code to the log, right, wrong or used again, even when a notice fails', async () => {
    const server = recoveryServer({
      onNotice: () => {
        throw new Error('the mail server is down');
      },
    });
    const { codes, method } = await server.codes();
    await server.use(method.id, codes[0]);
    await server.use(method.id, codes[0]);
    await server.use(method.id, codes[1]!.toLowerCase().replace(/-/g, ' '));
    await server.use(method.id, 'ZZZZZ-ZZZZZ-ZZZZZ');
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(server.logged.length > 0, 'the failed notices are logged');
    const text = server.logged.join('\n').toUpperCase().replace(/[\s-]/g, '');
    for (const code of codes) assert.ok(!text.includes(code.replace(/-/g, '')), 'a code in the log');
  });

  it('lets one of two racing checks with the same code win', async () => {
    const server = recoveryServer();
    const { codes, method } = await server.codes();
    const answers = await Promise.all([server.use(method.id, codes[0]), server.use(method.id, codes[0])]);
    assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 422]);
    assert.deepEqual((await server.listMethods()).methods[0]!.recoveryCodes, { remaining: 9, total: 10 });
  });

  it('counts wrong codes in the per-user limit, and then refuses even a right one', async () => {
    const server = recoveryServer({ limits: { maxConsecutiveFailures: 3 } });
    const { codes, method } = await server.codes();
    const first = await server.use(method.id, 'AAAAA-AAAAA-AAAAA');
    assert.equal((await body(first)).attemptsRemaining, 2);
    await server.use(method.id, 'BBBBB-BBBBB-BBBBB');
    const third = await server.use(method.id, 'CCCCC-CCCCC-CCCCC');
    assert.equal((await body(third)).error, 'too-many-attempts');
    const right = await server.use(method.id, codes[0]);
    assert.equal(right.status, 429);
    assert.deepEqual((await server.listMethods()).methods[0]!.recoveryCodes, { remaining: 10, total: 10 });
  });

  it('hashes no guess while the person’s wrong codes make them wait, and none inside a transaction', async () => {
    const watch = watchHashing();
    try {
      const server = recoveryServer({ store: watch.store, limits: { maxConsecutiveFailures: 2 } });
      const { method } = await server.codes();
      watch.counts.hashes = watch.counts.inTransaction = 0;
      for (const code of ['AAAAA-AAAAA-AAAAA', 'BBBBB-BBBBB-BBBBB']) await server.use(method.id, code);
      assert.deepEqual(watch.counts, { hashes: 2, inTransaction: 0 });
      for (let tries = 0; tries < 5; tries++)
        assert.equal((await server.use(method.id, 'CCCCC-CCCCC-CCCCC')).status, 429);
      assert.equal(watch.counts.hashes, 2, 'a locked person’s guesses cost no hash');
    } finally {
      watch.restore();
    }
  });

  it('answers 400 to text that cannot be a recovery code, spending no hash and none of the person’s wrong codes', async () => {
    const watch = watchHashing();
    try {
      const server = recoveryServer({ store: watch.store, limits: { maxConsecutiveFailures: 3 } });
      const { codes, method } = await server.codes();
      watch.counts.hashes = 0;
      const notCodes = [
        '',
        '123456', // an authenticator app's code, sent to the wrong method
        codes[0]!.slice(0, -1), // one symbol short
        `${codes[0]!}7`, // one too many
        'OOOOO-IIIII-LLLLL', // letters the alphabet leaves out
        '00000-11111-UUUUU',
        'ÀAAAA-AAAAA-AAAAA',
      ];
      for (const code of notCodes) {
        const answer = await server.use(method.id, code);
        assert.equal(answer.status, 400, JSON.stringify(code));
      }
      assert.equal(watch.counts.hashes, 0, 'no slow hash for what cannot be a code');
      const wrong = await server.use(method.id, 'AAAAA-AAAAA-AAAAA');
      assert.equal((await body(wrong)).attemptsRemaining, 2, 'the first wrong code counted is this one');
      assert.equal((await server.use(method.id, codes[0])).status, 200);
    } finally {
      watch.restore();
    }
  });

  it('is another person’s method to no one: 404, and 400 for what is not a code', async () => {
    const server = recoveryServer();
    const { codes, method } = await server.codes();
    assert.equal((await server.use(method.id, codes[0], 'bob')).status, 404);
    assert.equal((await server.use(method.id, 42)).status, 400);
    assert.equal((await server.use(method.id, 'x'.repeat(65))).status, 400);
  });

  it('keeps the set and uses codes once on PGlite as well', async () => {
    const client = pgliteClient(await PGlite.create());
    await migrate(client);
    const store = createSqlStore(client);
    try {
      const server = recoveryServer({ store });
      const { codes, method } = await server.codes();
      const answers = await Promise.all([server.use(method.id, codes[5]), server.use(method.id, codes[5])]);
      assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 422]);
      const fresh = await server.codes();
      assert.equal((await server.use(fresh.method.id, codes[6])).status, 422);
      assert.deepEqual((await server.listMethods()).methods[0]!.recoveryCodes, { remaining: 10, total: 10 });
    } finally {
      await store.close();
    }
  });
});

describe('recovery codes on PostgreSQL (several connections, as several instances have)', () => {
  let postgres: TestPostgres;
  let store: PostgresStore;
  before(async () => {
    postgres = await startPostgres();
    store = await openPostgresStore({ connectionString: postgres.connectionString, max: 8 });
  });
  after(async () => {
    await store?.close();
    await postgres?.stop();
  });

  it('lets one of six racing checks with the same code win, each on its own connection', async () => {
    const server = recoveryServer({ store, limits: { maxConsecutiveFailures: 20 } });
    const { codes, method } = await server.codes('carol');
    const answers = await Promise.all(Array.from({ length: 6 }, () => server.use(method.id, codes[2], 'carol')));
    assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 422, 422, 422, 422, 422]);
    assert.deepEqual((await server.listMethods('carol')).methods[0]!.recoveryCodes, { remaining: 9, total: 10 });
  });

  it('counts every one of racing wrong codes, so guessing in parallel does not escape the limit', async () => {
    const server = recoveryServer({ store, limits: { maxConsecutiveFailures: 4 } });
    const { method } = await server.codes('dave');
    const guesses = Array.from({ length: 8 }, (_, index) => `${'ABCDEFGH'[index]!.repeat(5)}-AAAAA-AAAAA`);
    const answers = await Promise.all(guesses.map((guess) => server.use(method.id, guess, 'dave')));
    const statuses = answers.map((answer) => answer.status);
    assert.equal(statuses.filter((status) => status === 422).length, 3, statuses.join());
    assert.equal(statuses.filter((status) => status === 429).length, 5, statuses.join());
  });

  it('keeps the first of racing new sets and refuses the others, each on its own connection', async () => {
    const server = recoveryServer({ store });
    await server.codes('frank');
    // Three: ten slow hashes each, and the gate lets 34 in at once.
    const answers = await Promise.all(Array.from({ length: 3 }, () => server.generate('frank')));
    const statuses = answers.map((answer) => answer.status).sort();
    assert.deepEqual(statuses, [201, 409, 409]);
    const { codes, method } = (await answers.find((answer) => answer.status === 201)!.json()) as Codes;
    assert.deepEqual(
      (await server.listMethods('frank')).methods.map((listed) => listed.id),
      [method.id],
    );
    assert.equal((await server.use(method.id, codes[9], 'frank')).status, 200);
  });

  it('ends the old set when a new one is made while a code of it is being checked', async () => {
    const server = recoveryServer({ store });
    const { codes, method } = await server.codes('erin');
    const [used, fresh] = await Promise.all([server.use(method.id, codes[0], 'erin'), server.codes('erin')]);
    // Either the check came first (and the new set came after it), or the new set did and the old code is gone.
    assert.ok([200, 404, 409, 422].includes(used.status), String(used.status));
    assert.equal((await server.use(fresh.method.id, codes[1], 'erin')).status, 422);
    const listed = (await server.listMethods('erin')).methods;
    assert.equal(listed.length, 1);
    assert.deepEqual(listed[0]!.recoveryCodes, { remaining: 10, total: 10 });
  });
});
