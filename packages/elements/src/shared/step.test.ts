import { LitElement, html as litHtml } from 'lit';
import { defineElement } from './define.js';
import { FormAssociatedElement } from './form-associated.js';
import { focusHeading, StepElement } from './step.js';
import { deepActiveElement, expect, fixture, html } from '../../test/helpers.js';

class TestStep extends StepElement(LitElement) {
  static override properties = { label: {} };
  declare label: string;

  constructor() {
    super();
    this.label = 'Start';
  }

  override render() {
    return litHtml`<h2 tabindex="-1">${this.label}</h2>
      <button ?disabled=${this.pending}>Next</button>`;
  }
}
defineElement('test-step', TestStep);

class TestStepControl extends StepElement(FormAssociatedElement) {
  override render() {
    return litHtml`<h2 tabindex="-1">Field</h2>
      <input aria-label="Value" ?disabled=${this.isDisabled} />`;
  }
}
defineElement('test-step-control', TestStepControl);

declare global {
  interface HTMLElementTagNameMap {
    'test-step': TestStep;
    'test-step-control': TestStepControl;
  }
}

describe('StepElement', () => {
  it('is not pending at first, and reflects pending to an attribute a page can style', async () => {
    const el = await fixture<TestStep>(html`<test-step></test-step>`);
    expect(el.pending).to.equal(false);
    expect(el.hasAttribute('pending')).to.equal(false);
    el.pending = true;
    await el.updateComplete;
    expect(el.hasAttribute('pending')).to.equal(true);
    expect(el.shadowRoot!.querySelector('button')!.disabled).to.equal(true);
  });

  it("takes pending from the attribute, beside the element's own properties", async () => {
    const el = await fixture<TestStep>(html`<test-step pending label="Phone"></test-step>`);
    expect(el.pending).to.equal(true);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Phone');
  });

  it('moves focus to its heading on request', async () => {
    const el = await fixture<TestStep>(html`<test-step></test-step>`);
    el.focusHeading();
    expect(deepActiveElement()).to.equal(el.shadowRoot!.querySelector('h2'));
  });

  it('makes a form control a step too', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><test-step-control name="x"></test-step-control></form>`);
    const el = form.querySelector('test-step-control')!;
    await el.updateComplete;
    expect(el.form).to.equal(form);
    el.focusHeading();
    expect(deepActiveElement()).to.equal(el.shadowRoot!.querySelector('h2'));
  });
});

describe('focusHeading', () => {
  it('focuses the first h2 in a root, and does nothing without one', async () => {
    const root = await fixture<HTMLDivElement>(
      html`<div>
        <h2 tabindex="-1">One</h2>
        <h2 tabindex="-1">Two</h2>
      </div>`,
    );
    focusHeading(root);
    expect(document.activeElement).to.equal(root.querySelector('h2'));
    expect(() => focusHeading(document.createElement('div'))).not.to.throw();
  });
});
