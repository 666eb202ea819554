// Choosing the default sign-in method on the Security info page.
import type { Registrations, SecurityInfoAdapter, SecurityInfoPolicy } from '@security-info/core';
import './security-info-methods.js';
import type { SecurityInfoMethods } from './security-info-methods.js';
import {
  expect,
  expectAccessible,
  getByRole,
  press,
  queryAllByRole,
  queryByRole,
  recordEvents,
  waitUntil,
} from '../../test/helpers.js';
import {
  APP,
  HOME_PHONE,
  WORK_PHONE,
  announced,
  backend,
  button,
  dialog,
  page,
  rows,
  text,
  focused,
  nameOf,
} from '../../test/methods.js';

const CHANGE_DEFAULT = 'Change Default sign-in method';

/** The policy prefers the app, then phones; email serves password reset only. */
const appFirst: SecurityInfoPolicy = {
  methods: [
    { id: 'authenticator-app', purposes: ['mfa', 'password-reset'] },
    { id: 'phone', purposes: ['mfa', 'password-reset'] },
    { id: 'email', purposes: ['password-reset'] },
  ],
};

const EMAIL = { id: 'mail', kind: 'email' as const, addedAt: '2026-03-01T10:00:00Z' };

const defaultText = (el: SecurityInfoMethods) => text(el.shadowRoot!.querySelector('[part="default"]')!);
const choices = (el: SecurityInfoMethods) =>
  queryAllByRole<HTMLInputElement>(el, 'radio').map((radio) => ({
    name: nameOf(radio),
    checked: radio.checked,
  }));

/** The backend's list with the default first, as a backend may order it. */
const defaultFirst =
  (adapter: SecurityInfoAdapter): SecurityInfoAdapter['listMethods'] =>
  async (options) => {
    const { methods, defaultMethodId } = (await adapter.listMethods!(options)) as Registrations;
    const first = methods.filter((method) => method.id === defaultMethodId);
    return { methods: [...first, ...methods.filter((method) => method.id !== defaultMethodId)], defaultMethodId };
  };

describe('security-info-methods: the default sign-in method', () => {
  it('offers the methods that can serve two-step verification, in the order the policy prefers', async () => {
    const el = await page(backend([WORK_PHONE, EMAIL, HOME_PHONE, APP], { policy: appFirst }));
    button(el, CHANGE_DEFAULT).click();
    const choose = await dialog(el);
    expect(nameOf(choose)).to.equal('Change default sign-in method');
    expect(choices(el)).to.deep.equal([
      { name: 'Authenticator app', checked: false },
      { name: 'Phone +31 6 •••• 5678', checked: true },
      { name: 'Phone +44 20 •••• 0000', checked: false },
    ]);
    expect(focused()).to.equal('radio "Phone +31 6 •••• 5678"');
    expect(getByRole(choose, 'group', { name: 'Which method should sign-in ask for first?' })).to.exist;
    await expectAccessible(el);
  });

  it('makes the chosen method the default, says so, and shows it', async () => {
    const adapter = backend([WORK_PHONE, APP], { policy: appFirst });
    const el = await page(adapter);
    const changes = recordEvents(el, 'security-info-methods-change');
    const inputs = recordEvents(el, 'input');
    button(el, CHANGE_DEFAULT).click();
    await dialog(el);
    // With the keyboard: the arrow keys move the choice, Enter saves.
    await press('ArrowUp');
    expect(getByRole<HTMLInputElement>(el, 'radio', { name: 'Authenticator app' }).checked).to.equal(true);
    // The radios' own input events stay inside the page: a form around it sees no edit of its own.
    expect(inputs).to.have.length(0);
    await press('Enter');
    await waitUntil(() => defaultText(el).startsWith('Default sign-in method Authenticator app'), 'no new default');
    expect(announced(el)).to.contain('Default sign-in method changed.');
    expect(changes.map((event) => event.detail.change)).to.deep.equal(['default']);
    expect(focused()).to.equal(`button "${CHANGE_DEFAULT}"`);
    await expectAccessible(el);
  });

  it("keeps focus on a row's control, with its method, when the list shown anew lists the default first", async () => {
    // A backend may list the default first: the new default's row moves up, and the rows' elements show other methods.
    const memory = backend([WORK_PHONE, APP], { policy: appFirst, latency: 150 });
    const adapter: SecurityInfoAdapter = { ...memory, listMethods: defaultFirst(memory) };
    const el = await page(adapter);
    button(el, CHANGE_DEFAULT).click();
    await dialog(el);
    await press('ArrowUp');
    await press('Enter');
    // While it is saved, the person moves on to the app's Delete.
    button(el, 'Delete Authenticator app').focus();
    await waitUntil(() => rows(el)[0]!.startsWith('Authenticator app'), 'the list was not shown anew');
    await el.updateComplete;
    expect(focused()).to.equal('button "Delete Authenticator app"');
  });

  it("keeps focus on a phone's Show number, with its phone, when the list shown anew lists the default first", async () => {
    const memory = backend([WORK_PHONE, HOME_PHONE], { latency: 150 });
    const adapter: SecurityInfoAdapter = { ...memory, listMethods: defaultFirst(memory) };
    const el = await page(adapter);
    button(el, CHANGE_DEFAULT).click();
    await dialog(el);
    await press('ArrowDown');
    await press('Enter');
    button(el, 'Show number Phone +44 20 •••• 0000').focus();
    await waitUntil(() => rows(el)[0]!.startsWith('Phone +44'), 'the list was not shown anew');
    await el.updateComplete;
    expect(focused()).to.equal('button "Show number Phone +44 20 •••• 0000"');
  });

  it('changes nothing when the same method is saved, or the dialog is closed', async () => {
    const adapter = backend([WORK_PHONE, APP]);
    const el = await page(adapter);
    button(el, CHANGE_DEFAULT).click();
    getByRole(await dialog(el), 'button', { name: 'Save' }).click();
    await el.updateComplete;
    button(el, CHANGE_DEFAULT).click();
    await dialog(el);
    await press('Escape');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    expect(adapter.calls.setDefaultMethod).to.equal(0);
    expect(focused()).to.equal(`button "${CHANGE_DEFAULT}"`);
  });

  it('shows a failure at the default, with what to do', async () => {
    const adapter = backend([WORK_PHONE, APP]);
    adapter.injectFault('setDefaultMethod', { code: 'rate-limited', retryAfterSeconds: 60 });
    const el = await page(adapter);
    button(el, CHANGE_DEFAULT).click();
    await dialog(el);
    getByRole(el, 'radio', { name: 'Authenticator app' }).click();
    getByRole(el, 'button', { name: 'Save' }).click();
    await waitUntil(() => queryByRole(el, 'alert'), 'no failure shown');
    expect(text(el.shadowRoot!.querySelector('[part="default"] [role="alert"]')!)).to.equal(
      'Too many changes in a short time. Try again in 1 minute.',
    );
    expect(defaultText(el)).to.match(/^Default sign-in method Phone/);
    await expectAccessible(el);
  });

  it('offers no Change when one method at most can be the default', async () => {
    const el = await page(backend([WORK_PHONE, EMAIL]));
    expect(defaultText(el)).to.equal('Default sign-in method Phone +31 6 •••• 5678');
    expect(queryByRole(el, 'button', { name: CHANGE_DEFAULT })).to.equal(null);
  });

  it('says there is none when no method can serve two-step verification', async () => {
    const el = await page(backend([EMAIL]));
    expect(defaultText(el)).to.equal('Default sign-in method None');
  });
});
