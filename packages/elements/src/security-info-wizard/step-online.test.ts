// In a file of its own: the phone step must not be loaded yet when the test starts (a page loads it once).
// The other half of step-offline.test.ts: here the browser reports that it is back online.
import { executeServerCommand } from '@web/test-runner-commands';
import { createMemoryAdapter, type SecurityInfoPolicy } from '@security-info/core';
import './security-info-wizard.js';
import type { SecurityInfoWizard } from './security-info-wizard.js';
import { deepActiveElement, expect, expectAccessible, fixture, html, waitUntil } from '../../test/helpers.js';

const outage = (paths: string[]) => executeServerCommand('network-outage', { paths });
const policy: SecurityInfoPolicy = { methods: [{ id: 'phone', purposes: ['mfa'] }] };
const phoneField = (el: SecurityInfoWizard) =>
  el.shadowRoot!.querySelector('security-info-phone')?.shadowRoot?.querySelector<HTMLInputElement>('input[type="tel"]');

describe('security-info-wizard: a step whose code could not load', () => {
  afterEach(() => outage([]));

  it('tries again by itself when the browser is back online', async () => {
    await outage(['/security-info-phone/']);
    const el = await fixture<SecurityInfoWizard>(
      html`<security-info-wizard .adapter=${createMemoryAdapter({ policy })} .policy=${policy}></security-info-wizard>`,
    );
    const alert = () => el.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '';
    await waitUntil(() => /offline/i.test(alert()), 'no message');
    await outage([]);
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => phoneField(el), 'the phone step never came');
    await waitUntil(() => deepActiveElement()?.localName === 'h2', 'focus stayed behind');
    expect(deepActiveElement()!.textContent).to.contain('Set up your phone');
    await expectAccessible(el);
  });
});
