// The required flow in every shipped language: "Method 1 of 2: Email" worded by the language's own template (its
// words in their order, its digits), the list of methods, Skip for now and the days left, right to left where the
// language is written so; axe on each. The words come from the 'enroll' feature's modules, loaded with the steps.
import { createMemoryAdapter, type SecurityInfoPolicy } from '@security-info/core';
import './security-info-wizard.js';
import type { SecurityInfoWizard } from './security-info-wizard.js';
import { allLocales } from '../generated/locale-codes.js';
import { setLocale } from '../shared/localization.js';
import { expect, expectAccessible, fixture, getByRole, html, waitUntil } from '../../test/helpers.js';

type Template = string | { strings: readonly string[]; values: readonly number[] };

const policy: SecurityInfoPolicy = {
  methods: [
    { id: 'phone', purposes: ['mfa', 'password-reset'] },
    { id: 'email', purposes: ['password-reset'] },
  ],
  enrollment: {
    required: [{ purpose: 'password-reset', methods: ['email', 'phone'] }],
    skip: { allowed: true, daysLeft: 3 },
  },
};

const ENGLISH: Record<string, Template> = {
  'enroll.sequence.heading': { strings: ['Method ', ' of ', ': ', ''], values: [0, 1, 2] },
  'enroll.sequence.email': 'Email',
  'enroll.sequence.skip': 'Skip for now',
};

/** The language's templates of the 'enroll' feature (English for the source language). */
async function templatesOf(locale: string): Promise<Record<string, Template>> {
  if (locale === 'en') return ENGLISH;
  const { messages } = await import('../generated/locales/enroll/index.js');
  return (await messages[locale]!()).templates as Record<string, Template>;
}

/** A template with its placeholders filled, in the order the language puts them. */
function fill(template: Template, args: readonly string[]): string {
  if (typeof template === 'string') return template;
  return template.strings.reduce((text, part, i) => text + (i ? args[template.values[i - 1]!] : '') + part, '');
}

const RTL = new Set(['ar', 'he']);

describe('security-info-wizard: the required flow in every language', () => {
  after(() => setLocale('en'));

  for (const locale of allLocales) {
    it(`words the required flow in ${locale}`, async () => {
      await setLocale(locale);
      const templates = await templatesOf(locale);
      const digits = new Intl.NumberFormat(locale);
      const email = fill(templates['enroll.sequence.email']!, []);
      const heading = fill(templates['enroll.sequence.heading']!, [digits.format(1), digits.format(2), email]);
      const parentNode = await fixture<HTMLDivElement>(
        html`<div lang=${locale} dir=${RTL.has(locale) ? 'rtl' : 'ltr'}></div>`,
      );
      const wizard = await fixture<SecurityInfoWizard>(
        html`<security-info-wizard
          required
          .policy=${policy}
          .adapter=${createMemoryAdapter()}
        ></security-info-wizard>`,
        { parentNode },
      );
      await waitUntil(
        () => wizard.shadowRoot?.querySelector('[part~="sequence-heading"]')?.textContent?.trim() === heading,
        `no "${heading}" in ${locale}`,
        { timeout: 5000 },
      );
      const current = wizard.shadowRoot!.querySelector('[aria-current="step"]');
      expect(current?.textContent?.trim()).to.equal(email);
      expect(getByRole(wizard, 'button', { name: fill(templates['enroll.sequence.skip']!, []) })).to.exist;
      if (locale !== 'en') expect(heading).not.to.equal('Method 1 of 2: Email');
      await expectAccessible(wizard);
    });
  }
});
