// A host page that configures @lit/localize for its own components keeps working, and can include ours.
import { configureLocalization } from '@lit/localize';
import { templates as ourGerman } from '../generated/locales/de.js';
import { configureSecurityInfoLocalization, setLocale } from './localization.js';
import '../method-picker/method-picker.js';
import type { MethodPicker } from '../method-picker/method-picker.js';
import { expect, fixture, getByRole, html, waitUntil } from '../../test/helpers.js';

// The host's own start-up code, before any element connects.
const hostGerman = { 'host.greeting': 'Hallo' };
const host = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['de'],
  loadLocale: async () => ({ templates: { ...ourGerman, ...hostGerman } }),
});

describe('a host that configures @lit/localize itself', () => {
  it('stays in charge: the library does not configure it again, nor download anything for it', async () => {
    expect(await configureSecurityInfoLocalization()).to.equal(false);
    expect(await setLocale('fr')).to.equal('en');
    const fetched = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(fetched.filter((name) => /localization-runtime|\/locales\/fr\./.test(name))).to.deep.equal([]);
  });

  it('renders the elements in the language the host chose, with the templates it included', async () => {
    await host.setLocale('de');
    const picker = await fixture<MethodPicker>(
      html`<method-picker .policy=${{ methods: [{ id: 'phone', purposes: ['mfa'] }] }}></method-picker>`,
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    await waitUntil(() => host.getLocale() === 'de');
    expect(getByRole(picker, 'heading').textContent).not.to.contain('Which method');
  });
});
