import './authenticator-app-setup.js';
import type { AuthenticatorAppSetup } from './authenticator-app-setup.js';
import { generate } from 'lean-qr';
import { drawQr, QUIET_ZONE } from './qr-code.js';
import {
  deepActiveElement,
  expect,
  expectAccessible,
  fixture,
  fixtureInDarkMode,
  fixtureInForcedColors,
  fixtureRtl,
  getByRole,
  html,
  leaveDarkMode,
  leaveForcedColors,
  press,
  queryByRole,
  recordEvents,
  systemColor,
  waitUntil,
} from '../../test/helpers.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/Contoso:ada%40contoso.com?secret=${SECRET}&issuer=Contoso&algorithm=SHA1&digits=6&period=30`;

const setup = (el: AuthenticatorAppSetup) => el.shadowRoot!;
const qrImage = (el: AuthenticatorAppSetup) =>
  getByRole<SVGSVGElement & HTMLElement>(el, 'image', { name: 'QR code for your authenticator app' });
const disclosure = (el: AuthenticatorAppSetup) => setup(el).querySelector('details')!;
const summary = (el: AuthenticatorAppSetup) => setup(el).querySelector('summary')!;
const key = (el: AuthenticatorAppSetup) => setup(el).querySelector<HTMLElement>('[part~="key"]')!;
const copyButton = (el: AuthenticatorAppSetup) => getByRole<HTMLButtonElement>(el, 'button', { name: 'Copy key' });
const nextButton = (el: AuthenticatorAppSetup) => getByRole<HTMLButtonElement>(el, 'button', { name: 'Next' });
const backButton = (el: AuthenticatorAppSetup) => getByRole<HTMLButtonElement>(el, 'button', { name: 'Back' });
const statusText = (el: AuthenticatorAppSetup) => getByRole(el, 'status', { hidden: true }).textContent?.trim() ?? '';
const alertText = (el: AuthenticatorAppSetup) => getByRole(el, 'alert', { hidden: true }).textContent?.trim() ?? '';
const shownText = (el: AuthenticatorAppSetup) => (setup(el).textContent ?? '').replace(/\s+/g, ' ');

async function ready(
  template = html`<authenticator-app-setup .uri=${URI} .secret=${SECRET}></authenticator-app-setup>`,
) {
  const el = await fixture<AuthenticatorAppSetup>(template);
  await el.updateComplete;
  return el;
}

/** Reads the dark modules back out of the drawn path: `M x y h run v1 h -run z`, one rectangle per run. */
function modulesOf(d: string): Set<string> {
  const dark = new Set<string>();
  const run = /M(\d+) (\d+)h(\d+)v1h-(\d+)z/y;
  let match: RegExpExecArray | null;
  let read = 0;
  while ((match = run.exec(d))) {
    read = run.lastIndex;
    const [, x, y, width, back] = match.map(Number) as [number, number, number, number, number];
    expect(back, 'each rectangle closes on itself').to.equal(width);
    for (let i = 0; i < width; i++) dark.add(`${x + i},${y}`);
  }
  expect(read, 'the path holds nothing but module rectangles').to.equal(d.length);
  return dark;
}

/** Stands in for the browser's clipboard; `restore()` gives the page its own back. */
function fakeClipboard(writeText: (text: string) => Promise<void>) {
  const written: string[] = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: (text: string) => (written.push(text), writeText(text)) },
  });
  return { written, restore: () => delete (navigator as { clipboard?: unknown }).clipboard };
}

describe('authenticator-app-setup', () => {
  it('shows the heading, numbered instructions, the QR code and Next and Back', async () => {
    const el = await ready();
    expect(getByRole(el, 'heading', { name: 'Set up your authenticator app' })).to.exist;
    const steps = [...setup(el).querySelectorAll('ol[part="intro"] > li')].map((li) => li.textContent?.trim());
    expect(steps).to.deep.equal([
      'Open your authenticator app.',
      'Add an account.',
      'Scan the QR code, then select Next.',
    ]);
    expect(qrImage(el)).to.exist;
    expect(nextButton(el)).to.exist;
    expect(backButton(el)).to.exist;
    expect(queryByRole(el, 'button', { name: 'Copy key' }), 'the key waits behind "Can\'t scan the QR code?"').to.equal(
      null,
    );
    await expectAccessible(el);
  });

  it('draws every module of the URI’s QR code, in one path, inside a four-module quiet zone', async () => {
    const el = await ready();
    const code = generate(URI);
    const svg = qrImage(el);
    const size = code.size + 2 * QUIET_ZONE;
    expect(svg.getAttribute('viewBox')).to.equal(`0 0 ${size} ${size}`);
    const paths = svg.querySelectorAll('path');
    expect(paths.length).to.equal(1);
    const dark = modulesOf(paths[0]!.getAttribute('d')!);
    let expected = 0;
    for (let y = 0; y < code.size; y++)
      for (let x = 0; x < code.size; x++) {
        const drawn = dark.has(`${x + QUIET_ZONE},${y + QUIET_ZONE}`);
        expect(drawn, `module ${x},${y}`).to.equal(code.get(x, y));
        if (drawn) expected++;
      }
    expect(dark.size, 'nothing drawn in the quiet zone').to.equal(expected);
    const light = svg.querySelector('rect')!;
    expect([light.getAttribute('width'), light.getAttribute('height')]).to.deep.equal([`${size}`, `${size}`]);
  });

  it('draws nothing for a text no QR code can hold, and nothing for none', () => {
    expect(drawQr('')).to.equal(undefined);
    expect(drawQr('x'.repeat(8000))).to.equal(undefined);
  });

  it('reveals the key in groups of four, left to right, when "Can\'t scan the QR code?" is opened', async () => {
    const el = await ready();
    summary(el).click();
    await waitUntil(() => disclosure(el).open);
    const groups = [...key(el).querySelectorAll('span')].map((span) => span.textContent);
    expect(groups).to.deep.equal(['JBSW', 'Y3DP', 'EHPK', '3PXP', 'JBSW', 'Y3DP', 'EHPK', '3PXP']);
    expect(key(el).textContent).to.equal('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect(key(el).getAttribute('dir')).to.equal('ltr');
    expect(getComputedStyle(key(el)).userSelect).to.not.equal('none');
    expect(shownText(el)).to.contain('Enter this key in your app instead:');
    await expectAccessible(el);
  });

  it('groups a key given with spaces or of a length not divisible by four', async () => {
    const el = await ready(
      html`<authenticator-app-setup .uri=${URI} .secret=${'abcd efgh-ij'}></authenticator-app-setup>`,
    );
    summary(el).click();
    await el.updateComplete;
    expect([...key(el).querySelectorAll('span')].map((span) => span.textContent)).to.deep.equal(['abcd', 'efgh', 'ij']);
  });

  it('copies the key without spaces and says so', async () => {
    const clipboard = fakeClipboard(() => Promise.resolve());
    try {
      const el = await ready();
      summary(el).click();
      await el.updateComplete;
      copyButton(el).click();
      await waitUntil(() => statusText(el) === 'Key copied.', 'no "Key copied" announced');
      expect(clipboard.written).to.deep.equal([SECRET]);
      expect(shownText(el)).to.contain('Key copied.');
      await expectAccessible(el);
    } finally {
      clipboard.restore();
    }
  });

  it('asks the person to select and copy the key when the browser refuses the clipboard, and selects it', async () => {
    const clipboard = fakeClipboard(() =>
      Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
    );
    try {
      const el = await ready();
      summary(el).click();
      await el.updateComplete;
      copyButton(el).click();
      await waitUntil(() => statusText(el) === 'Select the key and copy it.', 'no advice announced');
      expect(shownText(el)).to.contain('Select the key and copy it.');
      expect(shownText(el)).to.not.contain('Key copied.');
      expect(getSelection()?.toString().replace(/\s/g, '')).to.equal(SECRET);
      await expectAccessible(el);
    } finally {
      getSelection()?.removeAllRanges();
      clipboard.restore();
    }
  });

  it('asks the same of a page with no clipboard at all', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
    try {
      const el = await ready();
      summary(el).click();
      await el.updateComplete;
      copyButton(el).click();
      await waitUntil(() => statusText(el) === 'Select the key and copy it.');
    } finally {
      getSelection()?.removeAllRanges();
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });

  it('forgets how the last copy went when the key changes', async () => {
    const clipboard = fakeClipboard(() => Promise.resolve());
    try {
      const el = await ready();
      summary(el).click();
      await el.updateComplete;
      copyButton(el).click();
      await waitUntil(() => shownText(el).includes('Key copied.'));
      el.secret = 'ABCDEFGHIJKLMNOP';
      await el.updateComplete;
      expect(shownText(el)).to.not.contain('Key copied.');
    } finally {
      clipboard.restore();
    }
  });

  it('works by keyboard alone: Tab to the disclosure, Enter opens it, Tab to Copy, Next once per press', async () => {
    const clipboard = fakeClipboard(() => Promise.resolve());
    try {
      const el = await ready();
      const continued = recordEvents(el, 'app-continue');
      const back = recordEvents(el, 'back');
      el.focusHeading();
      expect(deepActiveElement()).to.equal(getByRole(el, 'heading', { name: 'Set up your authenticator app' }));
      await press('Tab');
      expect(deepActiveElement()).to.equal(summary(el));
      await press('Enter');
      await waitUntil(() => disclosure(el).open, 'Enter did not open the disclosure');
      await press('Tab');
      expect(deepActiveElement()).to.equal(copyButton(el));
      await press('Enter');
      await waitUntil(() => statusText(el) === 'Key copied.');
      expect(clipboard.written).to.deep.equal([SECRET]);
      await press('Tab');
      expect(deepActiveElement()).to.equal(nextButton(el));
      await press('Enter');
      expect(continued.length).to.equal(1);
      await press('Space');
      expect(continued.length).to.equal(2);
      await press('Tab');
      expect(deepActiveElement()).to.equal(backButton(el));
      await press('Enter');
      expect(back.length).to.equal(1);
      expect(continued.length).to.equal(2);
      const event = continued[0]!;
      expect([event.bubbles, event.composed]).to.deep.equal([true, true]);
    } finally {
      clipboard.restore();
    }
  });

  it('shows progress instead of the QR code while the setup is fetched', async () => {
    const el = await fixture<AuthenticatorAppSetup>(html`<authenticator-app-setup pending></authenticator-app-setup>`);
    expect(shownText(el)).to.contain('Getting your QR code…');
    expect(setup(el).querySelector('[part="loading"] .spinner')).to.exist;
    expect(queryByRole(el, 'image')).to.equal(null);
    expect(setup(el).querySelector('details')).to.equal(null);
    await expectAccessible(el);
    el.uri = URI;
    el.secret = SECRET;
    el.pending = false;
    await el.updateComplete;
    expect(shownText(el)).to.not.contain('Getting your QR code…');
    expect(qrImage(el)).to.exist;
  });

  it('announces the fetch when it starts after the step is shown', async () => {
    const el = await fixture<AuthenticatorAppSetup>(html`<authenticator-app-setup></authenticator-app-setup>`);
    expect(statusText(el)).to.equal('');
    el.pending = true;
    await el.updateComplete;
    expect(statusText(el)).to.equal('Getting your QR code…');
    el.uri = URI;
    el.pending = false;
    await el.updateComplete;
    expect(statusText(el)).to.equal('');
  });

  it('while the host works after Next, keeps Next unavailable and fires nothing more', async () => {
    const el = await ready();
    const continued = recordEvents(el, 'app-continue');
    nextButton(el).click();
    el.pending = true;
    await el.updateComplete;
    expect(nextButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(nextButton(el).querySelector('.spinner')).to.exist;
    expect(qrImage(el), 'the QR code stays').to.exist;
    nextButton(el).click();
    expect(continued.length).to.equal(1);
    await expectAccessible(el);
  });

  it('shows and announces the host’s error', async () => {
    const el = await ready();
    expect(alertText(el)).to.equal('');
    el.error = 'You seem to be offline. Check your connection, then try again.';
    await el.updateComplete;
    expect(alertText(el)).to.equal('You seem to be offline. Check your connection, then try again.');
    expect(getByRole(el, 'alert').getAttribute('part')).to.equal('error');
    await expectAccessible(el);
  });

  it('never puts the key or the URI in an attribute', async () => {
    const el = await ready();
    el.setAttribute('error', 'x');
    await el.updateComplete;
    for (const attribute of el.getAttributeNames()) {
      expect(el.getAttribute(attribute)).to.not.contain(SECRET);
      expect(el.getAttribute(attribute)).to.not.contain('otpauth');
    }
    const attributes = [...setup(el).querySelectorAll('*')].flatMap((node) =>
      node.getAttributeNames().map((name) => node.getAttribute(name) ?? ''),
    );
    expect(attributes.some((value) => value.includes(SECRET.slice(0, 8)) || value.includes('otpauth'))).to.equal(false);
  });

  it('keeps the key left to right in a right-to-left page', async () => {
    const el = await fixtureRtl<AuthenticatorAppSetup>(
      html`<authenticator-app-setup .uri=${URI} .secret=${SECRET}></authenticator-app-setup>`,
    );
    summary(el).click();
    await el.updateComplete;
    expect(getComputedStyle(setup(el).querySelector('ol')!).direction).to.equal('rtl');
    expect(getComputedStyle(key(el)).direction).to.equal('ltr');
    const [first, second] = [...key(el).querySelectorAll('span')].map((span) => span.getBoundingClientRect().left);
    expect(first!, 'the first group on the left').to.be.lessThan(second!);
    await expectAccessible(el);
  });

  it('draws black modules on white, also in a dark theme, so the code scans', async () => {
    const check = (el: AuthenticatorAppSetup) => {
      expect(getComputedStyle(qrImage(el).querySelector('rect')!).fill).to.equal('rgb(255, 255, 255)');
      expect(getComputedStyle(qrImage(el).querySelector('path')!).fill).to.equal('rgb(0, 0, 0)');
    };
    check(await ready());
    try {
      const el = await fixtureInDarkMode<AuthenticatorAppSetup>(
        html`<authenticator-app-setup
          .uri=${URI}
          .secret=${SECRET}
          error="Something went wrong."
        ></authenticator-app-setup>`,
      );
      summary(el).click();
      await el.updateComplete;
      check(el);
      await expectAccessible(el);
    } finally {
      await leaveDarkMode();
    }
  });

  it('draws the QR code in the system’s CanvasText on Canvas in forced colors', async () => {
    try {
      const el = await fixtureInForcedColors<AuthenticatorAppSetup>(
        html`<authenticator-app-setup .uri=${URI} .secret=${SECRET}></authenticator-app-setup>`,
      );
      expect(getComputedStyle(qrImage(el).querySelector('rect')!).fill).to.equal(systemColor('Canvas'));
      expect(getComputedStyle(qrImage(el).querySelector('path')!).fill).to.equal(systemColor('CanvasText'));
      summary(el).click();
      await el.updateComplete;
      await expectAccessible(el);
    } finally {
      await leaveForcedColors();
    }
  });

  it('places the host’s own buttons in the actions slot', async () => {
    const el = await ready(
      html`<authenticator-app-setup .uri=${URI} .secret=${SECRET}
        ><button slot="actions">Cancel</button></authenticator-app-setup
      >`,
    );
    const slot = setup(el).querySelector<HTMLSlotElement>('slot[name="actions"]')!;
    expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Cancel']);
    await expectAccessible(el);
  });
});
