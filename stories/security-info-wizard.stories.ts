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

interface WizardArgs {
  purpose: 'mfa' | 'password-reset' | '';
  start: 'methods' | 'phone';
  defaultCountry: string;
  latency: number;
  voiceConfirmation: 'code' | 'keypress';
  policy: SecurityInfoPolicy;
  /** The methods the person has set up already, which the method step marks. */
  registered?: MethodId[];
  /** A fault every call of the operation meets, or only the next one with `{ persist: false }`. */
  fault?: [MemoryAdapterOperation, MemoryAdapterFault, { persist?: boolean }?];
  /**
   * How the page answers `security-info-reauthenticate`: `dialog` starts a sign-in with `retryAfter()` that a
   * button under the wizard finishes (it also ends the injected fault, as a new session would).
   */
  signIn?: 'dialog';
  /** How far the play function takes the flow. */
  goTo?: 'code' | 'verify' | 'call';
  channel?: 'sms' | 'voice';
}

const adapters = new WeakMap<Element, MemoryAdapter>();

/**
 * The whole enrollment on the in-memory adapter. Each code is shown under the wizard ("Demo code"), so a
 * designer can finish the flow; the play functions take some stories to a later step.
 */
const meta: Meta<WizardArgs> = {
  title: 'Elements/security-info-wizard',
  component: 'security-info-wizard',
  args: {
    purpose: 'mfa',
    start: 'methods',
    defaultCountry: 'NL',
    latency: 300,
    voiceConfirmation: 'code',
    policy: DEFAULT_POLICY,
  },
  argTypes: {
    purpose: { control: 'inline-radio', options: ['mfa', 'password-reset', ''] },
    start: { control: 'inline-radio', options: ['methods', 'phone'] },
    voiceConfirmation: { control: 'inline-radio', options: ['code', 'keypress'] },
  },
  render: ({ purpose, start, defaultCountry, latency, voiceConfirmation, fault, policy, registered, signIn }) => {
    const output = document.createElement('output');
    output.textContent = 'none yet';
    const adapter = createMemoryAdapter({
      latency,
      policy,
      voiceConfirmation,
      onCode: ({ code }) => (output.textContent = code),
    });
    if (fault) adapter.injectFault(fault[0], fault[1], { persist: true, ...fault[2] });
    const wizard = document.createElement('security-info-wizard');
    if (purpose) wizard.setAttribute('purpose', purpose);
    wizard.setAttribute('start', start);
    wizard.setAttribute('default-country', defaultCountry);
    wizard.adapter = adapter;
    wizard.registered = registered ?? [];
    adapters.set(wizard, adapter);
    const finishSignIn = document.createElement('button');
    finishSignIn.type = 'button';
    finishSignIn.textContent = 'Finish signing in (demo)';
    finishSignIn.hidden = true;
    if (signIn === 'dialog') {
      wizard.addEventListener('security-info-reauthenticate', (event) => {
        finishSignIn.hidden = false;
        event.detail.retryAfter(
          new Promise<void>((resolve) => {
            finishSignIn.onclick = () => {
              finishSignIn.hidden = true;
              adapter.clearFaults();
              resolve();
            };
          }),
        );
      });
    }
    return html`${wizard}
      <p>Demo code: ${output}</p>
      ${finishSignIn}`;
  },
  play: async ({ canvasElement, args }) => {
    if (!args.goTo) return;
    const wizard = canvasElement.querySelector('security-info-wizard')!;
    const adapter = adapters.get(wizard)!;
    const phone = await until(() => inShadow(wizard, 'security-info-phone'));
    const number = await until(() => inShadow<HTMLInputElement>(phone, 'input[type="tel"]'));
    await until(() => inShadow<HTMLInputElement>(phone, 'input[role="combobox"]')?.value);
    if (args.channel === 'voice') inShadow<HTMLInputElement>(phone, 'input[value="voice"]')!.click();
    type(number, '0612345678');
    inShadow<HTMLButtonElement>(phone, 'button[type="submit"]')!.click();
    if (args.goTo === 'call' || args.goTo === 'code') return;
    await enterIssuedCode(wizard, adapter);
  },
};
export default meta;

type Story = StoryObj<WizardArgs>;

export const Methods: Story = {};
/** The person has a phone already: the method step says so beside it. */
export const AlreadySetUp: Story = { args: { registered: ['phone'] } };
export const PasswordReset: Story = { args: { purpose: 'password-reset' } };
export const NothingAllowed: Story = { args: { policy: { methods: [] } } };
export const PhoneStep: Story = { args: { start: 'phone' } };
export const Loading: Story = { args: { fault: ['getPolicy', 'hang'] } };
/**
 * The backend could not be reached for the policy. The same view (heading, the offline message, Try again and
 * Cancel) shows in place of a later step whose code could not be downloaded.
 */
export const PolicyFailed: Story = { args: { fault: ['getPolicy', 'network'] } };
export const CodeStep: Story = { args: { start: 'phone', goTo: 'code' } };
export const Done: Story = { args: { start: 'phone', goTo: 'verify' } };
export const VoiceCallWaiting: Story = {
  args: { start: 'phone', voiceConfirmation: 'keypress', channel: 'voice', goTo: 'call' },
};

const sendFaults: Record<string, MemoryAdapterFault> = {
  RateLimited: { code: 'rate-limited', retryAfterSeconds: 90 },
  NumberRejected: 'number-rejected',
  ChannelUnavailable: 'channel-unavailable',
  Offline: 'network',
  TimedOut: 'timeout',
  Unknown: 'unknown',
  MalformedAnswer: 'malformed',
};
export const SendRateLimited: Story = {
  args: { start: 'phone', goTo: 'code', fault: ['sendCode', sendFaults.RateLimited!] },
};
export const SendNumberRejected: Story = {
  args: { start: 'phone', goTo: 'code', fault: ['sendCode', sendFaults.NumberRejected!] },
};
export const SendChannelUnavailable: Story = {
  args: { start: 'phone', goTo: 'code', fault: ['sendCode', sendFaults.ChannelUnavailable!] },
};
export const SendOffline: Story = { args: { start: 'phone', goTo: 'code', fault: ['sendCode', sendFaults.Offline!] } };
export const SendTimedOut: Story = {
  args: { start: 'phone', goTo: 'code', fault: ['sendCode', sendFaults.TimedOut!] },
};
export const SendUnknown: Story = { args: { start: 'phone', goTo: 'code', fault: ['sendCode', sendFaults.Unknown!] } };
export const SendMalformed: Story = {
  args: { start: 'phone', goTo: 'code', fault: ['sendCode', sendFaults.MalformedAnswer!] },
};
export const InvalidCode: Story = {
  args: { start: 'phone', goTo: 'verify', fault: ['verifyCode', { code: 'invalid-code', attemptsRemaining: 2 }] },
};
export const CodeExpired: Story = { args: { start: 'phone', goTo: 'verify', fault: ['verifyCode', 'code-expired'] } };
export const LockedOut: Story = {
  args: {
    start: 'phone',
    goTo: 'verify',
    fault: ['verifyCode', { code: 'too-many-attempts', retryAfterSeconds: 300 }],
  },
};
/** The person's session ended while sending the code: the step says so and keeps the number. */
export const SessionEnded: Story = { args: { start: 'phone', goTo: 'code', fault: ['sendCode', 'unauthenticated'] } };
/** The same before the policy loaded: the loading view says so, with Try again. */
export const SessionEndedAtStart: Story = { args: { fault: ['getPolicy', 'unauthenticated'] } };
/**
 * The page answers the ended session by signing the person in (`retryAfter()`): the step waits with the number
 * kept; "Finish signing in (demo)" stands for the page's sign-in and sends the code.
 */
export const WaitingForSignIn: Story = {
  args: { start: 'phone', goTo: 'code', fault: ['sendCode', 'unauthenticated'], signIn: 'dialog' },
};
/** A text message cannot reach a landline: a call is offered, and "Call me" sends by voice in one go. */
export const Landline: Story = {
  args: {
    start: 'phone',
    goTo: 'code',
    fault: ['sendCode', { code: 'channel-unavailable', reason: 'landline' }, { persist: false }],
  },
};
/** The same where the organization allows no calls to the region: the person is asked for a mobile number. */
export const LandlineWithoutCalls: Story = {
  args: {
    start: 'phone',
    goTo: 'code',
    policy: { ...DEFAULT_POLICY, phone: { channels: ['sms', 'voice'], channelsByCountry: { NL: ['sms'] } } },
    fault: ['sendCode', { code: 'channel-unavailable', reason: 'landline' }],
  },
};
export const RightToLeft: Story = {
  args: { start: 'phone' },
  decorators: [(story) => html`<div dir="rtl" lang="ar">${story()}</div>`],
};
/**
 * The page restyles pieces inside the wizard through the parts it forwards, named after their step
 * (`security-info-wizard::part(phone-input)`, `::part(methods-option)`, `::part(code-input)`…); the tokens
 * (`--si-color-accent`…) stay the way to brand the whole flow.
 */
export const StyledFromThePage: Story = {
  decorators: [
    (story) =>
      html`<style>
          security-info-wizard::part(methods-option),
          security-info-wizard::part(phone-heading),
          security-info-wizard::part(code-heading) {
            color: #4a148c;
          }
          security-info-wizard::part(phone-input),
          security-info-wizard::part(phone-country),
          security-info-wizard::part(code-input) {
            background-color: #ffecb3;
            border-radius: 0;
          }
        </style>
        ${story()}`,
  ],
};
