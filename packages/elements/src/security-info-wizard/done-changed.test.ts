// The done step says what happened: a method added ("Your phone was registered"), or, when the wizard ran with
// `replaces`, the method changed ("Your phone number was changed"), for each method the wizard can change, in
// English and in German.
import {
  createMemoryAdapter,
  type MemoryAdapter,
  type PreloadedMethod,
  type SecurityInfoPolicy,
} from '@security-info/core';
import './security-info-wizard.js';
import type { SecurityInfoWizard } from './security-info-wizard.js';
import { setLocale } from '../shared/localization.js';
import { expect, expectAccessible, fixture, getByRole, html, press, typeInto, waitUntil } from '../../test/helpers.js';
import { base32, step, totp, waitUntilFound } from '../../test/wizard.js';

const everything: SecurityInfoPolicy = {
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

const REGISTERED: PreloadedMethod[] = [
  { id: 'old-phone', kind: 'phone', phone: { phoneNumber: '+442079460000', channel: 'sms' } },
  { id: 'old-mail', kind: 'email', email: { address: 'ana@example.com' } },
  { id: 'old-app', kind: 'authenticator-app' },
  {
    id: 'old-questions',
    kind: 'security-questions',
    securityQuestions: { questionIds: ['first-pet', 'birth-city', 'first-school'] },
  },
];

/** Each language's words: the buttons pressed on the way, and the done step's heading for an added and a changed method. */
const WORDS = {
  en: {
    next: 'Next',
    verify: 'Verify',
    save: 'Save',
    phone: 'Phone number',
    email: 'Email address',
    question: (n: number) => `Question ${n}`,
    answer: (n: number) => `Answer ${n}`,
    added: {
      phone: 'Your phone was registered',
      email: 'Your email address was registered',
      'authenticator-app': 'Your authenticator app was added',
      'security-questions': 'Your security questions were saved',
    },
    changed: {
      phone: 'Your phone number was changed',
      email: 'Your email address was changed',
      'authenticator-app': 'Your authenticator app was replaced',
      'security-questions': 'Your security questions were updated',
    },
  },
  de: {
    next: 'Weiter',
    verify: 'Bestätigen',
    save: 'Speichern',
    phone: 'Telefonnummer',
    email: 'E-Mail-Adresse',
    question: (n: number) => `Frage ${n}`,
    answer: (n: number) => `Antwort ${n}`,
    added: {
      phone: 'Ihr Telefon wurde registriert',
      email: 'Ihre E-Mail-Adresse wurde registriert',
      'authenticator-app': 'Ihre Authentifizierungs-App wurde hinzugefügt',
      'security-questions': 'Ihre Sicherheitsfragen wurden gespeichert',
    },
    changed: {
      phone: 'Ihre Telefonnummer wurde geändert',
      email: 'Ihre E-Mail-Adresse wurde geändert',
      'authenticator-app': 'Ihre Authentifizierungs-App wurde ersetzt',
      'security-questions': 'Ihre Sicherheitsfragen wurden aktualisiert',
    },
  },
} as const;

type Language = keyof typeof WORDS;
type Method = keyof (typeof WORDS)['en']['changed'];
type Words = (typeof WORDS)[Language];

async function mount(adapter: MemoryAdapter, start: Method, replaces?: string): Promise<SecurityInfoWizard> {
  return fixture<SecurityInfoWizard>(
    html`<security-info-wizard
      default-country="NL"
      start=${start}
      .policy=${everything}
      .replaces=${replaces}
      .adapter=${adapter}
    ></security-info-wizard>`,
  );
}

async function enterTheCode(wizard: SecurityInfoWizard, words: Words, code: string): Promise<void> {
  await step(wizard, 'code');
  await typeInto(await waitUntilFound(wizard, 'textbox', /code/i), code);
  getByRole(wizard, 'button', { name: words.verify }).click();
}

/** Goes through the method's steps as a person does, up to the done step. */
async function enroll(wizard: SecurityInfoWizard, adapter: MemoryAdapter, method: Method, words: Words) {
  switch (method) {
    case 'phone':
    case 'email': {
      const field = method === 'phone' ? words.phone : words.email;
      await typeInto(
        await waitUntilFound(wizard, 'textbox', field),
        method === 'phone' ? '612345678' : 'bo@example.org',
      );
      getByRole(wizard, 'button', { name: words.next }).click();
      await waitUntil(() => adapter.lastCode, 'no code was sent', { timeout: 3000 });
      return enterTheCode(wizard, words, adapter.lastCode!.code);
    }
    case 'authenticator-app': {
      await waitUntil(() => wizard.shadowRoot!.querySelector('authenticator-app-setup')?.secret, 'no key', {
        timeout: 3000,
      });
      const key = wizard.shadowRoot!.querySelector('authenticator-app-setup')!.secret;
      getByRole(wizard, 'button', { name: words.next }).click();
      return enterTheCode(wizard, words, await totp(base32(key)));
    }
    case 'security-questions': {
      for (const [i, answer] of ['Rex', 'Utrecht', 'De Regenboog'].entries()) {
        const select = (await waitUntilFound(wizard, 'combobox', words.question(i + 1))) as HTMLSelectElement;
        select.focus();
        for (let n = 0; n <= i; n++) await press('ArrowDown');
        await typeInto(getByRole(wizard, 'textbox', { name: words.answer(i + 1) }), answer);
      }
      getByRole(wizard, 'button', { name: words.save }).click();
    }
  }
}

const ids: Record<Method, string> = {
  phone: 'old-phone',
  email: 'old-mail',
  'authenticator-app': 'old-app',
  'security-questions': 'old-questions',
};

for (const language of ['en', 'de'] as const) {
  describe(`security-info-wizard: the done step after a change, in ${language === 'en' ? 'English' : 'German'}`, () => {
    const words = WORDS[language];
    before(() => setLocale(language));
    after(() => setLocale('en'));

    for (const method of Object.keys(ids) as Method[]) {
      it(`says "${words.changed[method]}" when the ${method} replaced another`, async () => {
        const adapter = createMemoryAdapter({ policy: everything, registrations: { methods: REGISTERED } });
        const wizard = await mount(adapter, method, ids[method]);
        await enroll(wizard, adapter, method, words);
        await step(wizard, 'done');
        await waitUntilFound(wizard, 'heading', words.changed[method]);
        const { methods } = await adapter.listMethods({ signal: new AbortController().signal });
        // Replaced, not added beside it (security questions keep their id).
        expect(methods.filter((each) => each.kind === method)).to.have.length(1);
        await expectAccessible(wizard);
      });
    }

    it('still says the phone was registered when it was added', async () => {
      const adapter = createMemoryAdapter({ policy: everything, registrations: { methods: REGISTERED } });
      const wizard = await mount(adapter, 'phone');
      await enroll(wizard, adapter, 'phone', words);
      await step(wizard, 'done');
      await waitUntilFound(wizard, 'heading', words.added.phone);
    });

    it('still says the email address was registered when it was added', async () => {
      const adapter = createMemoryAdapter({ policy: everything });
      const wizard = await mount(adapter, 'email');
      await enroll(wizard, adapter, 'email', words);
      await step(wizard, 'done');
      await waitUntilFound(wizard, 'heading', words.added.email);
    });
  });
}
