/** The words of `<security-questions-form>`: the predefined questions, and what to do about each problem. */
import type { AnswerProblem, PredefinedQuestionId } from '@security-info/core';
import { msg, str } from '../shared/lit-localize.js';

/** A predefined question in the person's language. */
export function predefinedQuestion(id: PredefinedQuestionId): string {
  switch (id) {
    case 'first-pet':
      return msg('What was the name of your first pet?', {
        id: 'enroll.questions.q.first-pet',
        desc: 'A security question to choose and answer.',
      });
    case 'childhood-street':
      return msg('What was the name of the street you grew up on?', {
        id: 'enroll.questions.q.childhood-street',
        desc: 'A security question to choose and answer.',
      });
    case 'first-school':
      return msg('What was the name of your first school?', {
        id: 'enroll.questions.q.first-school',
        desc: 'A security question to choose and answer.',
      });
    case 'birth-city':
      return msg('In what city or town were you born?', {
        id: 'enroll.questions.q.birth-city',
        desc: 'A security question to choose and answer.',
      });
    case 'favorite-teacher':
      return msg('What was the name of your favorite teacher?', {
        id: 'enroll.questions.q.favorite-teacher',
        desc: 'A security question to choose and answer.',
      });
    case 'first-job':
      return msg('Where did you have your first job?', {
        id: 'enroll.questions.q.first-job',
        desc: 'A security question to choose and answer.',
      });
    case 'childhood-friend':
      return msg('What was the first name of your best friend as a child?', {
        id: 'enroll.questions.q.childhood-friend',
        desc: 'A security question to choose and answer.',
      });
    case 'first-concert':
      return msg('What was the first concert you went to?', {
        id: 'enroll.questions.q.first-concert',
        desc: 'A security question to choose and answer.',
      });
    case 'dream-job':
      return msg('What job did you dream of as a child?', {
        id: 'enroll.questions.q.dream-job',
        desc: 'A security question to choose and answer.',
      });
    case 'first-car':
      return msg('What was the make and model of your first car?', {
        id: 'enroll.questions.q.first-car',
        desc: 'A security question to choose and answer.',
      });
  }
}

/** The labels of a row's two fields; `n` is the row's number, formatted. */
export function questionLabel(n: string): string {
  return msg(str`Question ${n}`, {
    id: 'enroll.questions.question-label',
    desc: 'Label of the list to choose a security question from; the placeholder is its number (1, 2, 3).',
  });
}

export function answerLabel(n: string): string {
  return msg(str`Answer ${n}`, {
    id: 'enroll.questions.answer-label',
    desc: 'Label of the field for the answer to the question above it; the placeholder is its number (1, 2, 3).',
  });
}

/** What to do about the question chosen in a row. */
export function questionProblem(problem: 'required' | 'repeated-question'): string {
  return problem === 'required'
    ? msg('Choose a question.', {
        id: 'enroll.questions.choose',
        desc: 'No question is chosen in a row of the security questions form.',
      })
    : msg('You chose this question already. Choose another one.', {
        id: 'enroll.questions.repeated-question',
        desc: 'The same security question is chosen in two rows.',
      });
}

/**
 * What to do about an answer; `min` and `max` are the fewest and the most characters an answer may have, formatted.
 */
export function answerProblem(problem: Exclude<AnswerProblem, 'repeated-question'>, min: string, max: string): string {
  switch (problem) {
    case 'required':
      return msg('Enter an answer.', { id: 'enroll.questions.answer-required', desc: 'An answer field is empty.' });
    case 'too-short':
      return msg(str`Enter an answer of at least ${min} characters.`, {
        id: 'enroll.questions.too-short',
        desc: 'An answer is too short; the placeholder is the fewest characters allowed (3).',
      });
    case 'too-long':
      return msg(str`Enter an answer of at most ${max} characters.`, {
        id: 'enroll.questions.too-long',
        desc: 'An answer is too long; the placeholder is the most characters allowed (200).',
      });
    case 'same-answer':
      return msg('You gave this answer already. Use a different answer for each question.', {
        id: 'enroll.questions.same-answer',
        desc: 'Two questions have the same answer.',
      });
    case 'repeats-question':
      return msg("Your answer can't repeat the question. Enter the answer itself.", {
        id: 'enroll.questions.repeats-question',
        desc: 'An answer is the question, or words of it.',
      });
  }
}
