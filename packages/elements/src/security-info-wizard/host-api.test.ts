// What a page tells the wizard and asks of it: the methods already set up, the phone being changed, and cancel().
import { type SecurityInfoAdapter, type SecurityInfoPolicy, type SendCodeRequest } from '@security-info/core';
import './security-info-wizard.js';
import { expect, expectAccessible, getByRole, nextEvent, recordEvents, waitUntil } from '../../test/helpers.js';
import { codeOf, enterCode, enterPhone, memory, mount, step } from '../../test/wizard.js';

const twoMethods: SecurityInfoPolicy = {
  methods: [
    { id: 'authenticator-app', purposes: ['mfa'] },
    { id: 'phone', purposes: ['mfa'] },
  ],
};

/** An adapter that keeps each code request and its signal; `hang` leaves every send unanswered. */
function recording({ hang = false } = {}) {
  const sent: SendCodeRequest[] = [];
  const signals: AbortSignal[] = [];
  const adapter: SecurityInfoAdapter = {
    sendCode: (request, { signal }) => {
      sent.push(request);
      signals.push(signal);
      return hang ? new Promise(() => undefined) : Promise.resolve({ challengeId: `challenge-${sent.length}` });
    },
    verifyCode: async () => undefined,
  };
  return { adapter, sent, signals };
}

/** The words the method's button is described by (its description, and "Already set up" when it is). */
function description(button: HTMLElement): string {
  const root = button.getRootNode() as ShadowRoot;
  const ids = button.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => root.getElementById(id)?.textContent?.trim()).join(' ');
}

describe('security-info-wizard: registered', () => {
  it('marks the methods the person has set up already', async () => {
    const wizard = await mount(memory(), { start: 'methods', policy: twoMethods });
    wizard.registered = ['phone'];
    await step(wizard, 'methods');
    expect(description(getByRole(wizard, 'button', { name: 'Phone' }))).to.contain('Already set up');
    expect(description(getByRole(wizard, 'button', { name: 'Authenticator app' }))).not.to.contain('Already set up');
    await expectAccessible(wizard);
  });
});

describe('security-info-wizard: replaces', () => {
  it('sends the code for the number that is to replace the phone being changed', async () => {
    const { adapter, sent } = recording();
    const wizard = await mount(adapter);
    wizard.replaces = 'home-phone';
    await enterPhone(wizard);
    await step(wizard, 'code');
    expect(sent.map(({ phoneNumber, replaces }) => ({ phoneNumber, replaces }))).to.deep.equal([
      { phoneNumber: '+31612345678', replaces: 'home-phone' },
    ]);
    await expectAccessible(wizard);
  });

  it('replaces nothing when adding a phone', async () => {
    const { adapter, sent } = recording();
    const wizard = await mount(adapter);
    await enterPhone(wizard);
    await step(wizard, 'code');
    expect(sent).to.have.length(1);
    expect(sent[0]).not.to.have.property('replaces');
  });
});

describe('security-info-wizard: cancel()', () => {
  it('aborts the call in flight and fires security-info-cancel, as the Cancel button does', async () => {
    const { adapter, signals } = recording({ hang: true });
    const wizard = await mount(adapter);
    await enterPhone(wizard);
    await waitUntil(() => signals.length === 1, 'no code was asked for');
    const cancelled = nextEvent(wizard, 'security-info-cancel');
    wizard.cancel();
    await cancelled;
    expect(signals[0]!.aborted).to.equal(true);
    expect(wizard.step).to.equal('cancelled');
    await wizard.updateComplete;
    await expectAccessible(wizard);
  });

  it('does nothing once the phone is registered', async () => {
    const adapter = memory();
    const wizard = await mount(adapter);
    await enterPhone(wizard);
    await enterCode(wizard, await codeOf(adapter));
    await step(wizard, 'done');
    const cancels = recordEvents(wizard, 'security-info-cancel');
    wizard.cancel();
    expect(cancels).to.have.length(0);
    expect(wizard.step).to.equal('done');
    expect(getByRole(wizard, 'heading', { name: 'Your phone was registered' })).to.exist;
    await expectAccessible(wizard);
  });
});
