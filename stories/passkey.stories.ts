import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/passkey/passkey-setup.js';

interface PasskeyArgs {
  unsupported: boolean;
  created: boolean;
  name: string;
  pending: boolean;
  /** One of the step's own failures (core's passkey reasons), said in its words. */
  failure: string;
  error: string;
  hideBack: boolean;
}

const meta: Meta<PasskeyArgs> = {
  title: 'Elements/passkey-setup',
  component: 'passkey-setup',
  args: {
    unsupported: false,
    created: false,
    name: 'Chrome on Windows',
    pending: false,
    failure: '',
    error: '',
    hideBack: false,
  },
  argTypes: {
    failure: {
      control: 'select',
      options: [
        '',
        'passkey-cancelled',
        'passkey-exists',
        'passkey-origin',
        'passkey-unsupported',
        'passkey-timeout',
        'passkey-refused',
        'passkey-limit',
      ],
    },
  },
  render: (args) =>
    html`<passkey-setup
      ?unsupported=${args.unsupported}
      ?created=${args.created}
      .name=${args.name}
      ?pending=${args.pending}
      .failure=${args.failure}
      .error=${args.error}
      ?hide-back=${args.hideBack}
    ></passkey-setup>`,
};
export default meta;

type Story = StoryObj<PasskeyArgs>;

/** What a passkey is, and Create passkey. */
export const Ready: Story = {};
/** The browser's dialog is open: the button is busy, the status says to follow the browser. */
export const DialogOpen: Story = { args: { pending: true } };
/** No WebAuthn in this browser: said up front, with no Create button. */
export const Unsupported: Story = { args: { unsupported: true } };
export const Cancelled: Story = { args: { failure: 'passkey-cancelled' } };
export const AlreadyRegistered: Story = { args: { failure: 'passkey-exists' } };
export const WrongOrigin: Story = { args: { failure: 'passkey-origin' } };
export const NoSuitableAuthenticator: Story = { args: { failure: 'passkey-unsupported' } };
export const TimedOut: Story = { args: { failure: 'passkey-timeout' } };
export const Refused: Story = { args: { failure: 'passkey-refused' } };
/**
 * The person has the most passkeys there can be (the backend's `method-limit`): one must be deleted first, so no
 * Create button, which would only be refused again; Back leads out.
 */
export const MostPasskeys: Story = { args: { failure: 'passkey-limit' } };
/** Any other failure, in the words the host gives (the wizard's for the adapter's failures). */
export const Offline: Story = {
  args: { error: 'You seem to be offline. Check your connection, then try again. Nothing you entered is lost.' },
};
/** The passkey is registered: its name, suggested from the device. */
export const Name: Story = { args: { created: true } };
/** Save was pressed and the host is renaming it. */
export const Saving: Story = { args: { created: true, pending: true } };
export const RightToLeft: Story = {
  args: { failure: 'passkey-exists' },
  decorators: [(story) => html`<div dir="rtl" lang="ar">${story()}</div>`],
};
