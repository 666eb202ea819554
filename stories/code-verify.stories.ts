import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Channel } from '@security-info/core';
import type { CodeVerifyStatus } from '../packages/elements/src/code-verify/code-verify.js';
import '../packages/elements/src/code-verify/code-verify.js';

interface CodeArgs {
  destination: string;
  channel: Channel;
  channels: Channel[];
  length: number;
  autoSubmit: boolean;
  webOtp: boolean;
  resendInSeconds: number;
  pending: boolean;
  status: CodeVerifyStatus;
  attemptsRemaining?: number;
  retryAfterSeconds?: number;
  error: string;
  disabled: boolean;
}

const meta: Meta<CodeArgs> = {
  title: 'Elements/code-verify',
  component: 'code-verify',
  args: {
    // Masked by the host, so the whole number never reaches an attribute.
    destination: '+31 6 •••• 5678',
    channel: 'sms',
    channels: ['sms'],
    length: 6,
    autoSubmit: false,
    webOtp: false,
    resendInSeconds: 0,
    pending: false,
    status: 'idle',
    error: '',
    disabled: false,
  },
  argTypes: {
    channel: { control: 'inline-radio', options: ['sms', 'voice'] },
    channels: { control: 'check', options: ['sms', 'voice'] },
    status: { control: 'select', options: ['idle', 'invalid-code', 'code-expired', 'too-many-attempts'] },
    length: { control: { type: 'range', min: 4, max: 10 } },
  },
  render: (args) =>
    html`<code-verify
      destination=${args.destination}
      channel=${args.channel}
      .channels=${args.channels}
      length=${args.length}
      ?auto-submit=${args.autoSubmit}
      ?web-otp=${args.webOtp}
      .resendInSeconds=${args.resendInSeconds}
      ?pending=${args.pending}
      status=${args.status}
      .attemptsRemaining=${args.attemptsRemaining}
      .retryAfterSeconds=${args.retryAfterSeconds}
      .error=${args.error}
      ?disabled=${args.disabled}
    ></code-verify>`,
};
export default meta;

type Story = StoryObj<CodeArgs>;

/** The page this story shows in, dark whatever the toolbar says, so the story is dark in tests too. */
const darkPage = (story: () => unknown) =>
  html`<div style="color-scheme: dark; background: #1c1c22; color: #ececf1; padding: 1rem">${story()}</div>`;

export const Idle: Story = {};
export const Sms: Story = { args: { channel: 'sms', resendInSeconds: 30 } };
export const Voice: Story = { args: { channel: 'voice', resendInSeconds: 30 } };
export const Pending: Story = { args: { pending: true } };
export const InvalidCodeWithAttemptsLeft: Story = { args: { status: 'invalid-code', attemptsRemaining: 2 } };
export const Expired: Story = { args: { status: 'code-expired' } };
export const TooManyAttempts: Story = { args: { status: 'too-many-attempts', retryAfterSeconds: 300 } };
export const Cooldown: Story = { args: { resendInSeconds: 25 } };
export const ResendAvailable: Story = { args: { resendInSeconds: 0 } };
export const BothChannels: Story = { args: { channels: ['sms', 'voice'] } };
export const HostError: Story = {
  args: { error: 'You seem to be offline. Check your connection, then try again. Nothing you entered is lost.' },
};
/** A whole E.164 number is masked by the element before it is shown. */
export const WholeNumber: Story = { args: { destination: '+31612345678' } };
export const EightDigits: Story = { args: { length: 8 } };
export const RightToLeft: Story = {
  args: { channels: ['sms', 'voice'], status: 'invalid-code', attemptsRemaining: 2 },
  decorators: [(story) => html`<div dir="rtl" lang="ar">${story()}</div>`],
};
export const Dark: Story = {
  args: { channels: ['sms', 'voice'], status: 'invalid-code', attemptsRemaining: 2, resendInSeconds: 30 },
  globals: { theme: 'dark' },
  decorators: [darkPage],
};
