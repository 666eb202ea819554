// The Security info page's list and its states: loading, the methods, the default, empty, a failed load, offline.
import { createMemoryAdapter } from '@security-info/core';
import './security-info-methods.js';
import type { SecurityInfoMethods } from './security-info-methods.js';
import {
  expect,
  expectAccessible,
  fixture,
  getByRole,
  html,
  press,
  queryByRole,
  recordEvents,
  waitUntil,
} from '../../test/helpers.js';
import {
  APP,
  WORK_PHONE,
  backend,
  button,
  description,
  goOffline,
  page,
  rows,
  text,
  focused,
} from '../../test/methods.js';

afterEach(() => goOffline(false));

describe('security-info-methods: the list', () => {
  it('keeps the layout with placeholder rows while the list loads, and says it is loading', async () => {
    const adapter = backend();
    adapter.injectFault('listMethods', 'hang');
    const el = await fixture<SecurityInfoMethods>(
      html`<security-info-methods .adapter=${adapter}></security-info-methods>`,
    );
    expect(getByRole(el, 'heading', { name: 'Security info' })).to.exist;
    expect(getByRole(el, 'status').textContent).to.contain('Loading your sign-in methods…');
    const skeleton = el.shadowRoot!.querySelector<HTMLElement>('[part="skeleton"]')!;
    expect(skeleton.getAttribute('aria-hidden')).to.equal('true');
    expect(skeleton.getBoundingClientRect().height).to.be.greaterThan(40);
    expect(queryByRole(el, 'list')).to.equal(null);
    await expectAccessible(el);
  });

  it('lists each method with its masked number, how it gets codes, and when it was added and used', async () => {
    const el = await page(backend());
    const [phone, app] = rows(el);
    expect(phone).to.match(/^Phone \+31 6 •••• 5678 Show number Codes by text message Added .*2025 Last used .*2026/);
    expect(app).to.match(/^Authenticator app Added .*2026 Never used to sign in/);
    expect(phone).not.to.contain('612345678');
    await expectAccessible(el);
  });

  it('writes dates in the language of the page', async () => {
    const parentNode = await fixture<HTMLDivElement>(html`<div lang="de"></div>`);
    const el = await page(backend([WORK_PHONE]), { parentNode });
    expect(rows(el)[0]).to.contain('01.09.2025');
  });

  it('names each button with the method it acts on', async () => {
    const el = await page(backend());
    expect(button(el, 'Change Phone +31 6 •••• 5678')).to.exist;
    expect(button(el, 'Delete Phone +31 6 •••• 5678')).to.exist;
    expect(button(el, 'Change Authenticator app')).to.exist;
    expect(button(el, 'Delete Authenticator app')).to.exist;
  });

  it('shows the default sign-in method first, before Add and the list', async () => {
    const el = await page(backend([WORK_PHONE, APP]));
    const order = [...el.shadowRoot!.querySelectorAll('[part~="default"], [part~="add"], [part~="list"]')];
    expect(order.map((node) => node.getAttribute('part'))).to.deep.equal(['default', 'button add', 'list']);
    expect(text(el.shadowRoot!.querySelector('[part="default"]')!)).to.match(
      /^Default sign-in method Phone \+31 6 •••• 5678 Change/,
    );
    expect(button(el, 'Change Default sign-in method')).to.exist;
  });

  it('shows a number in full when the person asks, and masks it again', async () => {
    const el = await page(backend([WORK_PHONE]));
    button(el, 'Show number Phone +31 6 •••• 5678').click();
    await el.updateComplete;
    expect(rows(el)[0]).to.contain('+31 6 12345678');
    expect(button(el, 'Change Phone +31 6 12345678')).to.exist;
    await expectAccessible(el);
    button(el, 'Hide number Phone +31 6 12345678').click();
    await el.updateComplete;
    expect(rows(el)[0]).to.contain('+31 6 •••• 5678');
  });

  it('says beside the last method the organization requires that it cannot be deleted, before anyone tries', async () => {
    const el = await page(backend([WORK_PHONE]));
    expect(rows(el)[0]).to.contain(
      "Your organization requires you to keep a way to verify it's you, so this method can't be deleted",
    );
    const remove = button(el, 'Delete Phone +31 6 •••• 5678');
    expect(remove.getAttribute('aria-disabled')).to.equal('true');
    expect(description(el, remove)).to.contain('until you add another.');
    remove.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    await expectAccessible(el);
  });

  it('explains an empty list and offers Add', async () => {
    const el = await page(backend([]));
    expect(text(el.shadowRoot!.querySelector('[part="note"]')!)).to.contain(
      "You haven't added any sign-in methods yet.",
    );
    expect(button(el, 'Add sign-in method')).to.exist;
    expect(queryByRole(el, 'list')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="default"]')).to.equal(null);
    await expectAccessible(el);
  });

  it('offers no Delete or Change of the default when the adapter cannot make them', async () => {
    const adapter = backend();
    const el = await page({
      sendCode: adapter.sendCode,
      verifyCode: adapter.verifyCode,
      listMethods: adapter.listMethods,
    });
    expect(queryByRole(el, 'button', { name: /^Delete/ })).to.equal(null);
    expect(queryByRole(el, 'button', { name: 'Change Default sign-in method' })).to.equal(null);
    expect(button(el, 'Change Phone +31 6 •••• 5678')).to.exist;
  });

  it('can be used with the keyboard alone: Tab goes from Add through each row', async () => {
    const el = await page(backend());
    button(el, 'Add sign-in method').focus();
    const names: string[] = [];
    for (let i = 0; i < 5; i++) {
      await press('Tab');
      names.push(focused());
    }
    expect(names).to.deep.equal([
      'button "Show number Phone +31 6 •••• 5678"',
      'button "Change Phone +31 6 •••• 5678"',
      'button "Delete Phone +31 6 •••• 5678"',
      'button "Change Authenticator app"',
      'button "Delete Authenticator app"',
    ]);
  });
});

describe('security-info-methods: when the list cannot load', () => {
  it('says what went wrong, and Try again loads it', async () => {
    const adapter = backend();
    adapter.injectFault('listMethods', 'timeout');
    const el = await page(adapter);
    expect(getByRole(el, 'alert').textContent).to.contain('The server is taking too long to answer. Try again.');
    await expectAccessible(el);
    button(el, 'Try again').click();
    await waitUntil(() => queryByRole(el, 'list'), 'the list never loaded');
    expect(rows(el)).to.have.length(2);
  });

  it('reads an answer that is not a list as a failure, not as an empty list', async () => {
    const adapter = backend();
    adapter.injectFault('listMethods', 'malformed');
    const el = await page(adapter);
    expect(getByRole(el, 'alert').textContent).to.contain('Something went wrong on our side.');
    expect(queryByRole(el, 'list')).to.equal(null);
  });

  it('loads again by itself once the browser is back online', async () => {
    const adapter = backend();
    adapter.injectFault('listMethods', 'network');
    const el = await page(adapter);
    expect(getByRole(el, 'alert').textContent).to.contain('You seem to be offline.');
    goOffline(false);
    await waitUntil(() => queryByRole(el, 'list'), 'the list never loaded again');
  });

  it('asks the host to sign the person in when their session ended, and loads once they have', async () => {
    const adapter = backend();
    adapter.injectFault('listMethods', 'unauthenticated');
    const el = await fixture<SecurityInfoMethods>(html`<security-info-methods></security-info-methods>`);
    const asked = recordEvents(el, 'security-info-reauthenticate');
    let signedIn: () => void = () => undefined;
    el.addEventListener('security-info-reauthenticate', (event) =>
      event.detail.retryAfter(new Promise<void>((resolve) => (signedIn = resolve))),
    );
    el.adapter = adapter;
    await waitUntil(() => asked.length === 1, 'the host was never asked to sign the person in');
    expect(asked[0]!.detail.reason).to.equal('unauthenticated');
    await waitUntil(() => queryByRole(el, 'status'), 'no wait was shown');
    expect(getByRole(el, 'status').textContent).to.contain('Waiting for you to sign in…');
    await expectAccessible(el);
    signedIn();
    await waitUntil(() => queryByRole(el, 'list'), 'the list never loaded after the sign-in');
  });

  it('says the session ended when nobody answers the event', async () => {
    const adapter = createMemoryAdapter();
    adapter.injectFault('listMethods', 'unauthenticated');
    const el = await page(adapter);
    await waitUntil(() => queryByRole(el, 'alert')?.textContent?.includes('Your session has ended'));
  });
});

describe('security-info-methods: offline', () => {
  it('says the device is offline, and stops saying it once it is back', async () => {
    const el = await page(backend());
    goOffline(true);
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('[part="note"][role="status"]')!)).to.contain("You're offline.");
    expect(rows(el)).to.have.length(2);
    await expectAccessible(el);
    goOffline(false);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="note"][role="status"]')).to.equal(null);
  });
});
