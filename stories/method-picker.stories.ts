import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { MethodId, Purpose, SecurityInfoPolicy } from '@security-info/core';
import '../packages/elements/src/method-picker/method-picker.js';

interface PickerArgs {
  policy: SecurityInfoPolicy;
  purpose?: Purpose;
  registered: MethodId[];
  pending: boolean;
}

const everything: SecurityInfoPolicy = {
  methods: [
    { id: 'authenticator-app', purposes: ['mfa', 'password-reset'] },
    { id: 'phone', purposes: ['mfa', 'password-reset'] },
    { id: 'email', purposes: ['password-reset'] },
    { id: 'security-questions', purposes: ['password-reset'] },
    { id: 'passkey', purposes: ['mfa', 'password-reset'] },
  ],
};

const meta: Meta<PickerArgs> = {
  title: 'Elements/method-picker',
  component: 'method-picker',
  args: { policy: everything, registered: [], pending: false },
  argTypes: { purpose: { control: 'inline-radio', options: [undefined, 'mfa', 'password-reset'] } },
  render: ({ policy, purpose, registered, pending }) =>
    html`<method-picker
      .policy=${policy}
      .purpose=${purpose}
      .registered=${registered}
      ?pending=${pending}
    ></method-picker>`,
};
export default meta;

type Story = StoryObj<PickerArgs>;

export const AllMethods: Story = {};
export const TwoStepVerification: Story = { args: { purpose: 'mfa' } };
export const PasswordReset: Story = { args: { purpose: 'password-reset' } };
export const SomeRegistered: Story = { args: { purpose: 'mfa', registered: ['authenticator-app'] } };
export const PhoneNotAllowed: Story = {
  args: { purpose: 'mfa', policy: { methods: [{ id: 'authenticator-app', purposes: ['mfa'] }] } },
};
export const NothingAllowed: Story = { args: { purpose: 'mfa', policy: { methods: [] } } };
export const Pending: Story = { args: { purpose: 'mfa', pending: true } };
export const RightToLeft: Story = {
  args: { purpose: 'mfa' },
  decorators: [(story) => html`<div dir="rtl" lang="ar">${story()}</div>`],
};
/**
 * The icons are decoration, in a file of their own that loads beside the policy: when it cannot load (offline), the
 * list is complete without them, each icon's place kept empty. Shown here by hiding them through their part.
 */
export const WithoutIcons: Story = {
  decorators: [
    (story) =>
      html`<style>
          .without-icons method-picker::part(icon) {
            visibility: hidden;
          }
        </style>
        <div class="without-icons">${story()}</div>`,
  ],
};
