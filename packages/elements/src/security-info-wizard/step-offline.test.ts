// In a file of its own: the phone step must not be loaded yet when the test starts (a page loads it once).
import { executeServerCommand } from '@web/test-runner-commands';
import { createMemoryAdapter, type SecurityInfoPolicy } from '@security-info/core';
import './security-info-wizard.js';
import type { SecurityInfoWizard } from './security-info-wizard.js';
import {
  deepActiveElement,
  expect,
  expectAccessible,
  fixture,
  getByRole,
  html,
  recordEvents,
  waitUntil,
} from '../../test/helpers.js';

const outage = (paths: string[]) => executeServerCommand('network-outage', { paths });
const policy: SecurityInfoPolicy = { methods: [{ id: 'phone', purposes: ['mfa'] }] };
const phoneField = (el: SecurityInfoWizard) =>
  el.shadowRoot!.querySelector('security-info-phone')?.shadowRoot?.querySelector<HTMLInputElement>('input[type="tel"]');

describe('security-info-wizard: a step whose code cannot load', () => {
  afterEach(() => outage([]));

  it('says so with Try again and Cancel, and goes on to the step once it loads', async () => {
    await outage(['/security-info-phone/']);
    const el = await fixture<SecurityInfoWizard>(
      html`<security-info-wizard .adapter=${createMemoryAdapter({ policy })} .policy=${policy}></security-info-wizard>`,
    );
    const alert = () => el.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '';
    await waitUntil(() => /offline/i.test(alert()), 'no message');
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(getByRole(el, 'heading', { name: 'Set up security info' }));
    const cancelled = recordEvents(el, 'security-info-cancel');
    expect(getByRole(el, 'button', { name: 'Cancel' })).to.exist;
    await expectAccessible(el);

    // Still offline: Try again fails again and says so again.
    getByRole(el, 'button', { name: 'Try again' }).click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alert()).to.match(/offline/i);
    expect(phoneField(el)).not.to.exist;

    await outage([]);
    getByRole(el, 'button', { name: 'Try again' }).click();
    await waitUntil(() => phoneField(el), 'the phone step never came');
    await waitUntil(() => deepActiveElement()?.localName === 'h2', 'focus stayed behind');
    expect(deepActiveElement()!.textContent).to.contain('Set up your phone');
    expect(cancelled).to.have.length(0);
  });
});
