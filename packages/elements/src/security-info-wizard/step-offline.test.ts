// In a file of its own: the phone step must not be loaded yet when the test starts (a page loads it once).
import './security-info-wizard.js';
import {
  deepActiveElement,
  expect,
  expectAccessible,
  getByRole,
  networkOutage,
  recordEvents,
  waitUntil,
} from '../../test/helpers.js';
import { phoneField, wizardWhoseStepCannotLoad } from '../../test/step-outage.js';

describe('security-info-wizard: a step whose code cannot load', () => {
  afterEach(() => networkOutage([]));

  it('says so with Try again and Cancel, and goes on to the step once it loads', async () => {
    const { el, alert } = await wizardWhoseStepCannotLoad();
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(getByRole(el, 'heading', { name: 'Set up security info' }));
    const cancelled = recordEvents(el, 'security-info-cancel');
    expect(getByRole(el, 'button', { name: 'Cancel' })).to.exist;
    await expectAccessible(el);

    // Still offline: Try again fails again and says so again.
    getByRole(el, 'button', { name: 'Try again' }).click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alert()).to.match(/offline/i);
    expect(phoneField(el)).not.to.exist;

    await networkOutage([]);
    getByRole(el, 'button', { name: 'Try again' }).click();
    await waitUntil(() => phoneField(el), 'the phone step never came');
    await waitUntil(() => deepActiveElement()?.localName === 'h2', 'focus stayed behind');
    expect(deepActiveElement()!.textContent).to.contain('Set up your phone');
    expect(cancelled).to.have.length(0);
  });
});
