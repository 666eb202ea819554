import { LitElement, html as litHtml } from 'lit';
import { defineElement } from './define.js';
import { emit } from './events.js';
import { FormAssociatedElement } from './form-associated.js';
import { resolveLocale } from './localization.js';
import { expect, expectAccessible, fixture, getByRole, html, queryByRole } from '../../test/helpers.js';

interface PingDetail {
  count: number;
}

declare global {
  interface HTMLElementEventMap {
    'test-ping': CustomEvent<PingDetail>;
  }
  interface HTMLElementTagNameMap {
    'test-control': TestControl;
  }
}

class TestControl extends FormAssociatedElement {
  override render() {
    return litHtml`<label for="i">Test value</label><input id="i" ?disabled=${this.isDisabled} />`;
  }
}
defineElement('test-control', TestControl);

describe('defineElement', () => {
  it('leaves a tag alone when a second copy defines it again', () => {
    class Other extends LitElement {}
    expect(() => defineElement('test-control', Other)).not.to.throw();
    expect(customElements.get('test-control')).to.equal(TestControl);
  });
});

describe('emit', () => {
  it('dispatches a bubbling, composed CustomEvent that crosses a shadow root', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    shadow.append(inner);
    let received: CustomEvent<PingDetail> | undefined;
    host.addEventListener('test-ping', (event) => (received = event), { once: true });
    emit(inner, 'test-ping', { count: 3 });
    expect(received?.detail.count).to.equal(3);
    expect(received?.bubbles).to.equal(true);
    expect(received?.composed).to.equal(true);
  });

  it('reports a cancelled cancelable event', async () => {
    const target = await fixture<HTMLDivElement>(html`<div></div>`);
    target.addEventListener('test-ping', (event) => event.preventDefault(), { once: true });
    expect(emit(target, 'test-ping', { count: 1 }, { cancelable: true })).to.equal(false);
    expect(emit(target, 'test-ping', { count: 1 }, { cancelable: true })).to.equal(true);
  });
});

describe('FormAssociatedElement', () => {
  it('is disabled by an ancestor fieldset', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <fieldset disabled><test-control name="x"></test-control></fieldset>
      </form>`,
    );
    const control = form.querySelector('test-control')!;
    await control.updateComplete;
    expect(getByRole(control, 'textbox', { name: 'Test value', hidden: true }).hasAttribute('disabled')).to.equal(true);
    expect(control.form).to.equal(form);
  });

  it('is enabled again when its disabled property is set back', async () => {
    const control = await fixture<TestControl>(html`<test-control></test-control>`);
    const field = () => control.shadowRoot!.querySelector('input')!;
    control.disabled = true;
    await control.updateComplete;
    expect(field().disabled).to.equal(true);
    control.disabled = false;
    await control.updateComplete;
    // Reflecting `disabled` tells the control it is enabled during that update: the next one shows it.
    await control.updateComplete;
    expect(field().disabled).to.equal(false);
  });

  it('is accessible', async () => {
    const control = await fixture<TestControl>(html`<test-control></test-control>`);
    expect(queryByRole(control, 'textbox', { name: 'Test value' })).to.exist;
    await expectAccessible(control);
  });
});

describe('resolveLocale', () => {
  it('finds the shipped locale for a regional tag and falls back to English', () => {
    expect(resolveLocale('nl-BE')).to.equal('nl');
    expect(resolveLocale('xx-YY')).to.equal('en');
    expect(resolveLocale('not a locale!')).to.equal('en');
    expect(resolveLocale(undefined)).to.equal('en');
  });
});

describe('expectAccessible', () => {
  it('fails on a violation, so a passing check means something', async () => {
    const bare = await fixture<HTMLDivElement>(html`<div><input type="text" /></div>`);
    let failure: unknown;
    try {
      await expectAccessible(bare);
    } catch (error) {
      failure = error;
    }
    expect(String(failure)).to.contain('label');
  });
});

describe('the code under test', () => {
  it('is the code as the package ships it (see scripts/ship.mjs)', async () => {
    const { tokens } = await import('./tokens.styles.js');
    expect(tokens.cssText).to.include(':host{');
    expect(tokens.cssText).not.to.include('/*');
    expect(tokens.cssText).not.to.include('\n');
  });
});
