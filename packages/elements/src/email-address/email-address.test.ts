import { sendKeys } from '@web/test-runner-commands';
import type { EmailAddress } from './email-address.js';
import './email-address.js';
import {
  deepActiveElement,
  expect,
  expectAccessible,
  expectOneSubmitPerAnswer,
  fixture,
  fixtureRtl,
  getByRole,
  html,
  nextEvent,
  press,
  recordEvents,
  typeInto,
} from '../../test/helpers.js';
import { formControlTests } from '../../test/form-control.js';

const field = (el: EmailAddress) => getByRole<HTMLInputElement>(el, 'textbox', { name: 'Email address' });
const next = (el: EmailAddress) => getByRole<HTMLButtonElement>(el, 'button', { name: 'Next' });
const message = (el: EmailAddress) => getByRole(el, 'alert', { hidden: true }).textContent?.trim() ?? '';

async function email(template = html`<email-address></email-address>`) {
  return fixture<EmailAddress>(template);
}

/**
 * Pastes `text` as the clipboard does: a `paste` event, then the browser's own insertion, which (unlike setting
 * `value`) keeps to the field's `maxlength`. (`setRangeText`, which the shared helper uses, throws on an email field.)
 */
function pasteInto(input: HTMLInputElement, text: string): void {
  input.focus();
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
  // execCommand is deprecated but is still the one way a page can insert text as the browser's editing does.
  if (input.dispatchEvent(event)) document.execCommand('insertText', false, text);
}

/** Types `text`, presses Enter, and waits for what the element shows then. */
async function submit(el: EmailAddress, text: string) {
  await typeInto(field(el), text);
  await press('Enter');
  await el.updateComplete;
}

describe('email-address', () => {
  it('asks for an address, for resetting a password, in one field made for email', async () => {
    const el = await email();
    expect(getByRole(el, 'heading', { name: 'Add an email address' })).to.exist;
    expect(el.shadowRoot!.textContent).to.include('reset your password');
    const input = field(el);
    expect(input.type).to.equal('email');
    expect(input.autocomplete).to.equal('email');
    expect(input.inputMode).to.equal('email');
    expect(input.spellcheck).to.equal(false);
    expect(input.dir).to.equal('ltr');
    // Longer than an address may be (254), so a long paste is told so rather than cut short silently.
    expect(input.maxLength).to.be.greaterThan(254);
    expect(getByRole(el, 'button', { name: 'Back' })).to.exist;
    await expectAccessible(el);
  });

  it('says it changes an address with replacing', async () => {
    const el = await email(html`<email-address replacing></email-address>`);
    expect(getByRole(el, 'heading', { name: 'Change your email address' })).to.exist;
    await expectAccessible(el);
  });

  it('sends the address typed when Enter is pressed, keyboard only', async () => {
    const el = await email();
    const sent = nextEvent(el, 'email-submit');
    await submit(el, 'ana@example.com');
    expect((await sent).detail).to.deep.equal({ email: 'ana@example.com' });
    expect(message(el)).to.equal('');
  });

  it('moves from the field to Next and Back with Tab, and Back is heard by the host', async () => {
    const el = await email();
    field(el).focus();
    await press('Tab');
    expect(deepActiveElement()).to.equal(next(el));
    await press('Tab');
    const back = nextEvent(el, 'back');
    await press('Enter');
    await back;
  });

  const problems: [string, string, RegExp][] = [
    ['nothing', '', /^Enter your email address\.$/],
    ['no @', 'ana.example.com', /with an @ between the name and the domain/],
    ['a space before the @', 'ana maria@example.com', /Check the part before the @/],
    ['no domain after the @', 'ana@example', /Check the part after the @/],
  ];
  for (const [what, typed, expected] of problems) {
    it(`says what to do about ${what}, linked to the field that keeps focus`, async () => {
      const el = await email();
      const sent = recordEvents(el, 'email-submit');
      if (typed) await submit(el, typed);
      else {
        field(el).focus();
        await press('Enter');
        await el.updateComplete;
      }
      expect(message(el)).to.match(expected);
      const input = field(el);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.equal('email-message');
      expect(deepActiveElement()).to.equal(input);
      expect(el.matches(':state(invalid)')).to.equal(true);
      expect(sent).to.have.length(0);
      await expectAccessible(el);
    });
  }

  it('fires one input event per edit, its own', async () => {
    const el = await email();
    const inputs = recordEvents(el, 'input');
    field(el).focus();
    await sendKeys({ type: 'ab' });
    expect(inputs.map((event) => event.constructor)).to.deep.equal([Event, Event]);
    await press('Backspace');
    expect(inputs).to.have.length(3);
  });

  it('has its value and validity, and the form its data, up to date when its input event fires', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><email-address name="email" required></email-address></form>`,
    );
    const el = form.querySelector('email-address')!;
    await el.updateComplete;
    // What a host's listener reads, as it reads a native field's at its input event.
    const heard: unknown[] = [];
    el.addEventListener('input', () => heard.push([el.value, el.checkValidity(), new FormData(form).get('email')]));
    await typeInto(field(el), 'ana@example.nl');
    expect(heard.at(-1)).to.deep.equal(['ana@example.nl', true, 'ana@example.nl']);
    await press('Backspace');
    await press('Backspace');
    await press('Backspace');
    expect(heard.at(-1)).to.deep.equal(['', false, null]);
  });

  it('shows no problem while the first characters are typed, and follows the edits once Next was pressed', async () => {
    const el = await email();
    await typeInto(field(el), 'ana');
    await el.updateComplete;
    expect(message(el)).to.equal('');
    await press('Enter');
    await el.updateComplete;
    expect(message(el)).to.match(/with an @/);
    await sendKeys({ type: '@example' });
    await el.updateComplete;
    expect(message(el)).to.match(/Check the part after the @/);
    await sendKeys({ type: '.com' });
    await el.updateComplete;
    expect(message(el)).to.equal('');
    expect(field(el).getAttribute('aria-invalid')).to.equal('false');
  });

  it('tells a paste of 10,000 characters that it is too long, rather than cutting it to look right', async () => {
    const el = await email();
    const sent = recordEvents(el, 'email-submit');
    pasteInto(field(el), `${'a'.repeat(9_988)}@example.com`);
    await press('Enter');
    await el.updateComplete;
    expect(field(el).value.length).to.equal(field(el).maxLength);
    expect(message(el)).to.match(/too long\. An email address has at most 254 characters/);
    expect(sent).to.have.length(0);
    await expectAccessible(el);
  });

  it('refuses pasted junk with a message, and sends nothing', async () => {
    const el = await email();
    const sent = recordEvents(el, 'email-submit');
    pasteInto(field(el), '<img src=x onerror=alert(1)>');
    await press('Enter');
    await el.updateComplete;
    expect(message(el)).to.match(/with an @/);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(sent).to.have.length(0);
  });

  it('takes a pasted mailto: link as its address', async () => {
    const el = await email();
    const sent = nextEvent(el, 'email-submit');
    pasteInto(field(el), 'mailto:ana@example.com');
    await press('Enter');
    expect((await sent).detail.email).to.equal('ana@example.com');
  });

  it('takes an address pasted with its name, as a mail program copies it, as that address', async () => {
    const el = await email();
    const sent = nextEvent(el, 'email-submit');
    pasteInto(field(el), '"Jan de Vries" <jan@example.com>');
    await press('Enter');
    expect((await sent).detail.email).to.equal('jan@example.com');
    expect(message(el)).to.equal('');
    await expectAccessible(el);
  });

  it('reads a full-width ＠, as a Japanese keyboard types it, as an @', async () => {
    const el = await email();
    const sent = nextEvent(el, 'email-submit');
    pasteInto(field(el), 'ana＠example.com');
    await press('Enter');
    expect((await sent).detail.email).to.equal('ana@example.com');
  });

  it('accepts an internationalized domain', async () => {
    const el = await email();
    const sent = nextEvent(el, 'email-submit');
    await submit(el, 'ana@bücher.de');
    // Chromium hands an email field's Unicode domain to scripts in its ASCII form, which the server takes as well.
    expect((await sent).detail.email).to.equal('ana@xn--bcher-kva.de');
    expect(message(el)).to.equal('');
  });

  it('sends once for a double click, and again once the host has answered', async () => {
    const el = await email();
    const sent = recordEvents(el, 'email-submit');
    await typeInto(field(el), 'ana@example.com');
    await expectOneSubmitPerAnswer(el, () => next(el), sent);
  });

  it('shows progress while pending, and announces it', async () => {
    const el = await email();
    await typeInto(field(el), 'ana@example.com');
    el.pending = true;
    await el.updateComplete;
    expect(next(el).getAttribute('aria-disabled')).to.equal('true');
    expect(getByRole(el, 'status').textContent?.trim()).to.equal('Sending your code…');
    expect(el.matches(':state(pending)')).to.equal(true);
    await expectAccessible(el);
  });

  it("shows the host's error on the field until the address is edited", async () => {
    const el = await email();
    await typeInto(field(el), 'ana@example.com');
    el.error = "We couldn't send a code. Try again in a few minutes.";
    await el.updateComplete;
    expect(message(el)).to.equal("We couldn't send a code. Try again in a few minutes.");
    // A failure that says nothing against the address leaves the field as it is.
    expect(field(el).getAttribute('aria-invalid')).to.equal('false');
    await expectAccessible(el);
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(message(el)).to.equal('');
    expect(el.error).to.equal('');
  });

  it('marks the field invalid for a host error only when the host says the address is refused', async () => {
    const el = await email();
    await typeInto(field(el), 'ana@example.com');
    el.error = "This address can't be used.";
    el.addressRejected = true;
    await el.updateComplete;
    expect(field(el).getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(el);
    // Edited, it is another address: nothing against it yet.
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect([el.addressRejected, field(el).getAttribute('aria-invalid')]).to.deep.equal([false, 'false']);
  });

  it('shows a value the host sets, and gives it back', async () => {
    const el = await email(html`<email-address .value=${'ana@example.com'}></email-address>`);
    expect(field(el).value).to.equal('ana@example.com');
    expect(el.value).to.equal('ana@example.com');
  });

  it('is a right-to-left page with the address still left to right', async () => {
    const el = await fixtureRtl<EmailAddress>(html`<email-address></email-address>`);
    await typeInto(field(el), 'ana@example.com');
    expect(getComputedStyle(field(el)).direction).to.equal('ltr');
    expect(getComputedStyle(el.shadowRoot!.querySelector('h2')!).direction).to.equal('rtl');
    await expectAccessible(el);
  });

  it('sends inside a form without submitting that form', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><email-address name="email"></email-address></form>`);
    const el = form.querySelector('email-address')!;
    let submitted = 0;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted++;
    });
    const sent = nextEvent(el, 'email-submit');
    await submit(el, 'ana@example.com');
    await sent;
    expect(submitted).to.equal(0);
    expect(new FormData(form).get('email')).to.equal('ana@example.com');
  });

  it("forgets the host's error and refusal at a form reset, as an edit does", async () => {
    const form = await fixture<HTMLFormElement>(html`<form><email-address name="email"></email-address></form>`);
    const el = form.querySelector('email-address')!;
    await submit(el, 'ana@example.com');
    el.error = "This address can't be used.";
    el.addressRejected = true;
    await el.updateComplete;
    expect(el.matches(':state(invalid)')).to.equal(true);
    form.reset();
    await el.updateComplete;
    expect(message(el)).to.equal('');
    expect(el.shadowRoot!.textContent).not.to.contain("can't be used");
    expect(field(el).getAttribute('aria-invalid')).to.equal('false');
    expect(el.matches(':state(invalid)')).to.equal(false);
    expect([el.error, el.addressRejected]).to.deep.equal(['', false]);
    await expectAccessible(el);
  });

  it('sends its first address again after a form reset, the host not having answered', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><email-address name="email" value="ana@example.com"></email-address></form>`,
    );
    const el = form.querySelector('email-address')!;
    const sent = recordEvents(el, 'email-submit');
    next(el).click();
    form.reset();
    await el.updateComplete;
    next(el).click();
    expect(sent).to.have.length(2);
  });
});

formControlTests<EmailAddress>('email-address', {
  create: () => document.createElement('email-address'),
  field,
  valid: { typed: 'ana@example.com', value: 'ana@example.com' },
  invalid: { typed: 'ana', flag: 'customError', message: /@/ },
  restore: { state: 'ana@example.com', value: 'ana@example.com' },
});
