// The wizard when the backend wants a recent sign-in before a change (`reauthentication-required`): the same
// security-info-reauthenticate event as for an ended session, with its own reason and its own message.
import './security-info-wizard.js';
import type { SecurityInfoWizard } from './security-info-wizard.js';
import { expect, expectAccessible, getByRole, nextEvent } from '../../test/helpers.js';
import { codeOf, enterCode, enterPhone, expectMessage, memory, messages, mount, step } from '../../test/wizard.js';

const SIGN_IN_FOR_CHANGE = /For your security, sign in again to make this change\./;

const phoneField = (wizard: SecurityInfoWizard) =>
  getByRole<HTMLInputElement>(wizard, 'textbox', { name: 'Phone number' }).value.replace(/\D/g, '');

describe('security-info-wizard: a change that wants a recent sign-in', () => {
  it('fires security-info-reauthenticate with the reason reauthentication-required', async () => {
    const adapter = memory();
    adapter.injectFault('sendCode', 'reauthentication-required');
    const wizard = await mount(adapter);
    const fired = nextEvent(document, 'security-info-reauthenticate');
    await enterPhone(wizard);
    const event = await fired;
    expect(event.target).to.equal(wizard);
    expect(event.detail.reason).to.equal('reauthentication-required');
    expect([event.bubbles, event.composed, event.cancelable]).to.deep.equal([true, true, true]);
  });

  it('sends again once after the sign-in given to retryAfter, and the flow goes on', async () => {
    const adapter = memory();
    adapter.injectFault('sendCode', 'reauthentication-required');
    const wizard = await mount(adapter);
    wizard.addEventListener('security-info-reauthenticate', (event) => event.detail.retryAfter(Promise.resolve()));
    const complete = nextEvent(wizard, 'security-info-complete');
    await enterPhone(wizard);
    await step(wizard, 'code');
    expect(adapter.calls.sendCode).to.equal(2);
    await enterCode(wizard, await codeOf(adapter));
    expect((await complete).detail).to.include({ method: 'phone', phoneNumber: '+31612345678' });
  });

  it('tells the person to sign in, with the number kept, when the host does nothing', async () => {
    const adapter = memory();
    adapter.injectFault('sendCode', 'reauthentication-required');
    const wizard = await mount(adapter);
    await enterPhone(wizard);
    await expectMessage(wizard, SIGN_IN_FOR_CHANGE);
    expect(messages(wizard)).not.to.match(/session has ended/);
    expect(wizard.step).to.equal('phone');
    expect(phoneField(wizard)).to.match(/612345678$/);
    expect(adapter.calls.sendCode).to.equal(1);
    await expectAccessible(wizard);
  });
});
