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
  resendInSeconds: number;
  pending: boolean;
  status: CodeVerifyStatus;
  attemptsRemaining?: number;
  retryAfterSeconds?: number;
  error: string;
}

const meta: Meta<CodeArgs> = {
  title: 'Elements/code-verify',
  component: 'code-verify',
  args: {
    destination: '+31612345678',
    channel: 'sms',
    channels: ['sms'],
    length: 6,
    resendInSeconds: 0,
    pending: false,
    status: 'idle',
    error: '',
  },
  argTypes: {
    channel: { control: 'inline-radio', options: ['sms', 'voice'] },
    status: { control: 'select', options: ['idle', 'invalid-code', 'code-expired', 'too-many-attempts'] },
  },
  render: (args) =>
    html`<code-verify
      destination=${args.destination}
      channel=${args.channel}
      .channels=${args.channels}
      length=${args.length}
      .resendInSeconds=${args.resendInSeconds}
      ?pending=${args.pending}
      status=${args.status}
      .attemptsRemaining=${args.attemptsRemaining}
      .retryAfterSeconds=${args.retryAfterSeconds}
      .error=${args.error}
    ></code-verify>`,
};
export default meta;

type Story = StoryObj<CodeArgs>;

export const Idle: Story = {};
export const Voice: Story = { args: { channel: 'voice' } };
export const BothChannels: Story = { args: { channels: ['sms', 'voice'] } };
export const Cooldown: Story = { args: { resendInSeconds: 30 } };
export const Pending: Story = { args: { pending: true } };
export const InvalidCode: Story = { args: { status: 'invalid-code', attemptsRemaining: 2 } };
export const Expired: Story = { args: { status: 'code-expired' } };
export const LockedOut: Story = { args: { status: 'too-many-attempts', retryAfterSeconds: 300 } };
export const HostError: Story = {
  args: { error: 'You seem to be offline. Check your connection, then try again. Nothing you entered is lost.' },
};
export const EightDigits: Story = { args: { length: 8 } };
export const RightToLeft: Story = { decorators: [(story) => html`<div dir="rtl" lang="ar">${story()}</div>`] };
