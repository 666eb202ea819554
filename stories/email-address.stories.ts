import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/email-address/email-address.js';

interface EmailArgs {
  value: string;
  replacing: boolean;
  pending: boolean;
  disabled: boolean;
  error: string;
  /** Typed into the field and submitted, to show a problem's message. */
  typed?: string;
}

const meta: Meta<EmailArgs> = {
  title: 'Elements/email-address',
  component: 'email-address',
  args: { value: '', replacing: false, pending: false, disabled: false, error: '' },
  render: (args) =>
    html`<email-address
      .value=${args.value}
      ?replacing=${args.replacing}
      ?pending=${args.pending}
      ?disabled=${args.disabled}
      .error=${args.error}
    ></email-address>`,
  play: async ({ canvasElement, args }) => {
    if (args.typed === undefined) return;
    const email = canvasElement.querySelector('email-address')!;
    await customElements.whenDefined('email-address');
    await email.updateComplete;
    const input = email.shadowRoot!.querySelector('input')!;
    input.focus();
    input.value = args.typed;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
    email.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  },
};
export default meta;

type Story = StoryObj<EmailArgs>;

export const Empty: Story = {};
export const Filled: Story = { args: { value: 'ana@example.com' } };
export const Replacing: Story = { args: { replacing: true, value: 'ana@example.com' } };
export const Required: Story = { args: { typed: '' } };
export const NoAt: Story = { args: { typed: 'ana.example.com' } };
export const BeforeTheAt: Story = { args: { typed: 'ana maria@example.com' } };
export const AfterTheAt: Story = { args: { typed: 'ana@example' } };
export const TooLong: Story = { args: { typed: `${'a'.repeat(250)}@example.com` } };
/** Domains in any script are accepted (the browser hands them over in their ASCII form). */
export const InternationalDomain: Story = { args: { value: 'ana@bücher.de' } };
export const HostError: Story = {
  args: { value: 'ana@example.com', error: "We couldn't send a code. Try again in a few minutes." },
};
export const Pending: Story = { args: { value: 'ana@example.com', pending: true } };
export const Disabled: Story = { args: { value: 'ana@example.com', disabled: true } };
export const RightToLeft: Story = {
  args: { value: 'ana@example.com' },
  decorators: [(story) => html`<div dir="rtl" lang="ar">${story()}</div>`],
};
