// The wizard enrolling the methods beyond phone: an email address and its code, an authenticator app (with a code
// this test computes from the key the step shows), security questions; the way back to the methods; a host that
// enrolls a method itself.
import {
  createMemoryAdapter,
  SecurityInfoError,
  type AuthenticatorAppSetup,
  type SecurityInfoAdapter,
  type SecurityInfoPolicy,
  type SecurityQuestionsRequest,
  type VerifyCodeRequest,
} from '@security-info/core';
import './security-info-wizard.js';
import type { SecurityInfoWizard } from './security-info-wizard.js';
import {
  aTimeout,
  expect,
  expectAccessible,
  fixture,
  fixtureRtl,
  getByRole,
  html,
  nextEvent,
  press,
  queryByRole,
  typeInto,
  waitUntil,
} from '../../test/helpers.js';
import {
  base32,
  choose,
  enterCode,
  enterEmail,
  enterPhone,
  expectMessage,
  messages,
  partText,
  step,
  totp,
  waitUntilFound,
} from '../../test/wizard.js';
import { setLocale } from '../shared/localization.js';

export const everything: SecurityInfoPolicy = {
  methods: [
    { id: 'authenticator-app', purposes: ['mfa', 'password-reset'] },
    { id: 'phone', purposes: ['mfa', 'password-reset'] },
    { id: 'email', purposes: ['password-reset'] },
    { id: 'security-questions', purposes: ['password-reset'] },
  ],
  securityQuestions: {
    questions: [{ id: 'first-pet' }, { id: 'birth-city' }, { id: 'first-school' }, { id: 'first-job' }],
    required: 3,
  },
};

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

interface Backend {
  adapter: SecurityInfoAdapter;
  calls: [string, unknown][];
  emailCode: string;
}

/**
 * A backend with every method: email codes are 246810; an app's code must be the key's code now, or of the 30 s step
 * before, as a backend takes a code typed as it changes: the test reads the code before it types it, and a step may
 * end meanwhile.
 */
function backend(overrides: Partial<SecurityInfoAdapter> = {}): Backend {
  const calls: [string, unknown][] = [];
  const setup: AuthenticatorAppSetup = {
    challengeId: 'app-1',
    otpauthUri: `otpauth://totp/Contoso:ada%40example.com?secret=${SECRET}&issuer=Contoso`,
    secret: SECRET,
    codeLength: 6,
  };
  const state: Backend = {
    calls,
    emailCode: '246810',
    adapter: {
      async sendCode(request) {
        calls.push(['sendCode', request]);
        return { challengeId: 'phone-1' };
      },
      async sendEmailCode(request) {
        calls.push(['sendEmailCode', request]);
        return { challengeId: `email-${calls.length}`, resendInSeconds: 30 };
      },
      async resendCode(request) {
        calls.push(['resendCode', request]);
        return { challengeId: 'email-again', resendInSeconds: 30 };
      },
      async startAuthenticatorApp(request) {
        calls.push(['startAuthenticatorApp', request]);
        return setup;
      },
      async verifyCode(request: VerifyCodeRequest) {
        calls.push(['verifyCode', request]);
        const expected =
          request.method === 'authenticator-app'
            ? [await totp(base32(SECRET)), await totp(base32(SECRET), Date.now() - 30_000)]
            : [state.emailCode];
        if (!expected.includes(request.code)) {
          throw new SecurityInfoError('invalid-code', undefined, { attemptsRemaining: 2 });
        }
      },
      async setSecurityQuestions(request: SecurityQuestionsRequest) {
        calls.push(['setSecurityQuestions', request]);
      },
      ...overrides,
    },
  };
  return state;
}

async function mount(adapter: SecurityInfoAdapter, start = 'methods', policy = everything) {
  return fixture<SecurityInfoWizard>(
    html`<security-info-wizard start=${start} .policy=${policy} .adapter=${adapter}></security-info-wizard>`,
  );
}

/** What the wizard puts in the code step's `slot`, as the person reads it there. */
function slotted(wizard: SecurityInfoWizard, slot: string): string {
  const verify = wizard.shadowRoot!.querySelector('code-verify')!;
  const assigned = verify.shadowRoot!.querySelector<HTMLSlotElement>(`slot[name="${slot}"]`)!.assignedElements();
  return assigned
    .map((element) => element.textContent ?? '')
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('security-info-wizard: email', () => {
  it('enrolls an address with the code sent to it, naming it masked, and says so', async () => {
    const { adapter, calls, emailCode } = backend();
    const wizard = await mount(adapter);
    await choose(wizard, 'Email');
    await enterEmail(wizard);
    await step(wizard, 'code');
    await waitUntilFound(wizard, 'textbox', /code/i);
    expect(slotted(wizard, 'intro')).to.equal('We sent a code to a•••@example.com.');
    expect(queryByRole(wizard, 'button', { name: 'Call me instead' })).to.equal(null);
    await expectAccessible(wizard);
    const complete = nextEvent(wizard, 'security-info-complete');
    await enterCode(wizard, emailCode);
    expect((await complete).detail).to.deep.equal({ method: 'email', email: 'ada@example.com' });
    await step(wizard, 'done');
    expect(getByRole(wizard, 'heading', { name: 'Your email address was registered' })).to.exist;
    await expectAccessible(wizard);
    expect(calls.map(([name]) => name)).to.deep.equal(['sendEmailCode', 'verifyCode']);
    expect(calls[1]![1]).to.deep.equal({ challengeId: 'email-1', code: emailCode, method: 'email' });
  });

  it('shows a wrong code with the tries left, and goes back to the address, kept, with Back', async () => {
    const { adapter } = backend();
    const wizard = await mount(adapter, 'email');
    await enterEmail(wizard);
    await enterCode(wizard, '111111');
    await expectMessage(wizard, /You have 2 tries left/);
    await expectAccessible(wizard);
    getByRole(wizard, 'button', { name: 'Back' }).click();
    await step(wizard, 'email');
    const field = await waitUntilFound(wizard, 'textbox', 'Email address');
    expect((field as HTMLInputElement).value).to.equal('ada@example.com');
  });
});

describe('security-info-wizard: email, refused', () => {
  for (const [what, error, invalid] of [
    ['offline', new SecurityInfoError('network'), 'false'],
    ['a wait', new SecurityInfoError('rate-limited', undefined, { retryAfterSeconds: 60 }), 'false'],
    ['an address the backend refuses', new SecurityInfoError('number-rejected'), 'true'],
  ] as const) {
    it(`marks the address invalid for ${what} only when the address is what is wrong`, async () => {
      const { adapter } = backend({ sendEmailCode: () => Promise.reject(error) });
      const wizard = await mount(adapter, 'email');
      await enterEmail(wizard);
      const field = await waitUntilFound(wizard, 'textbox', 'Email address');
      await waitUntil(() => partText(wizard, 'error'), 'no failure shown');
      expect(field.getAttribute('aria-invalid')).to.equal(invalid);
      await expectAccessible(wizard);
    });
  }
});

describe('security-info-wizard: a wait on the other methods’ steps', () => {
  it('is said in words, as nothing there counts it down: never a clock that stands still', async () => {
    const refusal = new SecurityInfoError('rate-limited', undefined, { retryAfterSeconds: 90 });
    const { adapter } = backend({ sendEmailCode: () => Promise.reject(refusal) });
    const wizard = await mount(adapter, 'email');
    await enterEmail(wizard);
    await waitUntil(() => partText(wizard, 'error'), 'no failure shown');
    expect(partText(wizard, 'error')).to.equal('Too many codes were requested. You can ask again in 2 minutes.');
  });
});

/** Answers three questions (the first three offered, in order) and presses Save, named in the language shown. */
async function answerQuestions(
  wizard: SecurityInfoWizard,
  words = { question: 'Question', answer: 'Answer', save: 'Save' },
) {
  await step(wizard, 'security-questions');
  for (const [i, answer] of ['Rex', 'Utrecht', 'De Regenboog'].entries()) {
    const select = (await waitUntilFound(wizard, 'combobox', `${words.question} ${i + 1}`)) as HTMLSelectElement;
    select.focus();
    for (let n = 0; n <= i; n++) await press('ArrowDown');
    await typeInto(getByRole(wizard, 'textbox', { name: `${words.answer} ${i + 1}` }), answer);
  }
  getByRole(wizard, 'button', { name: words.save }).click();
}

/** The backend's refusal for now, with the wait it asks for, if any. */
const rateLimited = (retryAfterSeconds?: number) =>
  new SecurityInfoError('rate-limited', undefined, retryAfterSeconds === undefined ? {} : { retryAfterSeconds });

describe('security-info-wizard: a change refused for now (rate-limited)', () => {
  // Only sending a code is about codes; a change refused for now (too many in a short time) says so, as the
  // Security info page does, and in whole minutes or hours, as nothing here counts the wait down.
  const said = [
    [undefined, 'Too many changes in a short time. Wait a few minutes, then try again.'],
    [90, 'Too many changes in a short time. Try again in 2 minutes.'],
  ] as const;

  for (const [wait, text] of said) {
    it(`says "${text}" when the security questions are refused`, async () => {
      const { adapter } = backend({ setSecurityQuestions: () => Promise.reject(rateLimited(wait)) });
      const wizard = await mount(adapter, 'security-questions');
      await answerQuestions(wizard);
      await waitUntil(() => partText(wizard, 'summary'), 'no failure shown');
      expect(partText(wizard, 'summary')).to.equal(text);
      await expectAccessible(wizard);
    });

    it(`says "${text}" when the authenticator app's key is refused`, async () => {
      const { adapter } = backend({ startAuthenticatorApp: () => Promise.reject(rateLimited(wait)) });
      const wizard = await mount(adapter, 'authenticator-app');
      await waitUntil(() => partText(wizard, 'error'), 'no failure shown');
      expect(partText(wizard, 'error')).to.equal(text);
      await expectAccessible(wizard);
    });
  }

  it('says "Too many changes" when the app\'s code is refused for now, not a word about codes requested', async () => {
    const { adapter } = backend({ verifyCode: () => Promise.reject(rateLimited(7200)) });
    const wizard = await mount(adapter, 'authenticator-app');
    await waitUntilFound(wizard, 'image', 'QR code for your authenticator app');
    getByRole(wizard, 'button', { name: 'Next' }).click();
    await enterCode(wizard, '123456');
    await waitUntil(() => partText(wizard, 'error'), 'no failure shown');
    expect(partText(wizard, 'error')).to.equal('Too many changes in a short time. Try again in 2 hours.');
  });

  it('still says too many codes were requested when sending an email code is refused', async () => {
    const { adapter } = backend({ sendEmailCode: () => Promise.reject(rateLimited()) });
    const wizard = await mount(adapter, 'email');
    await enterEmail(wizard);
    await waitUntil(() => partText(wizard, 'error'), 'no failure shown');
    expect(partText(wizard, 'error')).to.equal('Too many codes were requested. Wait a few minutes, then try again.');
  });

  it('still says too many codes were requested when sending a phone code is refused', async () => {
    const { adapter } = backend({ sendCode: () => Promise.reject(rateLimited()) });
    const wizard = await mount(adapter, 'phone');
    await enterPhone(wizard, '+31612345678');
    await expectMessage(wizard, /Too many codes were requested\. Wait a few minutes, then try again\./);
    expect(messages(wizard)).not.to.match(/changes/);
  });

  describe('in German', () => {
    before(() => setLocale('de'));
    after(() => setLocale('en'));

    it("says the page's German words when the security questions are refused", async () => {
      const { adapter } = backend({ setSecurityQuestions: () => Promise.reject(rateLimited(90)) });
      const wizard = await mount(adapter, 'security-questions');
      await answerQuestions(wizard, { question: 'Frage', answer: 'Antwort', save: 'Speichern' });
      await waitUntil(() => partText(wizard, 'summary'), 'no failure shown');
      expect(partText(wizard, 'summary')).to.equal(
        'Zu viele Änderungen in kurzer Zeit. Versuchen Sie es in 2 Minuten erneut.',
      );
      await expectAccessible(wizard);
    });
  });
});

describe('security-info-wizard: authenticator app', () => {
  it('computes the RFC 6238 code of its test vector (SHA-1, time 59)', async () => {
    const seed = new TextEncoder().encode('12345678901234567890') as Uint8Array<ArrayBuffer>;
    expect(await totp(seed, 59_000, 8)).to.equal('94287082');
  });

  it('enrolls with the code computed from the key the step shows', async () => {
    const { adapter, calls } = backend();
    const wizard = await mount(adapter);
    await choose(wizard, 'Authenticator app');
    await step(wizard, 'authenticator-app');
    await waitUntilFound(wizard, 'image', 'QR code for your authenticator app');
    await expectAccessible(wizard);
    // As a person who cannot scan: open "Can't scan the QR code?" and read the key.
    const setup = wizard.shadowRoot!.querySelector('authenticator-app-setup')!;
    const summary = setup.shadowRoot!.querySelector('summary')!;
    expect(summary.textContent).to.match(/Can.t scan the QR code\?/);
    summary.click();
    await setup.updateComplete;
    const key = partText(wizard, 'key').replace(/\s/g, '');
    expect(key).to.equal(SECRET);
    getByRole(wizard, 'button', { name: 'Next' }).click();
    await step(wizard, 'code');
    await waitUntilFound(wizard, 'textbox', /code/i);
    expect(slotted(wizard, 'intro')).to.equal('Enter the 6-digit code from your authenticator app.');
    expect(queryByRole(wizard, 'button', { name: /Resend/ }), 'an app’s code is not sent').to.equal(null);
    await expectAccessible(wizard);
    const complete = nextEvent(wizard, 'security-info-complete');
    await enterCode(wizard, await totp(base32(key)));
    expect((await complete).detail).to.deep.equal({ method: 'authenticator-app' });
    await step(wizard, 'done');
    expect(getByRole(wizard, 'heading', { name: 'Your authenticator app was added' })).to.exist;
    expect(calls.filter(([name]) => name === 'startAuthenticatorApp')).to.have.length(1);
  });

  it('goes back from the code to the same key, and from the key to the methods', async () => {
    const { adapter, calls } = backend();
    const wizard = await mount(adapter);
    await choose(wizard, 'Authenticator app');
    await waitUntilFound(wizard, 'image', 'QR code for your authenticator app');
    getByRole(wizard, 'button', { name: 'Next' }).click();
    await step(wizard, 'code');
    (await waitUntilFound(wizard, 'button', 'Back')).click();
    await step(wizard, 'authenticator-app');
    await waitUntilFound(wizard, 'image', 'QR code for your authenticator app');
    expect(
      calls.filter(([name]) => name === 'startAuthenticatorApp'),
      'the same key',
    ).to.have.length(1);
    getByRole(wizard, 'button', { name: 'Back' }).click();
    await step(wizard, 'methods');
  });

  it('makes a new key when the app is chosen again from the methods, and goes on with it', async () => {
    const { adapter, calls } = backend();
    const wizard = await mount(adapter);
    await choose(wizard, 'Authenticator app');
    await waitUntilFound(wizard, 'image', 'QR code for your authenticator app');
    getByRole(wizard, 'button', { name: 'Back' }).click();
    await aTimeout(0);
    await choose(wizard, 'Authenticator app');
    await waitUntil(() => calls.filter(([name]) => name === 'startAuthenticatorApp').length === 2, 'no new key');
    await waitUntilFound(wizard, 'image', 'QR code for your authenticator app');
    getByRole(wizard, 'button', { name: 'Next' }).click();
    await step(wizard, 'code');
  });

  it('leads Back from a key the backend is done with (expired) to a new key, and enrolls with it', async () => {
    const { adapter, calls } = backend();
    const start = adapter.startAuthenticatorApp!.bind(adapter);
    adapter.startAuthenticatorApp = async (request, options) => ({
      ...(await start(request, options)),
      challengeId: `app-${calls.length}`,
    });
    const verify = adapter.verifyCode.bind(adapter);
    const tried: string[] = [];
    adapter.verifyCode = async (request, options) => {
      tried.push(request.challengeId);
      if (request.challengeId === 'app-1') throw new SecurityInfoError('code-expired');
      return verify(request, options);
    };
    const wizard = await mount(adapter, 'authenticator-app');
    await waitUntilFound(wizard, 'image', 'QR code for your authenticator app');
    getByRole(wizard, 'button', { name: 'Next' }).click();
    await enterCode(wizard, await totp(base32(SECRET)));
    await expectMessage(wizard, /That code has expired/);
    await expectAccessible(wizard);
    getByRole(wizard, 'button', { name: 'Back' }).click();
    await step(wizard, 'authenticator-app');
    await waitUntil(() => calls.filter(([name]) => name === 'startAuthenticatorApp').length === 2, 'no new key');
    await waitUntilFound(wizard, 'image', 'QR code for your authenticator app');
    await expectAccessible(wizard);
    getByRole(wizard, 'button', { name: 'Next' }).click();
    const complete = nextEvent(wizard, 'security-info-complete');
    await enterCode(wizard, await totp(base32(SECRET)));
    expect((await complete).detail).to.deep.equal({ method: 'authenticator-app' });
    expect(tried, 'the second code is checked against the new key').to.deep.equal(['app-1', 'app-2']);
  });

  it('says what failed when the key could not be made, and Next asks again', async () => {
    let refusals = 1;
    const { adapter, calls } = backend();
    const start = adapter.startAuthenticatorApp!.bind(adapter);
    adapter.startAuthenticatorApp = async (request, options) => {
      if (refusals-- > 0) throw new TypeError('Failed to fetch');
      return start(request, options);
    };
    const wizard = await mount(adapter, 'authenticator-app');
    await expectMessage(wizard, /connection|network|internet/i);
    await expectAccessible(wizard);
    getByRole(wizard, 'button', { name: 'Next' }).click();
    await waitUntilFound(wizard, 'image', 'QR code for your authenticator app');
    expect(calls.filter(([name]) => name === 'startAuthenticatorApp')).to.have.length(1);
  });
});

describe('security-info-wizard: security questions', () => {
  it('registers the answers chosen by keyboard, and tells the page the question ids only', async () => {
    const { adapter, calls } = backend();
    const wizard = await mount(adapter, 'security-questions');
    await step(wizard, 'security-questions');
    const wordings = [
      'What was the name of your first pet?',
      'In what city or town were you born?',
      'What was the name of your first school?',
    ];
    const answers = ['Rex', 'Utrecht', 'De Regenboog'];
    for (const [i, wording] of wordings.entries()) {
      const select = (await waitUntilFound(wizard, 'combobox', `Question ${i + 1}`)) as HTMLSelectElement;
      select.focus();
      for (let n = 0; n <= select.options.length && select.selectedOptions[0]?.text.trim() !== wording; n++) {
        await press('ArrowDown');
      }
      await typeInto(getByRole(wizard, 'textbox', { name: `Answer ${i + 1}` }), answers[i]!);
    }
    await expectAccessible(wizard);
    const complete = nextEvent(wizard, 'security-info-complete');
    // The answers are secrets: the step's event with them stays inside the wizard, out of the page's listeners.
    const heard: Event[] = [];
    const listen = (event: Event) => heard.push(event);
    document.addEventListener('questions-submit', listen);
    try {
      getByRole(wizard, 'button', { name: 'Save' }).click();
      expect((await complete).detail).to.deep.equal({
        method: 'security-questions',
        questionIds: ['first-pet', 'birth-city', 'first-school'],
      });
    } finally {
      document.removeEventListener('questions-submit', listen);
    }
    expect(heard, 'the answers reached the page').to.have.length(0);
    await step(wizard, 'done');
    expect(getByRole(wizard, 'heading', { name: 'Your security questions were saved' })).to.exist;
    await expectAccessible(wizard);
    expect(calls).to.deep.equal([
      [
        'setSecurityQuestions',
        {
          answers: [
            { questionId: 'first-pet', answer: 'Rex' },
            { questionId: 'birth-city', answer: 'Utrecht' },
            { questionId: 'first-school', answer: 'De Regenboog' },
          ],
        },
      ],
    ]);
  });
});

describe('security-info-wizard: the way back to the methods', () => {
  it('leaves a method to a host that cancels method-select with an ordinary listener', async () => {
    const { adapter, calls } = backend();
    const wizard = await mount(adapter);
    wizard.addEventListener('method-select', (event) => {
      if (event.detail.method === 'authenticator-app') event.preventDefault();
    });
    await choose(wizard, 'Authenticator app');
    await wizard.updateComplete;
    await Promise.resolve();
    expect(wizard.step).to.equal('methods');
    expect(calls).to.deep.equal([]);
    // Cancelled further up too: a listener on the document.
    const cancel = (event: Event) => event.preventDefault();
    document.addEventListener('method-select', cancel);
    await aTimeout(0);
    getByRole(wizard, 'button', { name: 'Email' }).click();
    await Promise.resolve();
    expect(wizard.step).to.equal('methods');
    document.removeEventListener('method-select', cancel);
    // The picker takes one choice per task (a double click is one intent): the next click is a new task.
    await aTimeout(0);
    getByRole(wizard, 'button', { name: 'Email' }).click();
    await step(wizard, 'email');
  });

  it('shows the methods again with showMethods(), from any step, aborting the call in flight', async () => {
    let signal: AbortSignal | undefined;
    const { adapter } = backend({
      sendEmailCode: (_request, options) => {
        signal = options.signal;
        return new Promise(() => undefined);
      },
    });
    const wizard = await mount(adapter, 'email');
    await enterEmail(wizard);
    await waitUntil(() => signal, 'no code was asked for');
    wizard.showMethods();
    await step(wizard, 'methods');
    expect(signal?.aborted).to.equal(true);
    expect(getByRole(wizard, 'button', { name: 'Email' })).to.exist;
    await expectAccessible(wizard);
  });

  it('goes back to the methods from the first step of a method chosen there', async () => {
    const { adapter } = backend();
    const wizard = await mount(adapter);
    await choose(wizard, 'Security questions');
    await step(wizard, 'security-questions');
    (await waitUntilFound(wizard, 'button', 'Back')).click();
    await step(wizard, 'methods');
  });

  for (const [start, next] of [
    ['email', 'Next'],
    ['authenticator-app', 'Next'],
    ['security-questions', 'Save'],
  ] as const) {
    it(`offers no Back that leads nowhere when the flow starts at ${start}`, async () => {
      const { adapter } = backend();
      const wizard = await mount(adapter, start);
      await step(wizard, start);
      await waitUntilFound(wizard, 'button', next);
      expect(queryByRole(wizard, 'button', { name: 'Back' })).to.equal(null);
      expect(queryByRole(wizard, 'button', { name: 'Cancel' })).not.to.equal(null);
    });
  }
});

describe('security-info-wizard: right to left', () => {
  it('shows the email code step with the address left to right', async () => {
    const { adapter } = backend();
    const wizard = await fixtureRtl<SecurityInfoWizard>(
      html`<security-info-wizard start="email" .policy=${everything} .adapter=${adapter}></security-info-wizard>`,
    );
    await enterEmail(wizard);
    await step(wizard, 'code');
    await waitUntilFound(wizard, 'textbox', /code/i);
    const address = wizard.shadowRoot!.querySelector('code-verify span.ltr')!;
    expect(getComputedStyle(address).direction).to.equal('ltr');
    await expectAccessible(wizard);
  });
});

describe('security-info-wizard: the required flow', () => {
  const required: SecurityInfoPolicy = {
    ...everything,
    enrollment: {
      required: [{ purpose: 'mfa', methods: ['authenticator-app', 'phone'], count: 2 }],
      skip: { allowed: true, daysLeft: 3 },
    },
  };
  const emailOnlyRequired: SecurityInfoPolicy = {
    ...everything,
    enrollment: { required: [{ purpose: 'password-reset', methods: ['email'] }], skip: { allowed: true, daysLeft: 1 } },
  };

  async function mountRequired(adapter: SecurityInfoAdapter, policy: SecurityInfoPolicy, registered: string[] = []) {
    return fixture<SecurityInfoWizard>(
      html`<security-info-wizard
        required
        .registered=${registered}
        .policy=${policy}
        .adapter=${adapter}
      ></security-info-wizard>`,
    );
  }

  it('asks for each missing method in order, says where the person is, then sums up what was set up', async () => {
    const { adapter, emailCode } = backend();
    const policy: SecurityInfoPolicy = {
      ...everything,
      enrollment: { required: [{ purpose: 'password-reset', methods: ['authenticator-app', 'email'] }] },
    };
    const wizard = await mountRequired(adapter, policy);
    const completed: string[] = [];
    wizard.addEventListener('security-info-complete', (event) => completed.push(event.detail.method));
    await step(wizard, 'authenticator-app');
    const heading = await waitUntilFound(wizard, 'heading', 'Method 1 of 2: Authenticator app');
    const current = wizard.shadowRoot!.querySelector('[aria-current="step"]');
    expect(current?.textContent?.trim()).to.equal('Authenticator app');
    expect(queryByRole(wizard, 'button', { name: 'Skip for now' })).to.equal(null);
    await waitUntilFound(wizard, 'image', 'QR code for your authenticator app');
    await expectAccessible(wizard);
    expect(heading).to.exist;
    getByRole(wizard, 'button', { name: 'Next' }).click();
    await enterCode(wizard, await totp(base32(SECRET)));
    await step(wizard, 'email');
    await waitUntilFound(wizard, 'heading', 'Method 2 of 2: Email');
    await expectAccessible(wizard);
    await enterEmail(wizard);
    const finished = nextEvent(wizard, 'security-info-sequence-complete');
    await enterCode(wizard, emailCode);
    expect((await finished).detail.enrolled).to.deep.equal([
      { method: 'authenticator-app' },
      { method: 'email', email: 'ada@example.com' },
    ]);
    await step(wizard, 'summary');
    expect(getByRole(wizard, 'heading', { name: 'Your security info is set up' })).to.exist;
    const items = [...wizard.shadowRoot!.querySelectorAll('.summary li')].map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(items).to.deep.equal(['Authenticator app', 'Email a•••@example.com']);
    expect(completed).to.deep.equal(['authenticator-app', 'email']);
    await expectAccessible(wizard);
    const close = nextEvent(wizard, 'security-info-close');
    getByRole(wizard, 'button', { name: 'Done' }).click();
    await close;
  });

  it('lets the person skip for now when the policy allows it, and the page may refuse', async () => {
    const { adapter } = backend();
    const wizard = await mountRequired(adapter, emailOnlyRequired);
    await step(wizard, 'email');
    await waitUntilFound(wizard, 'heading', 'Method 1 of 1: Email');
    expect(getByRole(wizard, 'button', { name: 'Skip for now' })).to.exist;
    expect(wizard.shadowRoot!.textContent).to.contain('You can skip this for 1 more day.');
    await expectAccessible(wizard);
    const refuse = (event: Event) => event.preventDefault();
    wizard.addEventListener('security-info-skip', refuse, { once: true });
    const refused = nextEvent(wizard, 'security-info-skip');
    getByRole(wizard, 'button', { name: 'Skip for now' }).click();
    expect((await refused).detail).to.deep.equal({ daysLeft: 1, remaining: ['email'] });
    expect(wizard.step).to.equal('email');
    const skipped = nextEvent(wizard, 'security-info-skip');
    const cancelled = nextEvent(wizard, 'security-info-cancel');
    getByRole(wizard, 'button', { name: 'Skip for now' }).focus();
    await press('Enter');
    await skipped;
    await cancelled;
    expect(wizard.step).to.equal('cancelled');
  });

  it('counts the days left by the plural rule: days for more than one', async () => {
    const { adapter } = backend();
    const wizard = await mountRequired(adapter, required);
    await waitUntilFound(wizard, 'heading', 'Method 1 of 2: Authenticator app');
    expect(wizard.shadowRoot!.textContent).to.contain('You can skip this for 3 more days.');
  });

  it('shows at once that nothing is missing to a person who has everything required', async () => {
    const { adapter, calls } = backend();
    const page = await fixture<HTMLDivElement>(html`<div></div>`);
    const finished = nextEvent(page, 'security-info-sequence-complete');
    const wizard = document.createElement('security-info-wizard');
    Object.assign(wizard, { required: true, registered: ['authenticator-app', 'phone'], policy: required, adapter });
    page.append(wizard);
    expect((await finished).detail.enrolled).to.deep.equal([]);
    await step(wizard, 'summary');
    await waitUntilFound(wizard, 'heading', 'You have all the security info your organization requires');
    expect(calls).to.deep.equal([]);
    await expectAccessible(wizard);
  });

  it('shows the step indicator right to left, with the methods in order', async () => {
    const { adapter } = backend();
    const wizard = await fixtureRtl<SecurityInfoWizard>(
      html`<security-info-wizard required .policy=${required} .adapter=${adapter}></security-info-wizard>`,
    );
    await waitUntilFound(wizard, 'heading', 'Method 1 of 2: Authenticator app');
    const list = wizard.shadowRoot!.querySelector('.sequence-steps')!;
    expect(getComputedStyle(list).direction).to.equal('rtl');
    const [first, second] = [...list.querySelectorAll('li')].map((li) => li.getBoundingClientRect().left);
    expect(first!).to.be.greaterThan(second!);
    await expectAccessible(wizard);
  });
});

describe('security-info-wizard: every method against the memory adapter', () => {
  it('enrolls an email address, an authenticator app and security questions, and lists them', async () => {
    const adapter = createMemoryAdapter({ policy: everything });
    const wizard = await mount(adapter, 'email');
    await enterEmail(wizard, 'grace@example.org');
    await waitUntil(() => adapter.lastCode, 'no code was sent');
    await enterCode(wizard, adapter.lastCode!.code);
    await step(wizard, 'done');

    const app = await mount(adapter, 'authenticator-app');
    await waitUntilFound(app, 'image', 'QR code for your authenticator app');
    const key = app.shadowRoot!.querySelector('authenticator-app-setup')!.secret;
    getByRole(app, 'button', { name: 'Next' }).click();
    await enterCode(app, await totp(base32(key)));
    await step(app, 'done');

    const questions = await mount(adapter, 'security-questions');
    await step(questions, 'security-questions');
    for (const [i, answer] of ['Rex', 'Utrecht', 'De Regenboog'].entries()) {
      const select = (await waitUntilFound(questions, 'combobox', `Question ${i + 1}`)) as HTMLSelectElement;
      select.focus();
      for (let n = 0; n <= i; n++) await press('ArrowDown');
      await typeInto(getByRole(questions, 'textbox', { name: `Answer ${i + 1}` }), answer);
    }
    getByRole(questions, 'button', { name: 'Save' }).click();
    await step(questions, 'done');

    const { methods } = await adapter.listMethods!({ signal: new AbortController().signal });
    expect(methods.map(({ kind }) => kind)).to.deep.equal(['email', 'authenticator-app', 'security-questions']);
    expect(methods[0]!.email).to.deep.equal({ address: 'grace@example.org' });
  });

  it('runs the required flow: the authenticator app, then the phone, then the summary', async () => {
    const policy: SecurityInfoPolicy = {
      ...everything,
      enrollment: { required: [{ purpose: 'mfa', methods: ['authenticator-app', 'phone'], count: 2 }] },
    };
    const adapter = createMemoryAdapter({ policy });
    const wizard = await fixture<SecurityInfoWizard>(
      html`<security-info-wizard
        required
        purpose="mfa"
        default-country="NL"
        .adapter=${adapter}
      ></security-info-wizard>`,
    );
    await waitUntilFound(wizard, 'heading', 'Method 1 of 2: Authenticator app');
    await waitUntilFound(wizard, 'image', 'QR code for your authenticator app');
    const key = wizard.shadowRoot!.querySelector('authenticator-app-setup')!.secret;
    getByRole(wizard, 'button', { name: 'Next' }).click();
    await enterCode(wizard, await totp(base32(key)));
    await step(wizard, 'phone');
    await waitUntilFound(wizard, 'heading', 'Method 2 of 2: Phone');
    await expectAccessible(wizard);
    await typeInto(await waitUntilFound(wizard, 'textbox', 'Phone number'), '612345678');
    getByRole(wizard, 'button', { name: 'Next' }).click();
    await waitUntil(() => adapter.lastCode, 'no code was sent');
    await enterCode(wizard, adapter.lastCode!.code);
    await step(wizard, 'summary');
    const items = [...wizard.shadowRoot!.querySelectorAll('.summary li')].map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(items).to.have.length(2);
    expect(items[0]).to.equal('Authenticator app');
    expect(items[1]).to.match(/^Phone .*5678$/);
    await expectAccessible(wizard);
  });
});

describe('security-info-wizard: signing in again on another method', () => {
  it('sends the email code again after the page signs the person in, with the address kept', async () => {
    let refusals = 1;
    const { adapter, calls } = backend();
    const send = adapter.sendEmailCode!.bind(adapter);
    adapter.sendEmailCode = async (request, options) => {
      if (refusals-- > 0) throw new SecurityInfoError('unauthenticated');
      return send(request, options);
    };
    const wizard = await mount(adapter, 'email');
    let finish: () => void = () => undefined;
    wizard.addEventListener('security-info-reauthenticate', (event) => {
      event.detail.retryAfter(new Promise<void>((resolve) => (finish = resolve)));
    });
    await enterEmail(wizard);
    await expectMessage(wizard, /Waiting for you to sign in/);
    await expectAccessible(wizard);
    finish();
    await step(wizard, 'code');
    expect(calls).to.deep.equal([['sendEmailCode', { email: 'ada@example.com', channel: 'email', locale: 'en' }]]);
  });
});
