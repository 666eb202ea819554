// The wizard in Chromium against the reference backend (mounted in the test server), end to end over HTTP.
import { createFetchAdapter } from '@security-info/core';
import './security-info-wizard.js';
import type { SecurityInfoWizard } from './security-info-wizard.js';
import { expect, fixture, getByRole, html, nextEvent, queryByRole, typeInto, waitUntil } from '../../test/helpers.js';

async function lastCode(): Promise<string> {
  const { code } = (await (await fetch('/__test__/last-code')).json()) as { code: string | null };
  if (!code) throw new Error('The backend issued no code');
  return code;
}

async function field(wizard: SecurityInfoWizard, name: string | RegExp): Promise<HTMLInputElement> {
  await waitUntil(() => queryByRole(wizard, 'textbox', { name }), `no field ${String(name)}`, { timeout: 5000 });
  return getByRole<HTMLInputElement>(wizard, 'textbox', { name });
}

describe('security-info-wizard against the reference backend', () => {
  it('enrolls a phone over HTTP, after one wrong code', async () => {
    sessionStorage.clear();
    const wizard = await fixture<SecurityInfoWizard>(
      html`<security-info-wizard
        start="phone"
        default-country="NL"
        .adapter=${createFetchAdapter({ baseUrl: '/api/security-info' })}
      ></security-info-wizard>`,
    );
    const complete = nextEvent(wizard, 'security-info-complete', 10_000);
    await typeInto(await field(wizard, 'Phone number'), '0612345678');
    getByRole(wizard, 'button', { name: 'Next' }).click();
    await waitUntil(() => wizard.step === 'code', 'never reached the code step', { timeout: 5000 });

    const code = await lastCode();
    const input = await field(wizard, /code/i);
    await typeInto(input, code === '000000' ? '111111' : '000000');
    getByRole(wizard, 'button', { name: 'Verify' }).click();
    await waitUntil(
      () =>
        /You have 4 tries left/.test(wizard.shadowRoot!.querySelector('code-verify')!.shadowRoot!.textContent ?? ''),
      'the wrong code was not reported with the tries left',
      { timeout: 5000 },
    );

    input.select();
    await typeInto(input, code);
    getByRole(wizard, 'button', { name: 'Verify' }).click();
    expect((await complete).detail).to.deep.equal({ method: 'phone', phoneNumber: '+31612345678', channel: 'sms' });
  });
});
