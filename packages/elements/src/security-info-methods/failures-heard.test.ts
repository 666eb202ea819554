// The Security info page to a person on a keyboard or with a screen reader when things go wrong: focus is never lost
// with the list, a change refused for now is worded for that change, a long word does not widen the page, and each
// row's controls are named apart.
import './security-info-methods.js';
import type { SecurityInfoMethods } from './security-info-methods.js';
import { setLocale } from '../shared/localization.js';
import {
  expect,
  expectAccessible,
  fixture,
  getByRole,
  html,
  press,
  queryAllByRole,
  setViewport,
  waitUntil,
} from '../../test/helpers.js';
import { HOME_PHONE, WORK_PHONE, backend, button, dialog, focused, nameOf, page, text } from '../../test/methods.js';

describe('security-info-methods: when things go wrong', () => {
  it('gives focus to Try again when the list cannot load after a deletion, and keeps it on the page', async () => {
    const adapter = backend();
    const el = await page(adapter);
    button(el, 'Delete Phone +31 6 •••• 5678').click();
    const confirm = await dialog(el);
    adapter.injectFault('listMethods', 'error', { persist: true });
    getByRole(confirm, 'button', { name: 'Delete' }).click();
    // The row that had focus is gone with the list.
    await waitUntil(() => focused() === 'button "Try again"', `focus went to ${focused()}`);
    await expectAccessible(el);
    // Try again, failing again: focus waits on the heading, then comes back to Try again.
    let calls = adapter.calls.listMethods;
    await press('Enter');
    await waitUntil(
      () => adapter.calls.listMethods > calls && focused() === 'button "Try again"',
      `focus went to ${focused()}`,
    );
    // And once the list loads, focus stays on the page, at its heading.
    adapter.clearFaults('listMethods');
    calls = adapter.calls.listMethods;
    await press('Enter');
    await waitUntil(() => queryAllByRole(el, 'listitem').length === 1, 'the list never came back');
    expect(focused()).to.equal('heading "Security info"');
  });

  it('gives focus back to Try again when the list fails to load again, before any list has shown', async () => {
    const adapter = backend();
    adapter.injectFault('listMethods', 'error', { persist: true });
    const el = await page(adapter);
    // Nothing has moved focus yet: the page does not take it as it loads.
    button(el, 'Try again').focus();
    const calls = adapter.calls.listMethods;
    await press('Enter');
    // Focus waits on the heading while it loads, then comes back to Try again beside the failure, announced.
    await waitUntil(
      () => adapter.calls.listMethods > calls && focused() === 'button "Try again"',
      `focus went to ${focused()}`,
    );
    expect(getByRole(el, 'alert').textContent).to.contain('Something went wrong on our side.');
    await expectAccessible(el);
    // And once the list loads, focus stays at the heading, as before.
    adapter.clearFaults('listMethods');
    await press('Enter');
    await waitUntil(() => queryAllByRole(el, 'listitem').length === 2, 'the list never came back');
    expect(focused()).to.equal('heading "Security info"');
  });

  it('says a change refused for now is one of too many changes, with the wait in minutes', async () => {
    const adapter = backend([WORK_PHONE], {
      policy: { methods: [{ id: 'phone', purposes: ['mfa'] }], recoveryCodes: true },
    });
    const el = await page(adapter);
    adapter.injectFault('generateRecoveryCodes', { code: 'rate-limited', retryAfterSeconds: 90 });
    (await waitUntilButton(el, 'Get recovery codes')).click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="recovery"] [role="alert"]'), 'no failure shown');
    const alert = el.shadowRoot!.querySelector('[part="recovery"] [role="alert"]')!;
    // Not the words about codes sent, nor a clock that would never move.
    expect(text(alert)).to.equal('Too many changes in a short time. Try again in 2 minutes.');
    await expectAccessible(el);
  });

  it('names each Show number apart, by the row it shows', async () => {
    const el = await page(backend([WORK_PHONE, HOME_PHONE]));
    const reveals = [...el.shadowRoot!.querySelectorAll('[part="reveal"]')].map(nameOf);
    expect(reveals).to.deep.equal(['Show number Phone +31 6 •••• 5678', 'Show number Phone +44 20 •••• 0000']);
    button(el, 'Show number Phone +31 6 •••• 5678').click();
    await waitUntil(() => queryAllByRole(el, 'button', { name: /^Hide number Phone \+31 6 12345678/ }).length === 1);
    await expectAccessible(el);
  });

  it('wraps a long word of the headings at 320 px rather than scroll sideways (German)', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      await setLocale('de');
      const el = await fixture<SecurityInfoMethods>(
        html`<div lang="de" style="padding: 0 2.5rem">
          <security-info-methods .adapter=${backend([])}></security-info-methods>
        </div>`,
      ).then((parent) => parent.firstElementChild as SecurityInfoMethods);
      await waitUntil(
        () =>
          text(el.shadowRoot!.querySelector('h2')!) === 'Sicherheitsinformationen' &&
          queryAllByRole(el, 'button').length,
        'no German',
      );
      for (const heading of queryAllByRole(el, 'heading'))
        expect(heading.scrollWidth, text(heading)).to.be.at.most(heading.clientWidth);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setLocale('en');
      await setViewport({ width: 800, height: 600 });
    }
  });
});

async function waitUntilButton(el: Element, name: string): Promise<HTMLButtonElement> {
  await waitUntil(() => queryAllByRole(el, 'button', { name }).length > 0, `no button ${name}`, { timeout: 3000 });
  return button(el, name);
}
