// The phone's steps as a screen reader hears them: a wait the backend asked for is said once and then counts down
// outside every live region, and the number field is called invalid only when the number is what is wrong.
import type { MemoryAdapterFault } from '@security-info/core';
import './security-info-wizard.js';
import type { SecurityInfoWizard } from './security-info-wizard.js';
import { expect, expectAccessible, getByRole, waitUntil } from '../../test/helpers.js';
import { enterPhone, expectMessage, memory, mount, step, waitUntilFound, toCallStep } from '../../test/wizard.js';

const RATE_LIMITED = { code: 'rate-limited', retryAfterSeconds: 90 } as const;

/** Every element of the wizard, through the shadow roots of its steps. */
function* everything(root: ParentNode): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* everything(element.shadowRoot);
  }
}

/** The text of every live region in the wizard, where a change is spoken. */
function liveText(wizard: SecurityInfoWizard): string {
  const live = (element: Element) =>
    element.hasAttribute('aria-live') || ['alert', 'status', 'log'].includes(element.getAttribute('role') ?? '');
  return [...everything(wizard.shadowRoot!)]
    .filter(live)
    .map((element) => element.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** The text a person sees in the wizard. */
const shownText = (wizard: SecurityInfoWizard) =>
  [...everything(wizard.shadowRoot!)]
    .filter((element) => element.children.length === 0 || element.tagName === 'P')
    .map((element) => element.textContent ?? '')
    .join(' ');

/** The wait is said as it appears; a second later it has counted down, and no live region has the new time. */
async function expectSaidOnceThenCounted(wizard: SecurityInfoWizard): Promise<void> {
  await expectMessage(wizard, /Too many codes were requested\. You can ask again in 1:30\./);
  await waitUntil(() => shownText(wizard).includes('ask again in 1:29'), 'the wait did not count down', {
    timeout: 3000,
  });
  expect(liveText(wizard)).not.to.contain('1:29');
  expect(liveText(wizard)).not.to.contain('Too many codes');
  await expectAccessible(wizard);
}

const numberInvalid = async (wizard: SecurityInfoWizard) =>
  (await waitUntilFound(wizard, 'textbox', 'Phone number')).getAttribute('aria-invalid');

describe('security-info-wizard: a wait is said once', () => {
  it('on the phone step, and the number is not called invalid for it', async () => {
    const adapter = memory();
    adapter.injectFault('sendCode', RATE_LIMITED);
    const wizard = await mount(adapter);
    await enterPhone(wizard);
    await expectSaidOnceThenCounted(wizard);
    expect(await numberInvalid(wizard)).to.equal('false');
  });

  it('on the code step, when a new code is refused', async () => {
    const adapter = memory({ resendInSeconds: 0 });
    const wizard = await mount(adapter);
    await enterPhone(wizard);
    await step(wizard, 'code');
    adapter.injectFault('resendCode', RATE_LIMITED);
    (await waitUntilFound(wizard, 'button', 'Resend code')).click();
    await expectSaidOnceThenCounted(wizard);
  });

  it('on the call step, when Call again is refused', async () => {
    const adapter = memory({ voiceConfirmation: 'keypress' });
    const wizard = await mount(adapter);
    await toCallStep(wizard);
    adapter.injectFault('resendCode', RATE_LIMITED);
    getByRole(wizard, 'button', { name: 'Call again' }).click();
    await expectSaidOnceThenCounted(wizard);
  });
});

describe('security-info-wizard: the number is called invalid only when it is what is wrong', () => {
  const LANDLINE = { code: 'channel-unavailable', reason: 'landline' } as const;
  const cases: [string, MemoryAdapterFault, RegExp, string][] = [
    ['offline', 'network', /offline/, 'false'],
    ['a failure on the server', 'unknown', /Something went wrong/, 'false'],
    ['a slow server', 'timeout', /taking too long/, 'false'],
    ['a channel down for now', 'channel-unavailable', /can't reach this number that way/, 'false'],
    ['a landline, with a call offered instead', LANDLINE, /We can call you instead/, 'false'],
    ['a number refused', 'number-rejected', /can't be used for sign-in/, 'true'],
  ];
  for (const [name, fault, message, invalid] of cases) {
    it(`${invalid === 'true' ? 'is' : 'is not'} for ${name}`, async () => {
      const adapter = memory();
      adapter.injectFault('sendCode', fault);
      const wizard = await mount(adapter);
      await enterPhone(wizard);
      await expectMessage(wizard, message);
      expect(await numberInvalid(wizard)).to.equal(invalid);
      await expectAccessible(wizard);
    });
  }
});
