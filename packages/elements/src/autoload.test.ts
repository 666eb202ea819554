import { createMemoryAdapter, type SecurityInfoPolicy } from '@security-info/core';
import type { SecurityInfoPhone } from './security-info-phone/security-info-phone.js';
import type { SecurityInfoWizard } from './security-info-wizard/security-info-wizard.js';
import { expect, expectAccessible, fixture, getByRole, html, waitUntil } from '../test/helpers.js';

// The tests share one page and one copy of the package root, in this order: which elements are defined is what
// they observe, so nothing here imports an element's module before the root has had its chance.

const TAGS = ['security-info-wizard', 'method-picker', 'security-info-phone', 'code-verify'] as const;
const defined = () => TAGS.filter((tag) => customElements.get(tag));
const policy: SecurityInfoPolicy = {
  methods: [
    { id: 'authenticator-app', purposes: ['mfa'] },
    { id: 'phone', purposes: ['mfa'] },
  ],
};

const unhandled: unknown[] = [];
const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
afterEach(() => expect(unhandled, 'unhandled rejections').to.deep.equal([]));

describe('the package root defines each element when its tag first appears', () => {
  let root: typeof import('./index.js');
  let early: SecurityInfoPhone;

  before(async () => {
    window.addEventListener('unhandledrejection', onUnhandled);
    // Server-rendered markup: the tag is in the page, a property set on it, before the package's code arrives.
    early = document.createElement('security-info-phone') as SecurityInfoPhone;
    early.policy = { methods: [], phone: { defaultCountry: 'BE' } };
    document.body.append(early);
    root = await import('./index.js');
  });
  after(() => {
    window.removeEventListener('unhandledrejection', onUnhandled);
    early.remove();
  });

  it('defines the phone field the page holds when it loads, with the code field and without the wizard', async () => {
    await customElements.whenDefined('security-info-phone');
    await early.updateComplete;
    await waitUntil(() => !early.matches(':state(loading)'), 'the phone data never loaded');
    await early.updateComplete;
    // The policy set before the upgrade chose the country.
    expect(getByRole<HTMLInputElement>(early, 'combobox', { name: 'Country or region' }).value).to.equal(
      'Belgium (+32)',
    );
    expect(defined()).to.deep.equal(['security-info-phone', 'code-verify']);
    await expectAccessible(early);
  });

  it('defines a wizard added later, which keeps the adapter given before its class loaded and enrolls with it', async () => {
    const adapter = createMemoryAdapter({ policy });
    // Lit sets `.adapter` while the element is still undefined, as a framework rendering before the load would.
    const wizard = await fixture<SecurityInfoWizard>(
      html`<security-info-wizard purpose="mfa" default-country="NL" .adapter=${adapter}></security-info-wizard>`,
    );
    expect(customElements.get('security-info-wizard')).to.equal(undefined);
    const Wizard = await root.whenDefined('security-info-wizard');
    expect(wizard).to.be.instanceOf(Wizard);
    // Lit gives the element what was set before its upgrade at its first update. (A boolean: on failure chai would
    // print the whole memory adapter.)
    await wizard.updateComplete;
    expect(wizard.adapter === adapter, 'the adapter set before the upgrade').to.equal(true);
    expect(defined()).to.deep.equal(TAGS);
    // The wizard's test helpers import its module: only now that the root has defined it.
    const { codeOf, enterCode, enterPhone, step, waitUntilFound } = await import('../test/wizard.js');
    await step(wizard, 'methods');
    expect(adapter.calls.getPolicy).to.equal(1);
    await expectAccessible(wizard);
    (await waitUntilFound(wizard, 'button', 'Phone')).click();
    await enterPhone(wizard);
    await enterCode(wizard, await codeOf(adapter));
    await step(wizard, 'done');
    expect(getByRole(wizard, 'heading', { name: 'Your phone was registered' })).to.exist;
    await expectAccessible(wizard);
  });

  it('whenDefined resolves with the class of each tag', async () => {
    for (const tag of TAGS) expect(await root.whenDefined(tag)).to.equal(customElements.get(tag));
  });

  it('defineAll resolves once every element is defined', async () => {
    await root.defineAll();
    expect(defined()).to.deep.equal(TAGS);
  });
});
