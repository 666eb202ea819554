// Add and Change on the Security info page: the wizard, loaded when pressed, in a modal dialog or in place of the list.
import type { MemoryAdapter, SecurityInfoAdapter, SendCodeRequest } from '@security-info/core';
import './security-info-methods.js';
import type { SecurityInfoMethods } from './security-info-methods.js';
import {
  expect,
  expectAccessible,
  getByRole,
  press,
  recordEvents,
  typeInto,
  waitUntil,
  waitUntilFound,
} from '../../test/helpers.js';
import {
  HOME_PHONE,
  WORK_PHONE,
  announced,
  backend,
  button,
  dialog,
  page,
  rows,
  text,
  focused,
  nameOf,
} from '../../test/methods.js';

/** The title over the wizard reads as a line above the step's heading, not as a second heading of the same size. */
function titledAbove(title: Element, step: Element): void {
  const size = (heading: Element) => parseFloat(getComputedStyle(heading).fontSize);
  expect(size(title), 'the title as large as the step').to.be.lessThan(size(step) * 0.75);
  expect(step.getBoundingClientRect().top - title.getBoundingClientRect().bottom).to.be.at.least(8);
}

/** Records what the wizard asks the backend to send; `hang` keeps each send waiting until it is aborted. */
function recording(adapter: MemoryAdapter, hang = false) {
  const sent: SendCodeRequest[] = [];
  const aborted: boolean[] = [];
  const wrapped: SecurityInfoAdapter = {
    ...adapter,
    sendCode: (request, options) => {
      sent.push(request);
      if (!hang) return adapter.sendCode(request, options);
      return new Promise((_, reject) =>
        options.signal.addEventListener('abort', () => {
          aborted.push(true);
          reject(options.signal.reason);
        }),
      );
    },
  };
  return { adapter: wrapped, sent, aborted };
}

/** Goes through the wizard's phone and code steps with `national` in the country chosen, up to the done step's `heading`. */
async function enroll(
  el: SecurityInfoMethods,
  adapter: MemoryAdapter,
  national: string,
  heading = 'Your phone was registered',
): Promise<void> {
  await typeInto(await waitUntilFound(el, 'textbox', 'Phone number'), national);
  getByRole(el, 'button', { name: 'Next' }).click();
  await waitUntil(() => adapter.lastCode, 'no code was sent');
  await typeInto(await waitUntilFound(el, 'textbox', /code/i), adapter.lastCode!.code);
  getByRole(el, 'button', { name: 'Verify' }).click();
  await waitUntilFound(el, 'heading', heading);
}

describe('security-info-methods: Add', () => {
  it('loads the wizard when pressed and opens it in a modal dialog, with focus on its heading', async () => {
    const el = await page(backend());
    expect(customElements.get('security-info-wizard'), 'the wizard loaded with the list').to.equal(undefined);
    button(el, 'Add sign-in method').click();
    const add = await dialog(el);
    expect(add.matches(':modal')).to.equal(true);
    expect(nameOf(add)).to.equal('Add sign-in method');
    expect(focused()).to.equal('heading "Add sign-in method"');
    expect(customElements.get('security-info-wizard')).to.exist;
    titledAbove(add.querySelector('h2')!, await waitUntilFound(el, 'heading', 'Which method would you like to add?'));
    await expectAccessible(el);
  });

  it('tells the wizard which methods the person has already', async () => {
    const el = await page(backend());
    button(el, 'Add sign-in method').click();
    await dialog(el);
    const wizard = el.shadowRoot!.querySelector('security-info-wizard')!;
    expect(wizard.registered).to.deep.equal(['authenticator-app', 'phone']);
  });

  it('cancels the wizard on Escape, aborting the call in flight, and gives focus back to Add', async () => {
    const memory = backend();
    const { adapter, aborted, sent } = recording(memory, true);
    const el = await page(adapter);
    const cancelled = recordEvents(el, 'security-info-cancel');
    button(el, 'Add sign-in method').click();
    await dialog(el);
    (await waitUntilFound(el, 'button', 'Phone')).click();
    await typeInto(await waitUntilFound(el, 'textbox', 'Phone number'), '612345678');
    getByRole(el, 'button', { name: 'Next' }).click();
    await waitUntil(() => sent.length === 1, 'no code was asked for');
    await press('Escape');
    await waitUntil(() => !el.shadowRoot!.querySelector('dialog'), 'the dialog stayed open');
    expect(aborted).to.deep.equal([true]);
    expect(focused()).to.equal('button "Add sign-in method"');
    expect(cancelled, 'the wizard’s security-info-cancel').to.have.length(1);
    expect(rows(el)).to.have.length(2);
    await expectAccessible(el);
  });

  it("closes with the wizard's own Cancel", async () => {
    const el = await page(backend());
    button(el, 'Add sign-in method').click();
    await dialog(el);
    (await waitUntilFound(el, 'button', 'Cancel')).click();
    await waitUntil(() => !el.shadowRoot!.querySelector('dialog'), 'the dialog stayed open');
    expect(focused()).to.equal('button "Add sign-in method"');
  });

  it('closes on Escape once the phone is registered, with nothing to cancel', async () => {
    const adapter = backend([]);
    const el = await page(adapter);
    const cancelled = recordEvents(el, 'security-info-cancel');
    button(el, 'Add sign-in method').click();
    await dialog(el);
    (await waitUntilFound(el, 'button', 'Phone')).click();
    await enroll(el, adapter, '612345678');
    await press('Escape');
    await waitUntil(() => !el.shadowRoot!.querySelector('dialog'), 'the dialog stayed open');
    expect(cancelled).to.have.length(0);
    await waitUntil(() => rows(el)[0]?.startsWith('Phone +31 6 •••• 5678'), 'the new phone was not listed');
    await expectAccessible(el);
  });

  it('closes on Escape once the phone is registered as Done does, and forgets the phone for later changes', async () => {
    const adapter = backend([{ id: 'app', kind: 'authenticator-app', addedAt: '2026-01-05T09:00:00Z' }]);
    const el = await page(adapter);
    button(el, 'Add sign-in method').click();
    await dialog(el);
    (await waitUntilFound(el, 'button', 'Phone')).click();
    await enroll(el, adapter, '612345678');
    await waitUntil(() => rows(el).some((row) => row.startsWith('Phone +31 6 •••• 5678')), 'the phone was not listed');
    await press('Escape');
    await waitUntil(() => !el.shadowRoot!.querySelector('dialog'), 'the dialog stayed open');
    await waitUntil(() => focused() === 'button "Change Phone +31 6 •••• 5678"', `focus is on ${focused()}`);
    // A later deletion gives focus to Add, as any does: not to the phone added before.
    button(el, 'Delete Authenticator app').click();
    getByRole(await dialog(el), 'button', { name: 'Delete' }).click();
    await waitUntil(() => rows(el).length === 1, 'the app was not deleted');
    await waitUntil(() => focused() === 'button "Add sign-in method"', `focus is on ${focused()}`);
  });

  it('lists a phone once added and says so; Done closes the dialog with focus on the new phone', async () => {
    const adapter = backend([]);
    const el = await page(adapter);
    const changes = recordEvents(el, 'security-info-methods-change');
    button(el, 'Add sign-in method').click();
    await dialog(el);
    (await waitUntilFound(el, 'button', 'Phone')).click();
    await enroll(el, adapter, '612345678');
    await waitUntil(() => rows(el)[0]?.startsWith('Phone +31 6 •••• 5678'), 'the new phone was not listed');
    expect(changes.map((event) => event.detail.change)).to.deep.equal(['added']);
    // The page around the modal dialog is inert, its live region unheard: the change is said once it closes.
    expect(announced(el)).not.to.contain('Phone added.');
    getByRole(el, 'button', { name: 'Done' }).click();
    await waitUntil(() => !el.shadowRoot!.querySelector('dialog'), 'the dialog stayed open');
    await waitUntil(() => focused() === 'button "Change Phone +31 6 •••• 5678"', 'focus went elsewhere');
    expect(announced(el)).to.contain('Phone added.');
    await expectAccessible(el);
  });
});

describe('security-info-methods: Change phone', () => {
  it('starts at the phone step in the current number’s country, and the new number takes the old one’s place', async () => {
    const memory = backend([WORK_PHONE, HOME_PHONE]);
    const { adapter, sent } = recording(memory);
    const el = await page(adapter);
    const changes = recordEvents(el, 'security-info-methods-change');
    button(el, 'Change Phone +44 20 •••• 0000').click();
    const change = await dialog(el);
    expect(nameOf(change)).to.equal('Change phone');
    const country = (await waitUntilFound(el, 'combobox', 'Country or region')) as HTMLInputElement;
    expect(country.value).to.equal('United Kingdom (+44)');
    await expectAccessible(el);
    await enroll(el, memory, '7400123456', 'Your phone number was changed');
    expect(sent.map((request) => request.replaces)).to.deep.equal(['home-phone']);
    await waitUntil(() => rows(el).some((row) => row.includes('+44 •••• 3456')), 'the new number was not listed');
    expect(rows(el).join()).not.to.contain('+44 20 •••• 0000');
    expect(rows(el)).to.have.length(2);
    expect(changes.map((event) => event.detail.change)).to.deep.equal(['replaced']);
    getByRole(el, 'button', { name: 'Done' }).click();
    await waitUntil(() => !el.shadowRoot!.querySelector('dialog'), 'the dialog stayed open');
    expect(announced(el)).to.contain('Phone changed.');
  });

  it('keeps the old number until the new one is verified', async () => {
    const memory = backend([WORK_PHONE, HOME_PHONE]);
    const el = await page(memory);
    button(el, 'Change Phone +44 20 •••• 0000').click();
    await dialog(el);
    await typeInto(await waitUntilFound(el, 'textbox', 'Phone number'), '7400123456');
    getByRole(el, 'button', { name: 'Next' }).click();
    await waitUntil(() => memory.lastCode, 'no code was sent');
    await press('Escape');
    await waitUntil(() => !el.shadowRoot!.querySelector('dialog'));
    expect(focused()).to.equal('button "Change Phone +44 20 •••• 0000"');
    const { methods } = await memory.listMethods({ signal: new AbortController().signal });
    expect(methods.map((method) => method.phone?.phoneNumber)).to.deep.equal(['+31612345678', '+442079460000']);
  });
});

describe('security-info-methods: inline', () => {
  it('shows the wizard in place of the list, and the list again when it ends', async () => {
    const el = await page(backend(), { inline: true });
    button(el, 'Add sign-in method').click();
    await waitUntilFound(el, 'region', 'Add sign-in method');
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    // The page's own list is gone (the wizard's method picker is a list too).
    expect(el.shadowRoot!.querySelector('[part="list"]')).to.equal(null);
    await waitUntil(() => focused() === 'heading "Add sign-in method"', 'focus did not move in');
    const section = el.shadowRoot!.querySelector('section')!;
    titledAbove(
      section.querySelector('h2')!,
      await waitUntilFound(el, 'heading', 'Which method would you like to add?'),
    );
    await expectAccessible(el);
    (await waitUntilFound(el, 'button', 'Cancel')).click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="list"]'), 'the list did not come back');
    expect(text(el.shadowRoot!.querySelector('[part="list"]')!)).to.contain('Phone');
    await waitUntil(() => focused() === 'button "Add sign-in method"', 'focus was not given back');
  });
});
