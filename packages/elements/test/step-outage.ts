/** For the wizard's tests of a step whose code cannot be downloaded. */
import { createMemoryAdapter, type SecurityInfoPolicy } from '@security-info/core';
import type { SecurityInfoWizard } from '../src/security-info-wizard/security-info-wizard.js';
import { fixture, html, networkOutage, waitUntil } from './helpers.js';

/** The phone step's number field, once the step is there. */
export const phoneField = (el: SecurityInfoWizard) =>
  el.shadowRoot!.querySelector('security-info-phone')?.shadowRoot?.querySelector<HTMLInputElement>('input[type="tel"]');

/**
 * A wizard on a phone-only policy whose phone step cannot be downloaded (the network is down for it), once it
 * says the person is offline; `alert()` reads its message. The outage goes on until `networkOutage([])`.
 */
export async function wizardWhoseStepCannotLoad(): Promise<{ el: SecurityInfoWizard; alert: () => string }> {
  const policy: SecurityInfoPolicy = { methods: [{ id: 'phone', purposes: ['mfa'] }] };
  await networkOutage(['/security-info-phone/']);
  const el = await fixture<SecurityInfoWizard>(
    html`<security-info-wizard .adapter=${createMemoryAdapter({ policy })} .policy=${policy}></security-info-wizard>`,
  );
  const alert = () => el.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '';
  await waitUntil(() => /offline/i.test(alert()), 'no message');
  return { el, alert };
}
