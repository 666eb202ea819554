// In a file of its own: the phone step must not be loaded yet when the test starts (a page loads it once).
// The other half of step-offline.test.ts: here the browser reports that it is back online.
import './security-info-wizard.js';
import { deepActiveElement, expect, expectAccessible, networkOutage, waitUntil } from '../../test/helpers.js';
import { phoneField, wizardWhoseStepCannotLoad } from '../../test/step-outage.js';

describe('security-info-wizard: a step whose code could not load', () => {
  afterEach(() => networkOutage([]));

  it('tries again by itself when the browser is back online', async () => {
    const { el } = await wizardWhoseStepCannotLoad();
    await networkOutage([]);
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => phoneField(el), 'the phone step never came');
    await waitUntil(() => deepActiveElement()?.localName === 'h2', 'focus stayed behind');
    expect(deepActiveElement()!.textContent).to.contain('Set up your phone');
    await expectAccessible(el);
  });
});
