import { createMemoryAdapter, type SecurityInfoPolicy } from '@security-info/core';
import type { SecurityInfoPhone } from './security-info-phone/security-info-phone.js';
import type { SecurityInfoWizard } from './security-info-wizard/security-info-wizard.js';
import type { CodeVerify } from './code-verify/code-verify.js';
import type { MethodPicker } from './method-picker/method-picker.js';
import { expect, expectAccessible, fixture, getByRole, html } from '../test/helpers.js';

// Every test here shares one page and one copy of the package root, in this order: which elements are defined
// is what they observe, so nothing here imports an element's module before the root has had its chance.

const TAGS = ['security-info-wizard', 'security-info-phone', 'code-verify', 'method-picker'];
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
  let early: MethodPicker;

  before(async () => {
    window.addEventListener('unhandledrejection', onUnhandled);
    // Server-rendered markup: the tag is in the page, its property set, before the package's code arrives.
    early = document.createElement('method-picker') as MethodPicker;
    early.policy = policy;
    document.body.append(early);
    root = await import('./index.js');
  });
  after(() => {
    window.removeEventListener('unhandledrejection', onUnhandled);
    early.remove();
  });

  it('defines what the page holds when the package loads, with the policy set on it before, and nothing else', async () => {
    await customElements.whenDefined('method-picker');
    await early.updateComplete;
    expect(defined()).to.deep.equal(['method-picker']);
    expect(getByRole(early, 'button', { name: 'Phone' })).to.exist;
    await expectAccessible(early);
  });

  it('defines a tag inside markup added in one piece, from its own module', async () => {
    const section = await fixture<HTMLElement>(
      html`<section aria-label="Your phone"><security-info-phone default-country="NL"></security-info-phone></section>`,
    );
    await customElements.whenDefined('security-info-phone');
    const field = section.querySelector<SecurityInfoPhone>('security-info-phone')!;
    await field.updateComplete;
    expect(getByRole(field, 'textbox', { name: 'Phone number' })).to.exist;
    expect(defined()).to.deep.equal(['security-info-phone', 'method-picker']);
    await expectAccessible(section);
  });

  it('whenDefined loads an element no page has shown yet and resolves with its class', async () => {
    expect(customElements.get('code-verify')).to.equal(undefined);
    const CodeVerifyElement = await root.whenDefined('code-verify');
    const field = await fixture<CodeVerify>(html`<code-verify destination="+31 6 •••• 5678"></code-verify>`);
    expect(field).to.be.instanceOf(CodeVerifyElement);
    expect(getByRole(field, 'button', { name: 'Verify' })).to.exist;
    await expectAccessible(field);
  });

  // Created (and given its adapter) before the wizard's class exists, appended once it does.
  const adapter = createMemoryAdapter({ policy });
  let wizard: SecurityInfoWizard;

  it('defineAll defines every element, those not on the page included', async () => {
    wizard = document.createElement('security-info-wizard') as SecurityInfoWizard;
    wizard.adapter = adapter;
    wizard.setAttribute('purpose', 'mfa');
    wizard.setAttribute('default-country', 'NL');
    expect(customElements.get('security-info-wizard')).to.equal(undefined);
    await root.defineAll();
    expect(defined()).to.deep.equal(TAGS);
  });

  it('keeps the adapter a page gave the wizard before its class loaded, and enrolls a phone with it', async () => {
    const page = await fixture<HTMLDivElement>(html`<div></div>`);
    page.append(wizard);
    // Lit gives the element what was set before its upgrade at its first update. (A boolean: on failure chai
    // would print the whole memory adapter.)
    await wizard.updateComplete;
    expect(wizard.adapter === adapter, 'the adapter set before the upgrade').to.equal(true);
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
});
