// The methods beyond phone in Chromium against the reference backend (mounted in the test server, with every method
// in its policy), end to end over HTTP: an email address with the code the server sent, security questions, and an
// authenticator app with the code this test computes from the key the step shows, as the person's app would; a passkey
// made by Chromium's virtual authenticator (scripts/test/web-test-runner/virtual-authenticator.mjs) and checked by the
// server.
import { executeServerCommand } from '@web/test-runner-commands';
import { createFetchAdapter, type RegisteredMethod, type Registrations } from '@security-info/core';
import './security-info-wizard.js';
import type { SecurityInfoWizard } from './security-info-wizard.js';
import { expect, expectAccessible, fixture, getByRole, html, nextEvent, press, typeInto } from '../../test/helpers.js';
import { base32, choose, enterCode, partText, step, totp, waitUntilFound } from '../../test/wizard.js';

const BASE = '/api/security-info';

/** The code the backend sent last, read as the person would read their message. */
async function lastCode(): Promise<string> {
  const { code } = (await (await fetch('/__test__/last-code')).json()) as { code: string | null };
  if (!code) throw new Error('The backend issued no code');
  return code;
}

/** The person's methods as the server lists them (`GET /methods`). */
async function serverMethods(): Promise<RegisteredMethod[]> {
  const response = await fetch(`${BASE}/methods`);
  expect(response.status).to.equal(200);
  return ((await response.json()) as Registrations).methods;
}

async function mount(): Promise<SecurityInfoWizard> {
  sessionStorage.clear();
  // No policy given: the wizard asks the server for it, and the server offers every method.
  return fixture<SecurityInfoWizard>(
    html`<security-info-wizard .adapter=${createFetchAdapter({ baseUrl: BASE })}></security-info-wizard>`,
  );
}

describe('security-info-wizard: every method against the reference backend', () => {
  it('computes the RFC 6238 code of its SHA-1 test vector (time 59, 8 digits)', async () => {
    const seed = new TextEncoder().encode('12345678901234567890') as Uint8Array<ArrayBuffer>;
    expect(await totp(seed, 59_000, 8)).to.equal('94287082');
  });

  it('registers an email address with the code the server sent to it', async () => {
    // Its own address each run: the server keeps its methods for as long as the test server runs.
    const address = `ada.${Date.now()}@example.com`;
    const wizard = await mount();
    await choose(wizard, 'Email');
    await step(wizard, 'email');
    await typeInto(await waitUntilFound(wizard, 'textbox', 'Email address'), address);
    getByRole(wizard, 'button', { name: 'Next' }).click();
    await step(wizard, 'code');
    await waitUntilFound(wizard, 'textbox', /code/i);
    await expectAccessible(wizard);

    const complete = nextEvent(wizard, 'security-info-complete', 10_000);
    await enterCode(wizard, await lastCode());
    expect((await complete).detail).to.deep.equal({ method: 'email', email: address });
    await step(wizard, 'done');
    expect(getByRole(wizard, 'heading', { name: 'Your email address was registered' })).to.exist;
    await expectAccessible(wizard);

    const registered = (await serverMethods()).find((method) => method.email?.address === address);
    expect(registered?.kind).to.equal('email');
    expect(registered?.purposes).to.deep.equal(['password-reset']);
  });

  it('registers security questions chosen by keyboard, and the server lists their ids only', async () => {
    const wizard = await mount();
    await choose(wizard, 'Security questions');
    await step(wizard, 'security-questions');
    const chosen = [
      { id: 'first-pet', wording: 'What was the name of your first pet?', answer: 'Rex' },
      { id: 'birth-city', wording: 'In what city or town were you born?', answer: 'Utrecht' },
      { id: 'first-school', wording: 'What was the name of your first school?', answer: 'De Regenboog' },
    ];
    for (const [i, { wording, answer }] of chosen.entries()) {
      const select = (await waitUntilFound(wizard, 'combobox', `Question ${i + 1}`)) as HTMLSelectElement;
      select.focus();
      for (let n = 0; n <= select.options.length && select.selectedOptions[0]?.text.trim() !== wording; n++) {
        await press('ArrowDown');
      }
      expect(select.selectedOptions[0]?.text.trim()).to.equal(wording);
      await typeInto(getByRole(wizard, 'textbox', { name: `Answer ${i + 1}` }), answer);
    }
    await expectAccessible(wizard);

    const complete = nextEvent(wizard, 'security-info-complete', 10_000);
    getByRole(wizard, 'button', { name: 'Save' }).click();
    const questionIds = chosen.map(({ id }) => id);
    expect((await complete).detail).to.deep.equal({ method: 'security-questions', questionIds });
    await step(wizard, 'done');
    expect(getByRole(wizard, 'heading', { name: 'Your security questions were saved' })).to.exist;
    await expectAccessible(wizard);

    const registered = (await serverMethods()).filter((method) => method.kind === 'security-questions');
    expect(registered, 'one set per person').to.have.length(1);
    expect(registered[0]!.securityQuestions).to.deep.equal({ questionIds });
    expect(JSON.stringify(registered[0]), 'never the answers').not.to.match(/Rex|Utrecht|Regenboog/i);
  });

  it('adds an authenticator app with the code computed from the key the step shows', async () => {
    const before = (await serverMethods()).filter((method) => method.kind === 'authenticator-app').length;
    const wizard = await mount();
    await choose(wizard, 'Authenticator app');
    await step(wizard, 'authenticator-app');
    await waitUntilFound(wizard, 'image', 'QR code for your authenticator app');
    await expectAccessible(wizard);
    // As a person who cannot scan: open "Can't scan the QR code?" and read the key.
    const setup = wizard.shadowRoot!.querySelector('authenticator-app-setup')!;
    setup.shadowRoot!.querySelector('summary')!.click();
    await setup.updateComplete;
    const key = partText(wizard, 'key').replace(/\s/g, '');
    expect(key).to.match(/^[A-Z2-7]{32}$/, 'a 160-bit key in base32');
    getByRole(wizard, 'button', { name: 'Next' }).click();
    await step(wizard, 'code');
    await waitUntilFound(wizard, 'textbox', /code/i);
    await expectAccessible(wizard);

    const complete = nextEvent(wizard, 'security-info-complete', 10_000);
    await enterCode(wizard, await totp(base32(key)));
    expect((await complete).detail).to.deep.equal({ method: 'authenticator-app' });
    await step(wizard, 'done');
    expect(getByRole(wizard, 'heading', { name: 'Your authenticator app was added' })).to.exist;
    await expectAccessible(wizard);

    const apps = (await serverMethods()).filter((method) => method.kind === 'authenticator-app');
    expect(apps).to.have.length(before + 1);
    expect(JSON.stringify(apps), 'the key never leaves the server again').not.to.include(key);
  });

  it('registers a passkey the browser made, under the name the person saved', async () => {
    const name = `Test key ${Date.now()}`;
    await executeServerCommand('virtual-authenticator', { action: 'add' });
    try {
      const wizard = await mount();
      await choose(wizard, 'Passkey');
      await step(wizard, 'passkey');
      (await waitUntilFound(wizard, 'button', 'Create passkey')).click();
      const field = (await waitUntilFound(wizard, 'textbox', 'Passkey name')) as HTMLInputElement;
      await expectAccessible(wizard);
      field.value = name;
      const complete = nextEvent(wizard, 'security-info-complete', 10_000);
      getByRole(wizard, 'button', { name: 'Save' }).click();
      expect((await complete).detail).to.include({ method: 'passkey', name });
      await step(wizard, 'done');
      expect(getByRole(wizard, 'heading', { name: 'Your passkey was added' })).to.exist;

      const registered = (await serverMethods()).find((method) => method.passkey?.name === name);
      expect(registered?.kind).to.equal('passkey');
    } finally {
      await executeServerCommand('virtual-authenticator', { action: 'remove' });
    }
  });
});
