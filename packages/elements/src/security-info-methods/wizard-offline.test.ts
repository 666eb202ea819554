// In a file of its own: the wizard must not be loaded yet when the test starts (a page loads it once).
import './security-info-methods.js';
import { expect, expectAccessible, getByRole, networkOutage, queryByRole, waitUntil } from '../../test/helpers.js';
import { backend, button, dialog, page } from '../../test/methods.js';

describe('security-info-methods: when the wizard cannot load', () => {
  afterEach(() => networkOutage([]));

  it('says so at Add, and opens the wizard once the connection is back', async () => {
    const el = await page(backend());
    // The page's own actions load with the list; the wizard only when Add is pressed.
    await waitUntil(() => el.shadowRoot!.querySelector('[role="status"]'), 'the actions never loaded');
    await networkOutage(['security-info-wizard/']);
    button(el, 'Add sign-in method').click();
    await waitUntil(() => queryByRole(el, 'alert'), 'nothing was said');
    expect(getByRole(el, 'alert').textContent).to.contain('You seem to be offline.');
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    await expectAccessible(el);

    await networkOutage([]);
    button(el, 'Add sign-in method').click();
    await dialog(el);
    expect(queryByRole(el, 'alert')).to.equal(null);
  });
});
