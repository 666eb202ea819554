import { sendKeys } from '@web/test-runner-commands';
import './code-verify.js';
import type { CodeVerify } from './code-verify.js';
import { setLocale } from '../shared/localization.js';
import {
  deepActiveElement,
  expect,
  expectAccessible,
  fixture,
  fixtureInDarkMode,
  fixtureInForcedColors,
  leaveForcedColors,
  systemColor,
  fixtureRtl,
  getByRole,
  html,
  leaveDarkMode,
  nextEvent,
  paste,
  press,
  queryByRole,
  recordEvents,
  setViewport,
  typeInto,
  waitUntil,
  expectCountdownSaidOnce,
} from '../../test/helpers.js';
import { formControlTests } from '../../test/form-control.js';

const field = (el: CodeVerify) => getByRole<HTMLInputElement>(el, 'textbox', { name: /code/i });
const verifyButton = (el: CodeVerify) => getByRole<HTMLButtonElement>(el, 'button', { name: 'Verify' });
const resendButton = (el: CodeVerify, name: string | RegExp = 'Resend code') =>
  getByRole<HTMLButtonElement>(el, 'button', { name });
const alertText = (el: CodeVerify) => getByRole(el, 'alert', { hidden: true }).textContent?.trim() ?? '';
const statusText = (el: CodeVerify) => getByRole(el, 'status', { hidden: true }).textContent?.trim() ?? '';
const shownText = (el: CodeVerify) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');
const unavailable = (button: HTMLButtonElement) => button.disabled || button.getAttribute('aria-disabled') === 'true';

/** A verifier for +31 6 12345678, with no cooldown left over from an earlier test. */
async function verifier(attributes: Record<string, string> = {}) {
  sessionStorage.clear();
  const el = await fixture<CodeVerify>(html`<code-verify destination="+31612345678"></code-verify>`);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  await el.updateComplete;
  return el;
}

/** Stands in for the browser's WebOTP: the test decides when the text message "arrives". */
function fakeWebOtp() {
  const requests: { signal: AbortSignal; deliver: (code: string) => void }[] = [];
  const hadOtp = 'OTPCredential' in globalThis;
  if (!hadOtp) Object.defineProperty(globalThis, 'OTPCredential', { value: class {}, configurable: true });
  Object.defineProperty(navigator.credentials, 'get', {
    configurable: true,
    value: (options: CredentialRequestOptions & { otp?: unknown }) =>
      new Promise((resolve, reject) => {
        const signal = options.signal!;
        signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
        requests.push({ signal, deliver: (code) => resolve({ type: 'otp', id: '', code }) });
      }),
  });
  return {
    requests,
    restore() {
      delete (navigator.credentials as { get?: unknown }).get;
      if (!hadOtp) delete (globalThis as { OTPCredential?: unknown }).OTPCredential;
    },
  };
}

formControlTests<CodeVerify>('code-verify', {
  create: () => {
    sessionStorage.clear();
    return Object.assign(document.createElement('code-verify'), { destination: '+31612345678' });
  },
  field,
  valid: { typed: '123456', value: '123456' },
  invalid: { typed: '123', flag: 'tooShort', message: /6 digits/ },
  restore: { nothing: 'a one-time code is never kept, and would have expired' },
});

describe('code-verify', () => {
  afterEach(() => sessionStorage.clear());

  describe('the field', () => {
    it('is one input named for the code, ready for the phone to fill it', async () => {
      const el = await verifier();
      const input = field(el);
      expect(input.autocomplete).to.equal('one-time-code');
      expect(input.inputMode).to.equal('numeric');
      expect(input.enterKeyHint).to.equal('done');
      expect(el.shadowRoot!.querySelectorAll('input')).to.have.length(1);
      expect(shownText(el)).to.contain('6 digits');
      await expectAccessible(el);
    });

    it('says where the code went, with the number masked', async () => {
      const el = await verifier();
      await waitUntil(() => /\+31 6 •+ 5678/.test(shownText(el)), 'no masked number');
      expect(shownText(el)).to.contain('We sent a code to');
      expect(shownText(el)).not.to.contain('612345678');
    });

    it('shows a number masked already just as it is given, so the host never has to pass a whole one', async () => {
      sessionStorage.clear();
      const el = await fixture<CodeVerify>(html`<code-verify destination="+31 6 •••• 5678"></code-verify>`);
      expect(shownText(el)).to.contain('We sent a code to +31 6 •••• 5678.');
      await expectAccessible(el);
    });

    it('says a call is coming for the voice channel', async () => {
      const el = await verifier({ channel: 'voice' });
      expect(shownText(el)).to.contain("We're calling");
      expect(shownText(el)).to.contain('Enter the code you hear');
      await expectAccessible(el);
    });

    it('accepts a pasted code with spaces and dashes', async () => {
      const el = await verifier();
      paste(field(el), ' 123-456 ');
      await el.updateComplete;
      expect(field(el).value).to.equal('123456');
      expect(alertText(el)).to.equal('');
    });

    it('takes a whole code pasted into a field that holds some digits already, rather than mixing the two', async () => {
      const el = await verifier({ 'auto-submit': '' });
      const events = recordEvents(el, 'code-submit');
      await typeInto(field(el), '98');
      paste(field(el), '123 456');
      await el.updateComplete;
      expect(field(el).value).to.equal('123456');
      expect(events.map((event) => event.detail.code)).to.deep.equal(['123456']);
      expect(alertText(el)).to.equal('');
      await expectAccessible(el);
    });

    it('accepts a whole pasted message and keeps only its code', async () => {
      const el = await verifier();
      paste(field(el), 'Your code is 987654');
      await el.updateComplete;
      expect(field(el).value).to.equal('987654');
      expect(el.value).to.equal('987654');
    });

    it('accepts full-width and Arabic-Indic digits', async () => {
      const el = await verifier();
      paste(field(el), '１２３٤٥٦');
      await el.updateComplete;
      expect(field(el).value).to.equal('123456');
    });

    it('takes a full-width code with its full-width dash or space as digits, with no complaint', async () => {
      // What a Japanese input method gives for "123-456" or "123 456" typed in full-width mode.
      for (const typed of ['１２３－４５６', '１２３ー４５６', '１２３\u3000４５６', '123\u2212456']) {
        const el = await verifier({ 'auto-submit': '' });
        const events = recordEvents(el, 'code-submit');
        paste(field(el), typed);
        await el.updateComplete;
        expect(field(el).value, typed).to.equal('123456');
        expect(alertText(el), typed).to.equal('');
        expect(field(el).getAttribute('aria-invalid'), typed).to.equal('false');
        expect(
          events.map((event) => event.detail.code),
          typed,
        ).to.deep.equal(['123456']);
        await expectAccessible(el);
      }
    });

    it('refuses letters with a message linked to the field', async () => {
      const el = await verifier();
      await typeInto(field(el), '12a');
      await el.updateComplete;
      expect(field(el).value).to.equal('12');
      expect(alertText(el)).to.match(/only digits/);
      expect(field(el).getAttribute('aria-invalid')).to.equal('true');
      const described = field(el).getAttribute('aria-describedby')!.split(' ');
      const alert = getByRole(el, 'alert', { hidden: true });
      expect(described).to.include(alert.id);
      expect(el.matches(':state(invalid)')).to.equal(true);
      await expectAccessible(el);
    });

    it('keeps the length between 4 and 10', async () => {
      const el = await verifier({ length: '99' });
      await typeInto(field(el), '123456789012');
      expect(field(el).value).to.equal('1234567890');
      el.length = 2;
      await el.updateComplete;
      expect(shownText(el)).to.contain('4 digits');
    });

    it('holds the code to the length in force, whichever of value and length the host sets first', async () => {
      // A framework sets properties in any order: the value before the length it belongs to keeps all its digits.
      const el = await verifier();
      el.value = '12345678';
      el.length = 8;
      await el.updateComplete;
      expect(el.value).to.equal('12345678');
      expect(field(el).value).to.equal('12345678');
      // A shorter length cuts a code typed for the longer one: no more digits than the length go out.
      el.length = 6;
      await el.updateComplete;
      expect(el.value).to.equal('123456');
      expect(field(el).value).to.equal('123456');
      const event = nextEvent(el, 'code-submit');
      verifyButton(el).click();
      expect((await event).detail.code).to.equal('123456');
    });
  });

  describe('verifying', () => {
    it('fires one input event per edit, with its value and validity current, before an automatic submit', async () => {
      const el = await verifier({ 'auto-submit': '', length: '4' });
      const heard: string[] = [];
      el.addEventListener('input', (event) =>
        heard.push(`${event.constructor.name} ${el.value} ${el.checkValidity() ? 'valid' : 'invalid'}`),
      );
      el.addEventListener('code-submit', () => heard.push('submit'));
      field(el).focus();
      await sendKeys({ type: '12' });
      await press('Backspace');
      await sendKeys({ type: '234' });
      expect(heard).to.deep.equal([
        'Event 1 invalid',
        'Event 12 invalid',
        'Event 1 invalid',
        'Event 12 invalid',
        'Event 123 invalid',
        'Event 1234 valid',
        'submit',
      ]);
    });

    it('fires code-submit with the digits on Verify', async () => {
      const el = await verifier();
      await typeInto(field(el), '123456');
      const event = nextEvent(el, 'code-submit');
      verifyButton(el).click();
      const { detail, bubbles, composed } = await event;
      expect(detail).to.deep.equal({ code: '123456' });
      expect(bubbles && composed).to.equal(true);
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
      verifyButton(el).click();
      verifyButton(el).click();
      await press('Enter');
      expect(seen).to.have.length(1);
    });

    it('lets the same code be submitted again once the host answered', async () => {
      const el = await verifier();
      const seen = recordEvents(el, 'code-submit');
      await typeInto(field(el), '123456');
      verifyButton(el).click();
      el.error = 'You seem to be offline.';
      await el.updateComplete;
      verifyButton(el).click();
      expect(seen).to.have.length(2);
    });

    it('asks for the code when Verify is pressed on an empty field', async () => {
      const el = await verifier();
      const seen = recordEvents(el, 'code-submit');
      verifyButton(el).click();
      await el.updateComplete;
      expect(seen).to.have.length(0);
      expect(alertText(el)).to.equal('Enter the 6-digit code.');
      await expectAccessible(el);
    });

    it('asks for the missing digits instead of submitting a short code', async () => {
      const el = await verifier({ length: '8' });
      const seen = recordEvents(el, 'code-submit');
      await typeInto(field(el), '1234');
      verifyButton(el).click();
      await el.updateComplete;
      expect(seen).to.have.length(0);
      expect(alertText(el)).to.match(/8 digits/);
      expect(deepActiveElement() === field(el), 'focus is on the field').to.equal(true);
    });

    it('submits by itself when complete, with auto-submit', async () => {
      const el = await verifier({ 'auto-submit': '', length: '4' });
      const event = nextEvent(el, 'code-submit');
      await typeInto(field(el), '4321');
      expect((await event).detail.code).to.equal('4321');
    });

    it('leaves an input method alone while it composes, and submits what it commits once', async () => {
      const el = await verifier({ 'auto-submit': '', length: '4' });
      const seen = recordEvents(el, 'code-submit');
      const input = field(el);
      input.focus();
      input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
      input.value = '４３２';
      input.dispatchEvent(
        new InputEvent('input', {
          bubbles: true,
          composed: true,
          inputType: 'insertCompositionText',
          isComposing: true,
        }),
      );
      await el.updateComplete;
      expect(input.value).to.equal('４３２', 'untouched while composing');
      input.value = '４３２１';
      input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '４３２１' }));
      // Firefox follows with a plain input event.
      input.dispatchEvent(
        new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertCompositionText' }),
      );
      await el.updateComplete;
      expect(input.value).to.equal('4321');
      expect(seen.map((event) => event.detail.code)).to.deep.equal(['4321']);
    });

    it('waits for Verify without auto-submit', async () => {
      const el = await verifier();
      const seen = recordEvents(el, 'code-submit');
      await typeInto(field(el), '123456');
      expect(seen).to.have.length(0);
    });
  });

  describe('states', () => {
    it('shows progress and blocks submitting while pending', async () => {
      const el = await verifier();
      await typeInto(field(el), '123456');
      verifyButton(el).click();
      el.pending = true;
      await el.updateComplete;
      const seen = recordEvents(el, 'code-submit');
      verifyButton(el).click();
      await press('Enter');
      expect(seen).to.have.length(0);
      expect(verifyButton(el).getAttribute('aria-disabled')).to.equal('true');
      expect(statusText(el)).to.equal('Checking…');
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
    });

    it('says "1 try left" in the singular', async () => {
      const el = await verifier({ status: 'invalid-code', 'attempts-remaining': '1' });
      expect(alertText(el)).to.equal("That code isn't right. You have 1 try left.");
    });

    it('says a code is wrong without a count when the backend gives none', async () => {
      const el = await verifier({ status: 'invalid-code' });
      expect(alertText(el)).to.equal("That code isn't right. Check the latest message and try again.");
    });

    it('selects a wrong code, so typing replaces it', async () => {
      const el = await verifier();
      await typeInto(field(el), '123456');
      await press('Enter');
      el.pending = true;
      await el.updateComplete;
      el.pending = false;
      el.status = 'invalid-code';
      await el.updateComplete;
      expect(deepActiveElement() === field(el), 'focus is on the field').to.equal(true);
      await typeInto(field(el), '654321');
      expect(field(el).value).to.equal('654321');
    });

    it('offers a new code when the code expired', async () => {
      const el = await verifier({ status: 'code-expired' });
      expect(alertText(el)).to.match(/expired\. Ask for a new code/);
      expect(unavailable(resendButton(el))).to.equal(false);
      await expectAccessible(el);
    });

    it('locks the field after too many attempts and says when to try again', async () => {
      const el = await verifier();
      el.status = 'too-many-attempts';
      el.retryAfterSeconds = 299;
      await el.updateComplete;
      expect(field(el).disabled).to.equal(true);
      expect(verifyButton(el).disabled).to.equal(true);
      expect(alertText(el)).to.match(/^Too many wrong codes\./);
      expect(shownText(el)).to.contain('You can try again in 4:59.');
      expect(el.matches(':state(locked)')).to.equal(true);
      await expectAccessible(el);
    });

    it('counts down the lock without announcing each second', async () => {
      const el = await verifier({ status: 'too-many-attempts', 'retry-after-seconds': '120' });
      const [alert, status] = [alertText(el), statusText(el)];
      await waitUntil(() => shownText(el).includes('try again in 1:59'), 'the lock did not count down', {
        timeout: 5000,
      });
      expect(alertText(el)).to.equal(alert);
      expect(statusText(el)).to.equal(status);
    });

    it('writes a long lock in the words’ language', async () => {
      await setLocale('de');
      try {
        const el = await verifier({ status: 'too-many-attempts', 'retry-after-seconds': '7200' });
        await waitUntil(() => shownText(el).includes('2 Stunden'), 'the wait is not in German');
      } finally {
        await setLocale('en');
      }
    });

    it('keeps focus in the step when a lock disables the focused field', async () => {
      const el = await verifier();
      await typeInto(field(el), '123456');
      await press('Enter');
      el.status = 'too-many-attempts';
      await el.updateComplete;
      const heading = getByRole(el, 'heading', { name: 'Enter code' });
      expect(deepActiveElement() === heading, 'focus is on the heading').to.equal(true);
    });

    it('shows and announces a message from the host, without marking the code wrong', async () => {
      const el = await verifier();
      el.error = 'You seem to be offline.';
      await el.updateComplete;
      expect(alertText(el)).to.equal('You seem to be offline.');
      expect(field(el).getAttribute('aria-invalid')).to.equal('false');
      await expectAccessible(el);
    });

    it("keeps the host's message and lock through a form reset, which empties the code: they are the server's", async () => {
      sessionStorage.clear();
      const form = await fixture<HTMLFormElement>(
        html`<form><code-verify name="code" destination="+31612345678"></code-verify></form>`,
      );
      const el = form.querySelector('code-verify')!;
      await typeInto(field(el), '123456');
      el.error = 'You seem to be offline.';
      await el.updateComplete;
      form.reset();
      await el.updateComplete;
      // Unlike the phone's and the email's, this message says nothing about what was typed: an edit keeps it too.
      expect([field(el).value, alertText(el)]).to.deep.equal(['', 'You seem to be offline.']);
      expect(el.matches(':state(invalid)')).to.equal(false);
      await expectAccessible(el);
      el.status = 'too-many-attempts';
      await el.updateComplete;
      form.reset();
      await el.updateComplete;
      expect(field(el).disabled, 'a reset does not lift the lock').to.equal(true);
    });

    it('says a host message that counts down once, then counts it down outside every live region', async () => {
      const el = await verifier();
      await expectCountdownSaidOnce(el, () => field(el));
      await expectAccessible(el);
      el.error = '';
      await el.updateComplete;
      el.error = 'You seem to be offline.';
      await el.updateComplete;
      expect(alertText(el), 'the next message is said again').to.equal('You seem to be offline.');
    });

    it('disables everything but Back inside a disabled fieldset', async () => {
      sessionStorage.clear();
      const form = await fixture<HTMLFormElement>(
        html`<form>
          <fieldset disabled><code-verify destination="+31612345678"></code-verify></fieldset>
        </form>`,
      );
      const el = form.querySelector('code-verify')!;
      await el.updateComplete;
      expect(field(el).disabled).to.equal(true);
      expect(verifyButton(el).disabled).to.equal(true);
      expect(resendButton(el).disabled).to.equal(true);
      await expectAccessible(el);
    });
  });

  describe('asking for a new code', () => {
    it('waits for the cooldown, reading as a wait, not an expiry', async () => {
      const el = await verifier({ 'resend-in-seconds': '25' });
      expect(unavailable(resendButton(el))).to.equal(true);
      expect(shownText(el)).to.match(/You can ask for a new code in 0:2[45]\./);
      expect(shownText(el)).not.to.match(/expire/i);
      expect(el.matches(':state(cooldown)')).to.equal(true);
      const seen = recordEvents(el, 'code-resend');
      resendButton(el).click();
      expect(seen).to.have.length(0);
      await expectAccessible(el);
    });

    it('becomes available when the cooldown ends, and fires code-resend', async () => {
      const el = await verifier({ 'resend-in-seconds': '1' });
      await waitUntil(() => !unavailable(resendButton(el)), 'the resend never became available', { timeout: 5000 });
      expect(statusText(el)).to.equal('You can ask for a new code now.');
      await expectAccessible(el);
      const event = nextEvent(el, 'code-resend');
      resendButton(el).click();
      expect((await event).detail).to.deep.equal({ channel: 'sms' });
    });

    it('announces the start of a cooldown but not every second of it', async () => {
      const el = await verifier({ 'resend-in-seconds': '30' });
      expect(statusText(el)).to.match(/You can ask for a new code in 0:30/);
      const first = statusText(el);
      await waitUntil(() => shownText(el).includes('0:29'), 'the cooldown did not count down', { timeout: 5000 });
      expect(statusText(el)).to.equal(first);
    });

    it('fires code-resend once for a double click, until the host answers', async () => {
      const el = await verifier();
      const seen = recordEvents(el, 'code-resend');
      resendButton(el).click();
      await el.updateComplete;
      resendButton(el).click();
      expect(seen).to.have.length(1);
      expect(unavailable(resendButton(el))).to.equal(true);
      el.restartCooldown(0);
      await el.updateComplete;
      resendButton(el).click();
      expect(seen).to.have.length(2);
    });

    it('says a new code is on its way while the host sends it', async () => {
      const el = await verifier();
      resendButton(el).click();
      el.pending = true;
      await el.updateComplete;
      expect(statusText(el)).to.equal('Sending a new code…');
      await expectAccessible(el);
    });

    it('forgets a typed code when a new one is asked for', async () => {
      const el = await verifier();
      await typeInto(field(el), '123');
      resendButton(el).click();
      await el.updateComplete;
      expect(field(el).value).to.equal('');
    });

    it('starts a new cooldown when the host sets the same number again', async () => {
      const el = await verifier({ 'resend-in-seconds': '1' });
      await waitUntil(() => !unavailable(resendButton(el)), 'the first cooldown never ended', { timeout: 5000 });
      el.resendInSeconds = 1;
      await el.updateComplete;
      expect(unavailable(resendButton(el))).to.equal(true);
      expect(statusText(el)).to.match(/You can ask for a new code in 0:01/);
    });

    it('restarts the cooldown on request', async () => {
      const el = await verifier({ 'resend-in-seconds': '5' });
      el.restartCooldown(90);
      await el.updateComplete;
      expect(shownText(el)).to.match(/in 1:30\./);
    });

    it('keeps the focus on a resend button when its cooldown starts', async () => {
      const el = await verifier();
      resendButton(el).focus();
      await press('Enter');
      el.resendInSeconds = 30;
      await el.updateComplete;
      expect(deepActiveElement() === resendButton(el), 'focus is on Resend').to.equal(true);
    });

    it('remembers the cooldown across a reload without storing the number or a code', async () => {
      const el = await verifier({ 'resend-in-seconds': '60' });
      await typeInto(field(el), '123456');
      const stored = Object.keys(sessionStorage)
        .map((key) => key + sessionStorage.getItem(key))
        .join(' ');
      expect(stored).not.to.contain('612345678');
      expect(stored).not.to.contain('123456');
      el.remove();
      const again = await fixture<CodeVerify>(html`<code-verify destination="+31612345678"></code-verify>`);
      expect(unavailable(resendButton(again))).to.equal(true);
      expect(shownText(again)).to.match(/in (1:00|0:5\d)\./);
    });

    it('does not carry a cooldown over to another number', async () => {
      await verifier({ 'resend-in-seconds': '60' });
      const other = await fixture<CodeVerify>(html`<code-verify destination="+447400123456"></code-verify>`);
      expect(unavailable(resendButton(other))).to.equal(false);
    });

    it('offers a call when both channels are allowed', async () => {
      const el = await verifier({ channels: 'sms voice' });
      await expectAccessible(el);
      const event = nextEvent(el, 'code-resend');
      getByRole(el, 'button', { name: 'Call me instead' }).click();
      expect((await event).detail).to.deep.equal({ channel: 'voice' });
    });

    it('offers a text message instead of another call', async () => {
      const el = await verifier({ channel: 'voice', channels: 'sms voice' });
      expect(resendButton(el, 'Resend code by calling again')).to.exist;
      const event = nextEvent(el, 'code-resend');
      getByRole(el, 'button', { name: 'Text me instead' }).click();
      expect((await event).detail).to.deep.equal({ channel: 'sms' });
    });

    it('offers no other channel, rather than breaking, for channels set to undefined or null', async () => {
      const el = await verifier({ channels: 'sms voice' });
      // A React prop left out, or a field missing from the host's data.
      for (const junk of [undefined, null]) {
        el.channels = junk as unknown as CodeVerify['channels'];
        await el.updateComplete;
        expect(resendButton(el)).to.exist;
        expect(queryByRole(el, 'button', { name: /instead/ })).to.equal(null);
      }
    });

    it('says where the code went without breaking, whatever a host gives as the destination', async () => {
      const el = await verifier();
      for (const junk of [42, {}, [], null, undefined]) {
        el.destination = junk as unknown as string;
        await el.updateComplete;
        expect(verifyButton(el)).to.exist;
      }
      el.destination = '+31612345678';
      await el.updateComplete;
      expect(shownText(el)).to.contain('5678');
      expect(shownText(el)).not.to.contain('612345678');
    });

    it('offers no other channel when only one is allowed', async () => {
      const el = await verifier({ channels: 'sms' });
      expect(queryByRole(el, 'button', { name: /instead/ })).to.equal(null);
    });
  });

  describe('WebOTP', () => {
    let fake: ReturnType<typeof fakeWebOtp>;
    beforeEach(() => (fake = fakeWebOtp()));
    afterEach(() => fake.restore());

    it('fills the code from the text message and submits it, with web-otp and auto-submit', async () => {
      const el = await verifier({ 'web-otp': '', 'auto-submit': '' });
      expect(fake.requests).to.have.length(1);
      const event = nextEvent(el, 'code-submit');
      fake.requests[0]!.deliver('246810');
      expect((await event).detail.code).to.equal('246810');
      expect(field(el).value).to.equal('246810');
    });

    it('aborts the request when the element leaves the page', async () => {
      const el = await verifier({ 'web-otp': '' });
      el.remove();
      expect(fake.requests[0]!.signal.aborted).to.equal(true);
    });

    it('stops asking the browser once a code is submitted, and asks again for a new code', async () => {
      const el = await verifier({ 'web-otp': '' });
      await typeInto(field(el), '123456');
      await press('Enter');
      expect(fake.requests[0]!.signal.aborted).to.equal(true);
      resendButton(el).click();
      expect(fake.requests).to.have.length(2);
      expect(fake.requests[1]!.signal.aborted).to.equal(false);
    });

    it('asks the browser for nothing without web-otp', async () => {
      await verifier();
      expect(fake.requests).to.have.length(0);
    });
  });

  describe('the host', () => {
    it('gets back when Back is pressed', async () => {
      const el = await verifier();
      const event = nextEvent(el, 'back');
      getByRole(el, 'button', { name: 'Back' }).click();
      expect((await event).detail).to.equal(null);
    });

    it('can add its own buttons to the actions row', async () => {
      sessionStorage.clear();
      const page = await fixture<HTMLDivElement>(
        html`<div>
          <code-verify destination="+31612345678"><button slot="actions">Cancel</button></code-verify>
        </div>`,
      );
      const el = page.querySelector('code-verify')!;
      await el.updateComplete;
      const cancel = getByRole(page, 'button', { name: 'Cancel' });
      const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="actions"]')!;
      expect(slot.assignedElements()).to.deep.equal([cancel]);
      await expectAccessible(el);
    });

    it('moves focus to the heading on request', async () => {
      const el = await verifier();
      el.focusHeading();
      expect(
        queryByRole(el, 'heading', { name: 'Enter code' }) === deepActiveElement(),
        'focus on the heading',
      ).to.equal(true);
    });

    it('never writes the code to an attribute, and forgets it on clear and on disconnect', async () => {
      const el = await verifier();
      await typeInto(field(el), '987650');
      const attributes = el.getAttributeNames().map((name) => el.getAttribute(name));
      expect(attributes.join(' ')).not.to.contain('987650');
      expect(el.value).to.equal('987650');
      el.clear();
      await el.updateComplete;
      expect(el.value).to.equal('');
      expect(field(el).value).to.equal('');
      await typeInto(field(el), '987650');
      const input = field(el);
      el.remove();
      expect(el.value).to.equal('');
      expect(input.value).to.equal('');
    });
  });

  describe('looks', () => {
    it('is accessible right to left, with the number kept left to right', async () => {
      sessionStorage.clear();
      const el = await fixtureRtl<CodeVerify>(
        html`<code-verify
          destination="+31612345678"
          status="invalid-code"
          .channels=${['sms', 'voice']}
        ></code-verify>`,
      );
      const number = el.shadowRoot!.querySelector('[part~="destination"]')!;
      expect(getComputedStyle(number).direction).to.equal('ltr');
      await expectAccessible(el);
    });

    it('is accessible in dark mode', async () => {
      sessionStorage.clear();
      try {
        const el = await fixtureInDarkMode<CodeVerify>(
          html`<code-verify destination="+31612345678" status="invalid-code" resend-in-seconds="30"></code-verify>`,
        );
        await expectAccessible(el);
      } finally {
        await leaveDarkMode();
      }
    });

    it('is accessible in forced colors, a waiting Resend shown in GrayText', async () => {
      sessionStorage.clear();
      try {
        const el = await fixtureInForcedColors<CodeVerify>(
          html`<code-verify destination="+31612345678" resend-in-seconds="30"></code-verify>`,
        );
        const resend = resendButton(el);
        expect(unavailable(resend)).to.equal(true);
        expect(getComputedStyle(resend).color).to.equal(systemColor('GrayText'));
        expect(getComputedStyle(resend).opacity).to.equal('1');
        await expectAccessible(el);
        el.setAttribute('status', 'too-many-attempts');
        el.setAttribute('retry-after-seconds', '60');
        await el.updateComplete;
        await expectAccessible(el);
      } finally {
        await leaveForcedColors();
      }
    });

    it('fits 320 px without scrolling sideways', async () => {
      await setViewport({ width: 320, height: 800 });
      try {
        const el = await verifier({ channels: 'sms voice', 'resend-in-seconds': '30', status: 'invalid-code' });
        expect(el.getBoundingClientRect().width).to.be.at.most(320);
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('gives every button a target of at least 24 px', async () => {
      const el = await verifier({ channels: 'sms voice' });
      for (const button of el.shadowRoot!.querySelectorAll('button')) {
        const { width, height } = button.getBoundingClientRect();
        expect(Math.min(width, height), button.textContent!.trim()).to.be.at.least(24);
      }
    });
  });
});
