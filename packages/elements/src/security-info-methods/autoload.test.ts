// In a file of its own: the package root must be the first to see the tag (a page defines an element once), so
// nothing here imports the element's module.
import { createMemoryAdapter } from '@security-info/core';
import { expect, expectAccessible, fixture, html, waitUntil } from '../../test/helpers.js';

describe('the package root and <security-info-methods>', () => {
  it('defines the page when its tag appears, without loading the wizard', async () => {
    const root = await import('../index.js');
    const adapter = createMemoryAdapter({
      registrations: { methods: [{ id: 'app', kind: 'authenticator-app', addedAt: '2026-01-05T09:00:00Z' }] },
    });
    const el = await fixture(html`<security-info-methods .adapter=${adapter}></security-info-methods>`);
    const Methods = await root.whenDefined('security-info-methods');
    expect(el).to.be.instanceOf(Methods);
    await waitUntil(() => el.shadowRoot?.querySelector('[part="list"]'), 'the list never showed');
    expect(customElements.get('security-info-wizard')).to.equal(undefined);
    await expectAccessible(el);
  });
});
