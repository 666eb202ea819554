// The wizard's passkey step in Chromium with a virtual authenticator (the DevTools protocol's WebAuthn domain, see
// scripts/test/web-test-runner/virtual-authenticator.mjs): a passkey made for real and registered with the memory
// adapter, and each way it can fail.
import {
  createMemoryAdapter,
  SecurityInfoError,
  type MemoryAdapter,
  type SecurityInfoPolicy,
} from '@security-info/core';
import { executeServerCommand } from '@web/test-runner-commands';
import '../security-info-wizard/security-info-wizard.js';
import type { SecurityInfoWizard } from '../security-info-wizard/security-info-wizard.js';
import {
  deepActiveElement,
  expect,
  expectAccessible,
  fixture,
  fixtureRtl,
  getByRole,
  html,
  nextEvent,
  press,
  queryByRole,
  setViewport,
  waitUntil,
} from '../../test/helpers.js';
import { expectMessage, step, waitUntilFound } from '../../test/wizard.js';
import { setLocale } from '../shared/localization.js';

const policy: SecurityInfoPolicy = {
  methods: [
    { id: 'phone', purposes: ['mfa', 'password-reset'] },
    { id: 'passkey', purposes: ['mfa', 'password-reset'] },
  ],
};

interface Authenticator {
  isUserVerified?: boolean;
  automaticPresenceSimulation?: boolean;
}

const addAuthenticator = (options: Authenticator = {}) =>
  executeServerCommand('virtual-authenticator', { action: 'add', options });
const credentials = () =>
  executeServerCommand('virtual-authenticator', { action: 'credentials' }) as Promise<unknown[]>;

async function mount(
  adapter: MemoryAdapter,
  { start = 'passkey', timeout = 30_000, parentNode }: { start?: string; timeout?: number; parentNode?: Element } = {},
) {
  const wizard = await fixture<SecurityInfoWizard>(
    html`<security-info-wizard start=${start} .timeout=${timeout} .adapter=${adapter}></security-info-wizard>`,
    parentNode ? { parentNode } : {},
  );
  if (start === 'passkey') await createButton(wizard);
  return wizard;
}

/** Presses Passkey at the method step. */
async function choosePasskey(wizard: SecurityInfoWizard) {
  await step(wizard, 'methods');
  (await waitUntilFound(wizard, 'button', /^Passkey/)).click();
}

const memory = () => createMemoryAdapter({ policy });
/** A memory backend where the person has 20 passkeys, the most the reference server (and this backend) keeps. */
const full = () =>
  createMemoryAdapter({
    policy,
    registrations: { methods: Array.from({ length: 20 }, (_, i) => ({ id: `pk-${i}`, kind: 'passkey' as const })) },
  });
const MOST = /You already have the most passkeys allowed\. Delete one you no longer use, then add another\./;
/** The Create passkey button, once the step's module has loaded (the first time, with the dev server's transforms). */
async function createButton(wizard: SecurityInfoWizard): Promise<HTMLButtonElement> {
  const find = () => queryByRole<HTMLButtonElement>(wizard, 'button', { name: 'Create passkey' });
  await waitUntil(find, 'no button named Create passkey', { timeout: 10_000 });
  return find()!;
}
const nameField = (wizard: SecurityInfoWizard) =>
  waitUntilFound(wizard, 'textbox', 'Passkey name') as Promise<HTMLInputElement>;

describe('the passkey step of the wizard', () => {
  afterEach(async () => {
    await executeServerCommand('virtual-authenticator', { action: 'remove' });
  });

  it('creates a passkey with the browser, names it, and registers it with the backend', async () => {
    await addAuthenticator();
    const adapter = memory();
    const wizard = await fixture<SecurityInfoWizard>(
      html`<security-info-wizard start="methods" .adapter=${adapter}></security-info-wizard>`,
    );
    await choosePasskey(wizard);
    await step(wizard, 'passkey');
    await expectAccessible(wizard);
    (await createButton(wizard)).click();
    const field = await nameField(wizard);
    expect(field.value, 'suggested from the device').to.match(/^Chrome on Linux$|^Chrome on /);
    expect(await credentials()).to.have.length(1);
    await expectAccessible(wizard);
    field.value = 'Work laptop';
    const complete = nextEvent(wizard, 'security-info-complete');
    getByRole(wizard, 'button', { name: 'Save' }).click();
    const { detail } = await complete;
    expect(detail).to.include({ method: 'passkey', name: 'Work laptop' });
    await step(wizard, 'done');
    await waitUntilFound(wizard, 'heading', 'Your passkey was added');
    await expectAccessible(wizard);
    const { methods } = await adapter.listMethods({ signal: new AbortController().signal });
    expect(methods.map((method) => [method.kind, method.passkey?.name])).to.deep.equal([['passkey', 'Work laptop']]);
  });

  it('keeps the suggested name when the person saves it as it is, with no rename', async () => {
    await addAuthenticator();
    const adapter = memory();
    const wizard = await mount(adapter);
    (await createButton(wizard)).click();
    const suggested = (await nameField(wizard)).value;
    getByRole(wizard, 'button', { name: 'Save' }).click();
    await step(wizard, 'done');
    expect(adapter.calls.renameMethod).to.equal(0);
    const { methods } = await adapter.listMethods({ signal: new AbortController().signal });
    expect(methods[0]?.passkey?.name).to.equal(suggested);
  });

  it('is done with the keyboard alone', async () => {
    await addAuthenticator();
    const wizard = await mount(memory());
    (await createButton(wizard)).focus();
    await press('Enter');
    const field = await nameField(wizard);
    await waitUntil(() => deepActiveElement()?.textContent?.includes('Name your passkey'), 'focus on the heading');
    await press('Tab');
    expect(deepActiveElement()).to.equal(field);
    await press('End');
    await press('Enter');
    await step(wizard, 'done');
  });

  it('says the person cancelled (the device did not confirm), and Create tries again', async () => {
    await addAuthenticator({ isUserVerified: false });
    const adapter = memory();
    const wizard = await mount(adapter);
    (await createButton(wizard)).click();
    await expectMessage(wizard, /cancelled or not confirmed/);
    await expectAccessible(wizard);
    expect(adapter.calls.finishPasskey).to.equal(0);
    await executeServerCommand('virtual-authenticator', { action: 'remove' });
    await addAuthenticator();
    (await createButton(wizard)).click();
    await nameField(wizard);
    // The dialog opened again in the press itself, with the options asked for the first time: no call before it.
    expect(adapter.calls.startPasskey).to.equal(1);
    expect(adapter.calls.finishPasskey).to.equal(1);
  });

  it('says this device has a passkey for the account already', async () => {
    await addAuthenticator();
    const adapter = memory();
    const first = await mount(adapter);
    (await createButton(first)).click();
    await nameField(first);
    const second = await mount(adapter);
    (await createButton(second)).click();
    await expectMessage(second, /already has a passkey for your account/);
    await expectAccessible(second);
  });

  it('says up front when the browser has no WebAuthn, with no Create button', async () => {
    const saved = Object.getOwnPropertyDescriptor(window, 'PublicKeyCredential')!;
    Object.defineProperty(window, 'PublicKeyCredential', { value: undefined, configurable: true, writable: true });
    try {
      const wizard = await fixture<SecurityInfoWizard>(
        html`<security-info-wizard start="passkey" .adapter=${memory()}></security-info-wizard>`,
      );
      await expectMessage(wizard, /This browser can't create passkeys/);
      expect(() => getByRole(wizard, 'button', { name: 'Create passkey' })).to.throw();
      await expectAccessible(wizard);
    } finally {
      Object.defineProperty(window, 'PublicKeyCredential', saved);
    }
  });

  it("says the backend did not accept the browser's answer", async () => {
    await addAuthenticator();
    const adapter = memory();
    adapter.injectFault('finishPasskey', 'invalid-code');
    const wizard = await mount(adapter);
    (await createButton(wizard)).click();
    await expectMessage(wizard, /couldn't verify your passkey/);
    await expectAccessible(wizard);
  });

  it('says the person has the most passkeys before the dialog opens, and that one must go; Cancel leads out', async () => {
    // Started alone, as the Security info page's Add of a passkey may be: no Back, so Cancel is the way out.
    await addAuthenticator();
    const adapter = full();
    const wizard = await mount(adapter);
    (await createButton(wizard)).focus();
    await press('Enter');
    await expectMessage(wizard, MOST);
    expect(await credentials(), 'no dialog: the authenticator keeps no passkey the backend would refuse').to.deep.equal(
      [],
    );
    expect(adapter.calls.finishPasskey).to.equal(0);
    expect(queryByRole(wizard, 'button', { name: 'Back' })).to.equal(null);
    expect(queryByRole(wizard, 'button', { name: 'Create passkey' }) === null, 'no Create: it would be refused again')
      .to.be.true;
    expect(deepActiveElement()?.textContent?.trim(), 'focus stays in the step').to.equal('Create a passkey');
    await expectAccessible(wizard);
    const cancelled = nextEvent(wizard, 'security-info-cancel');
    getByRole(wizard, 'button', { name: 'Cancel' }).click();
    await cancelled;
  });

  it('says so too when the last place was taken while the dialog was open, and Back leads to the other methods', async () => {
    await addAuthenticator();
    const adapter = memory();
    adapter.injectFault('finishPasskey', { code: 'unknown', reason: 'method-limit' });
    const wizard = await mount(adapter, { start: 'methods' });
    await choosePasskey(wizard);
    (await createButton(wizard)).focus();
    await press('Enter');
    await expectMessage(wizard, MOST);
    expect(adapter.calls.finishPasskey).to.equal(1);
    expect(queryByRole(wizard, 'button', { name: 'Create passkey' }) === null, 'no Create: it would be refused again')
      .to.be.true;
    expect(deepActiveElement()?.textContent?.trim(), 'focus stays in the step').to.equal('Create a passkey');
    await expectAccessible(wizard);
    getByRole(wizard, 'button', { name: 'Back' }).click();
    await step(wizard, 'methods');
  });

  it('waits for a sign-in the backend asks for, then has the same answer checked once more', async () => {
    await addAuthenticator();
    const adapter = memory();
    adapter.injectFault('finishPasskey', 'reauthentication-required');
    const wizard = await mount(adapter);
    wizard.addEventListener('security-info-reauthenticate', (event) => event.detail.retryAfter(Promise.resolve()));
    (await createButton(wizard)).click();
    await nameField(wizard);
    expect(adapter.calls.startPasskey, 'one dialog: the answer was kept for after the sign-in').to.equal(1);
    expect(adapter.calls.finishPasskey).to.equal(2);
  });

  it('registers one passkey when the answer to its registration is lost: Create sends the same answer again', async () => {
    await addAuthenticator();
    const adapter = memory();
    // The backend registers the passkey, and its answer never arrives (the connection dropped on the way back).
    const finish = adapter.finishPasskey.bind(adapter);
    let finishes = 0;
    adapter.finishPasskey = async (request, options) => {
      const method = await finish(request, options);
      if (++finishes === 1) throw new SecurityInfoError('network', 'The connection dropped.');
      return method;
    };
    const wizard = await mount(adapter);
    (await createButton(wizard)).click();
    await expectMessage(wizard, /offline/);
    await expectAccessible(wizard);
    (await createButton(wizard)).click();
    await nameField(wizard);
    expect(adapter.calls.startPasskey, 'no second dialog: the same answer went again').to.equal(1);
    expect(finishes).to.equal(2);
    expect(await credentials(), 'one passkey on the device').to.have.length(1);
    const { methods } = await adapter.listMethods({ signal: new AbortController().signal });
    expect(
      methods.map((method) => method.kind),
      'and one registered',
    ).to.deep.equal(['passkey']);
    await expectAccessible(wizard);
  });

  it('says the device is offline, as the other steps do', async () => {
    await addAuthenticator();
    const adapter = memory();
    adapter.injectFault('startPasskey', 'network');
    const wizard = await mount(adapter);
    (await createButton(wizard)).click();
    await expectMessage(wizard, /offline/);
    await expectAccessible(wizard);
  });

  it('says a passkey refused for now is one change too many in a short time, not a matter of codes', async () => {
    await addAuthenticator();
    const adapter = memory();
    adapter.injectFault('startPasskey', { code: 'rate-limited', retryAfterSeconds: 120 });
    const wizard = await mount(adapter);
    (await createButton(wizard)).click();
    await expectMessage(wizard, /Too many changes in a short time\. Try again in 2 minutes\./);
    await expectAccessible(wizard);
  });

  it('times out a backend that does not answer, and says so', async () => {
    await addAuthenticator();
    const adapter = memory();
    adapter.injectFault('startPasskey', 'hang');
    const wizard = await mount(adapter, { timeout: 200 });
    (await createButton(wizard)).click();
    await expectMessage(wizard, /taking too long/);
    await expectAccessible(wizard);
  });

  it('makes one passkey per press: the button is busy while the dialog is open', async () => {
    await addAuthenticator({ automaticPresenceSimulation: false });
    const adapter = memory();
    const wizard = await mount(adapter);
    const button = await createButton(wizard);
    button.click();
    await waitUntil(() => button.getAttribute('aria-disabled') === 'true', 'the button is busy');
    button.click();
    button.click();
    await expectMessage(wizard, /Follow the steps your browser shows/);
    expect(adapter.calls.startPasskey).to.equal(1);
    await expectAccessible(wizard);
  });

  it('closes the dialog on Back, and Create opens a new one', async () => {
    await addAuthenticator({ automaticPresenceSimulation: false });
    const adapter = memory();
    const wizard = await mount(adapter, { start: 'methods' });
    await choosePasskey(wizard);
    (await createButton(wizard)).click();
    await expectMessage(wizard, /Follow the steps/);
    getByRole(wizard, 'button', { name: 'Back' }).click();
    await step(wizard, 'methods');
    await executeServerCommand('virtual-authenticator', { action: 'remove' });
    await addAuthenticator();
    await choosePasskey(wizard);
    (await createButton(wizard)).click();
    await nameField(wizard);
  });

  it('reads right to left and fits 320 px in every state', async () => {
    await addAuthenticator();
    await setViewport({ width: 320, height: 640 });
    try {
      const wizard = await fixtureRtl<SecurityInfoWizard>(
        html`<security-info-wizard start="passkey" .adapter=${memory()}></security-info-wizard>`,
      );
      await createButton(wizard);
      expect(wizard.scrollWidth).to.be.at.most(320);
      await expectAccessible(wizard);
      (await createButton(wizard)).click();
      await nameField(wizard);
      expect(wizard.scrollWidth).to.be.at.most(320);
      await expectAccessible(wizard);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

describe('the passkey step of the wizard in another language', () => {
  afterEach(async () => {
    await setLocale('en');
    await executeServerCommand('virtual-authenticator', { action: 'remove' });
  });

  it('says in German that the person has the most passkeys, with Cancel', async () => {
    await setLocale('de');
    await addAuthenticator();
    const page = await fixture<HTMLDivElement>(html`<div lang="de"></div>`);
    const wizard = await fixture<SecurityInfoWizard>(
      html`<security-info-wizard start="passkey" .adapter=${full()}></security-info-wizard>`,
      { parentNode: page },
    );
    (await waitUntilFound(wizard, 'button', 'Passkey erstellen', 10_000)).click();
    await expectMessage(
      wizard,
      /Sie haben bereits die maximal zulässige Anzahl an Passkeys\. Löschen Sie einen, den Sie nicht mehr verwenden, und fügen Sie dann einen neuen hinzu\./,
    );
    expect(getByRole(wizard, 'button', { name: 'Abbrechen' })).to.exist;
    await expectAccessible(wizard);
  });
});
