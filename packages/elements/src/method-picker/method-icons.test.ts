// In a file of its own: the icons must not be loaded yet when the test starts (a page loads them once).
import type { SecurityInfoPolicy } from '@security-info/core';
import './method-picker.js';
import type { MethodPicker } from './method-picker.js';
import {
  expect,
  expectAccessible,
  fixture,
  getByRole,
  html,
  networkOutage,
  queryAllByRole,
  recordEvents,
  waitUntil,
} from '../../test/helpers.js';

const policy: SecurityInfoPolicy = {
  methods: [
    { id: 'phone', purposes: ['mfa', 'password-reset'] },
    { id: 'authenticator-app', purposes: ['mfa', 'password-reset'] },
    { id: 'passkey', purposes: ['mfa', 'password-reset'] },
  ],
};
const icons = (el: MethodPicker) => [...el.shadowRoot!.querySelectorAll('.card > svg')];
const drawn = (el: MethodPicker) => icons(el).every((icon) => icon.childElementCount > 0);

describe('method-picker: its icons, which load beside the list', () => {
  afterEach(() => networkOutage([]));

  it('shows and works without them when they cannot load, and draws them once they can', async () => {
    await networkOutage(['method-icons']);
    const el = await fixture<MethodPicker>(html`<method-picker .policy=${policy}></method-picker>`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The list is whole: every method's name, line and button, and each icon's box, empty.
    expect(queryAllByRole(el, 'button').map((button) => button.textContent!.trim())).to.deep.equal([
      'Phone',
      'Authenticator app',
      'Passkey',
    ]);
    expect(icons(el)).to.have.length(3);
    expect(icons(el).map((icon) => icon.childElementCount)).to.deep.equal([0, 0, 0]);
    expect(getComputedStyle(icons(el)[0]!).inlineSize).to.equal(getComputedStyle(icons(el)[0]!).blockSize);
    await expectAccessible(el);
    const chosen = recordEvents(el, 'method-select');
    getByRole(el, 'button', { name: 'Passkey' }).click();
    expect(chosen.map((event) => (event as CustomEvent).detail)).to.deep.equal([{ method: 'passkey' }]);

    // Back online: the next picker on the page loads them again, and draws them.
    await networkOutage([]);
    const next = await fixture<MethodPicker>(html`<method-picker .policy=${policy}></method-picker>`);
    await waitUntil(() => drawn(next), 'the icons never came');
    expect(icons(next)[2]!.getAttribute('aria-hidden')).to.equal('true');
    await expectAccessible(next);
  });
});
