// "Added …" and "Last used …" in the language of the words around them: the language chosen with setLocale (or
// followed from the document), else the element's lang; again when the language changes.
import './security-info-methods.js';
import { setLocale } from '../shared/localization.js';
import { onEnglishPage } from '../../test/language.js';
import { expect, fixture, getByRole, html, waitUntil } from '../../test/helpers.js';
import { backend, page, rows } from '../../test/methods.js';

/** The first row's dates, as its text shows them without the buttons (the work phone: added 2025-09-01, last used 2026-11-30). */
const dates = (el: HTMLElement) =>
  rows(el as never)[0]!
    .replace(/^.*?(Added|Hinzugefügt)/, '$1')
    .replace(/ (Change|Ändern) .*$/, '');

describe('security-info-methods: dates', () => {
  onEnglishPage();

  // First: nothing has been chosen with setLocale yet on this page.
  it('formats them in French by the element’s lang="fr", as nothing else was asked for', async () => {
    const parentNode = await fixture<HTMLDivElement>(html`<div lang="fr"></div>`);
    const el = await page(backend(), { parentNode });
    expect(dates(el)).to.equal('Added 1 sept. 2025 Last used 30 nov. 2026');
  });

  it('formats them in German once setLocale("de") is called on an English page, words and dates alike', async () => {
    const el = await page(backend());
    expect(dates(el)).to.equal('Added Sep 1, 2025 Last used Nov 30, 2026');
    await setLocale('de');
    await waitUntil(() => getByRole(el, 'heading').textContent?.includes('Sicherheitsinformationen'), 'no German');
    await el.updateComplete;
    expect(dates(el)).to.match(/^Hinzugefügt am 01\.09\.2025 .*30\.11\.2026$/);
    await setLocale('en');
    await waitUntil(() => getByRole(el, 'heading').textContent?.includes('Security info'), 'no English');
    await el.updateComplete;
    expect(dates(el)).to.equal('Added Sep 1, 2025 Last used Nov 30, 2026');
  });

  it('keeps a lang of the words’ language for its region’s conventions (en-GB)', async () => {
    await setLocale('en');
    const parentNode = await fixture<HTMLDivElement>(html`<div lang="en-GB"></div>`);
    const el = await page(backend(), { parentNode });
    expect(dates(el)).to.equal('Added 1 Sept 2025 Last used 30 Nov 2026');
  });

  it('formats them again when only the element’s own lang changes (en-GB, then en-US)', async () => {
    await setLocale('en');
    const el = await page(backend());
    el.lang = 'en-GB';
    await waitUntil(() => dates(el) === 'Added 1 Sept 2025 Last used 30 Nov 2026', `still ${dates(el)}`);
    el.lang = 'en-US';
    await waitUntil(() => dates(el) === 'Added Sep 1, 2025 Last used Nov 30, 2026', `still ${dates(el)}`);
  });

  it('formats them again when the lang of a wrapper changes, the element having none of its own', async () => {
    await setLocale('en');
    const parentNode = await fixture<HTMLDivElement>(html`<div lang="en-GB"></div>`);
    const el = await page(backend(), { parentNode });
    expect(dates(el)).to.equal('Added 1 Sept 2025 Last used 30 Nov 2026');
    parentNode.lang = 'en-US';
    await waitUntil(() => dates(el) === 'Added Sep 1, 2025 Last used Nov 30, 2026', `still ${dates(el)}`);
  });

  it('formats them again when the document’s lang changes, with no lang nearer the element', async () => {
    await setLocale('en');
    const el = await page(backend());
    document.documentElement.lang = 'en-GB';
    try {
      await waitUntil(() => dates(el) === 'Added 1 Sept 2025 Last used 30 Nov 2026', `still ${dates(el)}`);
    } finally {
      document.documentElement.lang = 'en';
    }
    await waitUntil(() => dates(el) === 'Added Sep 1, 2025 Last used Nov 30, 2026', `still ${dates(el)}`);
  });

  it('formats them again when the document’s lang changes, from inside another element’s shadow root', async () => {
    await setLocale('en');
    const outer = await fixture<HTMLDivElement>(html`<div></div>`);
    const parentNode = outer.attachShadow({ mode: 'open' }).appendChild(document.createElement('div'));
    const el = await page(backend(), { parentNode });
    document.documentElement.lang = 'en-GB';
    try {
      await waitUntil(() => dates(el) === 'Added 1 Sept 2025 Last used 30 Nov 2026', `still ${dates(el)}`);
    } finally {
      document.documentElement.lang = 'en';
    }
  });

  it('formats them again when moved into a wrapper of another lang', async () => {
    await setLocale('en');
    const el = await page(backend());
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en-GB"></div>`);
    wrapper.append(el);
    await waitUntil(() => dates(el) === 'Added 1 Sept 2025 Last used 30 Nov 2026', `still ${dates(el)}`);
  });

  it('follows the words, not a lang of another language, once a language was chosen', async () => {
    await setLocale('de');
    const parentNode = await fixture<HTMLDivElement>(html`<div lang="fr"></div>`);
    const el = await page(backend(), { parentNode });
    await waitUntil(() => getByRole(el, 'heading').textContent?.includes('Sicherheitsinformationen'), 'no German');
    expect(dates(el)).to.match(/^Hinzugefügt am 01\.09\.2025 /);
  });
});
