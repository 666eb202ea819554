/**
 * Security questions: the predefined list and the rules answers must keep, one implementation for the questions
 * step (which words each problem) and the server (which refuses answers that break them).
 */
import { toAsciiDigits } from './digits.js';
import { DEFAULT_REQUIRED_ANSWERS } from './policy-words.js';
import type { SecurityQuestionAnswer } from './types.js';

/**
 * The predefined questions, by id; the elements word them in the person's language. Each asks for something
 * personal but not public record (no mother's maiden name, no birth date), with an answer that does not change.
 */
export const PREDEFINED_QUESTION_IDS = [
  'first-pet',
  'childhood-street',
  'first-school',
  'birth-city',
  'favorite-teacher',
  'first-job',
  'childhood-friend',
  'first-concert',
  'dream-job',
  'first-car',
] as const;

export type PredefinedQuestionId = (typeof PREDEFINED_QUESTION_IDS)[number];

/** A rule one answer breaks. */
export type AnswerProblem =
  'required' | 'too-short' | 'too-long' | 'repeated-question' | 'same-answer' | 'repeats-question';

export interface AnswersCheck {
  /** One per answer, in order: the first rule it breaks, or `undefined` when it keeps them all. */
  answers: (AnswerProblem | undefined)[];
  /** `too-few` when fewer answers are given than `required`. */
  count?: 'too-few';
  /** Whether nothing is to be fixed. */
  ok: boolean;
}

export interface CheckAnswersOptions {
  /** How many answers a person must give (the policy's `required`, default 3). */
  required?: number;
  /** The wording the person saw for a question id, so an answer cannot repeat its question. */
  questionText?: (questionId: string) => string | undefined;
}

/** Answers shorter than this, in characters after normalizing, are too easy to guess. */
export const MIN_ANSWER_LENGTH = 3;

/**
 * Answers longer than this, in UTF-16 code units as compared and hashed ({@link normalizeAnswer}: without the spaces
 * around them, a run of white space as one), are refused, here and by the server. Measured as typed, an answer of 199
 * characters with a space pasted before and after it would be too long, though what is kept of it is not.
 */
export const MAX_ANSWER_LENGTH = 200;

// Characters that show nothing (zero-width spaces and joiners, a soft hyphen, direction marks and isolates, a byte
// order mark, variation selectors): a paste or a right-to-left keyboard leaves them in where the person sees none.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * An answer as it is compared and hashed: Unicode NFKC (full-width and compatibility forms folded), invisible
 * characters left out, digits of every script as ASCII, lowercase, runs of white space as one space, trimmed. "Rex",
 * " rex ", "ＲＥＸ" and "Rex" with a zero-width space or a right-to-left mark in it are the same answer, and so are
 * "206" and "٢٠٦", and "İstanbul" and "istanbul" (the Turkish dotted and dotless i are one letter).
 */
export function normalizeAnswer(text: string): string {
  return (
    toAsciiDigits(text.normalize('NFKC').replace(INVISIBLE, ''))
      .toLowerCase()
      // Lowercasing outside Turkish makes İ an i with a dot above, and leaves ı apart from i: a Turkish keyboard's
      // capital (İstanbul, Isparta) would then not match the same word typed in small letters.
      .replace(/i\u0307|\u0131/gu, 'i')
      .replace(/\s+/gu, ' ')
      .trim()
  );
}

// Letters and digits only, so "first pet" is found in "What was the name of your first pet?".
const words = (text: string) =>
  normalizeAnswer(text)
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();

/**
 * Checks answers against the rules: each answer given (`required`), at least {@link MIN_ANSWER_LENGTH}
 * characters (`too-short`) and at most {@link MAX_ANSWER_LENGTH} (`too-long`), both after normalizing, each question once
 * (`repeated-question`), no answer used twice (`same-answer`), no answer that equals or is part of its question's
 * wording (`repeats-question`); and at least `required` of them.
 * A repeat is reported on its second occurrence, so the first stays as the person typed it.
 */
export function checkAnswers(answers: SecurityQuestionAnswer[], options: CheckAnswersOptions = {}): AnswersCheck {
  const questions = new Set<string>();
  const given = new Set<string>();
  const problems = answers.map(({ questionId, answer }): AnswerProblem | undefined => {
    const normalized = normalizeAnswer(answer);
    const wording = options.questionText?.(questionId);
    const repeated = questions.has(questionId);
    const same = given.has(normalized);
    questions.add(questionId);
    if (normalized) given.add(normalized);
    if (!questionId || !normalized) return 'required';
    if (repeated) return 'repeated-question';
    if (normalized.length > MAX_ANSWER_LENGTH) return 'too-long';
    if ([...normalized].length < MIN_ANSWER_LENGTH) return 'too-short';
    const bare = words(answer);
    if (wording && (!bare || words(wording).includes(bare))) return 'repeats-question';
    if (same) return 'same-answer';
    return undefined;
  });
  const count = answers.length < (options.required ?? DEFAULT_REQUIRED_ANSWERS) ? 'too-few' : undefined;
  return { answers: problems, ...(count && { count }), ok: !count && problems.every((p) => !p) };
}
