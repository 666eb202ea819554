import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { SecurityInfoPolicy } from '@security-info/core';
import { ConfigurationError } from './options.js';
import { Refusal } from './http.js';
import {
  checkQuestionsPolicy,
  hashAnswer,
  answerHashes,
  hashesMatch,
  PREDEFINED_QUESTION_TEXT,
  readAnswers,
  readAnswerList,
  SCRYPT_PARAMS,
} from './questions.js';
import { PREDEFINED_QUESTION_IDS, type SecurityQuestionAnswer } from '@security-info/core';
import type { StoredAnswer } from './questions.js';

/** A check as the service API makes one: the answers hashed as stored, then compared. */
const answersMatch = async (given: SecurityQuestionAnswer[], stored: StoredAnswer[]) =>
  hashesMatch(given, await Promise.all(answerHashes(given, stored).map((hash) => hash())), stored);

const POLICY: SecurityInfoPolicy = {
  methods: [{ id: 'security-questions', purposes: ['password-reset'] }],
  securityQuestions: {
    questions: [
      { id: 'first-pet' },
      { id: 'birth-city' },
      { id: 'first-car' },
      { id: 'motto', text: 'Wat is je motto?' },
    ],
    required: 3,
  },
};

/** The refusal's message, for a call that must refuse with a 400. */
function refusal(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    assert.ok(error instanceof Refusal && error.status === 400 && error.code === 'unknown', String(error));
    return error.message;
  }
  assert.fail('not refused');
}

describe('security question answers', () => {
  it('are hashed with scrypt under a salt of their own, the parameters kept beside the hash', async () => {
    const one = await hashAnswer({ questionId: 'first-pet', answer: 'Rex' });
    const two = await hashAnswer({ questionId: 'first-pet', answer: 'Rex' });
    assert.deepEqual(one.params, { N: 32768, r: 8, p: 1, keyLength: 32 });
    assert.equal(Buffer.from(one.salt, 'base64url').length, 16);
    assert.equal(Buffer.from(one.hash, 'base64url').length, 32);
    assert.notEqual(one.salt, two.salt);
    assert.notEqual(one.hash, two.hash);
    assert.ok(!JSON.stringify(one).toLowerCase().includes('rex'));
  });

  it('match however the answer is written (width, case, white space), and not when one is wrong', async () => {
    const stored = await Promise.all([
      hashAnswer({ questionId: 'first-pet', answer: 'Rex the Dog' }),
      hashAnswer({ questionId: 'birth-city', answer: 'Utrecht' }),
    ]);
    assert.equal(
      await answersMatch(
        [
          { questionId: 'first-pet', answer: '  ＲＥＸ   the\tdog ' },
          { questionId: 'birth-city', answer: 'UTRECHT' },
        ],
        stored,
      ),
      true,
    );
    assert.equal(await answersMatch([{ questionId: 'birth-city', answer: 'utrecht' }], stored), true);
    assert.equal(
      await answersMatch(
        [
          { questionId: 'first-pet', answer: 'Rex the Dog' },
          { questionId: 'birth-city', answer: 'Amsterdam' },
        ],
        stored,
      ),
      false,
    );
    assert.equal(await answersMatch([{ questionId: 'first-car', answer: 'Utrecht' }], stored), false);
    assert.equal(await answersMatch([], stored), false);
  });

  it('match when a paste or a right-to-left keyboard leaves invisible characters in', async () => {
    const stored = [await hashAnswer({ questionId: 'birth-city', answer: 'Utrecht' })];
    for (const answer of ['\u200fUtrecht', 'Utrecht\u200b', 'Ut\u00adrecht', '\u2067Utrecht\u2069'])
      assert.equal(await answersMatch([{ questionId: 'birth-city', answer }], stored), true, JSON.stringify(answer));
  });

  it('match with the digits of another script, as a phone set to another language types them', async () => {
    const stored = [await hashAnswer({ questionId: 'first-car', answer: 'Peugeot 206' })];
    for (const answer of ['Peugeot ٢٠٦', 'peugeot ۲۰۶'])
      assert.equal(await answersMatch([{ questionId: 'first-car', answer }], stored), true, answer);
  });

  it('match a Turkish answer typed with a capital İ, or without it', async () => {
    const stored = [await hashAnswer({ questionId: 'birth-city', answer: 'İstanbul' })];
    for (const answer of ['istanbul', 'ISTANBUL', 'İSTANBUL'])
      assert.equal(await answersMatch([{ questionId: 'birth-city', answer }], stored), true, answer);
  });

  it('check a set saved before invisible characters were left out as it was hashed then', async () => {
    // A set saved then carries no form: its answers were hashed with every character kept.
    const { scryptHash } = await import('./hashing.js');
    const salt = Buffer.alloc(16, 7);
    const old: StoredAnswer = {
      questionId: 'first-pet',
      salt: salt.toString('base64url'),
      hash: (await scryptHash('re\u200bx', salt, SCRYPT_PARAMS)).toString('base64url'),
      params: SCRYPT_PARAMS,
    };
    assert.equal(await answersMatch([{ questionId: 'first-pet', answer: 'RE\u200bX' }], [old]), true);
    assert.equal(await answersMatch([{ questionId: 'first-pet', answer: 'rex' }], [old]), false);
  });

  it('check against the parameters stored with them, so stronger ones can come later', async () => {
    const params = { ...SCRYPT_PARAMS, N: 2 ** 14 };
    const stored = [await hashAnswer({ questionId: 'first-pet', answer: 'Rex' }, params)];
    assert.equal(stored[0]!.params.N, 16384);
    assert.equal(await answersMatch([{ questionId: 'first-pet', answer: 'rex' }], stored), true);
  });
});

describe('reading answers', () => {
  const answers = (...pairs: [string, string][]) => pairs.map(([questionId, answer]) => ({ questionId, answer }));

  it('takes answers that keep the rules', () => {
    const given = answers(['first-pet', 'Rex'], ['birth-city', 'Utrecht'], ['motto', 'Nooit opgeven']);
    assert.deepEqual(readAnswers(given, POLICY), given);
  });

  it('names the rule an answer breaks, never the answer', () => {
    const cases: [unknown, string][] = [
      [answers(['first-pet', 'Rex'], ['birth-city', 'Utrecht']), 'Answer at least 3 questions.'],
      [
        answers(['first-pet', 'Rex'], ['birth-city', 'U'], ['motto', 'Nooit']),
        'The answers break a rule: each answer needs at least 3 characters.',
      ],
      [
        answers(['first-pet', 'Rex'], ['birth-city', ''], ['motto', 'Nooit']),
        'The answers break a rule: every question needs an answer.',
      ],
      [
        answers(['first-pet', 'Rex'], ['birth-city', 'REX'], ['motto', 'Nooit']),
        'The answers break a rule: each answer must be different.',
      ],
      [
        answers(['first-pet', 'first pet'], ['birth-city', 'Utrecht'], ['motto', 'Nooit']),
        'The answers break a rule: an answer cannot repeat its question.',
      ],
      [
        answers(['first-pet', 'Rex'], ['birth-city', 'Utrecht'], ['motto', 'je motto']),
        'The answers break a rule: an answer cannot repeat its question.',
      ],
      [
        answers(['first-pet', 'Rex'], ['first-pet', 'Bello'], ['motto', 'Nooit']),
        'Each question can be answered once.',
      ],
      [
        answers(['first-pet', 'Rex'], ['dream-job', 'Pilot'], ['motto', 'Nooit']),
        'questionId must be one of the policy’s questions.',
      ],
      [
        answers(['first-pet', 'Rex'], ['birth-city', 'x'.repeat(201)], ['motto', 'Nooit']),
        'answer must be a string of at most 200 characters, not counting the spaces around it.',
      ],
      [
        [{ questionId: 'first-pet', answer: 3 }, ...answers(['birth-city', 'Utrecht'], ['motto', 'Nooit'])],
        'answer must be a string of at most 200 characters, not counting the spaces around it.',
      ],
      ['Rex', 'answers must be a list of 1 to 4 { questionId, answer }.'],
      [
        answers(['first-pet', 'Rex'], ['birth-city', 'Utrecht'], ['motto', 'Nooit'], ['first-car', 'Fiat'], ['x', 'y']),
        'answers must be a list of 1 to 4 { questionId, answer }.',
      ],
    ];
    for (const [given, message] of cases)
      assert.equal(
        refusal(() => readAnswers(given, POLICY)),
        message,
      );
  });

  it('measures an answer as it is compared: the spaces around it do not count', () => {
    const padded = answers(['first-pet', ` ${'r'.repeat(199)}  `], ['birth-city', 'Utrecht'], ['motto', 'Nooit']);
    assert.deepEqual(readAnswers(padded, POLICY), padded);
    assert.deepEqual(readAnswerList(padded, 3), padded);
    assert.equal(
      refusal(() =>
        readAnswers(answers(['first-pet', ` ${'r'.repeat(201)} `], ['birth-city', 'U1'], ['motto', 'N']), POLICY),
      ),
      'answer must be a string of at most 200 characters, not counting the spaces around it.',
    );
  });

  it('reads what a sign-in check gives: each question once, without the rules of registering', () => {
    assert.deepEqual(readAnswerList(answers(['first-pet', 'R']), 3), answers(['first-pet', 'R']));
    assert.equal(
      refusal(() => readAnswerList([], 3)),
      'answers must be a list of 1 to 3 { questionId, answer }.',
    );
    assert.equal(
      refusal(() => readAnswerList(answers(['a b', 'Rex']), 3)),
      'questionId must be a question id.',
    );
  });
});

describe('the policy of security questions', () => {
  it('words every predefined question in English', () => {
    assert.deepEqual(Object.keys(PREDEFINED_QUESTION_TEXT).sort(), [...PREDEFINED_QUESTION_IDS].sort());
  });

  it('is refused at start when it offers questions a person could not answer', () => {
    const offered = POLICY.methods;
    const bad: [SecurityInfoPolicy, RegExp][] = [
      [{ methods: offered }, /offers security questions but lists none/],
      [
        { methods: offered, securityQuestions: { questions: [{ id: 'first-pet' }, { id: 'pet2' }] } },
        /"pet2" has no text/,
      ],
      [
        { methods: offered, securityQuestions: { questions: [{ id: 'first-pet' }, { id: 'first-car' }] } },
        /fewer questions/,
      ],
    ];
    for (const [policy, message] of bad)
      assert.throws(
        () => checkQuestionsPolicy(policy),
        (error: Error) => error instanceof ConfigurationError && message.test(error.message),
      );
    assert.doesNotThrow(() => checkQuestionsPolicy(POLICY));
    assert.doesNotThrow(() => checkQuestionsPolicy({ methods: [{ id: 'phone', purposes: ['mfa'] }] }));
  });
});

describe('the predefined questions in English', () => {
  it('are worded as the questions step words them, so no answer it accepted is refused here', () => {
    // The step's English words are its messages' source text (security-questions.messages.ts).
    const source = readFileSync(
      new URL('../../elements/src/security-questions/security-questions.messages.ts', import.meta.url),
      'utf8',
    );
    const worded = Object.fromEntries(
      [...source.matchAll(/case '([a-z-]+)':\s*return msg\('([^']+)'/g)]
        .map(([, id, text]) => [id, text])
        .filter(([id]) => (PREDEFINED_QUESTION_IDS as readonly (string | undefined)[]).includes(id)),
    );
    assert.deepEqual(worded, PREDEFINED_QUESTION_TEXT);
  });
});
