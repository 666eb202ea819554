import { sendKeys } from '@web/test-runner-commands';
import type { SecurityQuestion } from '@security-info/core';
import type { SecurityQuestionsForm } from './security-questions-form.js';
import './security-questions-form.js';
import {
  deepActiveElement,
  expect,
  expectAccessible,
  expectOneSubmitPerAnswer,
  fixture,
  fixtureRtl,
  getByRole,
  html,
  nextEvent,
  press,
  paste,
  queryAllByRole,
  recordEvents,
  typeInto,
} from '../../test/helpers.js';

const QUESTIONS: SecurityQuestion[] = [
  { id: 'first-pet' },
  { id: 'birth-city' },
  { id: 'first-school' },
  { id: 'first-car' },
  { id: 'team', text: 'Which team did you play for at school?' },
];

const question = (el: SecurityQuestionsForm, n: number) =>
  getByRole<HTMLSelectElement>(el, 'combobox', { name: `Question ${n}` });
const answer = (el: SecurityQuestionsForm, n: number) =>
  getByRole<HTMLInputElement>(el, 'textbox', { name: `Answer ${n}` });
const save = (el: SecurityQuestionsForm) => getByRole<HTMLButtonElement>(el, 'button', { name: 'Save' });
const summary = (el: SecurityQuestionsForm) => getByRole(el, 'alert', { hidden: true }).textContent?.trim() ?? '';
/** The message a field is described by. */
const messageOf = (field: HTMLElement) =>
  field.getRootNode() instanceof ShadowRoot
    ? ((field.getRootNode() as ShadowRoot)
        .getElementById(field.getAttribute('aria-describedby')!)
        ?.textContent?.trim() ?? '')
    : '';
const offered = (select: HTMLSelectElement) => [...select.options].slice(1).map((option) => option.text.trim());

async function form(template = html`<security-questions-form .questions=${QUESTIONS}></security-questions-form>`) {
  return fixture<SecurityQuestionsForm>(template);
}

/** Chooses `wording` in `select` with the arrow keys, as a keyboard user does. */
async function choose(el: SecurityQuestionsForm, select: HTMLSelectElement, wording: string) {
  select.focus();
  for (let i = 0; i <= select.options.length && select.selectedOptions[0]?.text.trim() !== wording; i++) {
    await press('ArrowDown');
  }
  await el.updateComplete;
  expect(select.selectedOptions[0]?.text.trim()).to.equal(wording);
}

/** Fills row `n` by keyboard: its question, then its answer. */
async function fill(el: SecurityQuestionsForm, n: number, wording: string, text: string) {
  await choose(el, question(el, n), wording);
  await typeInto(answer(el, n), text);
  await el.updateComplete;
}

async function fillAll(el: SecurityQuestionsForm, answers = ['Rex', 'Utrecht', 'De Regenboog']) {
  await fill(el, 1, 'What was the name of your first pet?', answers[0]!);
  await fill(el, 2, 'In what city or town were you born?', answers[1]!);
  await fill(el, 3, 'What was the name of your first school?', answers[2]!);
}

async function pressSave(el: SecurityQuestionsForm) {
  save(el).focus();
  await press('Enter');
  await el.updateComplete;
  await el.updateComplete;
}

describe('security-questions-form', () => {
  it('asks for three questions and their answers, and says what they are for', async () => {
    const el = await form();
    expect(getByRole(el, 'heading', { name: 'Set up security questions' })).to.exist;
    expect(el.shadowRoot!.textContent).to.include('reset it');
    expect(queryAllByRole(el, 'combobox')).to.have.length(3);
    expect(queryAllByRole(el, 'textbox')).to.have.length(3);
    const input = answer(el, 1);
    expect(input.type).to.equal('text');
    expect(input.autocomplete).to.equal('off');
    expect(input.spellcheck).to.equal(false);
    await expectAccessible(el);
  });

  it('offers no question, rather than breaking, for questions set to undefined or null', async () => {
    const el = await form();
    // A React prop left out, or a policy without its security questions.
    for (const junk of [undefined, null]) {
      el.questions = junk as unknown as SecurityQuestion[];
      await el.updateComplete;
      expect(offered(question(el, 1))).to.deep.equal([]);
    }
    el.questions = QUESTIONS;
    await el.updateComplete;
    expect(offered(question(el, 1))).to.have.length(QUESTIONS.length);
  });

  it('shows as many rows as required', async () => {
    const el = await form(
      html`<security-questions-form .questions=${QUESTIONS} required="5"></security-questions-form>`,
    );
    expect(queryAllByRole(el, 'combobox')).to.have.length(5);
    expect(answer(el, 5)).to.exist;
  });

  it('words predefined questions and shows a custom one as the organization wrote it', async () => {
    const el = await form();
    expect(offered(question(el, 1))).to.deep.equal([
      'What was the name of your first pet?',
      'In what city or town were you born?',
      'What was the name of your first school?',
      'What was the make and model of your first car?',
      'Which team did you play for at school?',
    ]);
  });

  it('does not offer a question chosen in another row', async () => {
    const el = await form();
    await choose(el, question(el, 1), 'What was the name of your first pet?');
    expect(offered(question(el, 2))).not.to.include('What was the name of your first pet?');
    expect(offered(question(el, 3))).not.to.include('What was the name of your first pet?');
    expect(offered(question(el, 1))).to.include('What was the name of your first pet?');
  });

  it('saves the questions and answers filled in by keyboard alone', async () => {
    const el = await form();
    await fillAll(el);
    const sent = nextEvent(el, 'questions-submit');
    await press('Enter');
    expect((await sent).detail.answers).to.deep.equal([
      { questionId: 'first-pet', answer: 'Rex' },
      { questionId: 'birth-city', answer: 'Utrecht' },
      { questionId: 'first-school', answer: 'De Regenboog' },
    ]);
    expect(summary(el)).to.equal('');
  });

  it('asks for a question and an answer in each row, focusing the first to fix', async () => {
    const el = await form();
    const sent = recordEvents(el, 'questions-submit');
    await fill(el, 1, 'What was the name of your first pet?', 'Rex');
    await pressSave(el);
    expect(summary(el)).to.match(/Some answers need a change/);
    expect(deepActiveElement()).to.equal(question(el, 2));
    expect(question(el, 2).getAttribute('aria-invalid')).to.equal('true');
    expect(messageOf(question(el, 2))).to.equal('Choose a question.');
    expect(messageOf(answer(el, 1))).to.equal('');
    expect(sent).to.have.length(0);
    await expectAccessible(el);
    await choose(el, question(el, 2), 'In what city or town were you born?');
    expect(messageOf(question(el, 2))).to.equal('');
    expect(messageOf(answer(el, 2))).to.equal('Enter an answer.');
    expect(answer(el, 2).getAttribute('aria-invalid')).to.equal('true');
  });

  const rules: [string, string[], number, RegExp][] = [
    ['too short', ['Rex', 'Ut', 'De Regenboog'], 2, /^Enter an answer of at least 3 characters\.$/],
    ['used twice', ['Rex', 'Utrecht', ' REX '], 3, /^You gave this answer already/],
    ['repeating its question', ['first pet', 'Utrecht', 'De Regenboog'], 1, /can't repeat the question/],
  ];
  for (const [what, answers, row, expected] of rules) {
    it(`says what to do about an answer ${what}, at its field, which takes focus`, async () => {
      const el = await form();
      const sent = recordEvents(el, 'questions-submit');
      await fillAll(el, answers);
      await pressSave(el);
      expect(messageOf(answer(el, row))).to.match(expected);
      expect(answer(el, row).getAttribute('aria-invalid')).to.equal('true');
      expect(deepActiveElement()).to.equal(answer(el, row));
      expect(summary(el)).to.match(/Some answers need a change/);
      expect(el.matches(':state(invalid)')).to.equal(true);
      expect(sent).to.have.length(0);
      await expectAccessible(el);
    });
  }

  it('says a pasted answer of 10,000 characters is too long, at its field, rather than sending it', async () => {
    const el = await form();
    const sent = recordEvents(el, 'questions-submit');
    await fillAll(el);
    const field = answer(el, 2);
    field.select();
    paste(field, 'Utrecht '.repeat(1250));
    await el.updateComplete;
    await pressSave(el);
    expect(messageOf(field)).to.equal('Enter an answer of at most 200 characters.');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(deepActiveElement()).to.equal(field);
    expect(summary(el)).to.match(/Some answers need a change/);
    expect(sent).to.have.length(0);
    await expectAccessible(el);
    field.select();
    paste(field, 'Utrecht');
    await el.updateComplete;
    expect(messageOf(field)).to.equal('');
    await pressSave(el);
    expect(sent).to.have.length(1);
  });

  it('follows the edits once Save was pressed, and saves when all is fixed', async () => {
    const el = await form();
    await fillAll(el, ['Rex', 'Ut', 'De Regenboog']);
    await pressSave(el);
    expect(deepActiveElement()).to.equal(answer(el, 2));
    await sendKeys({ type: 'recht' });
    await el.updateComplete;
    expect(messageOf(answer(el, 2))).to.equal('');
    expect(summary(el)).to.equal('');
    const sent = nextEvent(el, 'questions-submit');
    await press('Enter');
    expect((await sent).detail.answers[1]).to.deep.equal({ questionId: 'birth-city', answer: 'Utrecht' });
  });

  it('saves once for a double click, and again once the host has answered', async () => {
    const el = await form();
    const sent = recordEvents(el, 'questions-submit');
    await fillAll(el);
    await expectOneSubmitPerAnswer(el, () => save(el), sent);
  });

  it('shows progress while saving, and announces it', async () => {
    const el = await form();
    await fillAll(el);
    el.pending = true;
    await el.updateComplete;
    expect(save(el).getAttribute('aria-disabled')).to.equal('true');
    expect(getByRole(el, 'status').textContent?.trim()).to.equal('Saving your answers…');
    expect(el.matches(':state(pending)')).to.equal(true);
    await expectAccessible(el);
  });

  it("announces the host's error until an answer is edited", async () => {
    const el = await form();
    await fillAll(el);
    el.error = "Your answers couldn't be saved. Try again.";
    await el.updateComplete;
    expect(summary(el)).to.equal("Your answers couldn't be saved. Try again.");
    await expectAccessible(el);
    await typeInto(answer(el, 3), 's');
    await el.updateComplete;
    expect(summary(el)).to.equal('');
    expect(el.error).to.equal('');
  });

  it('fires one input event of its own per edit, an answer typed or a question chosen, and none of its fields', async () => {
    const el = await form();
    const from: string[] = [];
    el.addEventListener('input', (event) => from.push((event.composedPath()[0] as Element).localName));
    await typeInto(answer(el, 1), 'Rex');
    await press('Backspace');
    expect(from).to.deep.equal(Array(4).fill('security-questions-form'));
    question(el, 2).focus();
    await press('ArrowDown');
    await el.updateComplete;
    expect(from).to.deep.equal(Array(5).fill('security-questions-form'));
    await expectAccessible(el);
  });

  it('never writes an answer to an attribute', async () => {
    const el = await form();
    await fillAll(el, ['Whiskers', 'Amersfoort', 'Montessori']);
    const attributes = [el, ...el.shadowRoot!.querySelectorAll('*')].flatMap((node) =>
      [...node.attributes].map((attribute) => attribute.value),
    );
    for (const secret of ['Whiskers', 'Amersfoort', 'Montessori'])
      expect(attributes.some((value) => value.includes(secret))).to.equal(false);
  });

  it('forgets the answers with clear(), keeping the questions chosen', async () => {
    const el = await form();
    await fillAll(el);
    el.clear();
    await el.updateComplete;
    expect([1, 2, 3].map((n) => answer(el, n).value)).to.deep.equal(['', '', '']);
    expect(question(el, 1).value).to.equal('first-pet');
  });

  it('forgets the answers when it leaves the page', async () => {
    const el = await form();
    await fillAll(el);
    const parent = el.parentNode!;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    expect([1, 2, 3].map((n) => answer(el, n).value)).to.deep.equal(['', '', '']);
  });

  it('fires back when Back is pressed', async () => {
    const el = await form();
    getByRole(el, 'button', { name: 'Back' }).focus();
    const back = nextEvent(el, 'back');
    await press('Enter');
    await back;
  });

  it('is laid out right to left, with no accessibility violation', async () => {
    const el = await fixtureRtl<SecurityQuestionsForm>(
      html`<security-questions-form .questions=${QUESTIONS}></security-questions-form>`,
    );
    await pressSave(el);
    expect(getComputedStyle(answer(el, 1)).direction).to.equal('rtl');
    await expectAccessible(el);
  });

  it('saves inside a form without submitting that form', async () => {
    const outer = await fixture<HTMLFormElement>(
      html`<form><security-questions-form .questions=${QUESTIONS}></security-questions-form></form>`,
    );
    const el = outer.querySelector('security-questions-form')!;
    let submitted = 0;
    outer.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted++;
    });
    await fillAll(el);
    const sent = nextEvent(el, 'questions-submit');
    await press('Enter');
    await sent;
    expect(submitted).to.equal(0);
  });
});
