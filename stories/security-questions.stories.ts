import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { SecurityQuestion } from '@security-info/core';
import { PREDEFINED_QUESTION_IDS } from '@security-info/core';
import '../packages/elements/src/security-questions/security-questions-form.js';

interface QuestionsArgs {
  questions: SecurityQuestion[];
  required: number;
  pending: boolean;
  error: string;
  /** Chosen and typed into the rows, in order, before the story is shown. */
  filled?: [string, string][];
  /** Presses Save once filled, to show the messages. */
  save?: boolean;
}

const PREDEFINED: SecurityQuestion[] = PREDEFINED_QUESTION_IDS.map((id) => ({ id }));
const FILLED: [string, string][] = [
  ['first-pet', 'Rex'],
  ['birth-city', 'Utrecht'],
  ['first-school', 'De Regenboog'],
];

const meta: Meta<QuestionsArgs> = {
  title: 'Elements/security-questions-form',
  component: 'security-questions-form',
  args: { questions: PREDEFINED, required: 3, pending: false, error: '' },
  render: (args) =>
    html`<security-questions-form
      .questions=${args.questions}
      required=${args.required}
      ?pending=${args.pending}
      .error=${args.error}
    ></security-questions-form>`,
  play: async ({ canvasElement, args }) => {
    if (!args.filled && !args.save) return;
    const form = canvasElement.querySelector('security-questions-form')!;
    await customElements.whenDefined('security-questions-form');
    await form.updateComplete;
    const root = form.shadowRoot!;
    for (const [i, [questionId, answer]] of (args.filled ?? []).entries()) {
      const select = root.querySelector<HTMLSelectElement>(`#question-${i}`)!;
      select.value = questionId;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await form.updateComplete;
      const input = root.querySelector<HTMLInputElement>(`#answer-${i}`)!;
      input.value = answer;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
      await form.updateComplete;
    }
    if (args.save) root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  },
};
export default meta;

type Story = StoryObj<QuestionsArgs>;

export const Empty: Story = {};
export const Filled: Story = { args: { filled: FILLED } };
export const FiveRequired: Story = { args: { required: 5 } };
/** An organization's own question, shown in its own words beside the predefined ones. */
export const CustomQuestion: Story = {
  args: {
    questions: [...PREDEFINED.slice(0, 4), { id: 'team', text: 'Which team did you play for at school?' }],
    filled: [['team', 'Ajax']],
  },
};
export const NothingFilled: Story = { args: { save: true } };
export const TooShort: Story = { args: { filled: [FILLED[0]!, ['birth-city', 'Ut'], FILLED[2]!], save: true } };
export const SameAnswer: Story = { args: { filled: [FILLED[0]!, FILLED[1]!, ['first-school', 'rex']], save: true } };
export const RepeatsQuestion: Story = {
  args: { filled: [['first-pet', 'first pet'], FILLED[1]!, FILLED[2]!], save: true },
};
export const HostError: Story = {
  args: { filled: FILLED, error: "Your answers couldn't be saved. Try again." },
};
export const Pending: Story = { args: { filled: FILLED, pending: true } };
export const RightToLeft: Story = {
  args: { filled: FILLED },
  decorators: [(story) => html`<div dir="rtl" lang="ar">${story()}</div>`],
};
