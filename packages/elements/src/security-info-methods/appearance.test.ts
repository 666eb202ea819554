// The Security info page in right-to-left text, at 320 px, in forced colors and in dark mode: readable, and axe
// finds nothing, in the list and in its dialogs.
import type { RegisteredMethod, SecurityInfoAdapter } from '@security-info/core';
import './security-info-methods.js';
import type { SecurityInfoMethods } from './security-info-methods.js';
import {
  emulateMedia,
  expect,
  expectAccessible,
  fixture,
  fixtureInDarkMode,
  fixtureInForcedColors,
  fixtureRtl,
  getByRole,
  html,
  leaveDarkMode,
  leaveForcedColors,
  setViewport,
  systemColor,
} from '../../test/helpers.js';
import { backend, button, dialog, page, shown } from '../../test/methods.js';

const render = (adapter = backend()) =>
  html`<security-info-methods .adapter=${adapter} default-country="NL"></security-info-methods>`;

describe('security-info-methods: appearance', () => {
  it('keeps numbers left to right in right-to-left text, and lays the rows out from the right', async () => {
    const el = await fixtureRtl<SecurityInfoMethods>(render());
    await shown(el);
    const number = el.shadowRoot!.querySelector<HTMLElement>('[part="method"] [part="identifier"]')!;
    expect(getComputedStyle(number).direction).to.equal('ltr');
    const row = el.shadowRoot!.querySelector<HTMLElement>('[part="method"]')!.getBoundingClientRect();
    const name = el.shadowRoot!.querySelector<HTMLElement>('[part="method-name"]')!.getBoundingClientRect();
    const remove = button(el, 'Delete Phone +31 6 •••• 5678').getBoundingClientRect();
    expect(name.right).to.be.greaterThan(remove.right, 'the name starts at the right');
    expect(row.right - name.right).to.be.lessThan(40);
    await expectAccessible(el);
    button(el, 'Delete Phone +31 6 •••• 5678').click();
    await dialog(el);
    await expectAccessible(el);
  });

  it('sets what identifies a method apart from its kind, in the rows and the default', async () => {
    const el = await page(backend());
    const identifiers = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="identifier"]')];
    expect(identifiers.some((part) => part.closest('[part~="default-method"]'))).to.be.true;
    for (const part of identifiers) {
      const kind = Number(getComputedStyle(part.parentElement!).fontWeight);
      expect(Number(getComputedStyle(part).fontWeight), part.textContent ?? '').to.be.lessThan(kind);
    }
    // A dialog's title names the method in one weight.
    button(el, 'Delete Phone +31 6 •••• 5678').click();
    const title = (await dialog(el)).querySelector('h2')!;
    const number = title.querySelector('[part~="identifier"]')!;
    expect(getComputedStyle(number).fontWeight).to.equal(getComputedStyle(title).fontWeight);
  });

  it('fits 320 px without scrolling sideways, in the list and in a dialog', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await page(backend());
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
      for (const row of el.shadowRoot!.querySelectorAll<HTMLElement>('[part="method"]'))
        expect(row.scrollWidth, 'a row overflows').to.be.at.most(row.clientWidth);
      button(el, 'Change Default sign-in method').click();
      const choose = await dialog(el);
      expect(choose.getBoundingClientRect().width).to.be.at.most(320);
      expect(choose.scrollWidth).to.be.at.most(choose.clientWidth);
      await expectAccessible(el);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('wraps a passkey name of 64 characters without spaces at 320 px, as the default and in the default’s choices', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const name = 'ArbeitslaptopEntwicklungsabteilungZweigstelleNordErdgeschossBüro';
      const passkey = (id: string, named: string): RegisteredMethod => ({
        id,
        kind: 'passkey',
        addedAt: '2026-03-01T10:00:00Z',
        lastUsedAt: null,
        removable: true,
        purposes: ['mfa'],
        passkey: { name: named },
      });
      const adapter: SecurityInfoAdapter = {
        ...backend([]),
        listMethods: async () => ({
          methods: [passkey('pk-1', name), passkey('pk-2', 'Pixel')],
          defaultMethodId: 'pk-1',
        }),
      };
      const el = await page(adapter);
      const shownDefault = el.shadowRoot!.querySelector<HTMLElement>('[part="default"]')!;
      expect(shownDefault.scrollWidth, 'the default overflows').to.be.at.most(shownDefault.clientWidth);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      button(el, 'Change Default sign-in method').click();
      const choose = await dialog(el);
      expect(choose.scrollWidth, 'the choices overflow').to.be.at.most(choose.clientWidth);
      getByRole(choose, 'button', { name: 'Cancel' }).click();
      await el.updateComplete;
      button(el, `Delete Passkey ${name}`).click();
      const confirm = await dialog(el);
      expect(confirm.scrollWidth, 'the confirmation overflows').to.be.at.most(confirm.clientWidth);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('shows every control and the placeholders in forced colors', async () => {
    try {
      const adapter = backend();
      adapter.injectFault('listMethods', 'hang');
      const loading = await fixtureInForcedColors<SecurityInfoMethods>(render(adapter));
      const bar = loading.shadowRoot!.querySelector<HTMLElement>('.bar')!;
      expect(getComputedStyle(bar).borderTopColor).to.equal(systemColor('GrayText'));
      const el = await fixtureInForcedColors<SecurityInfoMethods>(render());
      await shown(el);
      await expectAccessible(el);
      button(el, 'Delete Phone +31 6 •••• 5678').click();
      const confirm = await dialog(el);
      const remove = confirm.querySelector<HTMLElement>('.danger')!;
      expect(getComputedStyle(remove).borderTopColor).to.equal(systemColor('ButtonText'));
      await expectAccessible(el);
    } finally {
      await leaveForcedColors();
    }
  });

  it('is readable in dark mode, in the list and in a dialog', async () => {
    try {
      const el = await fixtureInDarkMode<SecurityInfoMethods>(render());
      await shown(el);
      await expectAccessible(el);
      button(el, 'Delete Phone +31 6 •••• 5678').click();
      await dialog(el);
      await expectAccessible(el);
    } finally {
      await leaveDarkMode();
    }
  });

  it('stops the placeholders pulsing for people who ask for less motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const adapter = backend();
      adapter.injectFault('listMethods', 'hang');
      const el = await fixture<SecurityInfoMethods>(render(adapter));
      const bar = el.shadowRoot!.querySelector<HTMLElement>('.bar')!;
      expect(getComputedStyle(bar).animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
