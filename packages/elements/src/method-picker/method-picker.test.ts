import { sendKeys } from '@web/test-runner-commands';
import type { SecurityInfoPolicy } from '@security-info/core';
import './method-picker.js';
import type { MethodPicker } from './method-picker.js';
import { setLocale } from '../shared/localization.js';
import {
  deepActiveElement,
  fixtureInDarkMode,
  fixtureInForcedColors,
  leaveForcedColors,
  systemColor,
  fixtureRtl,
  leaveDarkMode,
  expect,
  expectAccessible,
  fixture,
  getByRole,
  html,
  nextEvent,
  press,
  queryAllByRole,
  queryByRole,
  recordEvents,
} from '../../test/helpers.js';

const all: SecurityInfoPolicy = {
  methods: [
    { id: 'authenticator-app', purposes: ['mfa', 'password-reset'] },
    { id: 'phone', purposes: ['mfa', 'password-reset'] },
    { id: 'email', purposes: ['password-reset'] },
    { id: 'security-questions', purposes: ['password-reset'] },
  ],
};
const noPhone: SecurityInfoPolicy = { methods: [{ id: 'authenticator-app', purposes: ['mfa', 'password-reset'] }] };
// A policy that (wrongly) allows email for two-step verification: the picker still never offers it there.
const generous: SecurityInfoPolicy = {
  methods: [
    { id: 'email', purposes: ['mfa', 'password-reset'] },
    { id: 'phone', purposes: ['mfa', 'password-reset'] },
  ],
};

async function picker(policy: SecurityInfoPolicy | undefined, purpose?: string, registered = '') {
  return fixture<MethodPicker>(
    html`<method-picker .policy=${policy} purpose=${purpose ?? ''} registered=${registered}></method-picker>`,
  );
}

const names = (el: MethodPicker) =>
  queryAllByRole(el, 'button').map((button) => (button as unknown as { computedName: string }).computedName);

describe('method-picker', () => {
  it('asks which method to add, with the question as a heading', async () => {
    const el = await picker(all);
    expect(getByRole(el, 'heading', { name: 'Which method would you like to add?' })).to.exist;
    await expectAccessible(el);
  });

  it('offers every method the policy allows when no purpose is given, in the policy order', async () => {
    const el = await picker(all);
    expect(names(el)).to.deep.equal(['Authenticator app', 'Phone', 'Email', 'Security questions']);
  });

  it('never offers email or security questions for two-step verification', async () => {
    for (const policy of [all, generous]) {
      const el = await picker(policy, 'mfa');
      expect(names(el)).to.not.include('Email');
      expect(names(el)).to.not.include('Security questions');
      expect(names(el)).to.include('Phone');
      await expectAccessible(el);
    }
  });

  it('offers email and security questions for password reset', async () => {
    const el = await picker(all, 'password-reset');
    expect(names(el)).to.deep.equal(['Authenticator app', 'Phone', 'Email', 'Security questions']);
  });

  it('follows the order of the policy', async () => {
    const reversed: SecurityInfoPolicy = { methods: [...all.methods].reverse() };
    const el = await picker(reversed, 'password-reset');
    expect(names(el)).to.deep.equal(['Security questions', 'Email', 'Phone', 'Authenticator app']);
  });

  it('marks no method set up, rather than breaking, for registered set to undefined or null', async () => {
    const el = await fixture<MethodPicker>(html`<method-picker .policy=${all} registered="phone"></method-picker>`);
    // A React prop left out, or a field missing from the host's data.
    for (const junk of [undefined, null]) {
      el.registered = junk as unknown as MethodPicker['registered'];
      await el.updateComplete;
      expect(getByRole(el, 'button', { name: 'Phone' })).to.exist;
      expect(el.shadowRoot!.textContent).not.to.contain('Already set up');
    }
  });

  it('describes each method in one line', async () => {
    const el = await picker(all);
    const phone = getByRole(el, 'button', { name: 'Phone' }) as HTMLElement & { computedName: string };
    const describedBy = phone.getAttribute('aria-describedby')!.split(' ');
    const description = describedBy.map((id) => el.shadowRoot!.getElementById(id)?.textContent?.trim()).join(' ');
    expect(description).to.match(/text message or phone call/);
    expect(phone.computedName).to.equal('Phone');
  });

  it('says when the organization does not allow the phone, and to contact the administrator', async () => {
    const el = await picker(noPhone, 'mfa');
    expect(el.shadowRoot!.textContent).to.match(/doesn't allow Phone and Passkey here.*contact your administrator/s);
    await expectAccessible(el);
  });

  it('lists the methods it does not allow in the language of the nearest lang', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div lang="de"><method-picker .policy=${noPhone} purpose="password-reset"></method-picker></div>`,
    );
    const el = page.querySelector('method-picker')!;
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain("doesn't allow Phone, Email, Security questions und Passkey here");
  });

  it('joins them in the words’ language once another was chosen, whatever the lang', async () => {
    await setLocale('de');
    try {
      const page = await fixture<HTMLDivElement>(
        html`<div lang="en"><method-picker .policy=${noPhone} purpose="password-reset"></method-picker></div>`,
      );
      const el = page.querySelector('method-picker')!;
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.contain('Telefon, E-Mail, Sicherheitsfragen und Passkey');
    } finally {
      await setLocale('en');
    }
  });

  it('explains an empty policy instead of showing nothing', async () => {
    for (const policy of [{ methods: [] }, undefined]) {
      const el = await picker(policy as SecurityInfoPolicy | undefined, 'mfa');
      expect(queryByRole(el, 'button')).to.equal(null);
      expect(getByRole(el, 'status').textContent).to.match(/Contact your administrator/);
      await expectAccessible(el);
    }
  });

  it('explains a hand-written policy without methods as an empty one, rather than throwing', async () => {
    // What a plain JavaScript host may set (TypeScript's types forbid it): no list of methods, or none at all.
    for (const policy of [{}, { phone: { defaultCountry: 'NL' } }, { methods: null }]) {
      for (const purpose of ['mfa', undefined]) {
        const el = await picker(policy as unknown as SecurityInfoPolicy, purpose);
        expect(queryByRole(el, 'button')).to.equal(null);
        expect(getByRole(el, 'status').textContent).to.match(/Contact your administrator/);
        await expectAccessible(el);
      }
    }
  });

  it('marks methods already set up', async () => {
    const el = await picker(all, 'mfa', 'phone');
    const phone = getByRole(el, 'button', { name: 'Phone' });
    const ids = phone.getAttribute('aria-describedby')!.split(' ');
    expect(ids.map((id) => el.shadowRoot!.getElementById(id)?.textContent).join(' ')).to.contain('Already set up');
    await expectAccessible(el);
  });

  it('fires method-select with the method when one is chosen by click', async () => {
    const el = await picker(all, 'mfa');
    const event = nextEvent(el, 'method-select');
    getByRole(el, 'button', { name: 'Phone' }).click();
    const { detail, bubbles, composed, cancelable } = await event;
    expect(detail).to.deep.equal({ method: 'phone' });
    expect([bubbles, composed, cancelable]).to.deep.equal([true, true, true]);
  });

  it('is usable by keyboard alone: Tab to a method, Enter or Space chooses it', async () => {
    const el = await picker(all, 'mfa');
    const seen = recordEvents(el, 'method-select');
    el.focusHeading();
    await press('Tab');
    expect((deepActiveElement() as unknown as { computedName: string }).computedName).to.equal('Authenticator app');
    await press('Tab');
    await press('Enter');
    await new Promise((resolve) => setTimeout(resolve, 10));
    await press('Space');
    expect(seen.map((event) => event.detail.method)).to.deep.equal(['phone', 'phone']);
  });

  it('fires once for a double click', async () => {
    const el = await picker(all, 'mfa');
    const seen = recordEvents(el, 'method-select');
    const phone = getByRole(el, 'button', { name: 'Phone' });
    phone.click();
    phone.click();
    expect(seen).to.have.length(1);
  });

  it('disables the choice while pending', async () => {
    const el = await picker(all, 'mfa');
    el.pending = true;
    await el.updateComplete;
    const seen = recordEvents(el, 'method-select');
    getByRole(el, 'button', { name: 'Phone' }).click();
    expect(seen).to.have.length(0);
    await expectAccessible(el);
  });

  it('moves focus to its heading on request', async () => {
    const el = await picker(all);
    el.focusHeading();
    expect(deepActiveElement()?.tagName).to.equal('H2');
  });

  it('is accessible right to left', async () => {
    const el = await fixtureRtl<MethodPicker>(html`<method-picker .policy=${all}></method-picker>`);
    await expectAccessible(el);
  });

  it('is accessible in dark mode on a page that supports it', async () => {
    try {
      const el = await fixtureInDarkMode<MethodPicker>(
        html`<method-picker .policy=${all} purpose="mfa"></method-picker>`,
      );
      await expectAccessible(el);
    } finally {
      await leaveDarkMode();
    }
  });

  it('keeps icons and the keyboard focus visible in forced colors', async () => {
    try {
      const el = await fixtureInForcedColors<MethodPicker>(
        html`<method-picker .policy=${all} purpose="mfa"></method-picker>`,
      );
      const icon = el.shadowRoot!.querySelector<SVGElement>('.card > svg')!;
      expect(getComputedStyle(icon).color).to.equal(systemColor('CanvasText'));
      await sendKeys({ press: 'Tab' });
      const card = el.shadowRoot!.querySelector<HTMLElement>('.card:has(button:focus-visible)');
      expect(card, 'a card with keyboard focus').to.exist;
      expect(getComputedStyle(card!).outlineColor).to.equal(systemColor('Highlight'));
      await expectAccessible(el);
    } finally {
      await leaveForcedColors();
    }
  });

  it('has no horizontal scrolling at 320 px', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 320px"><method-picker .policy=${all}></method-picker></div>`,
    );
    const el = wrapper.querySelector('method-picker')!;
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(320);
  });
});
