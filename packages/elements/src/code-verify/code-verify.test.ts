import './code-verify.js';
import { readCode, type CodeVerify } from './code-verify.js';
import {
  aTimeout,
  deepActiveElement,
  expect,
  expectAccessible,
  fixture,
  fixtureInDarkMode,
  fixtureRtl,
  getByRole,
  html,
  leaveDarkMode,
  nextEvent,
  paste,
  press,
  queryByRole,
  recordEvents,
  typeInto,
  waitUntil,
} from '../../test/helpers.js';

const field = (el: CodeVerify) => getByRole<HTMLInputElement>(el, 'textbox', { name: /code/i });
const alertText = (el: CodeVerify) => getByRole(el, 'alert', { hidden: true }).textContent?.trim() ?? '';

async function verifier(attributes = '') {
  sessionStorage.clear();
  const el = await fixture<CodeVerify>(html`<code-verify destination="+31612345678"></code-verify>`);
  for (const pair of attributes.split(' ').filter(Boolean)) {
    const [name, value = ''] = pair.split('=');
    el.setAttribute(name!, value);
  }
  await el.updateComplete;
  return el;
}

describe('readCode', () => {
  it('reads pasted codes with separators, other scripts and whole messages', () => {
    expect(readCode(' 123-456 ', 6)).to.deep.equal({ digits: '123456', letters: false });
    expect(readCode('１２３４５６', 6)).to.deep.equal({ digits: '123456', letters: false });
    expect(readCode('١٢٣٤٥٦', 6)).to.deep.equal({ digits: '123456', letters: false });
    expect(readCode('Your code is 123456. Do not share it.', 6)).to.deep.equal({ digits: '123456', letters: false });
    expect(readCode('G-123 456 is your code', 6)).to.deep.equal({ digits: '123456', letters: false });
    expect(readCode('12ab', 6)).to.deep.equal({ digits: '12', letters: true });
    expect(readCode('9'.repeat(10_000), 6).digits).to.equal('999999');
  });
});

describe('code-verify', () => {
  it('has one field named for the code, ready for the phone to fill it', async () => {
    const el = await verifier();
    const input = field(el);
    expect(input.autocomplete).to.equal('one-time-code');
    expect(input.inputMode).to.equal('numeric');
    expect(input.enterKeyHint).to.equal('done');
    expect(el.shadowRoot!.querySelectorAll('input')).to.have.length(1);
    await expectAccessible(el);
  });

  it('says where the code went, with the number masked', async () => {
    const el = await verifier();
    await waitUntil(() => /\+31 6 •+ 5678/.test(el.shadowRoot!.textContent ?? ''), 'no masked number');
    expect(el.shadowRoot!.textContent).to.contain('We sent a code to');
    expect(el.shadowRoot!.textContent).not.to.contain('612345678');
  });

  it('changes the wording for a call', async () => {
    const el = await verifier('channel=voice');
    expect(el.shadowRoot!.textContent).to.contain("We're calling");
    expect(el.shadowRoot!.textContent).to.contain('Enter the code you hear');
  });

  it('fires code-submit with the digits on Verify', async () => {
    const el = await verifier();
    await typeInto(field(el), '123456');
    const event = nextEvent(el, 'code-submit');
    getByRole(el, 'button', { name: 'Verify' }).click();
    expect((await event).detail).to.deep.equal({ code: '123456' });
  });

  it('submits with Enter', async () => {
    const el = await verifier();
    const event = nextEvent(el, 'code-submit');
    await typeInto(field(el), '654321');
    await press('Enter');
    expect((await event).detail.code).to.equal('654321');
  });

  it('submits once for a double click, or Enter plus a click', async () => {
    const el = await verifier();
    const seen = recordEvents(el, 'code-submit');
    await typeInto(field(el), '123456');
    const verify = getByRole(el, 'button', { name: 'Verify' });
    verify.click();
    verify.click();
    await press('Enter');
    expect(seen).to.have.length(1);
  });

  it('accepts a pasted code with spaces and dashes, and a whole message', async () => {
    const el = await verifier();
    paste(field(el), ' 123-456 ');
    await el.updateComplete;
    expect(field(el).value).to.equal('123456');
    field(el).select();
    paste(field(el), 'Your code is 987654');
    await el.updateComplete;
    expect(field(el).value).to.equal('987654');
  });

  it('refuses letters with a message', async () => {
    const el = await verifier();
    await typeInto(field(el), '12a');
    await el.updateComplete;
    expect(field(el).value).to.equal('12');
    expect(alertText(el)).to.match(/only digits/);
    expect(field(el).getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(el);
  });

  it('asks for the missing digits instead of submitting a short code', async () => {
    const el = await verifier('length=8');
    const seen = recordEvents(el, 'code-submit');
    await typeInto(field(el), '1234');
    getByRole(el, 'button', { name: 'Verify' }).click();
    await el.updateComplete;
    expect(seen).to.have.length(0);
    expect(alertText(el)).to.match(/8 digits/);
    expect(deepActiveElement()).to.equal(field(el));
  });

  it('keeps the length between 4 and 10', async () => {
    const el = await verifier('length=99');
    await typeInto(field(el), '123456789012');
    expect(field(el).value).to.equal('1234567890');
  });

  it('submits by itself when complete, with auto-submit', async () => {
    const el = await verifier('auto-submit length=4');
    const event = nextEvent(el, 'code-submit');
    await typeInto(field(el), '4321');
    expect((await event).detail.code).to.equal('4321');
  });

  it('shows progress and blocks submitting while pending', async () => {
    const el = await verifier();
    await typeInto(field(el), '123456');
    el.pending = true;
    await el.updateComplete;
    const seen = recordEvents(el, 'code-submit');
    getByRole(el, 'button', { name: 'Verify' }).click();
    expect(seen).to.have.length(0);
    expect(el.matches(':state(pending)')).to.equal(true);
    await expectAccessible(el);
  });

  it('says a code is wrong, with the tries left', async () => {
    const el = await verifier();
    el.status = 'invalid-code';
    el.attemptsRemaining = 2;
    await el.updateComplete;
    expect(alertText(el)).to.equal("That code isn't right. You have 2 tries left.");
    expect(field(el).getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(el);
    el.attemptsRemaining = 1;
    await el.updateComplete;
    expect(alertText(el)).to.equal("That code isn't right. You have 1 try left.");
  });

  it('offers a new code when the code expired', async () => {
    const el = await verifier();
    el.status = 'code-expired';
    await el.updateComplete;
    expect(alertText(el)).to.match(/expired\. Ask for a new code/);
    const resend = getByRole<HTMLButtonElement>(el, 'button', { name: /Resend/ });
    expect(resend.disabled).to.equal(false);
    await expectAccessible(el);
  });

  it('locks the field after too many attempts and says when to try again', async () => {
    const el = await verifier();
    el.status = 'too-many-attempts';
    el.retryAfterSeconds = 299;
    await el.updateComplete;
    expect(field(el).disabled).to.equal(true);
    expect(alertText(el)).to.match(/try again in 4:59/);
    await expectAccessible(el);
  });

  it('waits for the cooldown before a resend, reading as a wait, not an expiry', async () => {
    const el = await verifier('resend-in-seconds=2');
    const resend = getByRole<HTMLButtonElement>(el, 'button', { name: 'Resend code' });
    expect(resend.disabled).to.equal(true);
    expect(el.shadowRoot!.textContent).to.match(/You can ask for a new code in 0:0[12]/);
    await expectAccessible(el);
    await waitUntil(() => !resend.disabled, 'the resend never became available', { timeout: 3500 });
    const event = nextEvent(el, 'code-resend');
    resend.click();
    expect((await event).detail).to.deep.equal({ channel: 'sms' });
  });

  it('does not announce the countdown every second', async () => {
    const el = await verifier('resend-in-seconds=3');
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    const first = status.textContent;
    await aTimeout(1100);
    expect(status.textContent).to.equal(first);
  });

  it('remembers the cooldown across a reload without storing the number or a code', async () => {
    const el = await verifier('resend-in-seconds=60');
    await typeInto(field(el), '123456');
    const stored = Object.keys(sessionStorage)
      .map((key) => key + sessionStorage.getItem(key))
      .join(' ');
    expect(stored).not.to.contain('612345678');
    expect(stored).not.to.contain('123456');
    el.remove();
    const again = await fixture<CodeVerify>(html`<code-verify destination="+31612345678"></code-verify>`);
    expect(getByRole<HTMLButtonElement>(again, 'button', { name: 'Resend code' }).disabled).to.equal(true);
  });

  it('offers the other channel when both are allowed', async () => {
    const el = await verifier('channels=sms,voice');
    const event = nextEvent(el, 'code-resend');
    getByRole(el, 'button', { name: 'Call me instead' }).click();
    expect((await event).detail).to.deep.equal({ channel: 'voice' });
  });

  it('fires back', async () => {
    const el = await verifier();
    const event = nextEvent(el, 'back');
    getByRole(el, 'button', { name: 'Back' }).click();
    await event;
  });

  it('shows a message from the host', async () => {
    const el = await verifier();
    el.error = 'You seem to be offline.';
    await el.updateComplete;
    expect(alertText(el)).to.equal('You seem to be offline.');
  });

  it('never writes the code to an attribute, and forgets it on clear and on disconnect', async () => {
    const el = await verifier();
    await typeInto(field(el), '987650');
    expect(
      el
        .getAttributeNames()
        .map((name) => el.getAttribute(name))
        .join(' '),
    ).not.to.contain('987650');
    expect(el.value).to.equal('987650');
    el.clear();
    expect(el.value).to.equal('');
    await typeInto(field(el), '987650');
    el.remove();
    expect(el.value).to.equal('');
  });

  it('takes part in a form: name, value, validity and reset', async () => {
    sessionStorage.clear();
    const form = await fixture<HTMLFormElement>(html`<form><code-verify name="otp" required></code-verify></form>`);
    const el = form.querySelector('code-verify')!;
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(false);
    expect(el.validity.valueMissing).to.equal(true);
    await typeInto(field(el), '123');
    await el.updateComplete;
    expect(el.validity.tooShort).to.equal(true);
    await typeInto(field(el), '456');
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(true);
    expect(new FormData(form).get('otp')).to.equal('123456');
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('');
  });

  it('is accessible right to left and in dark mode', async () => {
    sessionStorage.clear();
    const rtl = await fixtureRtl<CodeVerify>(html`<code-verify destination="+31612345678"></code-verify>`);
    await expectAccessible(rtl);
    try {
      const dark = await fixtureInDarkMode<CodeVerify>(
        html`<code-verify destination="+31612345678" status="invalid-code"></code-verify>`,
      );
      await expectAccessible(dark);
    } finally {
      await leaveDarkMode();
    }
  });

  it('moves focus to its heading on request', async () => {
    const el = await verifier();
    el.focusHeading();
    expect(queryByRole(el, 'heading', { name: 'Enter code' })).to.equal(deepActiveElement());
  });
});
