// The methods beyond phones on the Security info page: an email address, an authenticator app and security
// questions are listed with what identifies them, and Change opens the wizard at that method's steps.
import {
  base32Decode,
  totp,
  type PreloadedMethod,
  type RegisteredMethod,
  type SecurityInfoAdapter,
} from '@security-info/core';
import './security-info-methods.js';
import type { SecurityInfoMethods } from './security-info-methods.js';
import {
  expect,
  expectAccessible,
  fixtureRtl,
  getByRole,
  html,
  press,
  queryByRole,
  typeInto,
  waitUntil,
} from '../../test/helpers.js';
import {
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
  text,
} from '../../test/methods.js';

const base = { addedAt: '2026-03-01T10:00:00Z', lastUsedAt: null, removable: true } as const;
const EMAIL: RegisteredMethod = {
  ...base,
  id: 'mail',
  kind: 'email',
  purposes: ['password-reset'],
  email: { address: 'ana.devries@example.com' },
};
const APP: RegisteredMethod = { ...base, id: 'app', kind: 'authenticator-app', purposes: ['mfa', 'password-reset'] };
const QUESTIONS: RegisteredMethod = {
  ...base,
  id: 'questions',
  kind: 'security-questions',
  purposes: ['password-reset'],
  securityQuestions: { questionIds: ['first-pet', 'birth-city', 'first-school'] },
};

/** A backend that lists `methods` (the memory backend's for everything else). */
function listing(methods: RegisteredMethod[]): SecurityInfoAdapter {
  return { ...backend([]), listMethods: async () => ({ methods, defaultMethodId: methods[0]?.id ?? null }) };
}

/** Waits for a control of the wizard (or of the page) to show, by role and name. */
async function found<T extends HTMLElement = HTMLElement>(
  el: Element,
  role: string,
  name: string | RegExp,
): Promise<T> {
  await waitUntil(() => queryByRole(el, role, { name }), `no ${role} named ${String(name)}`, { timeout: 3000 });
  return getByRole<T>(el, role, { name });
}

/** Chooses `wording` in a list of questions with the arrow keys. */
async function choose(select: HTMLSelectElement, wording: string) {
  select.focus();
  for (let i = 0; i <= select.options.length && select.selectedOptions[0]?.text.trim() !== wording; i++) {
    await press('ArrowDown');
  }
}

/** The wizard the dialog opened. */
async function wizard(el: SecurityInfoMethods) {
  const open = await dialog(el);
  await waitUntil(() => open.querySelector('security-info-wizard'), 'the wizard never opened', { timeout: 3000 });
  return { open, wizard: open.querySelector('security-info-wizard')! };
}

describe('security-info-methods: email, authenticator app and security questions', () => {
  it('lists each with what identifies it: the address masked, how many questions are answered', async () => {
    const el = await page(listing([EMAIL, APP, QUESTIONS]));
    const [email, app, questions] = rows(el);
    expect(email).to.match(/^Email a•••@example\.com Added /);
    expect(email).not.to.include('devries');
    expect(app).to.match(/^Authenticator app Added /);
    expect(questions).to.match(/^Security questions 3 questions answered Added /);
    await expectAccessible(el);
  });

  it('says one question answered in the singular', async () => {
    const el = await page(listing([{ ...QUESTIONS, securityQuestions: { questionIds: ['first-pet'] } }]));
    expect(rows(el)[0]).to.match(/^Security questions 1 question answered /);
  });

  it('offers Change and Delete for each, named with the method', async () => {
    const el = await page(listing([EMAIL, APP, QUESTIONS]));
    expect(button(el, 'Change Email a•••@example.com')).to.exist;
    expect(button(el, 'Delete Email a•••@example.com')).to.exist;
    expect(button(el, 'Change Authenticator app')).to.exist;
    expect(button(el, 'Delete Authenticator app')).to.exist;
    expect(button(el, 'Change Security questions')).to.exist;
    expect(button(el, 'Delete Security questions')).to.exist;
  });

  const changes: [RegisteredMethod, string, string][] = [
    [EMAIL, 'Change Email a•••@example.com', 'Change email address'],
    [APP, 'Change Authenticator app', 'Change authenticator app'],
    [QUESTIONS, 'Change Security questions', 'Change security questions'],
  ];
  for (const [method, name, heading] of changes) {
    it(`opens the wizard at the ${method.kind} steps, replacing that method, with ${name}`, async () => {
      const el = await page(listing([EMAIL, APP, QUESTIONS]));
      button(el, name).click();
      const { open, wizard: opened } = await wizard(el);
      expect(nameOf(open)).to.equal(heading);
      expect(opened.getAttribute('start')).to.equal(method.kind);
      expect(opened.replaces).to.equal(method.id);
    });
  }

  it('says what deleting an email address means', async () => {
    const el = await page(listing([EMAIL, APP]));
    button(el, 'Delete Email a•••@example.com').click();
    const open = await dialog(el);
    expect(nameOf(open)).to.equal('Delete Email a•••@example.com?');
    expect(text(open)).to.include('You will no longer get codes on it.');
    await expectAccessible(el);
  });

  it('says deleting security questions means they can no longer reset the password', async () => {
    const el = await page(listing([APP, QUESTIONS]));
    button(el, 'Delete Security questions').click();
    const open = await dialog(el);
    expect(nameOf(open)).to.equal('Delete Security questions?');
    expect(text(open)).to.include('You will no longer be able to answer them to reset your password.');
  });

  it('keeps the masked address left to right on a right-to-left page', async () => {
    const el = await fixtureRtl<SecurityInfoMethods>(
      html`<security-info-methods .adapter=${listing([EMAIL, QUESTIONS])}></security-info-methods>`,
    );
    await shown(el);
    const address = el.shadowRoot!.querySelector('[part="identifier"]')!;
    expect(text(address)).to.equal('a•••@example.com');
    expect(getComputedStyle(address).direction).to.equal('ltr');
    await expectAccessible(el);
  });

  it('changes an email address end to end: the new one listed masked, and focus on its Change', async () => {
    const mail: PreloadedMethod = { id: 'mail', kind: 'email', email: { address: 'ana.devries@example.com' } };
    const adapter = backend([WORK_PHONE, mail]);
    const el = await page(adapter);
    button(el, 'Change Email a•••@example.com').click();
    await typeInto(await found(el, 'textbox', 'Email address'), 'bo@example.org');
    getByRole(el, 'button', { name: 'Next' }).click();
    await waitUntil(() => adapter.lastCode, 'no code was sent');
    await typeInto(await found(el, 'textbox', /code/i), adapter.lastCode!.code);
    getByRole(el, 'button', { name: 'Verify' }).click();
    await found(el, 'heading', 'Your email address was changed');
    getByRole(el, 'button', { name: 'Done' }).click();
    await waitUntil(
      () => rows(el).some((row) => row.startsWith('Email b•••@example.org')),
      'the new address never showed',
    );
    expect(rows(el).some((row) => row.includes('a•••@example.com'))).to.equal(false);
    expect(announced(el)).to.include('Email changed.');
    await waitUntil(() => focused() === 'button "Change Email b•••@example.org"', `focus is on ${focused()}`);
    await expectAccessible(el);
  });

  it('replaces an authenticator app end to end with a code of the new key, and says so', async () => {
    const app: PreloadedMethod = { id: 'app', kind: 'authenticator-app' };
    const adapter = backend([WORK_PHONE, app]);
    const el = await page(adapter);
    button(el, 'Change Authenticator app').click();
    const { wizard: opened } = await wizard(el);
    await waitUntil(() => opened.shadowRoot!.querySelector('authenticator-app-setup')?.secret, 'no key was shown');
    const key = opened.shadowRoot!.querySelector('authenticator-app-setup')!.secret;
    (await found(el, 'button', 'Next')).click();
    await typeInto(await found(el, 'textbox', /code/i), await totp(base32Decode(key), Date.now()));
    getByRole(el, 'button', { name: 'Verify' }).click();
    await found(el, 'heading', 'Your authenticator app was replaced');
    await expectAccessible(el);
    getByRole(el, 'button', { name: 'Done' }).click();
    await waitUntil(() => !el.shadowRoot!.querySelector('dialog[open]'), 'the wizard never closed');
    await shown(el);
    expect(rows(el).filter((row) => row.startsWith('Authenticator app'))).to.have.length(1);
    expect(announced(el)).to.include('Authenticator app changed.');
  });

  it('changes security questions end to end, and lists how many are answered', async () => {
    const questions: PreloadedMethod = {
      id: 'questions',
      kind: 'security-questions',
      securityQuestions: { questionIds: ['first-pet', 'birth-city', 'first-school'] },
    };
    const adapter = backend([WORK_PHONE, questions]);
    const el = await page(adapter);
    button(el, 'Change Security questions').click();
    const answers = ['Rex', 'Utrecht', 'De Regenboog'];
    const wordings = [
      'What was the name of your first pet?',
      'In what city or town were you born?',
      'What was the name of your first school?',
    ];
    for (const [i, answer] of answers.entries()) {
      await choose(await found<HTMLSelectElement>(el, 'combobox', `Question ${i + 1}`), wordings[i]!);
      await typeInto(await found(el, 'textbox', `Answer ${i + 1}`), answer);
    }
    await press('Enter');
    await found(el, 'heading', 'Your security questions were updated');
    expect(
      adapter.matchesSecurityAnswers(
        answers.map((answer, i) => ({ questionId: ['first-pet', 'birth-city', 'first-school'][i]!, answer })),
      ),
    ).to.equal(true);
    getByRole(el, 'button', { name: 'Done' }).click();
    await waitUntil(() => !el.shadowRoot!.querySelector('dialog[open]'), 'the wizard never closed');
    await shown(el);
    expect(rows(el).find((row) => row.startsWith('Security questions'))).to.match(/3 questions answered/);
    expect(announced(el)).to.include('Security questions changed.');
  });
});
