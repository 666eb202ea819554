/**
 * The tests every form control here must pass, written once and run by each element's own test file: its value
 * under its name in the form's data, required and its validity, a form reset, the state a browser restores, and
 * being disabled by its own attribute or by a fieldset.
 */
import type { FormAssociatedElement } from '../src/shared/form-associated.js';
import { expect, fixture, html, typeInto } from './helpers.js';

export type FormControl = FormAssociatedElement & {
  value: string;
  formStateRestoreCallback?(state: string | File | FormData | null, mode: 'restore' | 'autocomplete'): void;
};

export interface FormControlFixture<E extends FormControl> {
  /** A new control, not yet on the page, with whatever it needs besides the form's attributes. */
  create(): E;
  /** Resolves once the control takes input (its data has loaded, say). Its first update by default. */
  ready?(control: E): Promise<unknown>;
  /** The field a person types into. */
  field(control: E): HTMLInputElement;
  /** A complete entry, as typed, and the value it gives the control and the form. */
  valid: { typed: string; value: string };
  /** An incomplete entry, as typed, the validity flag it raises, and what its message says if that matters. */
  invalid: { typed: string; flag: keyof ValidityState; message?: RegExp };
  /** What a browser hands back after a reload and the value the control then has; or why it takes nothing back. */
  restore: { state: string; value: string } | { nothing: string };
}

export function formControlTests<E extends FormControl>(tag: string, control: FormControlFixture<E>): void {
  /** A form holding a new control with `attributes`, inside a disabled fieldset with `fieldset`. */
  async function inForm(attributes: Record<string, string> = {}, { fieldset = false } = {}) {
    const form = await fixture<HTMLFormElement>(html`<form><fieldset ?disabled=${fieldset}></fieldset></form>`);
    const el = control.create();
    el.setAttribute('name', 'answer');
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    form.querySelector('fieldset')!.append(el);
    await (control.ready?.(el) ?? el.updateComplete);
    await el.updateComplete;
    return { form, el };
  }

  const entered = async (el: E, text: string) => {
    await typeInto(control.field(el), text);
    await el.updateComplete;
  };

  describe(`${tag} in a form`, () => {
    it('belongs to its form and gives it its value under its name', async () => {
      const { form, el } = await inForm();
      expect(el.form).to.equal(form);
      expect(new FormData(form).get('answer')).to.equal(null);
      await entered(el, control.valid.typed);
      expect(el.value).to.equal(control.valid.value);
      expect(new FormData(form).get('answer')).to.equal(control.valid.value);
    });

    it('keeps the form from being submitted while required and empty, and not once complete', async () => {
      const { el } = await inForm({ required: '' });
      expect(el.willValidate).to.equal(true);
      expect(el.checkValidity()).to.equal(false);
      expect(el.validity.valueMissing).to.equal(true);
      expect(el.validationMessage).not.to.equal('');
      await entered(el, control.valid.typed);
      expect(el.checkValidity()).to.equal(true);
      expect(el.validationMessage).to.equal('');
    });

    it('says why an incomplete entry is not valid', async () => {
      const { el } = await inForm();
      await entered(el, control.invalid.typed);
      expect(el.checkValidity()).to.equal(false);
      expect(el.validity[control.invalid.flag]).to.equal(true);
      expect(el.validationMessage).to.match(control.invalid.message ?? /./);
    });

    it('is emptied by a form reset', async () => {
      const { form, el } = await inForm();
      await entered(el, control.valid.typed);
      form.reset();
      await el.updateComplete;
      expect(el.value).to.equal('');
      expect(control.field(el).value).to.equal('');
      expect(new FormData(form).get('answer')).to.equal(null);
    });

    const { restore } = control;
    if ('state' in restore) {
      it('takes back the state a browser restores after a reload', async () => {
        const { el } = await inForm();
        el.formStateRestoreCallback?.(restore.state, 'restore');
        await el.updateComplete;
        expect(el.value).to.equal(restore.value);
      });
    } else {
      it(`takes nothing back from a browser after a reload: ${restore.nothing}`, async () => {
        const { el } = await inForm();
        expect(el.formStateRestoreCallback).to.equal(undefined);
      });
    }

    it('is neither typed in, validated nor submitted while disabled, and is again once enabled', async () => {
      const { form, el } = await inForm({ disabled: '', required: '' });
      el.value = control.valid.value;
      await el.updateComplete;
      expect(control.field(el).disabled).to.equal(true);
      expect(el.willValidate).to.equal(false);
      expect(new FormData(form).get('answer')).to.equal(null);
      el.removeAttribute('disabled');
      await el.updateComplete;
      expect(control.field(el).disabled).to.equal(false);
      expect(el.willValidate).to.equal(true);
      expect(new FormData(form).get('answer')).to.equal(control.valid.value);
    });

    it('is disabled with a disabled fieldset around it', async () => {
      const { form, el } = await inForm({}, { fieldset: true });
      el.value = control.valid.value;
      await el.updateComplete;
      expect(control.field(el).disabled).to.equal(true);
      expect(new FormData(form).get('answer')).to.equal(null);
    });
  });
}
