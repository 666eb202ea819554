// Recovery codes on the Security info page: offered when the policy allows them, made behind the sign-in the backend
// may ask for, shown once with Copy, Download, Print and Done, forgotten when the dialog closes; the row says how
// many are left and warns when few are.
import { DEFAULT_POLICY, type PreloadedMethod } from '@security-info/core';
import { a11ySnapshot, sendMouse } from '@web/test-runner-commands';
import './security-info-methods.js';
import type { SecurityInfoMethods } from './security-info-methods.js';
import { printer } from './recovery-codes.js';
import {
  deepActiveElement,
  expect,
  expectAccessible,
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
  setViewport,
  waitUntil,
} from '../../test/helpers.js';
import {
  APP,
  WORK_PHONE,
  announced,
  backend,
  button,
  dialog,
  focused,
  nameOf,
  page,
  rows,
  shown,
  signIn,
  text,
} from '../../test/methods.js';

const POLICY = { ...DEFAULT_POLICY, recoveryCodes: true };
const codes = (remaining: number): PreloadedMethod => ({
  id: 'codes',
  kind: 'recovery-codes',
  addedAt: '2026-05-01T10:00:00Z',
  recoveryCodes: { remaining, total: 10 },
});
/** What the dialog says on Escape. */
const KEPT = "These codes won't be shown again. Save them, then select Done.";
const CODE = /^[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}$/;

/** The offer of a first set, once the policy has been read. */
async function offer(el: SecurityInfoMethods) {
  await waitUntil(() => queryByRole(el, 'button', { name: 'Get recovery codes' }), 'no offer of recovery codes', {
    timeout: 3000,
  });
  return button(el, 'Get recovery codes');
}

/** The codes the open dialog shows, as a sighted person reads them (the spelled form is for screen readers alone). */
const shownCodes = (open: Element) =>
  [...open.querySelectorAll('[part="codes"] li')].map((item) =>
    text(item.querySelector('[aria-hidden="true"]') ?? item),
  );

interface AxNode {
  role: string;
  name?: string;
  children?: AxNode[];
}

/**
 * The text a screen reader reads in the dialog of codes in browse mode, line by line: the text Chromium's
 * accessibility tree holds (NVDA and JAWS read a list item's text there, not its aria-label).
 */
async function heardInDialog(): Promise<string[]> {
  const find = (node: AxNode): AxNode | undefined =>
    node.role === 'dialog' && node.name === 'Save your recovery codes'
      ? node
      : (node.children ?? []).reduce<AxNode | undefined>((found, child) => found ?? find(child), undefined);
  const texts = (node: AxNode): string[] =>
    node.role === 'StaticText' ? [(node.name ?? '').trim()] : (node.children ?? []).flatMap(texts);
  const open = find((await a11ySnapshot({})) as unknown as AxNode);
  expect(open, 'no dialog of codes in the accessibility tree').to.exist;
  return texts(open!);
}

/** Makes a first set and waits for its dialog. */
async function firstSet(el: SecurityInfoMethods) {
  (await offer(el)).click();
  const open = await dialog(el);
  await waitUntil(() => shownCodes(open).length > 0, 'no codes shown');
  return open;
}

/** Clicks `element` with the mouse, as a person does: the page gets the user activation a script's click lacks. */
async function clickOn(element: Element) {
  element.scrollIntoView({ block: 'center' });
  const { x, y, width, height } = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(x + width / 2), Math.round(y + height / 2)] });
}

/** Stands in for the clipboard: `refuse` makes it fail as a browser that does not allow it. */
function clipboard(refuse: boolean) {
  const written: string[] = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    get: () => ({
      writeText: (value: string) => {
        if (refuse) return Promise.reject(new DOMException('Refused', 'NotAllowedError'));
        written.push(value);
        return Promise.resolve();
      },
    }),
  });
  return written;
}
afterEach(() => delete (navigator as unknown as Record<string, unknown>).clipboard);

describe('security-info-methods: recovery codes', () => {
  it('offers a first set when the policy allows recovery codes, and not otherwise', async () => {
    const el = await page(backend([WORK_PHONE, APP], { policy: POLICY }));
    const get = await offer(el);
    expect(nameOf(el.shadowRoot!.querySelector('section[part="recovery"]')!)).to.equal('Recovery codes');
    expect(get).to.exist;
    await expectAccessible(el);
    const without = await page(backend([WORK_PHONE, APP]));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(queryByRole(without, 'button', { name: 'Get recovery codes' })).to.equal(null);
  });

  it('makes ten codes and shows them once, with the warning, announced and reported', async () => {
    const adapter = backend([WORK_PHONE, APP], { policy: POLICY });
    const el = await page(adapter);
    const changes = recordEvents(el, 'security-info-methods-change');
    const open = await firstSet(el);
    expect(nameOf(open)).to.equal('Save your recovery codes');
    expect(text(open)).to.include('These codes are shown only now.');
    expect(text(open)).to.include('codes you had before no longer work');
    const shown = shownCodes(open);
    expect(shown).to.have.length(10);
    for (const code of shown) expect(code).to.match(CODE);
    // Each code an item of a list named for what it holds (read character by character: see below).
    const list = getByRole(open, 'list', { name: 'Save your recovery codes' });
    expect(getComputedStyle(list).fontFamily).to.match(/mono|Menlo|Consolas/);
    expect(focused()).to.equal('heading "Save your recovery codes"');
    expect(changes.map((event) => event.detail.change)).to.deep.equal(['recovery-codes']);
    await expectAccessible(el);
    // Said once the dialog has closed: until then the page's live region is inert, and unheard.
    expect(announced(el)).not.to.include('Recovery codes created.');
    getByRole(open, 'button', { name: 'Done' }).click();
    await waitUntil(() => !el.shadowRoot!.querySelector('dialog'), 'the dialog stayed open');
    expect(announced(el)).to.include('Recovery codes created.');
  });

  it('forgets the codes on Done, lists the set as ten left, and offers new codes in its row', async () => {
    const el = await page(backend([WORK_PHONE, APP], { policy: POLICY }));
    const open = await firstSet(el);
    const first = shownCodes(open)[0]!;
    getByRole(open, 'button', { name: 'Done' }).click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.include(first);
    await waitUntil(() => rows(el).some((row) => row.startsWith('Recovery codes 10 of 10 left')), 'no row');
    expect(queryByRole(el, 'button', { name: 'Get recovery codes' })).to.equal(null);
    expect(button(el, 'Get new codes Recovery codes')).to.exist;
    await waitUntil(() => focused() === 'button "Get new codes Recovery codes"', `focus is on ${focused()}`);
  });

  it('gives focus to the new set’s Get new codes once the list shows it, when Done came first', async () => {
    const adapter = backend([WORK_PHONE, APP], { policy: POLICY });
    const el = await page(adapter);
    const get = await offer(el);
    // A slow backend: the list is shown anew only after the person pressed Done.
    const listMethods = adapter.listMethods.bind(adapter);
    let answer = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    adapter.listMethods = (options) => answered.then(() => listMethods(options));
    get.focus();
    get.click();
    const open = await dialog(el);
    await waitUntil(() => shownCodes(open).length === 10, 'no codes shown');
    getByRole(open, 'button', { name: 'Done' }).click();
    await waitUntil(() => !el.shadowRoot!.querySelector('dialog'), 'the dialog stayed open');
    answer();
    await waitUntil(() => rows(el).some((row) => row.startsWith('Recovery codes 10 of 10 left')), 'no row');
    await waitUntil(() => focused() === 'button "Get new codes Recovery codes"', `focus is on ${focused()}`);
  });

  it('keeps the codes on Escape, and says with focus that they will not be shown again', async () => {
    const el = await page(backend([WORK_PHONE, APP], { policy: POLICY }));
    // Opened by a click of the script's, not the person's: Chromium does not let the page refuse this Escape, and
    // closes the dialog, which the page shows again.
    const open = await firstSet(el);
    const codes = shownCodes(open);
    await press('Escape');
    await waitUntil(() => text(deepActiveElement()!) === KEPT, `focus is on ${focused()}`);
    const shownAgain = el.shadowRoot!.querySelector('dialog')!;
    expect(shownAgain.open).to.equal(true);
    expect(shownAgain.matches(':modal')).to.equal(true);
    expect(shownCodes(shownAgain)).to.deep.equal(codes);
    await expectAccessible(el);
    getByRole(shownAgain, 'button', { name: 'Done' }).click();
  });

  it('keeps the dialog open on Escape after the person’s own click, and says the codes will not be shown again', async () => {
    const el = await page(backend([WORK_PHONE, APP], { policy: POLICY }));
    // A click of the person's: the page may refuse one Escape, and the dialog never closes.
    await clickOn(await offer(el));
    const open = await dialog(el);
    await waitUntil(() => shownCodes(open).length === 10, 'no codes shown');
    const codes = shownCodes(open);
    const closes = recordEvents(open, 'close');
    await press('Escape');
    await waitUntil(() => text(deepActiveElement()!) === KEPT, `focus is on ${focused()}`);
    expect(closes).to.have.length(0);
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(open);
    expect(open.open).to.equal(true);
    expect(shownCodes(open)).to.deep.equal(codes);
    getByRole(open, 'button', { name: 'Done' }).click();
  });

  it('forgets the codes on a second Escape, once it said they will not be shown again', async () => {
    const el = await page(backend([WORK_PHONE, APP], { policy: POLICY }));
    const open = await firstSet(el);
    const first = shownCodes(open)[0]!;
    await press('Escape');
    await waitUntil(() => text(deepActiveElement()!) === KEPT, `focus is on ${focused()}`);
    await press('Escape');
    await waitUntil(() => !el.shadowRoot!.querySelector('dialog'), 'the dialog stayed open');
    expect(el.shadowRoot!.textContent).not.to.include(first);
    await waitUntil(() => focused() === 'button "Get new codes Recovery codes"', `focus is on ${focused()}`);
  });

  it('gives a screen reader each code spelled out as the text of its item, and never the code run together', async () => {
    const el = await page(backend([WORK_PHONE, APP], { policy: POLICY }));
    const open = await firstSet(el);
    const codes = shownCodes(open);
    const spelled = codes.map((code) =>
      code
        .split('-')
        .map((group) => [...group].join(' '))
        .join(', '),
    );
    const heard = await heardInDialog();
    expect(heard.filter((line) => spelled.includes(line))).to.deep.equal(spelled);
    for (const code of codes) expect(heard.join(' ')).not.to.include(code);
    // Selected for the keyboard's copy, the codes are the codes alone, one a line.
    getSelection()!.selectAllChildren(open.querySelector('[part="codes"]')!);
    expect(getSelection()!.toString()).to.equal(codes.join('\n'));
    getSelection()!.removeAllRanges();
    await expectAccessible(el);
  });

  it('copies the codes, one a line, and says so', async () => {
    const written = clipboard(false);
    const el = await page(backend([WORK_PHONE, APP], { policy: POLICY }));
    const open = await firstSet(el);
    getByRole(open, 'button', { name: 'Copy' }).click();
    await waitUntil(() => text(getByRole(open, 'status')) === 'Codes copied.', 'copying was not said');
    expect(written).to.deep.equal([shownCodes(open).join('\n')]);
  });

  it('says so when the browser refuses to copy, and selects the codes for the keyboard', async () => {
    clipboard(true);
    const el = await page(backend([WORK_PHONE, APP], { policy: POLICY }));
    const open = await firstSet(el);
    getByRole(open, 'button', { name: 'Copy' }).click();
    await waitUntil(() => text(getByRole(open, 'status')).includes("didn't let the page copy"), 'nothing said');
    const selection = getSelection()!;
    const range = selection.getComposedRanges({ shadowRoots: [el.shadowRoot!] })[0]!;
    expect(range.startContainer).to.equal(open.querySelector('[part="codes"]'));
    await expectAccessible(el);
  });

  it('downloads the codes as a text file made from a Blob', async () => {
    const el = await page(backend([WORK_PHONE, APP], { policy: POLICY }));
    const open = await firstSet(el);
    const clicked: HTMLAnchorElement[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      getByRole(open, 'button', { name: 'Download' }).click();
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(clicked).to.have.length(1);
    expect(clicked[0]!.download).to.equal('recovery-codes.txt');
    expect(clicked[0]!.href).to.match(/^blob:/);
    const file = await (await fetch(clicked[0]!.href)).text();
    expect(file).to.match(/^Recovery codes\nMade .+\. Each code works once/);
    for (const code of shownCodes(open)) expect(file).to.include(`\n${code}\n`);
    // Done revokes the file's address with the codes.
    getByRole(open, 'button', { name: 'Done' }).click();
    await el.updateComplete;
    let failed = false;
    await fetch(clicked[0]!.href).catch(() => (failed = true));
    expect(failed).to.equal(true);
  });

  it('prints a frame that holds only the codes', async () => {
    const el = await page(backend([WORK_PHONE, APP], { policy: POLICY }));
    const open = await firstSet(el);
    const printed: string[] = [];
    const print = printer.print;
    printer.print = (frame) => printed.push(frame.document.body.innerText);
    try {
      getByRole(open, 'button', { name: 'Print' }).click();
    } finally {
      printer.print = print;
    }
    expect(printed).to.have.length(1);
    expect(printed[0]).to.match(/^Recovery codes\n/);
    for (const code of shownCodes(open)) expect(printed[0]).to.include(code);
    expect(printed[0]).not.to.include('Security info');
    await expectAccessible(el);
  });

  it('asks the host to sign the person in again when the backend wants it, then shows the codes', async () => {
    const adapter = backend([WORK_PHONE, APP], { policy: POLICY });
    adapter.injectFault('generateRecoveryCodes', 'reauthentication-required');
    const el = await page(adapter);
    const session = signIn();
    el.addEventListener('security-info-reauthenticate', (event) => event.detail.retryAfter(session.promise));
    (await offer(el)).click();
    await waitUntil(() => text(el.shadowRoot!.querySelector('section[part="recovery"]')!).includes('Waiting'));
    await expectAccessible(el);
    session.succeed();
    const open = await dialog(el);
    await waitUntil(() => shownCodes(open).length === 10, 'no codes after signing in');
    expect(adapter.calls.generateRecoveryCodes).to.equal(2);
  });

  it('shows a failure where the codes were asked for, with a way forward', async () => {
    const adapter = backend([WORK_PHONE, APP], { policy: POLICY });
    adapter.injectFault('generateRecoveryCodes', 'network');
    const el = await page(adapter);
    (await offer(el)).click();
    await waitUntil(() => el.shadowRoot!.querySelector('section[part="recovery"] [role="alert"]'), 'no failure');
    expect(text(el.shadowRoot!.querySelector('section[part="recovery"] [role="alert"]')!)).to.include('offline');
    await expectAccessible(el);
    button(el, 'Get recovery codes').click();
    await dialog(el);
  });

  it('says how many are left, in the singular for one, and warns when few or none are', async () => {
    const el = await page(backend([WORK_PHONE, codes(7)], { policy: POLICY }));
    await waitUntil(() => rows(el)[1]?.includes('left'));
    expect(rows(el)[1]).to.match(/^Recovery codes 7 of 10 left Added /);
    expect(rows(el)[1]).not.to.include('Only a few');
    const one = await page(backend([WORK_PHONE, codes(1)], { policy: POLICY }));
    await waitUntil(() => rows(one)[1]?.includes('left'));
    expect(rows(one)[1]).to.match(/^Recovery codes 1 of 10 left Only a few codes are left/);
    await expectAccessible(one);
    const none = await page(backend([WORK_PHONE, codes(0)], { policy: POLICY }));
    await waitUntil(() => rows(none)[1]?.includes('left'));
    expect(rows(none)[1]).to.include("You've used all your recovery codes.");
  });

  it('replaces a set from its row: Get new codes shows ten new ones', async () => {
    const el = await page(backend([WORK_PHONE, codes(2)], { policy: POLICY }));
    button(el, 'Get new codes Recovery codes').click();
    const open = await dialog(el);
    await waitUntil(() => shownCodes(open).length === 10);
    getByRole(open, 'button', { name: 'Done' }).click();
    await waitUntil(() => rows(el)[1]?.startsWith('Recovery codes 10 of 10 left'), 'the count never changed');
  });

  it('is readable at 320 px, in forced colors and in dark mode', async () => {
    const render = () =>
      html`<security-info-methods
        .adapter=${backend([WORK_PHONE, codes(2)], { policy: POLICY })}
      ></security-info-methods>`;
    await setViewport({ width: 320, height: 640 });
    try {
      const narrow = await page(backend([WORK_PHONE, codes(2)], { policy: POLICY }));
      button(narrow, 'Get new codes Recovery codes').click();
      const small = await dialog(narrow);
      await waitUntil(() => shownCodes(small).length === 10);
      expect(small.getBoundingClientRect().width).to.be.at.most(320);
      expect(small.scrollWidth).to.be.at.most(small.clientWidth);
      await expectAccessible(narrow);
      // A modal dialog left open would make the next fixtures inert.
      getByRole(small, 'button', { name: 'Done' }).click();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }

    try {
      const forced = await fixtureInForcedColors<SecurityInfoMethods>(render());
      await shown(forced);
      await waitUntil(() => rows(forced)[1]?.includes('Only a few'));
      await expectAccessible(forced);
    } finally {
      await leaveForcedColors();
    }
    try {
      const dark = await fixtureInDarkMode<SecurityInfoMethods>(render());
      await shown(dark);
      button(dark, 'Get new codes Recovery codes').click();
      await dialog(dark);
      await expectAccessible(dark);
    } finally {
      await leaveDarkMode();
    }
  });

  it('keeps the codes left to right in right-to-left text', async () => {
    const render = () =>
      html`<security-info-methods
        .adapter=${backend([WORK_PHONE, codes(2)], { policy: POLICY })}
      ></security-info-methods>`;
    const rtl = await fixtureRtl<SecurityInfoMethods>(render());
    await shown(rtl);
    // In Arabic: found by what it does rather than its name.
    rtl.shadowRoot!.querySelector<HTMLElement>('[data-focus="codes:codes"]')!.click();
    const open = await dialog(rtl);
    await waitUntil(() => shownCodes(open).length === 10);
    expect(getComputedStyle(open.querySelector('[part="codes"]')!).direction).to.equal('ltr');
    await expectAccessible(rtl);
  });
});
