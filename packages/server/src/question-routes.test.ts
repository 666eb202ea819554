import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Registrations, SecurityInfoPolicy } from '@security-info/core';
import { createSecurityInfoHandler } from './handler.js';
import { ConfigurationError } from './options.js';
import { pgliteClient } from './pglite-store.js';
import { migrate } from './sql-schema.js';
import { createSqlStore } from './sql-store.js';
import { body, requester, setup, watchHashing } from './test-support.js';

const SERVICE_TOKEN = 'svc_0123456789abcdefghijklmnopqrstuvwxyz';

const POLICY: SecurityInfoPolicy = {
  methods: [
    { id: 'phone', purposes: ['mfa', 'password-reset'] },
    { id: 'security-questions', purposes: ['password-reset'] },
  ],
  securityQuestions: {
    questions: [
      { id: 'first-pet' },
      { id: 'birth-city' },
      { id: 'first-car' },
      { id: 'motto', text: 'Wat is je motto?' },
    ],
    required: 3,
    // A reset checks two of the three answers here (by default it would check all that are registered).
    requiredToReset: 2,
  },
};

const ANSWERS = [
  { questionId: 'first-pet', answer: 'Rex the Dog' },
  { questionId: 'birth-city', answer: 'Utrecht' },
  { questionId: 'motto', answer: 'Nooit opgeven' },
];

/** Two of the answers a reset checks here, the first wrong. */
const ONE_WRONG = [
  { questionId: 'birth-city', answer: 'Amsterdam' },
  { questionId: 'motto', answer: 'Nooit opgeven' },
];

function withQuestions(options: Parameters<typeof setup>[0] = {}) {
  const notices: string[] = [];
  const server = setup({
    policy: POLICY,
    serviceCredentials: { 'sign-in': SERVICE_TOKEN },
    onNotice: (notice) => void notices.push(`${notice.action} ${notice.kind}`),
    ...options,
  });
  const call = requester(server.handler);
  const save = (json: unknown, user = 'alice') => call('PUT', '/security-questions', json, { user });
  const list = async (user = 'alice') =>
    (await (await call('GET', '/methods', undefined, { user })).json()) as Registrations;
  const check = (userId: string, methodId: string, answers: unknown, clientAddress?: string) =>
    call(
      'POST',
      `/service/users/${userId}/methods/${methodId}/verify`,
      { answers, clientAddress },
      {
        user: null,
        headers: { authorization: `Bearer ${SERVICE_TOKEN}` },
      },
    );
  /** Registers the answers and answers the method's id. */
  async function register(user = 'alice', answers = ANSWERS) {
    const saved = await save({ answers }, user);
    assert.equal(saved.status, 204, await saved.clone().text());
    return (await list(user)).methods.find((method) => method.kind === 'security-questions')!.id;
  }
  return { ...server, notices, call, save, list, check, register };
}

describe('security questions', () => {
  it('registers answers that keep the rules, listed with the questions’ ids only', async () => {
    const server = withQuestions();
    assert.equal((await server.save({ answers: ANSWERS })).status, 204);
    const { methods } = await server.list();
    assert.equal(methods.length, 1);
    assert.deepEqual(
      { ...methods[0], id: 'x', addedAt: 'x' },
      {
        id: 'x',
        kind: 'security-questions',
        addedAt: 'x',
        lastUsedAt: null,
        purposes: ['password-reset'],
        removable: true,
        securityQuestions: { questionIds: ['first-pet', 'birth-city', 'motto'] },
      },
    );
    assert.deepEqual(server.notices, ['method-added security-questions']);
  });

  it('refuses answers that break a rule with a 400 naming it, and keeps nothing', async () => {
    const server = withQuestions();
    const cases: [unknown, string][] = [
      [ANSWERS.slice(0, 2), 'Answer at least 3 questions.'],
      [
        [...ANSWERS.slice(0, 2), { questionId: 'motto', answer: 'ok' }],
        'The answers break a rule: each answer needs at least 3 characters.',
      ],
      [
        [...ANSWERS.slice(0, 2), { questionId: 'motto', answer: 'utrecht' }],
        'The answers break a rule: each answer must be different.',
      ],
      [
        [...ANSWERS.slice(0, 2), { questionId: 'motto', answer: 'Je motto' }],
        'The answers break a rule: an answer cannot repeat its question.',
      ],
      [
        [{ questionId: 'first-pet', answer: 'First pet' }, ...ANSWERS.slice(1)],
        'The answers break a rule: an answer cannot repeat its question.',
      ],
      [[...ANSWERS.slice(0, 2), { questionId: 'first-pet', answer: 'Bello' }], 'Each question can be answered once.'],
      [
        [...ANSWERS.slice(0, 2), { questionId: 'dream-job', answer: 'Pilot' }],
        'questionId must be one of the policy’s questions.',
      ],
    ];
    for (const [answers, message] of cases) {
      const response = await server.save({ answers });
      assert.equal(response.status, 400);
      assert.deepEqual(await body(response), { error: 'unknown', message });
    }
    assert.deepEqual((await server.list()).methods, []);
  });

  it('replaces the person’s answers: one set, under a new id', async () => {
    const server = withQuestions();
    const first = await server.register();
    const replaced = await server.save({
      answers: [{ questionId: 'first-car', answer: 'Fiat Panda' }, ...ANSWERS.slice(1)],
      replaces: first,
    });
    assert.equal(replaced.status, 204);
    const { methods } = await server.list();
    assert.equal(methods.length, 1);
    assert.notEqual(methods[0]!.id, first);
    assert.deepEqual(methods[0]!.securityQuestions, { questionIds: ['first-car', 'birth-city', 'motto'] });
    assert.deepEqual(server.notices, ['method-added security-questions', 'method-replaced security-questions']);
    assert.equal((await server.save({ answers: ANSWERS, replaces: 'nosuchmethod' })).status, 404);
  });

  it('takes the longest answers the rules allow, in a script of three bytes a character, to save and to check', async () => {
    // Four answers of 200 characters each, as a Chinese or a Hindi speaker may type them: 2.4 KB of UTF-8.
    const server = withQuestions({
      policy: { ...POLICY, securityQuestions: { ...POLICY.securityQuestions!, required: 4, requiredToReset: 4 } },
    });
    const answers = ['first-pet', 'birth-city', 'first-car', 'motto'].map((questionId, index) => ({
      questionId,
      answer: String.fromCodePoint(0x4e00 + index).repeat(200),
    }));
    const id = await server.register('alice', answers);
    const checked = await server.check('alice', id, answers);
    assert.equal(checked.status, 200, await checked.clone().text());
  });

  it('takes an answer of 199 characters with spaces around it, to save and to check', async () => {
    const server = withQuestions();
    const answers = [{ questionId: 'first-pet', answer: ` ${'Rex'.repeat(66)}r  ` }, ...ANSWERS.slice(1)];
    const id = await server.register('alice', answers);
    const checked = await server.check('alice', id, answers.slice(0, 2));
    assert.equal(checked.status, 200, await checked.clone().text());
  });

  it('keeps one set when two first saves race (a double-clicked Save)', async () => {
    const server = withQuestions();
    const answers = await Promise.all([server.save({ answers: ANSWERS }), server.save({ answers: ANSWERS })]);
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [204, 204],
    );
    const { methods } = await server.list();
    assert.equal(methods.filter((method) => method.kind === 'security-questions').length, 1);
  });

  it('keeps one set when two saves that name no set to replace race over an existing one', async () => {
    const server = withQuestions();
    const first = await server.register();
    const answers = await Promise.all([server.save({ answers: ANSWERS }), server.save({ answers: ANSWERS })]);
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [204, 204],
    );
    const sets = (await server.list()).methods.filter((method) => method.kind === 'security-questions');
    assert.equal(sets.length, 1);
    assert.notEqual(sets[0]!.id, first);
  });

  it('is refused where the policy does not offer them', async () => {
    const server = withQuestions({ policy: { methods: [{ id: 'phone', purposes: ['mfa'] }] } });
    const response = await server.save({ answers: ANSWERS });
    assert.equal(response.status, 422);
    assert.equal((await body(response)).error, 'unknown');
  });

  it('does not start with a policy that offers questions no one could answer', () => {
    assert.throws(
      () =>
        createSecurityInfoHandler({
          authenticate: () => 'alice',
          clientKey: () => '192.0.2.1',
          secret: 'a test secret of more than thirty-two bytes',
          sender: { send: async () => undefined },
          policy: { methods: POLICY.methods, securityQuestions: { questions: [{ id: 'unworded' }], required: 1 } },
        }),
      (error: Error) => error instanceof ConfigurationError && /"unworded" has no text/.test(error.message),
    );
  });

  it('bounds how often a person saves answers, each save costing slow hashes', async () => {
    const server = withQuestions({ limits: { sendsPerUser: [{ max: 2, windowSeconds: 600 }] } });
    assert.equal((await server.save({ answers: ANSWERS })).status, 204);
    assert.equal((await server.save({ answers: ANSWERS })).status, 204);
    const third = await server.save({ answers: ANSWERS });
    assert.equal(third.status, 429);
    assert.equal((await body(third)).error, 'rate-limited');
  });

  it('never logs, returns or keeps an answer in clear: the raw rows hold salted hashes only', async () => {
    const db = new PGlite();
    const client = pgliteClient(db);
    await migrate(client);
    const server = withQuestions({ store: createSqlStore(client) });
    try {
      const id = await server.register();
      await server.check('alice', id, [{ questionId: 'motto', answer: 'Wrong motto' }]);
      const dump = JSON.stringify([
        (await db.query('select * from methods')).rows,
        (await db.query('select * from audit_entries')).rows,
        (await db.query('select * from challenges')).rows,
      ]).toLowerCase();
      for (const { answer } of ANSWERS) assert.ok(!dump.includes(answer.toLowerCase()), answer);
      assert.ok(!dump.includes('wrong motto'));
      const row = (await db.query<{ data: { answers: Record<string, unknown>[] } }>('select data from methods'))
        .rows[0]!;
      for (const stored of row.data.answers) {
        assert.deepEqual(Object.keys(stored).sort(), ['form', 'hash', 'params', 'questionId', 'salt']);
        assert.equal(stored.form, 2);
        assert.deepEqual(stored.params, { N: 32768, r: 8, p: 1, keyLength: 32 });
      }
      assert.equal(new Set(row.data.answers.map((stored) => stored.salt)).size, 3, 'a salt per answer');
      const listed = JSON.stringify(await server.list()).toLowerCase();
      assert.ok(!/utrecht|hash|salt/.test(listed), listed);
      for (const line of server.logged) assert.ok(!/utrecht|rex|nooit|motto/i.test(line), line);
    } finally {
      await db.close();
    }
  });
});

describe('security questions at sign-in', () => {
  it('verifies when every asked answer is right, however it is written, and records the use', async () => {
    const server = withQuestions();
    const id = await server.register();
    const response = await server.check('alice', id, [
      { questionId: 'motto', answer: '  NOOIT   opgeven ' },
      { questionId: 'first-pet', answer: 'rex the dog' },
    ]);
    assert.equal(response.status, 200);
    assert.deepEqual(await body(response), { verified: true, methodId: id });
    assert.notEqual((await server.list()).methods[0]!.lastUsedAt, null);
  });

  it('verifies answers with the invisible characters a paste or a right-to-left keyboard leaves in', async () => {
    const server = withQuestions();
    const id = await server.register();
    const response = await server.check('alice', id, [
      { questionId: 'motto', answer: '\u200fNooit\u200b opgeven\u200e' },
      { questionId: 'first-pet', answer: '\ufeffRex the\u2060 Dog' },
    ]);
    assert.equal(response.status, 200, await response.clone().text());
  });

  it('refuses when one asked answer is wrong, or names a question not answered', async () => {
    const server = withQuestions();
    const id = await server.register();
    // The person's limit of wrong answers in a row (20 by default) counts down.
    let remaining = 20;
    for (const answers of [
      [
        { questionId: 'motto', answer: 'Nooit opgeven' },
        { questionId: 'first-pet', answer: 'Bello' },
      ],
      [
        { questionId: 'first-car', answer: 'Fiat' },
        { questionId: 'motto', answer: 'Nooit opgeven' },
      ],
    ]) {
      const response = await server.check('alice', id, answers);
      assert.equal(response.status, 422);
      assert.deepEqual(await body(response), {
        error: 'invalid-code',
        message: 'The code is not right.',
        attemptsRemaining: --remaining,
      });
    }
    assert.equal((await server.check('alice', id, [])).status, 400);
    assert.equal((await server.list()).methods[0]!.lastUsedAt, null);
  });

  it('refuses a check of fewer answers than a reset needs, whatever the sign-in page sent, counting nothing', async () => {
    // By default a reset checks as many answers as the person registered: here all three.
    const strict = withQuestions({
      policy: { ...POLICY, securityQuestions: { ...POLICY.securityQuestions!, requiredToReset: undefined } },
    });
    const id = await strict.register();
    const response = await strict.check('alice', id, ANSWERS.slice(0, 2));
    assert.equal(response.status, 400);
    assert.match(String((await body(response)).message), /answers to 3 of the person's questions; 2 given/);
    assert.equal((await strict.check('alice', id, ANSWERS)).status, 200);
    // The one answer a stranger found out is never enough, and is not counted as a guess either.
    const server = withQuestions();
    const two = await server.register();
    assert.equal((await server.check('alice', two, [ANSWERS[1]])).status, 400);
    const wrong = await server.check('alice', two, [ANSWERS[1], { questionId: 'motto', answer: 'x y z' }]);
    assert.equal((await body(wrong)).attemptsRemaining, 19);
  });

  it('locks guessing in the user’s failure limits: past the cap even the right answers wait', async () => {
    const server = withQuestions({ limits: { maxConsecutiveFailures: 3, failureLockoutSeconds: 60 } });
    const id = await server.register();
    const statuses = [];
    for (let tries = 0; tries < 3; tries++) statuses.push((await server.check('alice', id, ONE_WRONG)).status);
    assert.deepEqual(statuses, [422, 422, 429]);
    const locked = await server.check('alice', id, ANSWERS);
    assert.equal(locked.status, 429);
    assert.equal((await body(locked)).error, 'too-many-attempts');
    server.advance(61);
    assert.equal((await server.check('alice', id, ANSWERS)).status, 200);
  });

  it('gives a stranger who knows the answers nothing of the person’s: no known address, no count cleared', async () => {
    const server = withQuestions({ limits: { maxConsecutiveFailures: 3, failureLockoutSeconds: 60 } });
    const id = await server.register();
    // Two wrong sets from one address, then the right set from another: the count of strangers stays at two.
    for (let tries = 0; tries < 2; tries++)
      assert.equal((await server.check('alice', id, ONE_WRONG, '203.0.113.1')).status, 422);
    assert.equal((await server.check('alice', id, ANSWERS, '203.0.113.2')).status, 200);
    assert.equal((await server.check('alice', id, ONE_WRONG, '203.0.113.1')).status, 429);
    // Nor did the right set make its address one where the person signs in: it waits with the strangers.
    assert.equal((await server.check('alice', id, ONE_WRONG, '203.0.113.2')).status, 429);
  });

  it('hashes the answers outside the store’s transactions, which the embedded stores run one at a time', async () => {
    const watch = watchHashing();
    try {
      const server = withQuestions({ store: watch.store });
      const id = await server.register();
      watch.counts.hashes = watch.counts.inTransaction = 0;
      assert.equal((await server.check('alice', id, ANSWERS)).status, 200);
      assert.equal((await server.check('alice', id, ONE_WRONG)).status, 422);
      assert.deepEqual(watch.counts, { hashes: 5, inTransaction: 0 });
    } finally {
      watch.restore();
    }
  });

  it('leaves the thread pool to the rest of the service while a flood of checks is hashed', async () => {
    const server = withQuestions();
    const id = await server.register();
    // A sign-in page forwarding 30 strangers' guesses at once: 60 slow hashes.
    const flood = Array.from({ length: 30 }, () => server.check('alice', id, ONE_WRONG));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // What every request needs from the same pool (a file, a sender's DNS lookup) still gets a thread at once.
    const started = performance.now();
    await stat(import.meta.filename);
    const waited = performance.now() - started;
    const answers = await Promise.all(flood);
    assert.ok(waited < 250, `a file read waited ${Math.round(waited)} ms behind the hashing`);
    const statuses = answers.map((answer) => answer.status);
    // Each answered: wrong, or busy with a time to come back; never a crash.
    assert.ok(
      statuses.every((status) => status === 422 || status === 503),
      statuses.join(),
    );
    assert.ok(statuses.includes(503), 'nothing was turned away');
    for (const answer of answers.filter(({ status }) => status === 503))
      assert.ok(Number(answer.headers.get('retry-after')) > 0);
  });

  it('hashes nothing while the person’s wrong answers make them wait', async () => {
    const watch = watchHashing();
    try {
      const server = withQuestions({ store: watch.store, limits: { maxConsecutiveFailures: 2 } });
      const id = await server.register();
      for (let tries = 0; tries < 2; tries++) await server.check('alice', id, ONE_WRONG);
      watch.counts.hashes = 0;
      for (let tries = 0; tries < 5; tries++) assert.equal((await server.check('alice', id, ANSWERS)).status, 429);
      assert.equal(watch.counts.hashes, 0);
    } finally {
      watch.restore();
    }
  });

  it('answers the contract’s examples as the contract says: its policy, its answers, and a reset’s check', async () => {
    const contract = await readFile(new URL('../../../docs/http-contract.md', import.meta.url), 'utf8');
    const examples = [...contract.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map(
      (block) => JSON.parse(block[1]!) as Record<string, unknown>,
    );
    const policy = examples.find((example) => 'securityQuestions' in example) as unknown as SecurityInfoPolicy;
    const [answers, asked] = examples.filter((example) => 'answers' in example).map((example) => example.answers);
    assert.ok(policy && answers && asked);
    const server = withQuestions({
      policy,
      sender: { send: async () => undefined, sendEmail: async () => undefined },
    });
    const id = await server.register('alice', answers as typeof ANSWERS);
    const checked = await server.check('alice', id, asked);
    assert.equal(checked.status, 200, await checked.clone().text());
  });

  it('checks only the user’s own method', async () => {
    const server = withQuestions();
    const alices = await server.register('alice');
    await server.register('bob');
    const response = await server.check('bob', alices, ANSWERS);
    assert.equal(response.status, 404);
    assert.equal((await server.check('bob', 'nosuchmethod', ANSWERS)).status, 404);
  });
});
