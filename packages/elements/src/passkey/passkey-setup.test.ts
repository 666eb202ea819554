// <passkey-setup> on its own: its states as the host sets them, the events it sends, and the suggested name.
import './passkey-setup.js';
import type { PasskeySetup } from './passkey-setup.js';
import { device } from './device-name.js';
import {
  deepActiveElement,
  expect,
  expectAccessible,
  fixture,
  fixtureRtl,
  getByRole,
  html,
  press,
  queryByRole,
  recordEvents,
  setViewport,
  typeInto,
} from '../../test/helpers.js';

const create = (el: PasskeySetup) => getByRole<HTMLButtonElement>(el, 'button', { name: 'Create passkey' });
const alertText = (el: PasskeySetup) => getByRole(el, 'alert', { hidden: true }).textContent?.trim() ?? '';
const statusText = (el: PasskeySetup) => getByRole(el, 'status', { hidden: true }).textContent?.trim() ?? '';
/** Whether Create passkey is there: a yes or no, as a button that fails an assertion is heavy to print. */
const offersCreate = (el: PasskeySetup) => queryByRole(el, 'button', { name: 'Create passkey' }) !== null;
const nameField = (el: PasskeySetup) => getByRole<HTMLInputElement>(el, 'textbox', { name: 'Passkey name' });

async function ready(template = html`<passkey-setup></passkey-setup>`) {
  const el = await fixture<PasskeySetup>(template);
  await el.updateComplete;
  return el;
}

const FAILURES = {
  'passkey-cancelled': /cancelled or not confirmed/,
  'passkey-exists': /already has a passkey/,
  'passkey-origin': /can't be created on this page/,
  'passkey-unsupported': /can't create a passkey your organization accepts/,
  'passkey-timeout': /timed out/,
  'passkey-refused': /couldn't verify your passkey/,
  'passkey-limit': /already have the most passkeys allowed\. Delete one/,
};

describe('<passkey-setup>', () => {
  it('explains passkeys and says the browser will ask, above Create passkey and Back', async () => {
    const el = await ready();
    expect(getByRole(el, 'heading', { name: 'Create a passkey' })).to.exist;
    expect(el.shadowRoot!.textContent).to.match(/face, fingerprint or screen lock/);
    expect(el.shadowRoot!.textContent).to.match(/your browser or phone will ask you to confirm/);
    expect(getByRole(el, 'button', { name: 'Back' })).to.exist;
    await expectAccessible(el);
  });

  it('asks once per press, and not at all while the host is working', async () => {
    const el = await ready();
    const events = recordEvents(el, 'passkey-create');
    create(el).click();
    expect(events).to.have.length(1);
    el.pending = true;
    await el.updateComplete;
    create(el).click();
    create(el).click();
    expect(events).to.have.length(1);
    expect(create(el).getAttribute('aria-disabled')).to.equal('true');
    expect(statusText(el)).to.equal('Follow the steps your browser shows…');
    await expectAccessible(el);
  });

  it('asks once for a double press, though its host sets no pending state, and again once the host answered', async () => {
    const el = await ready();
    const events = recordEvents(el, 'passkey-create');
    create(el).click();
    create(el).click();
    expect(events, 'a double click is one press').to.have.length(1);
    // The host answers: the dialog was cancelled. The person may try again.
    el.failure = 'passkey-cancelled';
    await el.updateComplete;
    create(el).click();
    expect(events).to.have.length(2);
    await expectAccessible(el);
  });

  it('says up front that the browser has no passkeys, and offers no dead button', async () => {
    const el = await ready(html`<passkey-setup unsupported></passkey-setup>`);
    expect(queryByRole(el, 'button', { name: 'Create passkey' })).to.equal(null);
    expect(alertText(el)).to.match(/This browser can't create passkeys/);
    expect(getByRole(el, 'button', { name: 'Back' })).to.exist;
    await expectAccessible(el);
  });

  for (const [failure, words] of Object.entries(FAILURES)) {
    it(`says in its own words what ${failure} means, with the way forward`, async () => {
      const el = await ready(html`<passkey-setup failure=${failure} error="not shown"></passkey-setup>`);
      expect(alertText(el)).to.match(words);
      // With the most passkeys allowed, Create would only be refused again: the way forward is out of the step.
      const again = failure !== 'passkey-limit';
      expect(offersCreate(el), 'Create offered').to.equal(again);
      await expectAccessible(el);
    });
  }

  it('takes Create away once the person has the most passkeys, and keeps focus in the step', async () => {
    const el = await ready();
    create(el).focus();
    create(el).click();
    el.pending = true;
    await el.updateComplete;
    el.pending = false;
    el.failure = 'passkey-limit';
    await el.updateComplete;
    expect(offersCreate(el)).to.equal(false);
    expect(el.shadowRoot!.textContent, 'no word of a button that is not there').not.to.match(/select Create passkey/);
    expect(alertText(el)).to.match(FAILURES['passkey-limit']);
    expect(getByRole(el, 'button', { name: 'Back' })).to.exist;
    expect(deepActiveElement() === getByRole(el, 'heading', { name: 'Create a passkey' }), 'focus on the heading').to.be
      .true;
    await expectAccessible(el);
  });

  it("shows the host's message for any other failure", async () => {
    const el = await ready(html`<passkey-setup error="We couldn't reach the server."></passkey-setup>`);
    expect(alertText(el)).to.equal("We couldn't reach the server.");
  });

  it('asks for a name once created, with the suggestion, and takes focus to the new heading', async () => {
    const el = await ready(html`<passkey-setup .name=${'Chrome on Windows'}></passkey-setup>`);
    el.created = true;
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(getByRole(el, 'heading', { name: 'Name your passkey' }));
    expect(nameField(el).value).to.equal('Chrome on Windows');
    expect(queryByRole(el, 'button', { name: 'Back' }), 'the passkey exists: nothing to go back to').to.equal(null);
    await expectAccessible(el);
  });

  it('saves a trimmed name of 1 to 64 characters, and says what is wrong with any other', async () => {
    const el = await ready(html`<passkey-setup created .name=${'Chrome on Windows'}></passkey-setup>`);
    const events = recordEvents(el, 'passkey-save');
    nameField(el).value = '';
    getByRole(el, 'button', { name: 'Save' }).click();
    await el.updateComplete;
    expect(events).to.have.length(0);
    expect(nameField(el).getAttribute('aria-invalid')).to.equal('true');
    expect(alertText(el)).to.equal('Enter a name of 1 to 64 characters.');
    expect(deepActiveElement()).to.equal(nameField(el));
    await expectAccessible(el);
    nameField(el).value = 'x'.repeat(65);
    getByRole(el, 'button', { name: 'Save' }).click();
    expect(events).to.have.length(0);
    nameField(el).value = '';
    await typeInto(nameField(el), '  Work laptop ');
    await press('Enter');
    expect(events.map((event) => event.detail)).to.deep.equal([{ name: 'Work laptop' }]);
  });

  it('fires one input event of its own per edit of the name, and none of its field', async () => {
    const el = await ready(html`<passkey-setup created .name=${'Chrome on Windows'}></passkey-setup>`);
    const from: string[] = [];
    el.addEventListener('input', (event) => from.push((event.composedPath()[0] as Element).localName));
    await typeInto(nameField(el), ' 2');
    await press('Backspace');
    expect(from).to.deep.equal(Array(3).fill('passkey-setup'));
    await expectAccessible(el);
  });

  it('refuses a pasted name the backend would refuse: invisible, or with controls that reorder text', async () => {
    const el = await ready(html`<passkey-setup created .name=${'Chrome on Windows'}></passkey-setup>`);
    const events = recordEvents(el, 'passkey-save');
    for (const name of ['\u200b\u200b', 'Work\u202e laptop', 'Work\u2028laptop', '\u0301\u0301']) {
      nameField(el).value = name;
      getByRole(el, 'button', { name: 'Save' }).click();
      await el.updateComplete;
      expect(events, JSON.stringify(name)).to.have.length(0);
      expect(alertText(el)).to.equal('Enter a name of 1 to 64 characters.');
      expect(nameField(el).getAttribute('aria-invalid')).to.equal('true');
    }
    await expectAccessible(el);
    nameField(el).value = 'Work laptop 👩‍💻';
    getByRole(el, 'button', { name: 'Save' }).click();
    expect(events.map((event) => event.detail)).to.deep.equal([{ name: 'Work laptop 👩‍💻' }]);
  });

  it('saves a right-to-left name without the invisible direction marks pasted with it', async () => {
    const el = await ready(html`<passkey-setup created .name=${'Chrome on Windows'}></passkey-setup>`);
    const events = recordEvents(el, 'passkey-save');
    nameField(el).value = '\u200fמפתח עבודה 🔑\u200f';
    getByRole(el, 'button', { name: 'Save' }).click();
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(nameField(el).getAttribute('aria-invalid')).to.equal('false');
    expect(events.map((event) => event.detail)).to.deep.equal([{ name: 'מפתח עבודה 🔑' }]);
    await expectAccessible(el);
  });

  it('announces what is wrong with the name through the alert, linked to the field, at each Save', async () => {
    const el = await ready(html`<passkey-setup created error="We couldn't reach the server."></passkey-setup>`);
    await typeInto(nameField(el), ' ');
    await press('Enter');
    await el.updateComplete;
    const alert = getByRole(el, 'alert', { hidden: true });
    expect(alertText(el), 'said by the alert, in place of the older message').to.equal(
      'Enter a name of 1 to 64 characters.',
    );
    expect(nameField(el).getAttribute('aria-describedby')!.split(' ')).to.include(alert.id);
    expect(nameField(el).getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.textContent!.match(/Enter a name of 1 to 64/g), 'shown once').to.have.length(1);
    await expectAccessible(el);
    // The field has the focus already: a second Save must say it again, as a new message.
    const said = [...alert.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim());
    await press('Enter');
    await el.updateComplete;
    expect(alertText(el)).to.equal('Enter a name of 1 to 64 characters.');
    expect(alert.contains(said!), 'the same text node would not be read again').to.equal(false);
    await typeInto(nameField(el), 'Work laptop');
    await press('Enter');
    await el.updateComplete;
    expect(nameField(el).getAttribute('aria-invalid')).to.equal('false');
    expect(nameField(el).getAttribute('aria-describedby')).to.equal('name-hint');
  });

  it('is used with the keyboard alone: Tab to Create, Enter presses it', async () => {
    const el = await ready();
    const events = recordEvents(el, 'passkey-create');
    el.focusHeading();
    await press('Tab');
    expect(deepActiveElement()).to.equal(create(el));
    await press('Enter');
    expect(events).to.have.length(1);
  });

  it('reads right to left and fits 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await fixtureRtl<PasskeySetup>(html`<passkey-setup failure="passkey-exists"></passkey-setup>`);
      expect(getComputedStyle(el).direction).to.equal('rtl');
      expect(el.scrollWidth).to.be.at.most(320);
      const button = create(el).getBoundingClientRect();
      expect(button.right).to.be.at.most(320);
      await expectAccessible(el);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

describe('the name suggested for a passkey', () => {
  it('names the browser and the system from the client hints or the user agent', () => {
    expect(device('', { brands: [{ brand: 'Google Chrome' }], platform: 'Windows' })).to.deep.equal({
      browser: 'Chrome',
      platform: 'Windows',
    });
    expect(
      device('', { brands: [{ brand: 'Microsoft Edge' }, { brand: 'Chromium' }], platform: 'macOS' }),
    ).to.deep.equal({
      browser: 'Edge',
      platform: 'macOS',
    });
    const safari =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
    expect(device(safari)).to.deep.equal({ browser: 'Safari', platform: 'iPhone' });
    const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
    expect(device(firefox)).to.deep.equal({ browser: 'Firefox', platform: 'Linux' });
    expect(device('curl/8.0')).to.deep.equal({});
  });
});
