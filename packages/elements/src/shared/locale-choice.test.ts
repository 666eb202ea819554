// A language chosen with setLocale stays chosen: the document's `lang` does not take over, whenever the elements
// connect and however fast the calls come. In a file of its own: it starts on a page where nothing is configured.
import { getLocale, setLocale } from './localization.js';
import '../method-picker/method-picker.js';
import type { MethodPicker } from '../method-picker/method-picker.js';
import { expect, fixture, getByRole, html, networkOutage } from '../../test/helpers.js';

const policy = { methods: [{ id: 'phone' as const, purposes: ['mfa' as const] }] };
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
const heading = (picker: MethodPicker) => getByRole(picker, 'heading').textContent!.trim();

describe('a language chosen with setLocale', () => {
  after(async () => {
    await networkOutage([]);
    document.documentElement.lang = 'en';
  });

  it('wins over the document language, chosen before the first element connects', async () => {
    document.documentElement.lang = 'de';
    const chosen = setLocale('fr'); // Start-up code, while the runtime is still on its way.
    const picker = await fixture<MethodPicker>(html`<method-picker .policy=${policy}></method-picker>`);
    expect(await chosen).to.equal('fr');
    await settle();
    expect(getLocale()).to.equal('fr');
    await picker.updateComplete;
    expect(heading(picker)).to.contain('méthode');
    document.documentElement.lang = 'nl';
    await settle();
    expect(getLocale(), 'followed the document after all').to.equal('fr');
  });

  it('stays English when English is chosen on a page in another language', async () => {
    expect(await setLocale('en')).to.equal('en');
    document.documentElement.lang = 'de';
    const picker = await fixture<MethodPicker>(html`<method-picker .policy=${policy}></method-picker>`);
    await settle();
    expect(getLocale()).to.equal('en');
    expect(heading(picker)).to.equal('Which method would you like to add?');
  });

  it('answers each of two quick calls with the language finally shown', async () => {
    const answers = await Promise.all([setLocale('de'), setLocale('it')]);
    expect(answers).to.deep.equal(['it', 'it']);
    expect(getLocale()).to.equal('it');
  });

  it('can be chosen again after its module failed to load', async () => {
    await networkOutage(['/generated/locales/nl.']);
    expect(await setLocale('nl'), 'offline').to.equal('it');
    await networkOutage([]);
    expect(await setLocale('nl'), 'back online').to.equal('nl');
  });
});
