// The Security info page in other languages: its words come with it (split from the locale modules), and the
// wizard and the failures it shows follow the same language.
import './security-info-methods.js';
import { setLocale } from '../shared/localization.js';
import { expect, expectAccessible, fixture, getByRole, html, waitUntil } from '../../test/helpers.js';
import { backend, button, dialog, page, rows } from '../../test/methods.js';

describe('security-info-methods: in other languages', () => {
  afterEach(() => setLocale('en'));

  it('shows the page in German once the page is in German, and in English again after', async () => {
    await setLocale('de');
    // Dates follow the page's language (its lang), as region names do in the phone field.
    const parentNode = await fixture<HTMLDivElement>(html`<div lang="de"></div>`);
    const el = await page(backend(), { parentNode });
    await waitUntil(() => getByRole(el, 'heading').textContent?.includes('Sicherheitsinformationen'), 'no German');
    expect(rows(el)[0]).to.match(/^Telefon \+31 6 •••• 5678 Nummer anzeigen Codes per SMS Hinzugefügt am 01\.09\.2025/);
    expect(button(el, 'Löschen Telefon +31 6 •••• 5678')).to.exist;
    button(el, 'Löschen Telefon +31 6 •••• 5678').click();
    const confirm = await dialog(el);
    expect(getByRole(confirm, 'heading').textContent?.trim()).to.equal('Telefon +31 6 •••• 5678 löschen?');
    getByRole(confirm, 'button', { name: 'Abbrechen' }).click();
    await setLocale('en');
    await waitUntil(() => getByRole(el, 'heading').textContent?.includes('Security info'), 'no English');
  });

  it('reads right to left in Arabic, the numbers left to right, and axe finds nothing', async () => {
    await setLocale('ar');
    const parentNode = await fixture<HTMLDivElement>(html`<div dir="rtl" lang="ar"></div>`);
    const el = await page(backend(), { parentNode });
    await waitUntil(() => getByRole(el, 'heading').textContent?.includes('معلومات الأمان'), 'no Arabic');
    expect(button(el, 'حذف الهاتف +31 6 •••• 5678')).to.exist;
    await expectAccessible(el);
  });
});
