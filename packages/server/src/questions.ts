/**
 * Security questions on the server: the policy's questions checked at start, answers read against core's rules,
 * and each answer kept only as a slow, salted hash (scrypt), compared in constant time.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  checkAnswers,
  DEFAULT_REQUIRED_ANSWERS,
  MAX_ANSWER_LENGTH,
  SECURITY_QUESTION_ID,
  normalizeAnswer,
  PREDEFINED_QUESTION_IDS,
  type AnswerProblem,
  type PredefinedQuestionId,
  type SecurityInfoPolicy,
  type SecurityQuestionAnswer,
} from '@security-info/core';
import { scryptHash, type ScryptParams } from './hashing.js';
import { badRequest } from './http.js';
import { ConfigurationError } from './options.js';

/**
 * The predefined questions in English, for the rule that an answer must not repeat its question (the elements
 * word them in the person's language and check there too): the elements' English words, so that the server refuses
 * no answer the questions step accepted in English.
 */
export const PREDEFINED_QUESTION_TEXT: Record<PredefinedQuestionId, string> = {
  'first-pet': 'What was the name of your first pet?',
  'childhood-street': 'What was the name of the street you grew up on?',
  'first-school': 'What was the name of your first school?',
  'birth-city': 'In what city or town were you born?',
  'favorite-teacher': 'What was the name of your favorite teacher?',
  'first-job': 'Where did you have your first job?',
  'childhood-friend': 'What was the first name of your best friend as a child?',
  'first-concert': 'What was the first concert you went to?',
  'dream-job': 'What job did you dream of as a child?',
  'first-car': 'What was the make and model of your first car?',
};

/** scrypt's cost for answers: N = 2^15, r = 8, p = 1 (OWASP's floor for scrypt), a 32-byte hash. 32 MiB, about 50 ms. */
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 };

/** One answer as it is stored: the hash of its normalized text under its own salt, with the cost beside it. */
export interface StoredAnswer {
  questionId: string;
  /** 16 random bytes, base64url. */
  salt: string;
  /** base64url. */
  hash: string;
  params: ScryptParams;
  /** How the answer was normalized before hashing: {@link ANSWER_FORM}, or none for sets saved before it. */
  form?: number;
}

/** Today's `normalizeAnswer`, as a stored answer records it. */
export const ANSWER_FORM = 2;

/**
 * The normalizing of sets saved before `form` was recorded, which kept invisible characters and read digits of other
 * scripts as they were. Their hashes were made from it, so they are checked with it: a person who typed their answer
 * the same way as then still gets in.
 */
const firstForm = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();

const normalizeFor = (kept: StoredAnswer | undefined) =>
  kept && kept.form === undefined ? firstForm : normalizeAnswer;

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** Hashes an answer (normalized first) under a fresh 16-byte salt. */
export async function hashAnswer(
  { questionId, answer }: SecurityQuestionAnswer,
  params: ScryptParams = SCRYPT_PARAMS,
): Promise<StoredAnswer> {
  const salt = randomBytes(16);
  const hash = b64(await scryptHash(normalizeAnswer(answer), salt, params));
  return { questionId, salt: b64(salt), hash, params, form: ANSWER_FORM };
}

/**
 * The hashes of each given answer as the stored answer to its question was made (under a throwaway salt for a
 * question never answered, so that it costs as much as a wrong answer), as jobs for the gate (hashing.ts): the slow
 * part of a check, done before its transaction.
 */
export function answerHashes(
  given: readonly SecurityQuestionAnswer[],
  stored: readonly StoredAnswer[],
): (() => Promise<Buffer>)[] {
  return given.map(({ questionId, answer }) => {
    const kept = stored.find((candidate) => candidate.questionId === questionId);
    const salt = kept ? Buffer.from(kept.salt, 'base64url') : randomBytes(16);
    return () => scryptHash(normalizeFor(kept)(answer), salt, kept?.params ?? SCRYPT_PARAMS);
  });
}

/**
 * Whether every given answer's hash (`hashed`, by `answerHashes` from the same `stored`) is the one stored: each is
 * compared in constant time, whatever the others gave, so the time says nothing of which was wrong. A question with
 * no stored answer is a wrong answer, and none given is no match.
 */
export function hashesMatch(
  given: readonly SecurityQuestionAnswer[],
  hashed: readonly Buffer[],
  stored: readonly StoredAnswer[],
): boolean {
  const results = given.map(({ questionId }, index) => {
    const kept = stored.find((candidate) => candidate.questionId === questionId);
    const expected = kept ? Buffer.from(kept.hash, 'base64url') : randomBytes(SCRYPT_PARAMS.keyLength);
    const actual = hashed[index]!;
    return kept !== undefined && actual.length === expected.length && timingSafeEqual(actual, expected);
  });
  return results.length > 0 && results.reduce((all, one) => all && one, true);
}

/** The wording of a question of the policy: its own text, or a predefined one's English. */
export function questionText(policy: SecurityInfoPolicy, questionId: string): string | undefined {
  const question = policy.securityQuestions?.questions.find((candidate) => candidate.id === questionId);
  if (!question) return undefined;
  return question.text ?? PREDEFINED_QUESTION_TEXT[question.id as PredefinedQuestionId];
}

/** How many answers the policy asks for. */
export const requiredAnswers = (policy: SecurityInfoPolicy) =>
  policy.securityQuestions?.required ?? DEFAULT_REQUIRED_ANSWERS;

/** How many answers a password reset checks: the policy's `requiredToReset`, by default as many as are registered. */
export const answersToReset = (policy: SecurityInfoPolicy) =>
  policy.securityQuestions?.requiredToReset ?? requiredAnswers(policy);

/**
 * Refuses at start a policy that offers security questions without questions a person could answer: none listed,
 * a question without text that is not a predefined one, or fewer questions than must be answered.
 */
export function checkQuestionsPolicy(policy: SecurityInfoPolicy): void {
  const offered = policy.methods.some((method) => method.id === 'security-questions' && method.purposes.length > 0);
  const section = policy.securityQuestions;
  if (!section) {
    if (offered)
      throw new ConfigurationError(
        'securityQuestions: the policy offers security questions but lists none (policy.securityQuestions).',
      );
    return;
  }
  for (const question of section.questions)
    if (question.text === undefined && !(PREDEFINED_QUESTION_IDS as readonly string[]).includes(question.id))
      throw new ConfigurationError(
        `securityQuestions: "${question.id}" has no text and is not a predefined question ` +
          `(${PREDEFINED_QUESTION_IDS.join(', ')}).`,
      );
  if (section.questions.length < requiredAnswers(policy))
    throw new ConfigurationError('securityQuestions: fewer questions are listed than a person must answer.');
  const toReset = answersToReset(policy);
  if (!Number.isInteger(toReset) || toReset < 1 || toReset > requiredAnswers(policy))
    throw new ConfigurationError(
      'securityQuestions.requiredToReset must be a whole number from 1 to the answers a person registers (required).',
    );
}

const RULES: Record<AnswerProblem, string> = {
  required: 'every question needs an answer',
  'too-short': 'each answer needs at least 3 characters',
  'too-long': `each answer has at most ${MAX_ANSWER_LENGTH} characters`,
  'repeated-question': 'each question can be chosen once',
  'same-answer': 'each answer must be different',
  'repeats-question': 'an answer cannot repeat its question',
};

/**
 * Reads a list of `{ questionId, answer }` from a request: 1 to `max` of them, each question once, answers strings of
 * at most 200 characters as typed or as compared. A 400 `unknown` says what is wrong (never the answer).
 */
export function readAnswerList(value: unknown, max: number): SecurityQuestionAnswer[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > max)
    throw badRequest(`answers must be a list of 1 to ${max} { questionId, answer }.`);
  const answers = value.map((entry: unknown) => {
    const { questionId, answer } = (entry ?? {}) as Record<string, unknown>;
    if (typeof questionId !== 'string' || !SECURITY_QUESTION_ID.test(questionId))
      throw badRequest('questionId must be a question id.');
    // Measured as core measures it, as compared: the spaces around it do not count. One no longer as typed is read
    // too, as it always was: a set saved before is checked with the answers it was saved with.
    if (
      typeof answer !== 'string' ||
      (answer.length > MAX_ANSWER_LENGTH && normalizeAnswer(answer).length > MAX_ANSWER_LENGTH)
    )
      throw badRequest(
        `answer must be a string of at most ${MAX_ANSWER_LENGTH} characters, not counting the spaces around it.`,
      );
    return { questionId, answer };
  });
  if (new Set(answers.map((answer) => answer.questionId)).size !== answers.length)
    throw badRequest('Each question can be answered once.');
  return answers;
}

/**
 * Reads the answers a person registers: questions of the policy, at least as many as it requires, keeping core's
 * rules. A 400 `unknown` names the first rule broken (never the answer).
 */
export function readAnswers(value: unknown, policy: SecurityInfoPolicy): SecurityQuestionAnswer[] {
  const questions = policy.securityQuestions?.questions ?? [];
  const minimum = requiredAnswers(policy);
  if (Array.isArray(value) && value.length > 0 && value.length < minimum)
    throw badRequest(`Answer at least ${minimum} questions.`);
  const answers = readAnswerList(value, questions.length);
  if (answers.some(({ questionId }) => !questions.some((question) => question.id === questionId)))
    throw badRequest('questionId must be one of the policy’s questions.');
  const check = checkAnswers(answers, { required: minimum, questionText: (id) => questionText(policy, id) });
  const problem = check.answers.find((found) => found !== undefined);
  if (problem) throw badRequest(`The answers break a rule: ${RULES[problem]}.`);
  return answers;
}
