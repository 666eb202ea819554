import { createMemoryAdapter, type SecurityInfoAdapter, type SecurityInfoPolicy } from '@security-info/core';
import './security-info-wizard.js';
import type { SecurityInfoWizard } from './security-info-wizard.js';
import {
  deepActiveElement,
  expect,
  expectAccessible,
  fixture,
  getByRole,
  html,
  nextEvent,
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
  phoneOnly,
  step,
  waitUntilFound,
  toCallStep,
} from '../../test/wizard.js';

const unhandled: unknown[] = [];
const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
before(() => window.addEventListener('unhandledrejection', onUnhandled));
after(() => window.removeEventListener('unhandledrejection', onUnhandled));
beforeEach(() => sessionStorage.clear());
afterEach(() => {
  expect(unhandled, 'unhandled rejections').to.deep.equal([]);
});

describe('security-info-wizard: the whole flow', () => {
  it('enrolls a phone by text message with the memory adapter', async () => {
    const adapter = memory();
    const wizard = await mount(adapter);
    const complete = nextEvent(wizard, 'security-info-complete');
    await enterPhone(wizard);
    await enterCode(wizard, await codeOf(adapter));
    const event = await complete;
    expect(event.detail).to.deep.equal({ method: 'phone', phoneNumber: '+31612345678', channel: 'sms' });
    await step(wizard, 'done');
    expect(getByRole(wizard, 'heading', { name: 'Your phone was registered' })).to.exist;
    await expectAccessible(wizard);
  });

  it('starts at the methods and moves to the phone step when phone is chosen', async () => {
    const adapter = createMemoryAdapter();
    const wizard = await mount(adapter, { start: 'methods' });
    await step(wizard, 'methods');
    await expectAccessible(wizard);
    await choosePhoneMethod(wizard);
    await step(wizard, 'phone');
    expect(await waitUntilFound(wizard, 'button', 'Back')).to.exist;
  });

  it('fires security-info-step and moves focus to the new heading at each step', async () => {
    const adapter = memory();
    const wizard = await mount(adapter);
    const steps = recordEvents(wizard, 'security-info-step');
    await enterPhone(wizard);
    await step(wizard, 'code');
    await waitUntil(() => deepActiveElement()?.tagName === 'H2', 'focus did not move to the code heading');
    await enterCode(wizard, await codeOf(adapter));
    await step(wizard, 'done');
    await waitUntil(
      () => deepActiveElement()?.textContent?.includes('registered'),
      'focus did not reach the done heading',
    );
    expect(steps.map((event) => event.detail.step)).to.deep.equal(['phone', 'code', 'done']);
  });

  it('loads the policy once, with a loading state', async () => {
    const adapter = createMemoryAdapter({ policy: phoneOnly, latency: 150 });
    const wizard = await mount(adapter, { start: 'methods' });
    expect(messages(wizard)).to.match(/Loading/);
    await expectAccessible(wizard);
    await step(wizard, 'phone');
    expect(adapter.calls.getPolicy).to.equal(1);
  });

  it('does not call getPolicy when the host gives the policy', async () => {
    const adapter = memory();
    const wizard = await mount(adapter, { policy: phoneOnly, start: 'methods' });
    await step(wizard, 'phone');
    expect(adapter.calls.getPolicy).to.equal(0);
  });

  it('goes back from the code to the phone step with the number kept', async () => {
    const adapter = memory();
    const wizard = await mount(adapter);
    await enterPhone(wizard);
    await step(wizard, 'code');
    getByRole(wizard, 'button', { name: 'Back' }).click();
    await step(wizard, 'phone');
    const input = await waitUntilFound(wizard, 'textbox', 'Phone number');
    expect((input as HTMLInputElement).value.replace(/\D/g, '')).to.match(/612345678$/);
  });

  it('cancels from every step with security-info-cancel', async () => {
    for (const at of ['phone', 'code'] as const) {
      const adapter = memory();
      const wizard = await mount(adapter);
      if (at === 'code') await enterPhone(wizard);
      await step(wizard, at);
      const cancelled = nextEvent(wizard, 'security-info-cancel');
      getByRole(wizard, 'button', { name: 'Cancel' }).click();
      await cancelled;
      expect(wizard.step).to.equal('cancelled');
    }
  });

  it('waits for a voice call to be answered, then finishes', async () => {
    const adapter = memory({ voiceConfirmation: 'keypress' });
    const wizard = await mount(adapter);
    await toCallStep(wizard);
    expect(getByRole(wizard, 'heading', { name: /We're calling \+31 6 •+ 5678/ })).to.exist;
    await expectAccessible(wizard);
    const complete = nextEvent(wizard, 'security-info-complete');
    adapter.confirmCall(adapter.lastCode!.challengeId);
    expect((await complete).detail).to.include({ method: 'phone', channel: 'voice' });
  });
});

describe('security-info-wizard: one intent, one call', () => {
  it('sends one code for a double click on Next', async () => {
    const adapter = memory({ latency: 100 });
    const wizard = await mount(adapter);
    await step(wizard, 'phone');
    await typeInto(await waitUntilFound(wizard, 'textbox', 'Phone number'), '612345678');
    const next = getByRole(wizard, 'button', { name: 'Next' });
    next.click();
    next.click();
    await step(wizard, 'code');
    expect(adapter.calls.sendCode).to.equal(1);
  });

  it('verifies once for a double click on Verify', async () => {
    const adapter = memory({ latency: 100 });
    const wizard = await mount(adapter);
    await enterPhone(wizard);
    await step(wizard, 'code');
    await typeInto(await waitUntilFound(wizard, 'textbox', /code/i), await codeOf(adapter));
    const verify = getByRole(wizard, 'button', { name: 'Verify' });
    verify.click();
    verify.click();
    await step(wizard, 'done');
    expect(adapter.calls.verifyCode).to.equal(1);
  });
});

describe('security-info-wizard: every fault leaves a way forward', () => {
  const sendFaults: [string, RegExp][] = [
    ['rate-limited', /Too many codes were requested/],
    ['number-rejected', /can't be used/],
    ['channel-unavailable', /can't reach this number/],
    ['network', /offline/],
    ['unknown', /Something went wrong/],
    ['error', /Something went wrong/],
    ['malformed', /Something went wrong/],
  ];
  for (const [fault, message] of sendFaults) {
    it(`shows "${message.source}" for ${fault} when sending, and the retry works`, async () => {
      const adapter = memory();
      adapter.injectFault('sendCode', fault as 'network');
      const wizard = await mount(adapter);
      await enterPhone(wizard);
      await expectMessage(wizard, message);
      expect(wizard.step).to.equal('phone');
      await expectAccessible(wizard);
      getByRole(wizard, 'button', { name: 'Next' }).click();
      await step(wizard, 'code');
    });
  }

  it('counts down the wait of rate-limited', async () => {
    const adapter = memory();
    adapter.injectFault('sendCode', { code: 'rate-limited', retryAfterSeconds: 90 });
    const wizard = await mount(adapter);
    await enterPhone(wizard);
    await expectMessage(wizard, /ask again in 1:(30|29)/);
  });

  it('times out a hung call with the timeout message', async () => {
    const adapter = memory();
    adapter.injectFault('sendCode', 'hang');
    const wizard = await mount(adapter);
    wizard.timeout = 300;
    await enterPhone(wizard);
    await expectMessage(wizard, /taking too long/);
    getByRole(wizard, 'button', { name: 'Next' }).click();
    await step(wizard, 'code');
  });

  it('tells the person about a wrong code with the attempts left', async () => {
    const adapter = memory();
    const wizard = await mount(adapter);
    await enterPhone(wizard);
    await enterCode(wizard, '000000' === (await codeOf(adapter)) ? '111111' : '000000');
    await expectMessage(wizard, /isn't right|not right|incorrect|wrong/i);
    await expectMessage(wizard, /4/);
    await expectAccessible(wizard);
  });

  it('offers a new code when the code expired, and verifies the new one', async () => {
    const adapter = memory({ resendInSeconds: 0 });
    adapter.injectFault('verifyCode', 'code-expired');
    const wizard = await mount(adapter);
    await enterPhone(wizard);
    await enterCode(wizard, await codeOf(adapter));
    await expectMessage(wizard, /expired/i);
    const resend = await waitUntilFound(wizard, 'button', /Resend/);
    await waitUntil(() => !(resend as HTMLButtonElement).disabled && resend.getAttribute('aria-disabled') !== 'true');
    resend.click();
    await waitUntil(() => adapter.calls.resendCode === 1, 'no resend');
    await waitUntil(() => !wizard.shadowRoot!.querySelector('code-verify')?.hasAttribute('pending'));
    const input = await waitUntilFound(wizard, 'textbox', /code/i);
    (input as HTMLInputElement).select();
    await typeInto(input, adapter.lastCode!.code);
    getByRole(wizard, 'button', { name: 'Verify' }).click();
    await step(wizard, 'done');
  });

  it('stops verifying after too many attempts', async () => {
    const adapter = memory();
    adapter.injectFault('verifyCode', { code: 'too-many-attempts', retryAfterSeconds: 300 });
    const wizard = await mount(adapter);
    await enterPhone(wizard);
    await enterCode(wizard, await codeOf(adapter));
    await expectMessage(wizard, /Too many|too many/);
    await expectAccessible(wizard);
    const verify = queryByRole<HTMLButtonElement>(wizard, 'button', { name: 'Verify' });
    verify?.click();
    await wizard.updateComplete;
    expect(adapter.calls.verifyCode).to.equal(1);
  });

  it('offers a retry when the policy cannot be loaded', async () => {
    const adapter = createMemoryAdapter({ policy: phoneOnly });
    adapter.injectFault('getPolicy', 'network');
    const wizard = await mount(adapter, { start: 'methods' });
    await expectMessage(wizard, /offline/);
    await expectAccessible(wizard);
    getByRole(wizard, 'button', { name: 'Try again' }).click();
    await step(wizard, 'phone');
    expect(adapter.calls.getPolicy).to.equal(2);
  });

  it('says a slow or refused policy request is worth trying again, and nothing about codes', async () => {
    const adapter = createMemoryAdapter({ policy: phoneOnly });
    adapter.injectFault('getPolicy', 'timeout');
    let wizard = await mount(adapter, { start: 'methods' });
    await expectMessage(wizard, /taking too long/);
    const refused = createMemoryAdapter({ policy: phoneOnly });
    refused.injectFault('getPolicy', 'rate-limited');
    wizard = await mount(refused, { start: 'methods' });
    await expectMessage(wizard, /Something went wrong on our side\. Try again, or come back later\./);
    expect(messages(wizard)).not.to.match(/codes/);
    getByRole(wizard, 'button', { name: 'Try again' }).click();
    await step(wizard, 'phone');
  });

  it('treats a policy of the wrong shape as unknown', async () => {
    const adapter = { ...memory(), getPolicy: async () => ({ nonsense: true }) as unknown as SecurityInfoPolicy };
    const wizard = await mount(adapter, { start: 'methods' });
    await expectMessage(wizard, /Something went wrong/);
    expect(getByRole(wizard, 'button', { name: 'Try again' })).to.exist;
  });
});

describe('security-info-wizard: aborts', () => {
  function recordingAdapter() {
    const signals: AbortSignal[] = [];
    let sends = 0;
    const adapter: SecurityInfoAdapter = {
      sendCode: (_request, { signal }) => {
        sends++;
        signals.push(signal);
        return new Promise(() => undefined); // never settles, ignoring the signal
      },
      verifyCode: async () => undefined,
    };
    return { adapter, signals, sends: () => sends };
  }

  it('aborts the call in flight when the element leaves the page, and calls nothing after', async () => {
    const { adapter, signals, sends } = recordingAdapter();
    const wizard = await mount(adapter);
    await enterPhone(wizard);
    await waitUntil(() => signals.length === 1);
    const steps = recordEvents(wizard, 'security-info-step');
    wizard.remove();
    expect(signals[0]!.aborted).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sends()).to.equal(1);
    expect(steps).to.have.length(0);
  });

  it('aborts the call in flight on cancel', async () => {
    const { adapter, signals } = recordingAdapter();
    const wizard = await mount(adapter);
    await enterPhone(wizard);
    await waitUntil(() => signals.length === 1);
    getByRole(wizard, 'button', { name: 'Cancel' }).click();
    expect(signals[0]!.aborted).to.equal(true);
  });

  it('ignores an answer that arrives after the person went back', async () => {
    let resolveSend: (value: { challengeId: string }) => void = () => undefined;
    const adapter: SecurityInfoAdapter = {
      sendCode: () => new Promise((resolve) => (resolveSend = resolve)),
      resendCode: () => new Promise((resolve) => (resolveSend = resolve)),
      verifyCode: async () => undefined,
    };
    const wizard = await mount(adapter);
    await enterPhone(wizard);
    resolveSend({ challengeId: 'first' });
    await step(wizard, 'code');
    getByRole(wizard, 'button', { name: 'Back' }).click();
    await step(wizard, 'phone');
    resolveSend({ challengeId: 'late' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(wizard.step).to.equal('phone');
  });
});

describe('security-info-wizard: a hand-written adapter that follows only the contract', () => {
  it('completes with plain objects and reads thrown { code } objects', async () => {
    let attempts = 0;
    const adapter: SecurityInfoAdapter = {
      async sendCode({ phoneNumber, channel }) {
        expect(phoneNumber).to.equal('+31612345678');
        expect(channel).to.equal('sms');
        return { challengeId: 'abc', codeLength: 6 };
      },
      async verifyCode({ challengeId, code }) {
        expect(challengeId).to.equal('abc');
        attempts++;
        if (code !== '246810') throw { code: 'invalid-code', attemptsRemaining: 2 };
      },
    };
    const wizard = await mount(adapter, { start: 'methods' });
    await enterPhone(wizard);
    await enterCode(wizard, '135791');
    await expectMessage(wizard, /isn't right|not right|incorrect|wrong/i);
    const input = await waitUntilFound(wizard, 'textbox', /code/i);
    (input as HTMLInputElement).select();
    await typeInto(input, '246810');
    getByRole(wizard, 'button', { name: 'Verify' }).click();
    await step(wizard, 'done');
    expect(attempts).to.equal(2);
  });
});

async function choosePhoneMethod(wizard: SecurityInfoWizard): Promise<void> {
  const option = queryByRole(wizard, 'radio', { name: /Phone/ }) ?? queryByRole(wizard, 'button', { name: /Phone/ });
  if (!option) throw new Error('The method picker offers no phone option');
  option.click();
  const next = queryByRole(wizard, 'button', { name: 'Next' });
  next?.click();
}

describe('security-info-wizard: focus on load', () => {
  it('does not take focus when the first step appears after the policy loads', async () => {
    const outside = await fixture<HTMLButtonElement>(html`<button>Elsewhere on the page</button>`);
    outside.focus();
    const adapter = createMemoryAdapter({ policy: phoneOnly, latency: 50 });
    const wizard = await mount(adapter, { start: 'methods' });
    await step(wizard, 'phone');
    await wizard.updateComplete;
    expect(document.activeElement).to.equal(outside);
  });
});
