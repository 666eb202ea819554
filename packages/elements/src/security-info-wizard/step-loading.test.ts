// In a file of its own: the steps module must not be loaded yet when the test starts (a page loads it once).
import { executeServerCommand } from '@web/test-runner-commands';
import { createMemoryAdapter, type SecurityInfoPolicy } from '@security-info/core';
import './security-info-wizard.js';
import type { SecurityInfoWizard } from './security-info-wizard.js';
import { expect, expectAccessible, fixture, html, waitUntil } from '../../test/helpers.js';

const slowNetwork = (paths: string[], ms = 0) => executeServerCommand('slow-network', { paths, ms });
const policy: SecurityInfoPolicy = { methods: [{ id: 'phone', purposes: ['mfa'] }] };

describe('security-info-wizard: a step whose code is still on its way', () => {
  afterEach(() => slowNetwork([]));

  it('says it is loading until the step is there', async () => {
    await slowNetwork(['/security-info-wizard/wizard-steps'], 600);
    const el = await fixture<SecurityInfoWizard>(
      html`<security-info-wizard .adapter=${createMemoryAdapter({ policy })} .policy=${policy}></security-info-wizard>`,
    );
    expect(el.step).to.equal('phone');
    const status = el.shadowRoot!.querySelector('[role="status"]');
    expect(status?.textContent).to.contain('Loading your options…');
    await expectAccessible(el);
    await waitUntil(() => el.shadowRoot!.querySelector('security-info-phone'), 'the phone step never came', {
      timeout: 5000,
    });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).not.to.contain('Loading your options…');
  });
});
