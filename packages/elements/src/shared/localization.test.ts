import { resolveLocale, getLocale, setLocale, followDocumentLanguage } from './localization.js';
import '../method-picker/method-picker.js';
import '../security-info-phone/security-info-phone.js';
import '../code-verify/code-verify.js';
import type { MethodPicker } from '../method-picker/method-picker.js';
import { targetLocales } from '../generated/locale-codes.js';
import { expect, expectAccessible, fixture, getByRole, html, setViewport, waitUntil } from '../../test/helpers.js';

const policy = { methods: [{ id: 'phone' as const, purposes: ['mfa' as const] }] };

describe('resolveLocale', () => {
  const cases: [string | undefined, string][] = [
    ['de', 'de'],
    ['de-CH', 'de'],
    ['pt-BR', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['pt-AO', 'pt-PT'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['no', 'nb'],
    ['iw', 'he'],
    ['xx-YY', 'en'],
    ['not a locale!', 'en'],
    [undefined, 'en'],
  ];
  for (const [requested, expected] of cases) {
    it(`serves ${String(requested)} with ${expected}`, () => expect(resolveLocale(requested)).to.equal(expected));
  }
});

describe('a page in another language', () => {
  it('fetches the localization runtime with the map of locale modules, then its own locale module only', async () => {
    expect(await setLocale('de')).to.equal('de');
    const fetched = (part: string) => performance.getEntriesByType('resource').filter((e) => e.name.includes(part));
    expect(fetched('localization-runtime'), 'the runtime').to.have.length(1);
    expect(fetched('locale-loaders'), 'the map of locale modules').to.have.length(1);
    expect(fetched('/generated/locales/de.'), 'the German module').to.have.length(1);
    expect(fetched('/generated/locales/fr.'), 'a module of another language').to.have.length(0);
    await setLocale('en');
    expect(getLocale()).to.equal('en');
  });
});

describe('following the document language', () => {
  afterEach(async () => {
    document.documentElement.lang = 'en';
    await waitUntil(() => getLocale() === 'en');
  });

  it('renders in the document language and follows changes to it', async () => {
    followDocumentLanguage();
    const picker = await fixture<MethodPicker>(html`<method-picker .policy=${policy}></method-picker>`);
    document.documentElement.lang = 'en-XA';
    await waitUntil(() => getLocale() === 'en-XA', 'the pseudo-locale never loaded');
    await picker.updateComplete;
    expect(getByRole(picker, 'heading').textContent).to.contain('⟦');
    document.documentElement.lang = 'ar-EG';
    await waitUntil(() => getLocale() === 'ar', 'Arabic never loaded');
  });

  it('stops re-rendering an element once it leaves the page, and starts again when it comes back', async () => {
    const picker = await fixture<MethodPicker>(html`<method-picker .policy=${policy}></method-picker>`);
    const parent = picker.parentElement!;
    let updates = 0;
    const original = picker.requestUpdate.bind(picker);
    picker.requestUpdate = (...args: Parameters<MethodPicker['requestUpdate']>) => {
      updates++;
      original(...args);
    };
    const ready = () => dispatchEvent(new CustomEvent('lit-localize-status', { detail: { status: 'ready' } }));
    picker.remove();
    ready();
    expect(updates, 'updates while away').to.equal(0);
    parent.append(picker);
    updates = 0;
    ready();
    expect(updates, 'updates once back').to.be.greaterThan(0);
  });

  it('falls back to English for a language it does not have, without an error', async () => {
    followDocumentLanguage();
    document.documentElement.lang = 'tlh';
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(getLocale()).to.equal('en');
  });
});

describe('the pseudo-locale', () => {
  it('fits every step at 320 px without horizontal scrolling, 40 % longer', async () => {
    await setLocale('en-XA');
    await setViewport({ width: 320, height: 800 });
    try {
      const page = await fixture<HTMLDivElement>(
        html`<div lang="en-XA">
          <method-picker .policy=${policy}></method-picker>
          <security-info-phone default-country="NL" .error=${'x'}></security-info-phone>
          <code-verify
            destination="+31612345678"
            status="invalid-code"
            resend-in-seconds="30"
            .channels=${['sms', 'voice']}
          ></code-verify>
        </div>`,
      );
      await waitUntil(() =>
        page.querySelector('security-info-phone')!.shadowRoot!.querySelector('input[role="combobox"]'),
      );
      for (const el of page.children) {
        await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        expect(el.shadowRoot!.querySelector('h2')!.textContent).to.contain('⟦');
      }
      expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(320);
      for (const el of page.children) expect(el.getBoundingClientRect().width, el.localName).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
      await setLocale('en');
    }
  });
});

describe('every locale', () => {
  for (const locale of targetLocales.filter((l) => l !== 'en-XA')) {
    it(`${locale}: renders every step translated`, async () => {
      await setLocale(locale);
      const page = await fixture<HTMLDivElement>(
        html`<div lang=${locale} dir=${locale === 'ar' || locale === 'he' ? 'rtl' : 'ltr'}>
          <method-picker .policy=${policy}></method-picker>
          <security-info-phone default-country="NL"></security-info-phone>
          <code-verify destination="+31612345678" status="invalid-code"></code-verify>
        </div>`,
      );
      const headings = [...page.querySelectorAll('method-picker, security-info-phone, code-verify')].map((el) =>
        el.shadowRoot!.querySelector('h2')!.textContent!.trim(),
      );
      const english = ['Which method would you like to add?', 'Set up your phone', 'Enter code'];
      for (const heading of headings)
        expect(english, `${locale} left "${heading}" untranslated`).not.to.include(heading);
      if (locale === 'ar' || locale === 'he') {
        for (const el of page.children) await expectAccessible(el);
      }
    });
  }

  after(() => setLocale('en'));
});
