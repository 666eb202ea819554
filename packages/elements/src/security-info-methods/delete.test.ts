// Deleting a method from the Security info page: the confirmation, the deletion, its failures and the sign-in it
// may need.
import './security-info-methods.js';
import type { SecurityInfoMethods } from './security-info-methods.js';
import {
  expect,
  expectAccessible,
  getByRole,
  nextEvent,
  press,
  queryAllByRole,
  queryByRole,
  recordEvents,
  waitUntil,
} from '../../test/helpers.js';
import {
  APP,
  HOME_PHONE,
  WORK_PHONE,
  announced,
  backend,
  button,
  description,
  dialog,
  page,
  rows,
  signIn,
  text,
  focused,
  nameOf,
} from '../../test/methods.js';

const DELETE_PHONE = 'Delete Phone +31 6 •••• 5678';

const unhandled: unknown[] = [];
const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
before(() => window.addEventListener('unhandledrejection', onUnhandled));
after(() => window.removeEventListener('unhandledrejection', onUnhandled));
afterEach(() => expect(unhandled, 'unhandled rejections').to.deep.equal([]));

/** Presses Delete on the phone's row and waits for the confirmation. */
async function askToDelete(el: SecurityInfoMethods, name = DELETE_PHONE): Promise<HTMLDialogElement> {
  button(el, name).click();
  return dialog(el);
}

/** The failure or progress shown in the row that reads `start`. */
const rowMessage = (el: SecurityInfoMethods, start: string) =>
  text(
    [...el.shadowRoot!.querySelectorAll('li')]
      .find((row) => text(row).startsWith(start))
      ?.querySelector('[role="alert"], [role="status"]') ?? document.createElement('p'),
  );

describe('security-info-methods: Delete', () => {
  it('asks to confirm in a modal dialog that names the method with its masked number', async () => {
    const el = await page(backend());
    const confirm = await askToDelete(el);
    expect((confirm as unknown as { computedRole: string }).computedRole).to.equal('dialog');
    expect(nameOf(confirm)).to.equal('Delete Phone +31 6 •••• 5678?');
    expect(text(el.shadowRoot!.getElementById(confirm.getAttribute('aria-describedby')!)!)).to.equal(
      'You will no longer get codes on it.',
    );
    expect(confirm.matches(':modal')).to.equal(true);
    // The least harmful choice has focus.
    expect(focused()).to.equal('button "Cancel"');
    await expectAccessible(el);
  });

  it('says what deleting another kind of method means', async () => {
    const el = await page(backend());
    const confirm = await askToDelete(el, 'Delete Authenticator app');
    expect(text(confirm)).to.contain('Delete Authenticator app? You will no longer be able to use it to sign in.');
  });

  it('changes nothing on Cancel or Escape, and gives focus back to Delete', async () => {
    const adapter = backend();
    const el = await page(adapter);
    const confirm = await askToDelete(el);
    getByRole(confirm, 'button', { name: 'Cancel' }).click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    expect(focused()).to.equal(`button "${DELETE_PHONE}"`);

    await askToDelete(el);
    await press('Escape');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    expect(focused()).to.equal(`button "${DELETE_PHONE}"`);
    expect(adapter.calls.removeMethod).to.equal(0);
    expect(rows(el)).to.have.length(2);
  });

  it('deletes once confirmed: the row goes, the deletion is announced, focus moves to Add', async () => {
    const adapter = backend();
    const el = await page(adapter);
    const changes = recordEvents(el, 'security-info-methods-change');
    const confirm = await askToDelete(el);
    getByRole(confirm, 'button', { name: 'Delete' }).click();
    await waitUntil(() => rows(el).length === 1, 'the row never went');
    expect(rows(el)[0]).to.match(/^Authenticator app/);
    expect(announced(el)).to.contain('Phone deleted.');
    expect(changes.map((event) => event.detail.change)).to.deep.equal(['removed']);
    await waitUntil(() => focused() === 'button "Add sign-in method"', 'focus was lost with the row');
    // The app is the one method left, so the page now says it cannot be deleted.
    expect(rows(el)[0]).to.contain("this method can't be deleted until you add another");
    await expectAccessible(el);
  });

  it('shows that the deletion is under way at its row, and takes no second one meanwhile', async () => {
    const adapter = backend([WORK_PHONE, APP], { latency: 150 });
    const el = await page(adapter);
    getByRole(await askToDelete(el), 'button', { name: 'Delete' }).click();
    await waitUntil(() => rowMessage(el, 'Phone') === 'Saving…', 'no progress at the row');
    expect(button(el, 'Delete Authenticator app').getAttribute('aria-disabled')).to.equal('true');
    button(el, 'Delete Authenticator app').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    await expectAccessible(el);
    await waitUntil(() => rows(el).length === 1);
    expect(adapter.calls.removeMethod).to.equal(1);
  });

  it("says, as each waiting button's description, that a change is being saved", async () => {
    // Phones the organization requires: their Delete says both why it waits and why they cannot go.
    const adapter = backend([WORK_PHONE, APP, HOME_PHONE], {
      policy: { methods: [{ id: 'phone', purposes: ['mfa'] }] },
      minimumMfaMethods: 2,
    });
    adapter.injectFault('removeMethod', 'hang');
    const el = await page(adapter);
    getByRole(await askToDelete(el, 'Delete Authenticator app'), 'button', { name: 'Delete' }).click();
    await waitUntil(() => rowMessage(el, 'Authenticator app') === 'Saving…', 'no progress at the row');
    const waiting = [...el.shadowRoot!.querySelectorAll<HTMLElement>('button[aria-disabled="true"]')];
    expect(waiting.map(nameOf)).to.include.members([
      'Add sign-in method',
      'Change Default sign-in method',
      'Change Phone +31 6 •••• 5678',
      'Delete Phone +31 6 •••• 5678',
      'Delete Authenticator app',
    ]);
    for (const waits of waiting) expect(description(el, waits), nameOf(waits)).to.contain('Saving…');
    await expectAccessible(el);
  });

  it('shows a failed deletion at its row with what to do, and keeps the method', async () => {
    const adapter = backend();
    adapter.injectFault('removeMethod', 'network');
    const el = await page(adapter);
    getByRole(await askToDelete(el), 'button', { name: 'Delete' }).click();
    await waitUntil(() => rowMessage(el, 'Phone').includes('You seem to be offline'), 'no failure at the row');
    expect(rows(el)).to.have.length(2);
    await expectAccessible(el);
    // Deleting again works, and the failure goes as it starts.
    getByRole(await askToDelete(el), 'button', { name: 'Delete' }).click();
    await waitUntil(() => rows(el).length === 1, 'the second try failed');
  });

  it('shows a failed deletion at its own row alone, for a method whose id is "default" too', async () => {
    // An id may be any of RFC 3986's unreserved characters, the words the page keys its own places by among them.
    const adapter = backend([APP, { ...WORK_PHONE, id: 'default' }]);
    adapter.injectFault('removeMethod', 'network');
    const el = await page(adapter);
    getByRole(await askToDelete(el), 'button', { name: 'Delete' }).click();
    await waitUntil(() => rowMessage(el, 'Phone').includes('You seem to be offline'), 'no failure at the row');
    // Counted, not compared as elements: a failing comparison would print the page whole.
    expect(el.shadowRoot!.querySelectorAll('[part="default"] [role="alert"]').length, 'at the default').to.equal(0);
    expect(el.shadowRoot!.querySelectorAll('[role="alert"]').length).to.equal(1);
  });

  it('says why when the backend refuses to delete a required method, and shows the list as it now is', async () => {
    // Two phones, of which one may go: the list says both can; meanwhile the other one went elsewhere.
    const adapter = backend([WORK_PHONE, HOME_PHONE], { policy: { methods: [{ id: 'phone', purposes: ['mfa'] }] } });
    const el = await page(adapter);
    await adapter.removeMethod({ id: 'home-phone' }, { signal: new AbortController().signal });
    getByRole(await askToDelete(el), 'button', { name: 'Delete' }).click();
    await waitUntil(() => rows(el).length === 1, 'the list was not loaded again');
    expect(rowMessage(el, 'Phone')).to.contain(
      "Your organization requires you to keep a way to verify it's you, so this method can't be removed",
    );
    expect(rows(el)[0]).to.contain("this method can't be deleted until you add another");
  });

  it('keeps focus on the refused Delete when the list shown anew no longer has the row it was on', async () => {
    // The other phone, listed first, went elsewhere: the row of the phone kept is now the first, and the last is gone.
    const adapter = backend([WORK_PHONE, HOME_PHONE], { policy: { methods: [{ id: 'phone', purposes: ['mfa'] }] } });
    const el = await page(adapter);
    await adapter.removeMethod({ id: 'work-phone' }, { signal: new AbortController().signal });
    getByRole(await askToDelete(el, 'Delete Phone +44 20 •••• 0000'), 'button', { name: 'Delete' }).click();
    await waitUntil(() => rows(el).length === 1, 'the list was not loaded again');
    expect(rowMessage(el, 'Phone')).to.contain("so this method can't be removed");
    // Where it was: its Delete, now unavailable, with the reason as its description.
    await waitUntil(() => focused() === 'button "Delete Phone +44 20 •••• 0000"', `focus is on ${focused()}`);
  });

  // The rows are not keyed by method: after a change, a row's element may show another method. Neither focus nor a
  // row's failure can land on the wrong method for it: each control and message is rendered from the method it is
  // for, and focus is given to a control found by the method's id once the list shows anew.
  it('gives focus to Add after deleting a middle row, each row left with its own controls', async () => {
    const el = await page(backend([WORK_PHONE, APP, HOME_PHONE]));
    getByRole(await askToDelete(el, 'Delete Authenticator app'), 'button', { name: 'Delete' }).click();
    await waitUntil(() => rows(el).length === 2, 'the row did not go');
    await waitUntil(() => focused() === 'button "Add sign-in method"', `focus is on ${focused()}`);
    const [, second] = el.shadowRoot!.querySelectorAll('li');
    expect(text(second!)).to.match(/^Phone \+44 20 •••• 0000/);
    expect(queryAllByRole(second!, 'button').map(nameOf)).to.deep.equal([
      'Show number Phone +44 20 •••• 0000',
      'Change Phone +44 20 •••• 0000',
      'Delete Phone +44 20 •••• 0000',
    ]);
  });

  it("keeps a refused deletion's failure with its method when a row above it has gone", async () => {
    // The first phone went elsewhere, so the second is now required: the rows below the first move up.
    const adapter = backend([WORK_PHONE, HOME_PHONE, APP], {
      policy: { methods: [{ id: 'phone', purposes: ['mfa'] }] },
    });
    const el = await page(adapter);
    await adapter.removeMethod({ id: 'work-phone' }, { signal: new AbortController().signal });
    getByRole(await askToDelete(el, 'Delete Phone +44 20 •••• 0000'), 'button', { name: 'Delete' }).click();
    await waitUntil(() => rows(el).length === 2, 'the list was not loaded again');
    expect(rowMessage(el, 'Phone +44')).to.contain("so this method can't be removed");
    // The row element that showed the phone now shows the app, without the phone's failure.
    expect(rowMessage(el, 'Authenticator app')).to.equal('');
    expect(el.shadowRoot!.querySelectorAll('[role="alert"]').length).to.equal(1);
    await waitUntil(() => focused() === 'button "Delete Phone +44 20 •••• 0000"', `focus is on ${focused()}`);
  });
});

describe('security-info-methods: Delete when the backend wants a recent sign-in', () => {
  it('asks the host to sign the person in, waits, and deletes once they have', async () => {
    const adapter = backend();
    adapter.injectFault('removeMethod', 'reauthentication-required');
    const el = await page(adapter);
    const host = signIn();
    const asked = nextEvent(el, 'security-info-reauthenticate');
    el.addEventListener('security-info-reauthenticate', (event) => event.detail.retryAfter(host.promise));
    getByRole(await askToDelete(el), 'button', { name: 'Delete' }).click();
    const event = await asked;
    expect(event.detail.reason).to.equal('reauthentication-required');
    expect(event.cancelable).to.equal(true);
    expect(event.composed).to.equal(true);
    await waitUntil(() => rowMessage(el, 'Phone') === 'Waiting for you to sign in…', 'no wait at the row');
    await expectAccessible(el);
    host.succeed();
    await waitUntil(() => rows(el).length === 1, 'the deletion was not made after the sign-in');
    expect(adapter.calls.removeMethod).to.equal(2);
  });

  it('changes nothing when the sign-in is given up, and says so', async () => {
    const adapter = backend();
    adapter.injectFault('removeMethod', 'reauthentication-required');
    const el = await page(adapter);
    const host = signIn();
    el.addEventListener('security-info-reauthenticate', (event) => event.detail.retryAfter(host.promise));
    getByRole(await askToDelete(el), 'button', { name: 'Delete' }).click();
    await waitUntil(() => rowMessage(el, 'Phone') === 'Waiting for you to sign in…');
    host.fail(new Error('closed the sign-in window'));
    await waitUntil(() => rowMessage(el, 'Phone').includes("You didn't sign in again, so nothing was changed."));
    expect(rows(el)).to.have.length(2);
    expect(adapter.calls.removeMethod).to.equal(1);
    await expectAccessible(el);
  });

  it('makes the call again only once: refused again, the row says to sign in', async () => {
    const adapter = backend();
    adapter.injectFault('removeMethod', 'reauthentication-required', { persist: true });
    const el = await page(adapter);
    el.addEventListener('security-info-reauthenticate', (event) => event.detail.retryAfter(Promise.resolve()));
    getByRole(await askToDelete(el), 'button', { name: 'Delete' }).click();
    await waitUntil(() => rowMessage(el, 'Phone').includes('For your security, sign in again to make this change.'));
    expect(adapter.calls.removeMethod).to.equal(2);
  });

  it('without a listener, tells the person to sign in again', async () => {
    const adapter = backend();
    adapter.injectFault('removeMethod', 'unauthenticated');
    const el = await page(adapter);
    getByRole(await askToDelete(el), 'button', { name: 'Delete' }).click();
    await waitUntil(() => rowMessage(el, 'Phone').includes('Your session has ended. Sign in again to continue.'));
  });

  it('shows nothing of its own when the host cancels the event to sign the person in its own way', async () => {
    const adapter = backend();
    adapter.injectFault('removeMethod', 'unauthenticated');
    const el = await page(adapter);
    const asked = nextEvent(el, 'security-info-reauthenticate');
    el.addEventListener('security-info-reauthenticate', (event) => event.preventDefault());
    getByRole(await askToDelete(el), 'button', { name: 'Delete' }).click();
    await asked;
    await waitUntil(() => rowMessage(el, 'Phone') === '', 'the row kept waiting');
    expect(queryByRole(el, 'alert')).to.equal(null);
    // Nothing waits: the person can delete again.
    expect(button(el, DELETE_PHONE).getAttribute('aria-disabled')).to.equal(null);
  });
});
