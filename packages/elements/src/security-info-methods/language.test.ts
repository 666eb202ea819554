// The Security info page in other languages: its words come with it (split from the locale modules), and the
// wizard and the failures it shows follow the same language.
import './security-info-methods.js';
import { setLocale } from '../shared/localization.js';
import {
  expect,
  expectAccessible,
  fixture,
  getByRole,
  html,
  queryByRole,
  typeInto,
  waitUntil,
} from '../../test/helpers.js';
import { WORK_PHONE, backend, button, dialog, page, rows } from '../../test/methods.js';

/** Waits for a control of the wizard (or of the page) to show, by role and name. */
async function found(el: Element, role: string, name: string | RegExp): Promise<HTMLElement> {
  await waitUntil(() => queryByRole(el, role, { name }), `no ${role} named ${String(name)}`, { timeout: 3000 });
  return getByRole<HTMLElement>(el, role, { name });
}

describe('security-info-methods: in other languages', () => {
  afterEach(() => setLocale('en'));

  it('shows the page in German once the page is in German, and in English again after', async () => {
    await setLocale('de');
    // Dates are in the words' language (shared/text-locale.ts).
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

  it('says in German that the phone number was changed, after Change', async () => {
    await setLocale('de');
    const adapter = backend();
    const el = await page(adapter, { parentNode: await fixture<HTMLDivElement>(html`<div lang="de"></div>`) });
    await waitUntil(() => queryByRole(el, 'button', { name: 'Ändern Telefon +31 6 •••• 5678' }), 'no German');
    button(el, 'Ändern Telefon +31 6 •••• 5678').click();
    await dialog(el);
    await typeInto(await found(el, 'textbox', 'Telefonnummer'), '687654321');
    getByRole(el, 'button', { name: 'Weiter' }).click();
    await waitUntil(() => adapter.lastCode, 'no code was sent');
    await typeInto(await found(el, 'textbox', 'Bestätigungscode'), adapter.lastCode!.code);
    getByRole(el, 'button', { name: 'Bestätigen' }).click();
    await found(el, 'heading', 'Ihre Telefonnummer wurde geändert');
    await expectAccessible(el);
  });

  it('says in German that the email address was changed, after Change', async () => {
    await setLocale('de');
    const adapter = backend([WORK_PHONE, { id: 'mail', kind: 'email', email: { address: 'ana@example.com' } }]);
    const el = await page(adapter);
    await waitUntil(() => queryByRole(el, 'button', { name: /^Ändern E-Mail/ }), 'no German');
    button(el, /^Ändern E-Mail/).click();
    await dialog(el);
    await typeInto(await found(el, 'textbox', 'E-Mail-Adresse'), 'bo@example.org');
    getByRole(el, 'button', { name: 'Weiter' }).click();
    await waitUntil(() => adapter.lastCode, 'no code was sent');
    await typeInto(await found(el, 'textbox', 'Bestätigungscode'), adapter.lastCode!.code);
    getByRole(el, 'button', { name: 'Bestätigen' }).click();
    await found(el, 'heading', 'Ihre E-Mail-Adresse wurde geändert');
  });

  it('reads right to left in Arabic, the numbers left to right, and axe finds nothing', async () => {
    await setLocale('ar');
    const parentNode = await fixture<HTMLDivElement>(html`<div dir="rtl" lang="ar"></div>`);
    const el = await page(backend(), { parentNode });
    await waitUntil(() => getByRole(el, 'heading').textContent?.includes('معلومات الأمان'), 'no Arabic');
    expect(button(el, 'حذف الهاتف +31 6 •••• 5678')).to.exist;
    await expectAccessible(el);
  });

  it('writes a long wait in the words’ language, whatever the page’s lang says', async () => {
    await setLocale('de');
    // The page says English, the words are German: "2 Stunden", as the dates are German, never "2 hours".
    const parentNode = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    const adapter = backend();
    adapter.injectFault('removeMethod', { code: 'rate-limited', retryAfterSeconds: 7200 });
    const el = await page(adapter, { parentNode });
    await waitUntil(() => getByRole(el, 'heading').textContent?.includes('Sicherheitsinformationen'), 'no German');
    button(el, 'Löschen Telefon +31 6 •••• 5678').click();
    const confirm = await dialog(el);
    getByRole(confirm, 'button', { name: 'Löschen' }).click();
    await waitUntil(() => queryByRole(el, 'alert'), 'no failure shown');
    // In the page's own locale module (the words it shares with the wizard's later steps), not only the wait.
    await waitUntil(() => getByRole(el, 'alert').textContent?.includes('Zu viele Änderungen'), 'not in German');
    expect(getByRole(el, 'alert').textContent?.trim()).to.equal(
      'Zu viele Änderungen in kurzer Zeit. Versuchen Sie es in 2 Stunden erneut.',
    );
  });
});
