// The wizard when the backend says the person's session ended (`unauthenticated`): the message, the
// security-info-reauthenticate event, and the wait for a sign-in that the host starts with retryAfter().
import type { SecurityInfoAdapter } from '@security-info/core';
import './security-info-wizard.js';
import type { SecurityInfoReauthenticateDetail, SecurityInfoWizard } from './security-info-wizard.js';
import { setLocale } from '../shared/localization.js';
import {
  deepActiveElement,
  expect,
  expectAccessible,
  fixture,
  fixtureRtl,
  getByRole,
  html,
  nextEvent,
  signIn,
  press,
  queryByRole,
  recordEvents,
  typeInto,
  waitUntil,
} from '../../test/helpers.js';
import {
  codeOf,
  enterCode,
  enterPhone,
  expectMessage,
  memory,
  messages,
  mount,
  step,
  waitUntilFound,
} from '../../test/wizard.js';

const SESSION_ENDED = /Your session has ended\. Sign in again to continue\./;
const WAITING = /Waiting for you to sign in…/;

const unhandled: unknown[] = [];
const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
before(() => window.addEventListener('unhandledrejection', onUnhandled));
after(() => window.removeEventListener('unhandledrejection', onUnhandled));
beforeEach(() => sessionStorage.clear());
afterEach(() => {
  expect(unhandled, 'unhandled rejections').to.deep.equal([]);
});

/** Answers every security-info-reauthenticate event of `wizard` by signing in with `promise`. */
function signInWith(wizard: SecurityInfoWizard, promise: Promise<unknown>) {
  wizard.addEventListener('security-info-reauthenticate', (event) => event.detail.retryAfter(promise));
}

/** Records what a wrapped adapter was asked to send and verify, to compare the inputs of a repeated call. */
function recording(adapter: SecurityInfoAdapter) {
  const sent: unknown[] = [];
  const resent: unknown[] = [];
  const verified: unknown[] = [];
  const wrapped: SecurityInfoAdapter = {
    ...adapter,
    sendCode: (request, options) => (sent.push(request), adapter.sendCode(request, options)),
    resendCode: (request, options) => (resent.push(request), adapter.resendCode!(request, options)),
    verifyCode: (request, options) => (verified.push(request), adapter.verifyCode(request, options)),
  };
  return { adapter: wrapped, sent, resent, verified };
}

const phoneField = (wizard: SecurityInfoWizard) =>
  getByRole<HTMLInputElement>(wizard, 'textbox', { name: 'Phone number' }).value.replace(/\D/g, '');

describe('security-info-wizard: when the session ends', () => {
  it('says so in the step where it happened, announced, with the number kept', async () => {
    const adapter = memory();
    adapter.injectFault('sendCode', 'unauthenticated');
    const wizard = await mount(adapter);
    await enterPhone(wizard);
    await expectMessage(wizard, SESSION_ENDED);
    const alert = wizard.shadowRoot!.querySelector('security-info-phone')!.shadowRoot!.querySelector('[role="alert"]');
    expect(alert?.textContent).to.match(SESSION_ENDED);
    expect(wizard.step).to.equal('phone');
    expect(phoneField(wizard)).to.match(/612345678$/);
    await expectAccessible(wizard);
  });

  it('fires security-info-reauthenticate with the reason, bubbling, composed and cancelable', async () => {
    const adapter = memory();
    adapter.injectFault('sendCode', 'unauthenticated');
    const wizard = await mount(adapter);
    const fired = nextEvent(document, 'security-info-reauthenticate');
    await enterPhone(wizard);
    const event = await fired;
    expect(event.target).to.equal(wizard);
    expect(event.detail.reason).to.equal('unauthenticated');
    expect(event.detail.retryAfter).to.be.a('function');
    expect([event.bubbles, event.composed, event.cancelable]).to.deep.equal([true, true, true]);
  });

  it('keeps the action available without retryAfter: pressing again after signing in elsewhere works', async () => {
    const adapter = memory();
    adapter.injectFault('sendCode', 'unauthenticated');
    const wizard = await mount(adapter);
    await enterPhone(wizard);
    await expectMessage(wizard, SESSION_ENDED);
    getByRole(wizard, 'button', { name: 'Next' }).click();
    await step(wizard, 'code');
    expect(adapter.calls.sendCode).to.equal(2);
  });

  it('shows no message of its own when the host cancels the event, and the step stays usable', async () => {
    const adapter = memory();
    adapter.injectFault('sendCode', 'unauthenticated');
    const wizard = await mount(adapter);
    wizard.addEventListener('security-info-reauthenticate', (event) => event.preventDefault());
    const fired = nextEvent(wizard, 'security-info-reauthenticate');
    await enterPhone(wizard);
    await fired;
    await waitUntil(() => !wizard.shadowRoot!.querySelector('[pending]'), 'the step stayed busy');
    expect(messages(wizard)).not.to.match(/session/i);
    expect(phoneField(wizard)).to.match(/612345678$/);
    getByRole(wizard, 'button', { name: 'Next' }).click();
    await step(wizard, 'code');
  });

  it('throws when retryAfter is called after the event, and then changes nothing', async () => {
    const adapter = memory();
    adapter.injectFault('sendCode', 'unauthenticated');
    const wizard = await mount(adapter);
    const fired = nextEvent(wizard, 'security-info-reauthenticate');
    await enterPhone(wizard);
    const { detail } = await fired;
    expect(() => detail.retryAfter(Promise.resolve())).to.throw(DOMException, /once/);
    await expectMessage(wizard, SESSION_ENDED);
    expect(adapter.calls.sendCode).to.equal(1);
  });
});

describe('security-info-wizard: signing in again with retryAfter', () => {
  it('waits with a status and the step on hold, keeping what was entered', async () => {
    const adapter = memory();
    adapter.injectFault('sendCode', 'unauthenticated');
    const wizard = await mount(adapter);
    signInWith(wizard, signIn().promise);
    await enterPhone(wizard);
    await expectMessage(wizard, WAITING);
    expect(messages(wizard)).not.to.match(SESSION_ENDED);
    expect(getByRole<HTMLButtonElement>(wizard, 'button', { name: 'Next' }).disabled).to.equal(true);
    expect(phoneField(wizard)).to.match(/612345678$/);
    expect(getByRole(wizard, 'button', { name: 'Cancel' })).to.exist;
    await expectAccessible(wizard);
  });

  it('keeps focus in the step while it waits', async () => {
    const adapter = memory();
    adapter.injectFault('sendCode', 'unauthenticated');
    const wizard = await mount(adapter);
    signInWith(wizard, signIn().promise);
    await enterPhone(wizard);
    await expectMessage(wizard, WAITING);
    await waitUntil(() => deepActiveElement()?.textContent?.includes('Set up your phone'), 'focus left the step');
  });

  it('sends again once, to the same number by the same channel, when the sign-in succeeds; the flow goes on', async () => {
    const memoryAdapter = memory();
    memoryAdapter.injectFault('sendCode', 'unauthenticated');
    const { adapter, sent } = recording(memoryAdapter);
    const wizard = await mount(adapter);
    const session = signIn();
    signInWith(wizard, session.promise);
    const complete = nextEvent(wizard, 'security-info-complete');
    await enterPhone(wizard);
    await expectMessage(wizard, WAITING);
    expect(sent).to.have.length(1);
    session.succeed();
    await step(wizard, 'code');
    expect(sent).to.deep.equal([
      { phoneNumber: '+31612345678', channel: 'sms', locale: 'en' },
      { phoneNumber: '+31612345678', channel: 'sms', locale: 'en' },
    ]);
    await enterCode(wizard, await codeOf(memoryAdapter));
    expect((await complete).detail).to.include({ method: 'phone', phoneNumber: '+31612345678' });
  });

  it('verifies the same code again when the sign-in succeeds', async () => {
    const memoryAdapter = memory();
    const { adapter, verified } = recording(memoryAdapter);
    const wizard = await mount(adapter);
    signInWith(wizard, Promise.resolve());
    await enterPhone(wizard);
    memoryAdapter.injectFault('verifyCode', 'unauthenticated');
    const code = await codeOf(memoryAdapter);
    await enterCode(wizard, code);
    await step(wizard, 'done');
    expect(verified).to.have.length(2);
    expect(verified[1]).to.deep.equal(verified[0]);
    expect((verified[0] as { code: string }).code).to.equal(code);
  });

  it('resends by the channel asked for when the sign-in succeeds', async () => {
    const memoryAdapter = memory({ resendInSeconds: 0 });
    const { adapter, resent } = recording(memoryAdapter);
    const wizard = await mount(adapter);
    signInWith(wizard, Promise.resolve());
    await enterPhone(wizard);
    await step(wizard, 'code');
    memoryAdapter.injectFault('resendCode', 'unauthenticated');
    (await waitUntilFound(wizard, 'button', 'Call me instead')).click();
    await waitUntil(() => resent.length === 2, `resent ${resent.length} times`);
    expect((resent[1] as { channel: string }).channel).to.equal('voice');
    expect(resent[1]).to.deep.equal(resent[0]);
    await waitUntil(() => memoryAdapter.lastCode?.channel === 'voice', 'no call was placed');
  });

  it('shows the message with the form intact when the sign-in fails', async () => {
    const adapter = memory();
    adapter.injectFault('sendCode', 'unauthenticated');
    const wizard = await mount(adapter);
    const session = signIn();
    signInWith(wizard, session.promise);
    await enterPhone(wizard);
    await expectMessage(wizard, WAITING);
    session.fail(new Error('The person closed the sign-in window'));
    await expectMessage(wizard, SESSION_ENDED);
    expect(messages(wizard)).not.to.match(WAITING);
    expect(adapter.calls.sendCode).to.equal(1);
    expect(phoneField(wizard)).to.match(/612345678$/);
    expect(getByRole<HTMLButtonElement>(wizard, 'button', { name: 'Next' }).disabled).to.equal(false);
    await expectAccessible(wizard);
  });

  it('sends one code for a double click on Next during the wait', async () => {
    const adapter = memory();
    adapter.injectFault('sendCode', 'unauthenticated');
    const wizard = await mount(adapter);
    const session = signIn();
    signInWith(wizard, session.promise);
    await enterPhone(wizard);
    await expectMessage(wizard, WAITING);
    const next = getByRole(wizard, 'button', { name: 'Next' });
    next.click();
    next.click();
    // The form itself, submitted as Enter in the field would.
    wizard.shadowRoot!.querySelector('security-info-phone')!.shadowRoot!.querySelector('form')!.requestSubmit();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(adapter.calls.sendCode).to.equal(1);
    session.succeed();
    await step(wizard, 'code');
    expect(adapter.calls.sendCode).to.equal(2);
  });

  it('does not ask again when the repeated call is refused too', async () => {
    const adapter = memory();
    adapter.injectFault('sendCode', 'unauthenticated', { persist: true });
    const wizard = await mount(adapter);
    const asked = recordEvents(wizard, 'security-info-reauthenticate');
    signInWith(wizard, Promise.resolve());
    await enterPhone(wizard);
    await waitUntil(() => adapter.calls.sendCode === 2, 'the send was not repeated');
    await expectMessage(wizard, SESSION_ENDED);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked).to.have.length(1);
    expect(adapter.calls.sendCode).to.equal(2);
  });

  it('ends the wait on Cancel', async () => {
    const adapter = memory();
    adapter.injectFault('sendCode', 'unauthenticated');
    const wizard = await mount(adapter);
    const session = signIn();
    signInWith(wizard, session.promise);
    await enterPhone(wizard);
    await expectMessage(wizard, WAITING);
    const cancelled = nextEvent(wizard, 'security-info-cancel');
    getByRole(wizard, 'button', { name: 'Cancel' }).click();
    await cancelled;
    session.succeed();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(adapter.calls.sendCode).to.equal(1);
  });
});

describe('security-info-wizard: the session ends before the policy loads', () => {
  it('says so with Try again, and fires the same event', async () => {
    const adapter = memory();
    adapter.injectFault('getPolicy', 'unauthenticated');
    const fired = nextEvent(document, 'security-info-reauthenticate');
    const wizard = await mount(adapter, { start: 'methods' });
    expect((await fired).detail.reason).to.equal('unauthenticated');
    await expectMessage(wizard, SESSION_ENDED);
    await expectAccessible(wizard);
    getByRole(wizard, 'button', { name: 'Try again' }).click();
    await step(wizard, 'phone');
    expect(adapter.calls.getPolicy).to.equal(2);
  });

  it('waits for the sign-in with a way out, then loads the policy', async () => {
    const adapter = memory();
    adapter.injectFault('getPolicy', 'unauthenticated');
    const session = signIn();
    const listener = (event: CustomEvent<SecurityInfoReauthenticateDetail>) => event.detail.retryAfter(session.promise);
    document.body.addEventListener('security-info-reauthenticate', listener);
    try {
      const wizard = await mount(adapter, { start: 'methods' });
      await expectMessage(wizard, WAITING);
      expect(getByRole(wizard, 'button', { name: 'Cancel' })).to.exist;
      await expectAccessible(wizard);
      session.succeed();
      await step(wizard, 'phone');
      expect(adapter.calls.getPolicy).to.equal(2);
    } finally {
      document.body.removeEventListener('security-info-reauthenticate', listener);
    }
  });

  it('keeps Try again when the host takes care of signing in', async () => {
    const adapter = memory();
    adapter.injectFault('getPolicy', 'unauthenticated');
    const listener = (event: Event) => event.preventDefault();
    document.body.addEventListener('security-info-reauthenticate', listener);
    try {
      const wizard = await mount(adapter, { start: 'methods' });
      await waitUntilFound(wizard, 'button', 'Try again');
      expect(messages(wizard)).not.to.match(/session/i);
      await expectAccessible(wizard);
    } finally {
      document.body.removeEventListener('security-info-reauthenticate', listener);
    }
  });
});

describe('security-info-wizard: the session-ended message in other languages', () => {
  afterEach(() => setLocale('en'));

  it('says it in Arabic, right to left, accessibly', async () => {
    await setLocale('ar');
    const adapter = memory();
    adapter.injectFault('sendCode', 'unauthenticated');
    const wizard = await fixtureRtl<SecurityInfoWizard>(
      html`<security-info-wizard default-country="NL" start="phone" .adapter=${adapter}></security-info-wizard>`,
    );
    await step(wizard, 'phone');
    // The number field is the step's only textbox (the region picker is a combobox).
    await waitUntil(() => queryByRole(wizard, 'textbox'), 'no number field');
    await typeInto(getByRole(wizard, 'textbox'), '612345678');
    await press('Enter');
    const alert = wizard.shadowRoot!.querySelector('security-info-phone')!.shadowRoot!.querySelector('[role="alert"]')!;
    await waitUntil(() => alert.textContent!.trim() !== '', 'no message');
    expect(adapter.calls.sendCode).to.equal(1);
    expect(alert.textContent).to.contain('انتهت جلستك');
    expect(getComputedStyle(alert).direction).to.equal('rtl');
    await expectAccessible(wizard);
  });

  it('says it in German', async () => {
    await setLocale('de');
    const adapter = memory();
    adapter.injectFault('getPolicy', 'unauthenticated');
    const page = await fixture<HTMLDivElement>(html`<div lang="de"></div>`);
    const wizard = await mount(adapter, { start: 'methods', parentNode: page });
    await expectMessage(wizard, /Ihre Sitzung ist abgelaufen\. Melden Sie sich erneut an, um fortzufahren\./);
    expect(getByRole(wizard, 'button', { name: 'Erneut versuchen' })).to.exist;
  });
});
