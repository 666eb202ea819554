import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  createMemoryAdapter,
  DEFAULT_POLICY,
  type MemoryAdapter,
  type MemoryAdapterFault,
  type MemoryAdapterOperation,
  type MethodId,
  type SecurityInfoPolicy,
} from '@security-info/core';
import '../packages/elements/src/security-info-wizard/security-info-wizard.js';
import { enterIssuedCode, inShadow, type, until } from './until.js';

interface MethodsArgs {
  purpose: 'mfa' | 'password-reset' | '';
  start: 'methods' | MethodId;
  latency: number;
  policy: SecurityInfoPolicy;
  /** The required flow: the methods the policy requires and the person lacks, one after another. */
  required?: boolean;
  /** The methods the person has set up already. */
  registered?: MethodId[];
  /** A fault every call of the operation meets. */
  fault?: [MemoryAdapterOperation, MemoryAdapterFault];
  /** How far the play function takes the flow. */
  goTo?: 'code' | 'verify';
}

const adapters = new WeakMap<Element, MemoryAdapter>();

/** A policy that asks for an authenticator app and a phone at sign-in, and lets the person put it off. */
const requiredPolicy = (days?: number): SecurityInfoPolicy => ({
  ...DEFAULT_POLICY,
  enrollment: {
    required: [{ purpose: 'mfa', methods: ['authenticator-app', 'phone'], count: 2 }],
    ...(days === undefined ? {} : { skip: { allowed: true, daysLeft: days } }),
  },
});

/**
 * The methods beyond phone, enrolled by the wizard on the in-memory adapter: an email address and the code sent to
 * it ("Demo code" under the wizard), an authenticator app (scan the QR code with a real app, or type the key), security
 * questions; and the required flow asked at sign-in. The play functions take some stories to a later step.
 */
const meta: Meta<MethodsArgs> = {
  title: 'Elements/security-info-wizard/Every method',
  component: 'security-info-wizard',
  args: { purpose: 'password-reset', start: 'methods', latency: 300, policy: DEFAULT_POLICY },
  argTypes: {
    purpose: { control: 'inline-radio', options: ['mfa', 'password-reset', ''] },
    start: {
      control: 'inline-radio',
      options: ['methods', 'authenticator-app', 'phone', 'email', 'security-questions'],
    },
  },
  render: ({ purpose, start, latency, policy, required, registered, fault }) => {
    const output = document.createElement('output');
    output.textContent = 'none yet';
    const adapter = createMemoryAdapter({ latency, policy, onCode: ({ code }) => (output.textContent = code) });
    if (fault) adapter.injectFault(fault[0], fault[1], { persist: true });
    const wizard = document.createElement('security-info-wizard');
    if (purpose) wizard.setAttribute('purpose', purpose);
    wizard.setAttribute('start', start);
    wizard.setAttribute('default-country', 'NL');
    wizard.required = required ?? false;
    wizard.registered = registered ?? [];
    wizard.adapter = adapter;
    adapters.set(wizard, adapter);
    return html`${wizard}
      <p>Demo code: ${output}</p>`;
  },
  play: async ({ canvasElement, args }) => {
    if (!args.goTo) return;
    const wizard = canvasElement.querySelector('security-info-wizard')!;
    const adapter = adapters.get(wizard)!;
    if (args.start === 'email') {
      const step = await until(() => inShadow(wizard, 'email-address'));
      type(await until(() => inShadow<HTMLInputElement>(step, 'input')), 'ada@example.com');
      inShadow<HTMLButtonElement>(step, 'button[part~="next"]')!.click();
    } else {
      const step = await until(() => inShadow(wizard, 'authenticator-app-setup'));
      await until(() => inShadow(step, 'svg'));
      inShadow<HTMLButtonElement>(step, 'button[part~="next"]')!.click();
    }
    if (args.goTo === 'code') return;
    await enterIssuedCode(wizard, adapter);
  },
};
export default meta;

type Story = StoryObj<MethodsArgs>;

/** Every method the organization allows for password reset, each enrolled by the wizard. */
export const Methods: Story = {};
export const EmailStep: Story = { args: { start: 'email' } };
/** The code step names the address, masked, and resends by email. */
export const EmailCode: Story = { args: { start: 'email', goTo: 'code' } };
export const EmailDone: Story = { args: { start: 'email', goTo: 'verify' } };
export const EmailRateLimited: Story = {
  args: { start: 'email', goTo: 'code', fault: ['sendEmailCode', { code: 'rate-limited', retryAfterSeconds: 90 }] },
};
export const EmailWrongCode: Story = {
  args: { start: 'email', goTo: 'verify', fault: ['verifyCode', { code: 'invalid-code', attemptsRemaining: 2 }] },
};
/** The QR code and, behind "Can't scan the QR code?", the key to type. */
export const AppStep: Story = { args: { purpose: 'mfa', start: 'authenticator-app' } };
/** "Enter the 6-digit code from your authenticator app": no resend, since no one sends it. */
export const AppCode: Story = { args: { purpose: 'mfa', start: 'authenticator-app', goTo: 'code' } };
export const AppKeyFailed: Story = {
  args: { purpose: 'mfa', start: 'authenticator-app', fault: ['startAuthenticatorApp', 'network'] },
};
export const QuestionsStep: Story = { args: { start: 'security-questions' } };
export const QuestionsSaveFailed: Story = {
  args: { start: 'security-questions', fault: ['setSecurityQuestions', 'timeout'] },
};
/** Asked at sign-in: "Method 1 of 2: Authenticator app", then the phone, then a summary. */
export const RequiredFlow: Story = { args: { purpose: 'mfa', required: true, policy: requiredPolicy() } };
/** The same when the organization lets the person put it off for a few more days. */
export const RequiredWithSkip: Story = { args: { purpose: 'mfa', required: true, policy: requiredPolicy(3) } };
export const RequiredLastDay: Story = { args: { purpose: 'mfa', required: true, policy: requiredPolicy(1) } };
/** The person has the app already: only the phone is asked for, as "Method 1 of 1". */
export const RequiredPartly: Story = {
  args: { purpose: 'mfa', required: true, policy: requiredPolicy(), registered: ['authenticator-app'] },
};
/** The person has everything required: the summary says so at once. */
export const NothingMissing: Story = {
  args: { purpose: 'mfa', required: true, policy: requiredPolicy(), registered: ['authenticator-app', 'phone'] },
};
export const RightToLeft: Story = {
  args: { purpose: 'mfa', required: true, policy: requiredPolicy(3) },
  decorators: [(story) => html`<div dir="rtl" lang="ar">${story()}</div>`],
};
/** The page this story shows in, dark whatever the toolbar says, so the story is dark in tests too. */
const darkPage = (story: () => unknown) =>
  html`<div style="color-scheme: dark; background: #1c1c22; color: #ececf1; padding: 1rem">${story()}</div>`;
export const Dark: Story = {
  args: { purpose: 'mfa', required: true, policy: requiredPolicy(3) },
  globals: { theme: 'dark' },
  decorators: [darkPage],
};
export const DarkEmailCode: Story = {
  args: { start: 'email', goTo: 'code' },
  globals: { theme: 'dark' },
  decorators: [darkPage],
};
