// The page's custom states: each on while the page shows it, off after, and a host's styles reach the page by them.
import type { SecurityInfoAdapter } from '@security-info/core';
import './security-info-methods.js';
import type { SecurityInfoMethods } from './security-info-methods.js';
import { PAGE_STATES, type PageState } from './states.js';
import { expect, expectAccessible, fixture, html, queryByRole, waitUntil } from '../../test/helpers.js';
import { backend, button, dialog, goOffline, page, shown } from '../../test/methods.js';

/** The states that are on. */
const states = (el: SecurityInfoMethods) => PAGE_STATES.filter((state) => el.matches(`:state(${state})`));

async function expectStates(el: SecurityInfoMethods, expected: PageState[]): Promise<void> {
  await waitUntil(
    () => states(el).join() === expected.join(),
    `states ${states(el).join()} instead of ${expected.join()}`,
    { timeout: 3000 },
  );
}

/** A backend whose `listMethods` waits until `release` is called, then answers as the memory backend does. */
function waiting() {
  const memory = backend();
  let release = () => {};
  const adapter: SecurityInfoAdapter = {
    ...memory,
    listMethods: (options) => new Promise((resolve) => (release = () => resolve(memory.listMethods(options)))),
  };
  return { adapter, release: () => release() };
}

describe('security-info-methods: custom states', () => {
  afterEach(() => goOffline(false));

  it('is loading while the list loads, and nothing once it shows', async () => {
    const { adapter, release } = waiting();
    const el = await fixture<SecurityInfoMethods>(
      html`<security-info-methods .adapter=${adapter}></security-info-methods>`,
    );
    await expectStates(el, ['loading']);
    await expectAccessible(el);
    release();
    await shown(el);
    await expectStates(el, []);
  });

  it('is empty when the person has no method', async () => {
    const el = await page(backend([]));
    await expectStates(el, ['empty']);
    await expectAccessible(el);
  });

  it('is error when the list could not load, and loading again on Try again', async () => {
    const adapter = backend();
    adapter.injectFault('listMethods', 'unknown');
    const el = await page(adapter);
    await expectStates(el, ['error']);
    await expectAccessible(el);
    button(el, 'Try again').click();
    await shown(el);
    await expectStates(el, []);
  });

  it('is offline while the device has no connection', async () => {
    const el = await page(backend());
    goOffline(true);
    await expectStates(el, ['offline']);
    await expectAccessible(el);
    goOffline(false);
    await expectStates(el, []);
  });

  it('is busy while a deletion is under way', async () => {
    const adapter = backend();
    adapter.injectFault('removeMethod', 'hang');
    const el = await page(adapter);
    button(el, 'Delete Authenticator app').click();
    const confirm = await dialog(el);
    await waitUntil(() => queryByRole(confirm, 'button', { name: 'Delete' }), 'no Delete in the dialog');
    queryByRole(confirm, 'button', { name: 'Delete' })!.click();
    await expectStates(el, ['busy']);
    await expectAccessible(el);
  });

  it('is adding while the wizard is open to add a method, and nothing once it closed', async () => {
    const el = await page(backend());
    button(el, 'Add sign-in method').click();
    await dialog(el);
    await expectStates(el, ['adding']);
    await expectAccessible(el);
    el.shadowRoot!.querySelector('security-info-wizard')!.cancel();
    await expectStates(el, []);
  });

  it('is changing while the wizard is open to change a method', async () => {
    const el = await page(backend());
    button(el, 'Change Phone +31 6 •••• 5678').click();
    await dialog(el);
    await expectStates(el, ['changing']);
    await expectAccessible(el);
  });

  it('lets the host style the page by its state', async () => {
    const style = document.createElement('style');
    style.textContent = 'security-info-methods:state(empty) { outline: 3px solid rgb(0, 128, 0); }';
    document.head.append(style);
    try {
      const el = await page(backend([]));
      await expectStates(el, ['empty']);
      expect(getComputedStyle(el).outlineColor).to.equal('rgb(0, 128, 0)');
    } finally {
      style.remove();
    }
  });
});
