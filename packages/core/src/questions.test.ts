import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnswers, MAX_ANSWER_LENGTH, normalizeAnswer, PREDEFINED_QUESTION_IDS } from './questions.js';

const wording: Record<string, string> = {
  'first-pet': 'What was the name of your first pet?',
  'birth-city': 'In which city were you born?',
  motto: 'Wat is het motto van je club?',
};
const options = { required: 3, questionText: (id: string) => wording[id] };
const answers = (...pairs: [string, string][]) => pairs.map(([questionId, answer]) => ({ questionId, answer }));

test('the predefined ids are ten, distinct, and usable as question ids', () => {
  assert.equal(PREDEFINED_QUESTION_IDS.length, 10);
  assert.equal(new Set(PREDEFINED_QUESTION_IDS).size, 10);
  for (const id of PREDEFINED_QUESTION_IDS) assert.match(id, /^[A-Za-z0-9_-]{1,64}$/);
});

test('normalizing folds width, case and white space', () => {
  assert.equal(normalizeAnswer('  Rex\u00a0 the\tDog \n'), 'rex the dog');
  assert.equal(normalizeAnswer('ＲＥＸ'), 'rex');
  assert.equal(normalizeAnswer('Ｍüｎｃｈｅｎ'), normalizeAnswer('münchen'));
  assert.equal(normalizeAnswer('Cafe\u0301'), normalizeAnswer('Café'));
});

test('invisible characters a paste or a right-to-left keyboard leaves in are not part of an answer', () => {
  // A zero-width space, a soft hyphen, a word joiner, direction marks and isolates, a byte order mark.
  for (const typed of [
    'Rex\u200b',
    '\u200fRex',
    'R\u00adex',
    'Re\u2060x',
    '\u2067Rex\u2069',
    '\ufeffRex',
    'R\u200ce\u200dx',
  ])
    assert.equal(normalizeAnswer(typed), 'rex', JSON.stringify(typed));
  assert.equal(normalizeAnswer('Rex \u200b the\u00a0Dog'), 'rex the dog');
  // Nothing visible is no answer, and invisible characters make no answer long enough.
  const check = checkAnswers(
    answers(['first-pet', '\u200b\u200b\u200b'], ['birth-city', 'Ut\u200b'], ['motto', 'Nooit opgeven']),
    options,
  );
  assert.deepEqual(check.answers, ['required', 'too-short', undefined]);
  const same = checkAnswers(
    answers(['first-pet', 'Utrecht'], ['birth-city', 'Utr\u200becht'], ['motto', 'Nooit opgeven']),
    options,
  );
  assert.deepEqual(same.answers, [undefined, 'same-answer', undefined]);
});

test('digits of any script are the same answer: a keyboard of another script types its own', () => {
  for (const typed of ['Peugeot ٢٠٦', 'Peugeot ۲۰۶', 'Peugeot २०६', 'Peugeot ２０６'])
    assert.equal(normalizeAnswer(typed), 'peugeot 206', typed);
});

test('the Turkish dotted and dotless i are one letter whatever the case: a Turkish keyboard capitalizes i as İ', () => {
  for (const typed of ['İstanbul', 'İSTANBUL', 'ISTANBUL', 'istanbul'])
    assert.equal(normalizeAnswer(typed), 'istanbul');
  for (const typed of ['Isparta', 'ısparta', 'ISPARTA']) assert.equal(normalizeAnswer(typed), 'isparta');
});

test('answers that keep every rule pass', () => {
  const check = checkAnswers(
    answers(['first-pet', 'Rex'], ['birth-city', 'Utrecht'], ['motto', 'Nooit opgeven']),
    options,
  );
  assert.deepEqual(check, { answers: [undefined, undefined, undefined], ok: true });
});

test('an empty answer, or one without a question, is required', () => {
  const check = checkAnswers(answers(['first-pet', '  '], ['', 'Utrecht'], ['motto', 'Nooit opgeven']), options);
  assert.deepEqual(check.answers, ['required', 'required', undefined]);
  assert.equal(check.ok, false);
});

test('under three characters after normalizing is too short; three characters of any script pass', () => {
  const check = checkAnswers(answers(['first-pet', ' Ｒｘ  '], ['birth-city', '東京都'], ['motto', 'ab']), options);
  assert.deepEqual(check.answers, ['too-short', undefined, 'too-short']);
});

test('over 200 characters as compared is too long: the length the server refuses, said before it is sent', () => {
  assert.equal(MAX_ANSWER_LENGTH, 200);
  const check = checkAnswers(
    answers(['first-pet', 'x'.repeat(201)], ['birth-city', ` ${'u'.repeat(199)}  `], ['motto', 'y'.repeat(10_000)]),
    options,
  );
  assert.deepEqual(check.answers, ['too-long', undefined, 'too-long']);
  assert.equal(checkAnswers(answers(['first-pet', 'x'.repeat(200)]), { required: 1 }).ok, true);
});

test('an answer is measured as it is compared: without the spaces around it, a run of spaces as one', () => {
  const check = checkAnswers(
    answers(
      ['first-pet', `${' '.repeat(150)}Utrecht${' '.repeat(50)}`],
      ['birth-city', `\t${'ab  '.repeat(60)}\n`],
      ['motto', ` ${'z'.repeat(200)} `],
      ['first-car', ` ${'w'.repeat(201)} `],
    ),
    { required: 4, questionText: options.questionText },
  );
  assert.deepEqual(check.answers, [undefined, undefined, undefined, 'too-long']);
});

test('a question chosen twice is refused on its second use', () => {
  const check = checkAnswers(
    answers(['first-pet', 'Rex'], ['first-pet', 'Bello'], ['motto', 'Nooit opgeven']),
    options,
  );
  assert.deepEqual(check.answers, [undefined, 'repeated-question', undefined]);
});

test('an answer used twice is refused on its second use, however it is written', () => {
  const check = checkAnswers(
    answers(['first-pet', 'Utrecht'], ['birth-city', ' UTRECHT'], ['motto', 'ｕｔｒｅｃｈｔ']),
    options,
  );
  assert.deepEqual(check.answers, [undefined, 'same-answer', 'same-answer']);
});

test('an answer that repeats its question, or a part of it, is refused', () => {
  const check = checkAnswers(
    answers(['first-pet', 'First Pet'], ['birth-city', 'which city?'], ['motto', 'MOTTO van je club']),
    options,
  );
  assert.deepEqual(check.answers, ['repeats-question', 'repeats-question', 'repeats-question']);
  const whole = checkAnswers(answers(['first-pet', 'What was the name of your first pet?']), options);
  assert.deepEqual(whole.answers, ['repeats-question']);
  const marks = checkAnswers(answers(['first-pet', '???']), options);
  assert.deepEqual(marks.answers, ['repeats-question']);
});

test('without wording, an answer is not compared with its question', () => {
  const check = checkAnswers(answers(['first-school', 'first school']), { required: 1 });
  assert.deepEqual(check, { answers: [undefined], ok: true });
});

test('fewer answers than required is a count problem; three are required by default', () => {
  const two = answers(['first-pet', 'Rex'], ['birth-city', 'Utrecht']);
  assert.deepEqual(checkAnswers(two), { answers: [undefined, undefined], count: 'too-few', ok: false });
  assert.equal(checkAnswers(two, { required: 2 }).ok, true);
  assert.equal(checkAnswers([], { required: 5 }).count, 'too-few');
});
