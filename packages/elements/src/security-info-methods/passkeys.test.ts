// Passkeys on the Security info page: each a row with its name, when it was added and last used, and whether it is
// synced; Rename through a small dialog, Delete with the confirmation that names it, and Add still offering more.
import { DEFAULT_POLICY, type RegisteredMethod, type SecurityInfoAdapter } from '@security-info/core';
import { executeServerCommand } from '@web/test-runner-commands';
import './security-info-methods.js';
import type { SecurityInfoMethods } from './security-info-methods.js';
import {
  expect,
  expectAccessible,
  fixtureRtl,
  getByRole,
  html,
  press,
  recordEvents,
  typeInto,
  waitUntil,
  waitUntilFound,
} from '../../test/helpers.js';
import {
  announced,
  APP,
  backend,
  button,
  dialog,
  focused,
  nameOf,
  page,
  rows,
  shown,
  text,
} from '../../test/methods.js';
import { expectMessage } from '../../test/wizard.js';

const base = {
  lastUsedAt: null,
  removable: true,
  purposes: ['mfa', 'password-reset'],
} satisfies Partial<RegisteredMethod>;
const PIXEL: RegisteredMethod = {
  ...base,
  id: 'pk-1',
  kind: 'passkey',
  addedAt: '2026-03-01T10:00:00Z',
  lastUsedAt: '2026-11-20T10:00:00Z',
  passkey: { name: 'Pixel 9', backedUp: true },
};
const KEY: RegisteredMethod = {
  ...base,
  id: 'pk-2',
  kind: 'passkey',
  addedAt: '2026-04-01T10:00:00Z',
  passkey: { name: 'YubiKey 5C' },
};

/** A backend holding `methods` whose passkeys can be renamed (the memory backend's for everything else). */
function passkeys(methods: RegisteredMethod[] = [PIXEL, KEY]) {
  const held = structuredClone(methods);
  const renames: { id: string; name: string }[] = [];
  let fault: unknown;
  const adapter: SecurityInfoAdapter = {
    ...backend([]),
    listMethods: async () => ({ methods: structuredClone(held), defaultMethodId: held[0]?.id ?? null }),
    async renameMethod(request) {
      if (fault) throw fault;
      renames.push(request);
      held.find((method) => method.id === request.id)!.passkey!.name = request.name;
    },
  };
  return {
    adapter,
    renames,
    fail: (error: unknown) => (fault = error),
  };
}

/** Opens the Rename dialog of the passkey named `name`, and its field. */
async function askToRename(el: SecurityInfoMethods, name: string) {
  button(el, `Rename Passkey ${name}`).click();
  const open = await dialog(el);
  return { open, field: getByRole<HTMLInputElement>(open, 'textbox', { name: 'Name' }) };
}

describe('security-info-methods: passkeys', () => {
  it('lists each passkey with its name, when it was added and last used, and whether it is synced', async () => {
    const el = await page(passkeys().adapter);
    // Whether a passkey is synced comes with the page's actions, loaded once the list shows.
    await waitUntil(() => rows(el)[0]?.includes('Synced'), 'never said synced');
    const [pixel, key] = rows(el);
    expect(pixel).to.match(/^Passkey Pixel 9 Synced to your other devices Added .+ Last used /);
    expect(key).to.match(/^Passkey YubiKey 5C Added .+ Never used to sign in/);
    expect(key).not.to.include('Synced');
    expect(button(el, 'Rename Passkey Pixel 9')).to.exist;
    expect(button(el, 'Delete Passkey YubiKey 5C')).to.exist;
    // A passkey is renamed, not changed through the wizard.
    expect(el.shadowRoot!.querySelector('[data-focus="change:pk-1"]')).to.equal(null);
    await expectAccessible(el);
  });

  it('keeps a name in another script in its own direction on a right-to-left page', async () => {
    const named = { ...PIXEL, passkey: { name: 'مفتاح العمل' } };
    const el = await fixtureRtl<SecurityInfoMethods>(
      html`<security-info-methods .adapter=${passkeys([named, KEY]).adapter}></security-info-methods>`,
    );
    await shown(el);
    const name = el.shadowRoot!.querySelector('bdi[part="identifier"]')!;
    expect(text(name)).to.equal('مفتاح العمل');
    await expectAccessible(el);
  });

  it('renames a passkey: the row shows the new name, the change is announced and reported', async () => {
    const backendWithKeys = passkeys();
    const el = await page(backendWithKeys.adapter);
    const changes = recordEvents(el, 'security-info-methods-change');
    // The name field's own input events stay inside the page: a form around it sees no edit of its own.
    const inputs = recordEvents(el, 'input');
    const { open, field } = await askToRename(el, 'Pixel 9');
    expect(nameOf(open)).to.equal('Rename passkey');
    expect(field.value).to.equal('Pixel 9');
    expect(focused()).to.equal('textbox "Name"');
    await expectAccessible(el);
    field.select();
    await typeInto(field, '  Work phone ');
    await press('Enter');
    await waitUntil(() => rows(el)[0]?.startsWith('Passkey Work phone'), 'the new name never showed');
    expect(backendWithKeys.renames).to.deep.equal([{ id: 'pk-1', name: 'Work phone' }]);
    expect(announced(el)).to.include('Passkey renamed.');
    expect(changes.map((event) => event.detail.change)).to.deep.equal(['renamed']);
    expect(inputs).to.have.length(0);
    await waitUntil(() => focused() === 'button "Rename Passkey Work phone"', `focus is on ${focused()}`);
  });

  it('keeps focus on the renamed passkey’s Rename when the backend lists passkeys by name', async () => {
    const backendWithKeys = passkeys();
    const { listMethods } = backendWithKeys.adapter;
    backendWithKeys.adapter.listMethods = async (options) => {
      const list = await listMethods!(options);
      list.methods.sort((a, b) => a.passkey!.name.localeCompare(b.passkey!.name));
      return list;
    };
    const el = await page(backendWithKeys.adapter);
    expect(rows(el)[0]).to.match(/^Passkey Pixel 9/);
    const { field } = await askToRename(el, 'Pixel 9');
    field.select();
    await typeInto(field, 'Zebra');
    await press('Enter');
    await waitUntil(() => rows(el)[1]?.startsWith('Passkey Zebra'), 'the new name never showed');
    // Not on the button that now stands at its former place, which renames another passkey.
    await waitUntil(() => focused() === 'button "Rename Passkey Zebra"', `focus is on ${focused()}`);
  });

  it('says a name must have 1 to 64 characters, and keeps the dialog open', async () => {
    const backendWithKeys = passkeys();
    const el = await page(backendWithKeys.adapter);
    const { open, field } = await askToRename(el, 'Pixel 9');
    field.value = '   ';
    getByRole(open, 'button', { name: 'Save' }).click();
    await el.updateComplete;
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(getByRole(open, 'alert').textContent).to.include('Enter a name of 1 to 64 characters.');
    expect((field as unknown as { computedName: string }).computedName).to.equal('Name');
    await expectAccessible(el);
    // A second Save with a name as wrong must say it again, as a new message: the same text would not be read again.
    const alert = getByRole(open, 'alert');
    const said = [...alert.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim());
    field.value = 'k'.repeat(65);
    getByRole(open, 'button', { name: 'Save' }).click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('dialog[open]')).to.exist;
    expect(getByRole(open, 'alert').textContent).to.include('Enter a name of 1 to 64 characters.');
    expect(getByRole(open, 'alert').contains(said!), 'the same text node').to.equal(false);
    // 64 characters, an emoji counting as one, is a name.
    field.value = `${'k'.repeat(63)}🔑`;
    getByRole(open, 'button', { name: 'Save' }).click();
    await waitUntil(() => backendWithKeys.renames.length === 1, 'never renamed');
    expect(backendWithKeys.renames[0]!.name).to.equal(`${'k'.repeat(63)}🔑`);
  });

  it('renames to a name pasted from right-to-left text, without its invisible direction marks', async () => {
    const backendWithKeys = passkeys();
    const el = await page(backendWithKeys.adapter);
    const { open, field } = await askToRename(el, 'Pixel 9');
    field.value = 'مفتاح العمل\u200f';
    getByRole(open, 'button', { name: 'Save' }).click();
    await el.updateComplete;
    expect(open.querySelector('[role="alert"]'), 'no complaint about the name').to.equal(null);
    await waitUntil(() => backendWithKeys.renames.length === 1, 'never renamed');
    expect(backendWithKeys.renames[0]!.name).to.equal('مفتاح العمل');
    await expectAccessible(el);
  });

  it('changes nothing when the name is the same, or on Cancel', async () => {
    const backendWithKeys = passkeys();
    const el = await page(backendWithKeys.adapter);
    const { open } = await askToRename(el, 'Pixel 9');
    getByRole(open, 'button', { name: 'Save' }).click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    await askToRename(el, 'Pixel 9');
    await press('Escape');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    expect(focused()).to.equal('button "Rename Passkey Pixel 9"');
    expect(backendWithKeys.renames).to.deep.equal([]);
  });

  it('shows a failed rename at its row, with what to do', async () => {
    const backendWithKeys = passkeys();
    backendWithKeys.fail(new TypeError('Failed to fetch'));
    const el = await page(backendWithKeys.adapter);
    const { field } = await askToRename(el, 'Pixel 9');
    field.select();
    await typeInto(field, 'Work phone');
    await press('Enter');
    await waitUntil(() => el.shadowRoot!.querySelector('li [role="alert"]'), 'no failure at the row');
    expect(rows(el)[0]).to.match(/^Passkey Pixel 9 /);
    expect(text(el.shadowRoot!.querySelector('li [role="alert"]')!)).to.include('offline');
    await expectAccessible(el);
  });

  it('names the passkey in the confirmation of its deletion', async () => {
    const el = await page(passkeys().adapter);
    button(el, 'Delete Passkey YubiKey 5C').click();
    const open = await dialog(el);
    expect(nameOf(open)).to.equal('Delete Passkey YubiKey 5C?');
    expect(text(open)).to.include('You will no longer be able to use it to sign in.');
    await expectAccessible(el);
  });

  it('offers no Rename when the backend cannot rename', async () => {
    const { renameMethod: _rename, ...adapter } = passkeys().adapter;
    const el = await page(adapter);
    expect(rows(el)).to.have.length(2);
    expect(el.shadowRoot!.querySelector('[data-focus^="rename:"]')).to.equal(null);
  });

  it('opens Add with passkeys not marked as set up, since a person may add several', async () => {
    const adapter = backend([
      { id: 'app', kind: 'authenticator-app' },
      { id: 'pk', kind: 'passkey' },
    ]);
    const el = await page(adapter);
    button(el, 'Add sign-in method').click();
    const open = await dialog(el);
    await waitUntil(() => open.querySelector('security-info-wizard'), 'the wizard never opened', { timeout: 3000 });
    expect(open.querySelector('security-info-wizard')!.registered).to.deep.equal(['authenticator-app']);
  });

  it('adds a passkey made by the browser; Done gives focus to the new row, at its Rename', async () => {
    await executeServerCommand('virtual-authenticator', { action: 'add', options: {} });
    try {
      const policy = {
        ...DEFAULT_POLICY,
        methods: [...DEFAULT_POLICY.methods, { id: 'passkey' as const, purposes: ['mfa' as const] }],
      };
      const el = await page(backend(undefined, { policy }));
      const events = recordEvents(el, 'security-info-methods-change');
      button(el, 'Add sign-in method').click();
      const open = await dialog(el);
      (await waitUntilFound(open, 'button', /^Passkey/, 5000)).click();
      // The passkey step's module loads on demand, through the dev server's transforms the first time.
      (await waitUntilFound(open, 'button', 'Create passkey', 10_000)).click();
      const name = ((await waitUntilFound(open, 'textbox', 'Passkey name', 5000)) as HTMLInputElement).value;
      (await waitUntilFound(open, 'button', 'Save')).click();
      (await waitUntilFound(open, 'button', 'Done', 5000)).click();
      await waitUntil(
        () => focused() === `button "Rename Passkey ${name}"`,
        "focus did not move to the new passkey's Rename",
      );
      expect(announced(el)).to.contain('Passkey added.');
      expect(events.map((event) => event.detail.change)).to.deep.equal(['added']);
      await expectAccessible(el);
    } finally {
      await executeServerCommand('virtual-authenticator', { action: 'remove' });
    }
  });

  it('offers Add with the most passkeys there can be; the step then says to delete one, and Back or Cancel leads out', async () => {
    // A method one may hold several of stays offered, so a person with 20 passkeys reaches the step: it must say
    // why no 21st can be made, rather than that something went wrong.
    await executeServerCommand('virtual-authenticator', { action: 'add', options: {} });
    try {
      const policy = {
        ...DEFAULT_POLICY,
        methods: [...DEFAULT_POLICY.methods, { id: 'passkey' as const, purposes: ['mfa' as const] }],
      };
      const twenty = Array.from({ length: 20 }, (_, i) => ({ id: `pk-${i}`, kind: 'passkey' as const }));
      const adapter = backend([APP, ...twenty], { policy });
      const el = await page(adapter);
      button(el, 'Add sign-in method').click();
      const open = await dialog(el);
      (await waitUntilFound(open, 'button', /^Passkey/, 5000)).click();
      (await waitUntilFound(open, 'button', 'Create passkey', 10_000)).click();
      const wizard = open.querySelector('security-info-wizard')!;
      await expectMessage(
        wizard,
        /You already have the most passkeys allowed\. Delete one you no longer use, then add another\./,
      );
      expect([adapter.calls.startPasskey, adapter.calls.finishPasskey]).to.deep.equal([1, 0]);
      expect(getByRole(wizard, 'button', { name: 'Back' })).to.exist;
      await expectAccessible(el);
      getByRole(wizard, 'button', { name: 'Cancel' }).click();
      await waitUntil(() => !el.shadowRoot!.querySelector('dialog'), 'the dialog stayed open');
      expect(rows(el)).to.have.length(21);
    } finally {
      await executeServerCommand('virtual-authenticator', { action: 'remove' });
    }
  });
});
