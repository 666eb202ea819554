// The wizard asks for each code in the language its steps are shown in, so the text message or call matches.
import type { IssuedCode } from '@security-info/core';
import './security-info-wizard.js';
import type { SecurityInfoWizard } from './security-info-wizard.js';
import { setLocale } from '../shared/localization.js';
import { expect, fixture, getByRole, html, press, queryByRole, typeInto, waitUntil } from '../../test/helpers.js';
import { enterPhone, memory, mount, step, waitUntilFound } from '../../test/wizard.js';

/** A memory adapter that keeps every code it issues, with the language each was asked for in. */
function issuing(options: { resendInSeconds?: number } = {}) {
  const issued: IssuedCode[] = [];
  return { adapter: memory({ ...options, onCode: (code) => issued.push(code) }), issued };
}

/** The wizard in German on a page whose lang is `lang`, a number typed in its phone step and sent. */
async function sendInGerman(adapter: ReturnType<typeof memory>, lang: string): Promise<SecurityInfoWizard> {
  await setLocale('de');
  const page = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
  const wizard = await mount(adapter, { parentNode: page });
  await step(wizard, 'phone');
  // The number field is the step's only textbox (the region picker is a combobox).
  await waitUntil(() => queryByRole(wizard, 'textbox'), 'no number field');
  await typeInto(getByRole(wizard, 'textbox'), '612345678');
  await press('Enter');
  return wizard;
}

describe('security-info-wizard: the language of the code message', () => {
  afterEach(() => setLocale('en'));

  it('asks for the code in the language the steps are shown in', async () => {
    const { adapter, issued } = issuing();
    await sendInGerman(adapter, 'de');
    await waitUntil(() => issued.length === 1, 'no code was issued');
    expect(issued[0]!.locale).to.equal('de');
  });

  it('writes a wait in that language too, whatever the page’s lang says', async () => {
    const { adapter } = issuing();
    adapter.injectFault('sendCode', { code: 'too-many-attempts', retryAfterSeconds: 7200 });
    const wizard = await sendInGerman(adapter, 'en');
    // "2 Stunden" among German words, never "2 hours".
    await waitUntil(() => queryByRole(wizard, 'alert')?.textContent?.includes('2 Stunden'), 'no wait in German');
  });

  it('asks for a resent code in that language too', async () => {
    const { adapter, issued } = issuing({ resendInSeconds: 0 });
    const wizard: SecurityInfoWizard = await mount(adapter);
    await enterPhone(wizard);
    await step(wizard, 'code');
    (await waitUntilFound(wizard, 'button', 'Resend code')).click();
    await waitUntil(() => issued.length === 2, 'no code was resent');
    expect(issued.map((code) => code.locale)).to.deep.equal(['en', 'en']);
  });
});
