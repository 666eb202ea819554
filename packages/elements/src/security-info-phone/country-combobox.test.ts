import { LitElement } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { CountryComboboxController, type CountryComboboxState } from './country-combobox.js';
import { phoneStyles } from './security-info-phone.styles.js';
import { fieldStyles } from '../shared/field.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { defineElement } from '../shared/define.js';
import {
  deepActiveElement,
  expect,
  expectAccessible,
  fixture,
  getByRole,
  html,
  press,
  typeInto,
} from '../../test/helpers.js';

/** A host that renders only the picker and keeps what it chooses, as the phone step does. */
class CountryPickerHost extends LitElement {
  static override styles = [tokens, fieldStyles, phoneStyles];
  country = 'NL';
  allowed: string[] = [];
  state: CountryComboboxState = { disabled: false, readonly: false, loading: false };
  /** Every choice the picker made, in order. */
  readonly choices: string[] = [];
  readonly combobox = new CountryComboboxController(this, {
    chosen: () => this.country,
    choose: (code) => {
      this.choices.push(code);
      this.country = code;
      this.requestUpdate();
    },
  });

  protected override willUpdate(): void {
    this.combobox.offer('en', this.allowed);
  }

  protected override render() {
    return this.combobox.render(this.state);
  }
}
defineElement('country-picker-host', CountryPickerHost);

async function altArrowDown() {
  await sendKeys({ down: 'Alt' });
  await sendKeys({ press: 'ArrowDown' });
  await sendKeys({ up: 'Alt' });
}

async function picker(setup: Partial<Pick<CountryPickerHost, 'country' | 'allowed' | 'state'>> = {}) {
  const host = Object.assign(new CountryPickerHost(), setup);
  await fixture(html`<div>${host}</div>`);
  const input = getByRole<HTMLInputElement>(host, 'combobox', { name: 'Country or region' });
  const active = () => host.shadowRoot!.getElementById(input.getAttribute('aria-activedescendant') ?? '')?.id;
  const selected = () => [...host.shadowRoot!.querySelectorAll('[aria-selected="true"]')].map((option) => option.id);
  return { host, input, active, selected };
}

describe('CountryComboboxController', () => {
  it('makes the best match the active and selected option as the person types', async () => {
    const { host, input, active, selected } = await picker();
    await typeInto(input, 'ger');
    await host.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect(input.getAttribute('aria-autocomplete')).to.equal('list');
    expect(active()).to.equal('option-DE');
    expect(selected()).to.deep.equal(['option-DE']);
    expect(host.shadowRoot!.querySelector('.chosen')).to.equal(null, 'the Netherlands is not among the matches');
    await expectAccessible(host);
    await sendKeys({ type: 'x' });
    await host.updateComplete;
    expect(active()).to.equal(undefined);
    expect(host.shadowRoot!.textContent).to.contain('No country or region matches.');
    await expectAccessible(host);
  });

  it('marks the region chosen before apart from the active option', async () => {
    const { host, input, active } = await picker();
    input.focus();
    await press('ArrowDown');
    await press('ArrowDown');
    await host.updateComplete;
    const chosen = host.shadowRoot!.querySelector('.chosen')!;
    expect(chosen.id).to.equal('option-NL');
    expect(chosen.getAttribute('aria-selected')).to.equal(null);
    expect(active()).not.to.equal('option-NL');
  });

  it('leaves Home and End to the text while typing, and moves in the list with them once an arrow key has', async () => {
    const { host, input, active } = await picker();
    await typeInto(input, 'an');
    await press('Home');
    await host.updateComplete;
    expect(input.selectionStart).to.equal(0);
    const first = active();
    await press('ArrowDown');
    await press('End');
    await host.updateComplete;
    const options = host.shadowRoot!.querySelectorAll('[role="option"]');
    expect(active()).to.equal(options[options.length - 1]!.id);
    await press('Home');
    await host.updateComplete;
    expect(active()).to.equal(first);
  });

  it('moves ten options with Page Down and Page Up, and stops at the ends', async () => {
    const { host, input, active } = await picker({ country: '' });
    input.focus();
    await press('ArrowDown');
    await host.updateComplete;
    const ids = [...host.shadowRoot!.querySelectorAll('[role="option"]')].map((option) => option.id);
    expect(active()).to.equal(ids[0]);
    await press('PageDown');
    await host.updateComplete;
    expect(active()).to.equal(ids[10]);
    await press('PageUp');
    await press('PageUp');
    await host.updateComplete;
    expect(active()).to.equal(ids[0]);
    await press('ArrowUp');
    await host.updateComplete;
    expect(active()).to.equal(ids[0]);
  });

  it('opens without an active option on Alt+ArrowDown, where Enter chooses nothing', async () => {
    const { host, input, active } = await picker();
    input.focus();
    await altArrowDown();
    await host.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect(active()).to.equal(undefined);
    await press('Enter');
    await host.updateComplete;
    expect(host.choices).to.deep.equal([]);
    expect(input.getAttribute('aria-expanded')).to.equal('true');
  });

  it('chooses the only region offered with Enter, even with none active', async () => {
    const { host, input } = await picker({ country: '', allowed: ['BE'] });
    input.focus();
    await altArrowDown();
    await press('Enter');
    await host.updateComplete;
    expect(host.choices).to.deep.equal(['BE']);
  });

  it('keeps the choice when the text was deleted and the field left', async () => {
    const { host, input } = await picker();
    input.focus();
    await press('Backspace');
    await host.updateComplete;
    expect(input.value).to.equal('');
    await press('Tab');
    await host.updateComplete;
    expect(host.choices).to.deep.equal([]);
    expect(input.value).to.equal('Netherlands (+31)');
  });

  it('leaves text that matches nothing in the field, chooses no region, and Escape brings the last one back', async () => {
    const { host, input } = await picker();
    await typeInto(input, 'Atlantis');
    input.blur();
    await host.updateComplete;
    expect(host.choices).to.deep.equal(['']);
    expect(input.value).to.equal('Atlantis');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(host.shadowRoot!.getElementById('country-hint')!.textContent).to.contain('Choose the country or region');
    await expectAccessible(host);
    // Left again without a change: nothing more is chosen, and the region to go back to is still the first one.
    input.focus();
    input.blur();
    input.focus();
    await press('Escape');
    await host.updateComplete;
    expect(host.choices).to.deep.equal(['', 'NL']);
    expect(input.value).to.equal('Netherlands (+31)');
  });

  it('shows the region the host chooses in place of text that matched nothing', async () => {
    const { host, input } = await picker();
    await typeInto(input, 'Atlantis');
    input.blur();
    await host.updateComplete;
    host.country = 'BE';
    host.combobox.chosenChanged('BE');
    host.requestUpdate();
    await host.updateComplete;
    expect(input.value).to.equal('Belgium (+32)');
    input.focus();
    await press('Escape');
    await host.updateComplete;
    expect(host.choices).to.deep.equal(['']);
    expect(host.country).to.equal('BE');
  });

  it('takes the Enter that commits an input method’s text for the text, not for an option', async () => {
    const { host, input } = await picker();
    await typeInto(input, 'jap');
    const enter = new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true });
    input.dispatchEvent(enter);
    await host.updateComplete;
    expect(enter.defaultPrevented).to.equal(false);
    expect(host.choices).to.deep.equal([]);
    await press('Enter');
    expect(host.choices).to.deep.equal(['JP']);
  });

  it('opens no list and chooses nothing while read-only', async () => {
    const { host, input } = await picker({ state: { disabled: false, readonly: true, loading: false } });
    input.focus();
    await press('ArrowDown');
    await press('Enter');
    await host.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(host.choices).to.deep.equal([]);
  });

  it('opens at the chosen region from its button, keeping focus in the field, and closes from it', async () => {
    const { host, input, active } = await picker();
    const button = host.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!;
    expect(button.getAttribute('aria-label')).to.equal('Show countries and regions');
    button.click();
    await host.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect(active()).to.equal('option-NL');
    expect(deepActiveElement()).to.equal(input);
    await expectAccessible(host);
    button.click();
    await host.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
  });

  it('shows progress instead of its button, and no prompt, while the data loads', async () => {
    const { host } = await picker({ country: '', state: { disabled: false, readonly: false, loading: true } });
    expect(host.shadowRoot!.querySelector('[part="loading"]')).not.to.equal(null);
    expect(host.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!.hidden).to.equal(true);
    expect(host.shadowRoot!.getElementById('country-hint')!.textContent!.trim()).to.equal('');
    await expectAccessible(host);
  });
});
