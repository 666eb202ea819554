// What a page can reach inside the wizard: the inner elements' parts, forwarded under their step's name, and no
// attribute that holds the whole phone number (inspectors and session-replay tools read attributes).
import { createMemoryAdapter } from '@security-info/core';
import './security-info-wizard.js';
import type { SecurityInfoWizard } from './security-info-wizard.js';
import { expect, expectAccessible, getByRole, waitUntil } from '../../test/helpers.js';
import { codeOf, enterCode, enterPhone, memory, mount, step, waitUntilFound, toCallStep } from '../../test/wizard.js';

const pageStyles: HTMLStyleElement[] = [];

/** Adds a style sheet to the page, as a brand would write it; removed after the test. */
function pageStyle(css: string): void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  pageStyles.push(style);
}

/** A brand's colours: a light field background, and a dark text colour (both keep the text readable). */
const BRAND = 'rgb(255, 236, 179)';
const BRAND_TEXT = 'rgb(74, 20, 140)';

describe('security-info-wizard: parts a page can style', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => pageStyles.splice(0).forEach((style) => style.remove()));

  it('styles the phone number field from the page with ::part(phone-input)', async () => {
    pageStyle(`security-info-wizard::part(phone-input) { background-color: ${BRAND}; }`);
    const wizard = await mount(memory());
    const field = await waitUntilFound(wizard, 'textbox', 'Phone number');
    expect(getComputedStyle(field).backgroundColor).to.equal(BRAND);
    // Only the number field: the country box is a part of its own (phone-country).
    expect(getComputedStyle(getByRole(wizard, 'combobox')).backgroundColor).not.to.equal(BRAND);
    await expectAccessible(wizard);
  });

  it('styles the country box with ::part(phone-country)', async () => {
    pageStyle(`security-info-wizard::part(phone-country) { background-color: ${BRAND}; }`);
    const wizard = await mount(memory());
    await waitUntilFound(wizard, 'textbox', 'Phone number');
    expect(getComputedStyle(getByRole(wizard, 'combobox')).backgroundColor).to.equal(BRAND);
  });

  it('styles the methods with ::part(methods-option)', async () => {
    pageStyle(`security-info-wizard::part(methods-option) { color: ${BRAND_TEXT}; }`);
    const wizard = await mount(createMemoryAdapter(), { start: 'methods' });
    await step(wizard, 'methods');
    const phone = await waitUntilFound(wizard, 'button', /^Phone/);
    expect(getComputedStyle(phone).color).to.equal(BRAND_TEXT);
    await expectAccessible(wizard);
  });

  it('styles the code field with ::part(code-input)', async () => {
    pageStyle(`security-info-wizard::part(code-input) { background-color: ${BRAND}; }`);
    const wizard = await mount(memory());
    await enterPhone(wizard);
    await step(wizard, 'code');
    const field = await waitUntilFound(wizard, 'textbox', /code/i);
    expect(getComputedStyle(field).backgroundColor).to.equal(BRAND);
    await expectAccessible(wizard);
  });
});

/** Every attribute of every element in the wizard's shadow tree, the inner elements' own shadow trees included. */
function attributes(wizard: SecurityInfoWizard): string[] {
  const found: string[] = [];
  const walk = (root: ParentNode) => {
    for (const element of root.querySelectorAll('*')) {
      for (const { name, value } of element.attributes) found.push(`<${element.localName} ${name}="${value}">`);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(wizard.shadowRoot!);
  return found;
}

/** The attributes that hold the digits of +31 6 12345678, however they are grouped. */
const wholeNumber = (wizard: SecurityInfoWizard) =>
  attributes(wizard).filter((attribute) => attribute.replace(/[\s\u00a0().-]/g, '').includes('612345678'));

describe('security-info-wizard: the whole phone number in no attribute', () => {
  beforeEach(() => sessionStorage.clear());

  it('shows the code step the number masked, and writes the whole number nowhere', async () => {
    const adapter = memory();
    const wizard = await mount(adapter);
    await enterPhone(wizard);
    await step(wizard, 'code');
    const verify = wizard.shadowRoot!.querySelector('code-verify')!;
    await waitUntil(() => /\+31 6 •+ 5678/.test(verify.shadowRoot?.textContent ?? ''), 'no masked number');
    expect(verify.getAttribute('destination')).to.match(/^\+31 6 •+ 5678$/);
    expect(wholeNumber(wizard)).to.deep.equal([]);

    await enterCode(wizard, await codeOf(adapter));
    await step(wizard, 'done');
    expect(wholeNumber(wizard)).to.deep.equal([]);
  });

  it('writes the whole number nowhere while a call waits to be answered', async () => {
    const adapter = memory({ voiceConfirmation: 'keypress' });
    const wizard = await mount(adapter);
    await toCallStep(wizard);
    expect(wholeNumber(wizard)).to.deep.equal([]);
  });
});
