import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Channel, SecurityInfoPolicy } from '@security-info/core';
import '../packages/elements/src/security-info-phone/security-info-phone.js';

interface PhoneArgs {
  defaultCountry: string;
  allowedCountries: string[];
  channels: Channel[];
  channelsByCountry?: Record<string, Channel[]>;
  policy?: SecurityInfoPolicy;
  value: string;
  readonly: boolean;
  pending: boolean;
  error: string;
  /** Typed into the number field and submitted, to show a validation message. */
  typed?: string;
  /** Typed into the country or region picker, to show the matches with the best one highlighted. */
  searched?: string;
  /** Leaves the picker after `searched`, as Tab or a click elsewhere does. */
  leave?: boolean;
}

const meta: Meta<PhoneArgs> = {
  title: 'Elements/security-info-phone',
  component: 'security-info-phone',
  args: {
    defaultCountry: 'NL',
    allowedCountries: [],
    channels: [],
    value: '',
    readonly: false,
    pending: false,
    error: '',
  },
  render: (args) => {
    const element = html`<security-info-phone
      default-country=${args.defaultCountry}
      .allowedCountries=${args.allowedCountries}
      .channels=${args.channels}
      .channelsByCountry=${args.channelsByCountry}
      .policy=${args.policy}
      .value=${args.value}
      ?readonly=${args.readonly}
      ?pending=${args.pending}
      .error=${args.error}
    ></security-info-phone>`;
    return element;
  },
  play: async ({ canvasElement, args }) => {
    if (args.typed === undefined && args.searched === undefined) return;
    const phone = canvasElement.querySelector('security-info-phone')!;
    await customElements.whenDefined('security-info-phone');
    // The phone number data loads lazily; the element says when it is there.
    while (phone.matches(':state(loading)')) await new Promise((resolve) => setTimeout(resolve, 20));
    await phone.updateComplete;
    const type = (input: HTMLInputElement, text: string) => {
      input.focus();
      input.value = text;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
    };
    if (args.searched !== undefined) {
      const picker = phone.shadowRoot!.querySelector<HTMLInputElement>('input[role="combobox"]')!;
      type(picker, args.searched);
      if (args.leave) picker.blur();
      return;
    }
    type(phone.shadowRoot!.querySelector<HTMLInputElement>('input[type="tel"]')!, args.typed!);
    phone.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  },
};
export default meta;

type Story = StoryObj<PhoneArgs>;

export const Empty: Story = {};
export const Filled: Story = { args: { value: '+31612345678' } };
export const Required: Story = { args: { typed: '' } };
export const TooShort: Story = { args: { typed: '0612' } };
export const TooLong: Story = { args: { typed: '06123456789012' } };
export const InvalidForRegion: Story = { args: { defaultCountry: 'US', typed: '(123) 456-7890' } };
export const RegionNotAllowed: Story = { args: { allowedCountries: ['BE'], typed: '+31 6 12345678' } };
export const NotANumber: Story = { args: { typed: 'call me maybe' } };
export const HostError: Story = {
  args: { value: '+31612345678', error: "This number can't be used for sign-in. Enter a different number." },
};
export const Pending: Story = { args: { value: '+31612345678', pending: true } };
export const ReadOnly: Story = { args: { value: '+447400123456', readonly: true } };
export const TextOnly: Story = { args: { channels: ['sms'] } };
export const CallsNotInRegion: Story = { args: { channelsByCountry: { NL: ['sms'] } } };
export const AllowedCountries: Story = { args: { allowedCountries: ['NL', 'BE', 'DE'] } };
export const NoCountryChosen: Story = { args: { defaultCountry: '', allowedCountries: ['NL', 'BE'] } };
/** The best match is highlighted as the person types: Enter, Tab or a click elsewhere chooses it. */
export const CountrySearch: Story = { args: { searched: 'neth' } };
/** Text that matches no region stays, and no region is chosen until the person picks one. */
export const CountryNotFound: Story = { args: { searched: 'Atlantis', leave: true } };
export const RightToLeft: Story = {
  args: { defaultCountry: 'EG' },
  decorators: [(story) => html`<div dir="rtl" lang="ar">${story()}</div>`],
};

/** The page this story shows in, dark whatever the toolbar says, so the story is dark in tests too. */
const darkPage = (story: () => unknown) =>
  html`<div style="color-scheme: dark; background: #1c1c22; color: #ececf1; padding: 1rem">${story()}</div>`;

export const Dark: Story = {
  args: { value: '+31612345678' },
  globals: { theme: 'dark' },
  decorators: [darkPage],
};
