// Country and region names in the language of the words around them, as dates and waits are: the language chosen with
// setLocale (or followed from the document), else the nearest lang. The country chosen first still follows the lang.
import './security-info-phone.js';
import type { SecurityInfoPhone } from './security-info-phone.js';
import { setLocale } from '../shared/localization.js';
import { onEnglishPage } from '../../test/language.js';
import { expect, expectAccessible, fixture, getByRole, html, press, waitUntil } from '../../test/helpers.js';

const picker = (el: SecurityInfoPhone) => getByRole<HTMLInputElement>(el, 'combobox');
const label = (el: SecurityInfoPhone) => el.shadowRoot!.querySelector('label[for="country"]')!.textContent!.trim();

async function phone(template = html`<security-info-phone default-country="US"></security-info-phone>`) {
  const el = await fixture<SecurityInfoPhone>(template);
  await waitUntil(() => !el.matches(':state(loading)'), 'the phone data never loaded');
  await el.updateComplete;
  return el;
}

/** The names in the open list, in their order. */
async function listed(el: SecurityInfoPhone): Promise<string[]> {
  picker(el).focus();
  await press('ArrowDown');
  await el.updateComplete;
  const names = [...el.shadowRoot!.querySelectorAll('[role="option"] > span:first-child')].map((name) =>
    name.textContent!.trim(),
  );
  await press('Escape');
  return names;
}

describe('security-info-phone: region names', () => {
  onEnglishPage();

  // First: nothing has been chosen with setLocale yet on this page.
  it('names them in French by the element’s lang="fr", as nothing else was asked for', async () => {
    const el = await phone(html`<security-info-phone lang="fr" default-country="US"></security-info-phone>`);
    expect(picker(el).value).to.equal('États-Unis (+1)');
  });

  it('names and sorts them in German once setLocale("de") is called on an English page, and back', async () => {
    const el = await phone();
    expect(picker(el).value).to.equal('United States (+1)');
    await setLocale('de');
    await waitUntil(() => label(el) !== 'Country or region', 'the words never changed to German');
    await el.updateComplete;
    expect(picker(el).value).to.equal('Vereinigte Staaten (+1)');
    const german = await listed(el);
    expect(german).to.include('Niederlande');
    expect(german).to.deep.equal([...german].sort(new Intl.Collator('de').compare));
    await expectAccessible(el);
    await setLocale('en');
    await waitUntil(() => label(el) === 'Country or region', 'the words never changed back');
    await el.updateComplete;
    expect(picker(el).value).to.equal('United States (+1)');
  });

  it('still chooses the country of the lang first, whatever language the words are in', async () => {
    await setLocale('de');
    const el = await phone(html`<security-info-phone lang="en-AU"></security-info-phone>`);
    expect(el.country).to.equal('AU');
    expect(picker(el).value).to.equal('Australien (+61)');
  });
});
