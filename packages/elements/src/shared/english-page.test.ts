// On a page in English the elements need nothing of @lit/localize beyond `msg`: they leave it unconfigured,
// download no localization runtime, and a host page may still take @lit/localize over later.
import { configureLocalization } from '@lit/localize';
import { getLocale, setLocale } from './localization.js';
import '../method-picker/method-picker.js';
import type { MethodPicker } from '../method-picker/method-picker.js';
import { expect, fixture, getByRole, html, waitUntil } from '../../test/helpers.js';

const policy = { methods: [{ id: 'phone' as const, purposes: ['mfa' as const] }] };
const fetched = (part: string) =>
  performance.getEntriesByType('resource').filter((entry) => entry.name.includes(part)).length;

describe('a page in English', () => {
  it('renders in English without loading the localization runtime or any locale', async () => {
    document.documentElement.lang = 'en-GB';
    const picker = await fixture<MethodPicker>(html`<method-picker .policy=${policy}></method-picker>`);
    await new Promise((resolve) => setTimeout(resolve, 50)); // The elements follow the document after a task.
    expect(getByRole(picker, 'heading').textContent).to.contain('Which method would you like to add?');
    expect(getLocale()).to.equal('en');
    expect(await setLocale('en-US')).to.equal('en');
    expect(fetched('localization-runtime'), 'the runtime was fetched').to.equal(0);
    expect(fetched('/generated/locales/'), 'a locale module was fetched').to.equal(0);
  });

  it('leaves @lit/localize to a host page that configures it after the elements rendered', async () => {
    const picker = await fixture<MethodPicker>(html`<method-picker .policy=${policy}></method-picker>`);
    const host = configureLocalization({
      sourceLocale: 'en',
      targetLocales: ['de'],
      loadLocale: () => import('../generated/locales/de.js'),
    });
    await host.setLocale('de');
    await waitUntil(() => !getByRole(picker, 'heading').textContent!.includes('Which method'), 'still in English');
    expect(getByRole(picker, 'heading').textContent).to.contain('Methode');
    // From now on the host decides: the library's own setLocale does nothing.
    expect(await setLocale('fr')).to.equal('en');
    expect(host.getLocale()).to.equal('de');
  });
});
