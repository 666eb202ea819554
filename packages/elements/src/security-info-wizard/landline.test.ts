// The wizard when a text message cannot reach the number because it is a landline (`channel-unavailable` with
// `reason: 'landline'`): a call is offered where the policy allows one, a mobile number asked for where not.
import type { SecurityInfoPolicy } from '@security-info/core';
import './security-info-wizard.js';
import { expect, expectAccessible, queryByRole } from '../../test/helpers.js';
import { enterPhone, expectMessage, memory, mount, step, waitUntilFound } from '../../test/wizard.js';

const LANDLINE = { code: 'channel-unavailable', reason: 'landline' } as const;
const CALL_INSTEAD = /This number looks like a landline, which can't receive texts\. We can call you instead\./;
const USE_A_MOBILE = /This number looks like a landline, which can't receive texts\. Enter a mobile number\./;

describe('security-info-wizard: a landline', () => {
  it('offers a call when a text message cannot reach the number', async () => {
    const adapter = memory();
    adapter.injectFault('sendCode', LANDLINE);
    const wizard = await mount(adapter);
    await enterPhone(wizard, '201234567');
    await expectMessage(wizard, CALL_INSTEAD);
    expect(await waitUntilFound(wizard, 'button', 'Call me')).to.exist;
    expect(wizard.step).to.equal('phone');
    await expectAccessible(wizard);
  });

  it('calls the same number when Call me is pressed: one action, by voice', async () => {
    const adapter = memory();
    adapter.injectFault('sendCode', LANDLINE);
    const wizard = await mount(adapter);
    await enterPhone(wizard, '201234567');
    (await waitUntilFound(wizard, 'button', 'Call me')).click();
    await step(wizard, 'code');
    expect(adapter.calls.sendCode).to.equal(2);
    expect(adapter.lastCode).to.include({ phoneNumber: '+31201234567', channel: 'voice' });
    const intro = wizard.shadowRoot!.querySelector('code-verify')!.shadowRoot!.querySelector('#intro');
    expect(intro?.textContent).to.match(/We're calling/);
  });

  it('asks for a mobile number when the organization allows no calls to the region', async () => {
    const policy: SecurityInfoPolicy = {
      methods: [{ id: 'phone', purposes: ['mfa'] }],
      phone: { channels: ['sms', 'voice'], channelsByCountry: { NL: ['sms'] } },
    };
    const adapter = memory({ policy });
    adapter.injectFault('sendCode', LANDLINE);
    const wizard = await mount(adapter, { policy });
    await enterPhone(wizard, '201234567');
    await expectMessage(wizard, USE_A_MOBILE);
    expect(queryByRole(wizard, 'button', { name: 'Call me' })).to.equal(null);
    // Only another number helps: the number is what is marked wrong.
    expect((await waitUntilFound(wizard, 'textbox', 'Phone number')).getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(wizard);
  });
});
