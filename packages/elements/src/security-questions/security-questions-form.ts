import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  MAX_ANSWER_LENGTH,
  MIN_ANSWER_LENGTH,
  PREDEFINED_QUESTION_IDS,
  checkAnswers,
  type AnswerProblem,
  type PredefinedQuestionId,
  type SecurityQuestion,
  type SecurityQuestionAnswer,
} from '@security-info/core';
import { msg } from '../shared/lit-localize.js';
import { defineElement } from '../shared/define.js';
import { LocalizeController } from '../shared/localized.js';
import { addEnrollMessages } from '../shared/enroll-messages.js';
import { textLocale } from '../shared/text-locale.js';
import { emit } from '../shared/events.js';
import { fireInput, keepInputInside } from '../shared/input-method.js';
import { StepElement } from '../shared/step.js';
import { IntentLock } from '../shared/intent-lock.js';
import { tokens } from '../shared/tokens.styles.js';
import { fieldStyles } from '../shared/field.styles.js';
import * as text from './security-questions.messages.js';
import { questionsStyles } from './security-questions-form.styles.js';

// The words of this step in the other languages load with it, never with the phone flow.
addEnrollMessages();

export interface QuestionsSubmitDetail {
  /** One per row, in order: the question chosen and the answer as typed (the backend normalizes it). */
  answers: SecurityQuestionAnswer[];
}

const isPredefined = (id: string): id is PredefinedQuestionId =>
  (PREDEFINED_QUESTION_IDS as readonly string[]).includes(id);

/**
 * "Set up security questions": `required` rows, each a question chosen from the organization's list (a question
 * chosen in one row is not offered in the others) and its answer. Save checks the answers with core's
 * `checkAnswers`, the rules the server applies too, and says at each field what to do; the first field to fix
 * takes focus and a summary is announced.
 *
 * Predefined questions are worded in the person's language; a custom one shows the policy's `text` as it is (in
 * the organization's language: set `lang` on the element or the page when it differs from the person's).
 *
 * Answers are plain text, not passwords: a person must be able to read what they typed. They are never written
 * to an attribute, stored or logged, and are forgotten by `clear()` (call it once they are saved) and when the
 * element leaves the page.
 *
 * @customElement security-questions-form
 * @summary The security questions step: choose questions and answer them, for resetting a password.
 *
 * @fires {CustomEvent<QuestionsSubmitDetail>} questions-submit - Save was pressed with answers that keep every rule; `detail.answers` holds them.
 * @fires {CustomEvent<void>} back - The person pressed Back.
 * @fires {Event} input - The person edited an answer or chose another question; the event carries no answer.
 *
 * @slot actions - Extra buttons after Save and Back, for example Cancel.
 *
 * @csspart heading - The step's heading.
 * @csspart intro - The sentence under it.
 * @csspart summary - The announced summary of what to fix, or the host's error.
 * @csspart row - Each question with its answer.
 * @csspart label - The fields' labels.
 * @csspart select - Each list of questions.
 * @csspart input - Each answer field.
 * @csspart error - The message under a field.
 * @csspart actions - The row with Save, Back and the `actions` slot.
 * @csspart button - Every button.
 * @csspart save - The Save button.
 * @csspart back - The Back button.
 *
 * @cssstate pending - The host is saving (also the reflected `pending` attribute).
 * @cssstate invalid - Something is to be fixed, or the host reported an error.
 *
 * @cssprop --si-color-accent - Buttons and focus ring.
 * @cssprop --si-color-error - Error messages and the invalid fields' border.
 * @cssprop --si-radius - Corner radius of fields and buttons.
 */
export class SecurityQuestionsForm extends StepElement(LitElement) {
  static override styles = [tokens, fieldStyles, questionsStyles];

  static override properties = {
    questions: { attribute: false },
    required: { type: Number },
    hideBack: { type: Boolean, attribute: 'hide-back' },
    error: {},
    rows: { state: true },
    shown: { state: true },
  };

  /** The organization's questions (the policy's `securityQuestions.questions`), in the order they are offered. */
  declare questions: SecurityQuestion[];
  /** How many questions the person answers (the policy's `securityQuestions.required`). Default 3. */
  declare required: number;
  /**
   * Leaves Back out, where the step is the first of the flow (the wizard started at this method, as for Change on the
   * Security info page): a Back that leads nowhere would only confuse.
   */
  declare hideBack: boolean;
  /** The host is saving: Save shows progress and takes no second submission. */
  declare pending: boolean;
  /** A message from the host, such as the backend refusing the answers; shown in the summary until an edit. */
  declare error: string;

  /** What each row holds. Kept here only, never in an attribute. */
  declare private rows: SecurityQuestionAnswer[];
  /** Problems are shown once Save was pressed; from then on they follow the edits. */
  declare private shown: boolean;

  /** One intent, one event: answers submitted are not submitted again until the host answers or they change. */
  readonly #submitting = new IntentLock<true>({ timeout: 1000 });
  readonly #internals = this.attachInternals();

  constructor() {
    super();
    this.questions = [];
    this.required = 3;
    this.error = '';
    this.rows = [];
    this.shown = false;
    new LocalizeController(this);
  }

  /** Forgets the answers (the questions chosen stay): call it once they are saved. */
  clear(): void {
    this.rows = this.rows.map(({ questionId }) => ({ questionId, answer: '' }));
    this.shown = false;
    this.#submitting.release();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.clear();
  }

  get #count(): number {
    const n = Math.round(Number(this.required));
    return Number.isFinite(n) ? Math.min(20, Math.max(1, n)) : 3;
  }

  /** The wording of a question as the person sees it. */
  #wording(id: string): string | undefined {
    const question = this.questions.find((each) => each.id === id);
    if (!question) return undefined;
    return question.text ?? (isPredefined(id) ? text.predefinedQuestion(id) : id);
  }

  #check() {
    return checkAnswers(this.rows, { required: this.#count, questionText: (id) => this.#wording(id) });
  }

  // --- Lifecycle ------------------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues): void {
    // A React prop left out, or a policy without its questions: none offered, rather than a render that throws.
    this.questions ??= [];
    if (this.rows.length !== this.#count) {
      this.rows = Array.from({ length: this.#count }, (_, i) => this.rows[i] ?? { questionId: '', answer: '' });
    }
    if (changed.has('questions')) {
      // A question the organization no longer offers cannot stay chosen.
      const offered = new Set(this.questions.map((question) => question.id));
      if (this.rows.some(({ questionId }) => questionId && !offered.has(questionId)))
        this.rows = this.rows.map((row) => (offered.has(row.questionId) ? row : { ...row, questionId: '' }));
    }
    if (changed.has('error') && this.error) this.shown = true;
    if ((changed.has('pending') && !this.pending) || changed.has('error')) this.#submitting.release();
    this.#state('pending', this.pending);
    this.#state('invalid', Boolean(this.error) || (this.shown && !this.#check().ok));
  }

  /** Custom states where the browser has them; the reflected `pending` attribute carries that state anyway. */
  #state(name: string, on: boolean): void {
    const states = this.#internals.states as Set<string> | undefined;
    try {
      if (on) states?.add(name);
      else states?.delete(name);
    } catch {
      // Older engines accept only `--name` states.
    }
  }

  // --- Edits ----------------------------------------------------------------------------------------------

  #edit(index: number, change: Partial<SecurityQuestionAnswer>): void {
    this.rows = this.rows.map((row, i) => (i === index ? { ...row, ...change } : row));
    if (this.error) this.error = '';
    this.#submitting.release();
    // The fields' own input events stay in the shadow root (keepInputInside): the host hears the element's.
    fireInput(this);
  }

  // --- Submit ---------------------------------------------------------------------------------------------

  readonly #onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.pending || this.#submitting.current) return;
    this.shown = true;
    const check = this.#check();
    if (check.ok) {
      this.#submitting.take(true);
      emit(this, 'questions-submit', { answers: this.rows.map((row) => ({ ...row })) });
      return;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  };

  readonly #onBack = () => emit(this, 'back', undefined);

  // --- Rendering ------------------------------------------------------------------------------------------

  protected override render() {
    const check = this.#check();
    const number = new Intl.NumberFormat(textLocale(this));
    const fix = this.shown && !check.ok;
    const summary =
      this.error ||
      (fix
        ? msg('Some answers need a change. The message under each one says what to do.', {
            id: 'enroll.questions.summary',
            desc: 'Announced when Save is pressed and some questions or answers break a rule.',
          })
        : '');
    const chosen = this.rows.map((row) => row.questionId);
    const limits = [number.format(MIN_ANSWER_LENGTH), number.format(MAX_ANSWER_LENGTH)] as const;
    return html`
      <h2 part="heading" tabindex="-1">
        ${msg('Set up security questions', { id: 'enroll.questions.heading', desc: 'Heading of the step.' })}
      </h2>
      <p id="intro" part="intro">
        ${msg(
          'If you forget your password, you can answer these questions to reset it. They are used for nothing else.',
          {
            id: 'enroll.questions.intro',
            desc: 'Explains the security questions step, under its heading.',
          },
        )}
      </p>
      <form novalidate @submit=${this.#onSubmit} @input=${keepInputInside}>
        <p class="error" part="summary" role="alert">${summary}</p>
        ${this.rows.map((row, i) => {
          const n = number.format(i + 1);
          const problem = this.shown ? check.answers[i] : undefined;
          const questionProblem =
            problem === 'repeated-question' || (problem === 'required' && !row.questionId) ? problem : undefined;
          const answerProblem = questionProblem ? undefined : (problem as Exclude<AnswerProblem, 'repeated-question'>);
          return this.#renderRow(i, n, row, chosen, questionProblem, answerProblem, limits);
        })}
        <div class="actions" part="actions">
          <button type="submit" class="primary" part="button save" aria-disabled=${this.pending ? 'true' : 'false'}>
            ${this.pending ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
            ${msg('Save', { id: 'enroll.questions.save', desc: 'Button that saves the questions and answers.' })}
          </button>
          ${
            this.hideBack
              ? nothing
              : html`<button type="button" part="button back" @click=${this.#onBack}>
                  ${msg('Back', { id: 'enroll.questions.back', desc: 'Button that returns to the choice of method.' })}
                </button>`
          }
          <slot name="actions"></slot>
        </div>
        <div class="visually-hidden" role="status">
          ${
            this.pending
              ? msg('Saving your answers…', { id: 'enroll.questions.pending', desc: 'Announced while saving.' })
              : ''
          }
        </div>
      </form>
    `;
  }

  #renderRow(
    i: number,
    n: string,
    row: SecurityQuestionAnswer,
    chosen: string[],
    questionProblem: 'required' | 'repeated-question' | undefined,
    answerProblem: Exclude<AnswerProblem, 'repeated-question'> | undefined,
    [min, max]: readonly [string, string],
  ) {
    // Each question once: one chosen in another row is not offered here.
    const offered = this.questions.filter(
      (question) => question.id === row.questionId || !chosen.some((id, j) => j !== i && id === question.id),
    );
    return html`<div class="row" part="row">
      <div class="field">
        <label for="question-${i}" part="label">${text.questionLabel(n)}</label>
        <select
          id="question-${i}"
          part="select"
          aria-invalid=${questionProblem ? 'true' : 'false'}
          aria-describedby="question-${i}-message"
          @change=${(event: Event) => this.#edit(i, { questionId: (event.target as HTMLSelectElement).value })}
        >
          <option value="" ?selected=${!row.questionId}>
            ${msg('Choose a question', { id: 'enroll.questions.placeholder', desc: 'First, empty choice of a list.' })}
          </option>
          ${offered.map(
            (question) =>
              html`<option value=${question.id} ?selected=${question.id === row.questionId}>
                ${this.#wording(question.id)}
              </option>`,
          )}
        </select>
        <p id="question-${i}-message" class="error" part="error">
          ${questionProblem ? text.questionProblem(questionProblem) : ''}
        </p>
      </div>
      <div class="field">
        <label for="answer-${i}" part="label">${text.answerLabel(n)}</label>
        <input
          id="answer-${i}"
          part="input"
          type="text"
          autocomplete="off"
          spellcheck="false"
          aria-invalid=${answerProblem ? 'true' : 'false'}
          aria-describedby="answer-${i}-message"
          ?readonly=${this.pending}
          .value=${live(row.answer)}
          @input=${(event: InputEvent) => this.#edit(i, { answer: (event.target as HTMLInputElement).value })}
        />
        <p id="answer-${i}-message" class="error" part="error">
          ${answerProblem ? text.answerProblem(answerProblem, min, max) : ''}
        </p>
      </div>
    </div>`;
  }
}

defineElement('security-questions-form', SecurityQuestionsForm);

declare global {
  interface HTMLElementTagNameMap {
    'security-questions-form': SecurityQuestionsForm;
  }
  interface HTMLElementEventMap {
    'questions-submit': CustomEvent<QuestionsSubmitDetail>;
    back: CustomEvent<void>;
  }
}
