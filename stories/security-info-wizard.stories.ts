import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createMemoryAdapter, type MemoryAdapterFault, type MemoryAdapterOperation } from '@security-info/core';
import '../packages/elements/src/security-info-wizard/security-info-wizard.js';

interface WizardArgs {
  purpose: 'mfa' | 'password-reset' | '';
  start: 'methods' | 'phone';
  defaultCountry: string;
  latency: number;
  voiceConfirmation: 'code' | 'keypress';
  fault?: [MemoryAdapterOperation, MemoryAdapterFault];
}

/**
 * The whole enrollment on the in-memory adapter. Each code is shown under the wizard ("Demo code"), so a
 * designer can finish the flow.
 */
const meta: Meta<WizardArgs> = {
  title: 'Elements/security-info-wizard',
  component: 'security-info-wizard',
  args: { purpose: 'mfa', start: 'methods', defaultCountry: 'NL', latency: 400, voiceConfirmation: 'code' },
  argTypes: {
    purpose: { control: 'inline-radio', options: ['mfa', 'password-reset', ''] },
    start: { control: 'inline-radio', options: ['methods', 'phone'] },
    voiceConfirmation: { control: 'inline-radio', options: ['code', 'keypress'] },
  },
  render: ({ purpose, start, defaultCountry, latency, voiceConfirmation, fault }) => {
    const output = document.createElement('output');
    output.textContent = 'none yet';
    const adapter = createMemoryAdapter({
      latency,
      voiceConfirmation,
      onCode: ({ code }) => (output.textContent = code),
    });
    if (fault) adapter.injectFault(fault[0], fault[1], { persist: true });
    return html`<security-info-wizard
        purpose=${purpose || 'mfa'}
        start=${start}
        default-country=${defaultCountry}
        .adapter=${adapter}
      ></security-info-wizard>
      <p>Demo code: ${output}</p>`;
  },
};
export default meta;

type Story = StoryObj<WizardArgs>;

export const Methods: Story = {};
export const PasswordReset: Story = { args: { purpose: 'password-reset' } };
export const PhoneStep: Story = { args: { start: 'phone' } };
export const Loading: Story = { args: { fault: ['getPolicy', 'hang'] } };
export const PolicyFailed: Story = { args: { fault: ['getPolicy', 'network'] } };
export const RateLimited: Story = {
  args: { start: 'phone', fault: ['sendCode', { code: 'rate-limited', retryAfterSeconds: 90 }] },
};
export const NumberRejected: Story = { args: { start: 'phone', fault: ['sendCode', 'number-rejected'] } };
export const VoiceKeypress: Story = { args: { start: 'phone', voiceConfirmation: 'keypress' } };
export const RightToLeft: Story = {
  args: { start: 'phone' },
  decorators: [(story) => html`<div dir="rtl" lang="ar">${story()}</div>`],
};
export const Dark: Story = {
  args: { start: 'phone' },
  decorators: [(story) => html`<div style="color-scheme: dark; background: #111116; padding: 1rem">${story()}</div>`],
};
