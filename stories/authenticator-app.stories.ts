import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/authenticator-app/authenticator-app-setup.js';

interface AppArgs {
  uri: string;
  secret: string;
  pending: boolean;
  error: string;
  /** Opens "Can't scan the QR code?", to show the key and Copy. */
  revealKey?: boolean;
}

// A made-up secret for an example account: never a real one in a story.
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

const meta: Meta<AppArgs> = {
  title: 'Elements/authenticator-app-setup',
  component: 'authenticator-app-setup',
  args: {
    uri: `otpauth://totp/Contoso:ada%40contoso.com?secret=${SECRET}&issuer=Contoso&algorithm=SHA1&digits=6&period=30`,
    secret: SECRET,
    pending: false,
    error: '',
  },
  // The key and the URI are properties only: the element never takes them from attributes.
  render: (args) =>
    html`<authenticator-app-setup
      .uri=${args.uri}
      .secret=${args.secret}
      ?pending=${args.pending}
      .error=${args.error}
    ></authenticator-app-setup>`,
  play: async ({ canvasElement, args }) => {
    if (!args.revealKey) return;
    const step = canvasElement.querySelector('authenticator-app-setup')!;
    await customElements.whenDefined('authenticator-app-setup');
    await step.updateComplete;
    step.shadowRoot!.querySelector('summary')!.click();
    await step.updateComplete;
  },
};
export default meta;

type Story = StoryObj<AppArgs>;

/** The page this story shows in, dark whatever the toolbar says, so the story is dark in tests too. */
const darkPage = (story: () => unknown) =>
  html`<div style="color-scheme: dark; background: #1c1c22; color: #ececf1; padding: 1rem">${story()}</div>`;

/** The host fetches the setup: progress where the QR code will be. */
export const Loading: Story = { args: { uri: '', secret: '', pending: true } };
export const Ready: Story = {};
export const KeyRevealed: Story = { args: { revealKey: true } };
/** Next was pressed and the host is working. */
export const Waiting: Story = { args: { pending: true } };
export const HostError: Story = {
  args: { uri: '', secret: '', error: 'You seem to be offline. Check your connection, then try again.' },
};
export const RightToLeft: Story = {
  args: { revealKey: true },
  decorators: [(story) => html`<div dir="rtl" lang="ar">${story()}</div>`],
};
export const Dark: Story = {
  args: { revealKey: true },
  globals: { theme: 'dark' },
  decorators: [darkPage],
};
