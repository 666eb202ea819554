import { LitElement, html as litHtml } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { FormattedInputController, type Formatted } from './formatted-input.js';
import { defineElement } from '../shared/define.js';
import { expect, expectAccessible, fixture, getByRole, html, paste, press, typeInto } from '../../test/helpers.js';

/** Digits in groups of three ("123 456 7"), the caret after as many digits as before it; anything else as typed. */
function groupsOfThree(text: string, caret: number): Formatted {
  if (!/^[\d\s]*$/.test(text)) return { text, caret };
  const digitsBefore = text.slice(0, caret).replace(/\D/g, '').length;
  const formatted = (text.replace(/\D/g, '').match(/\d{1,3}/g) ?? []).join(' ');
  let at = 0;
  for (let seen = 0; at < formatted.length && seen < digitsBefore; at++) if (formatted[at] !== ' ') seen++;
  return { text: formatted, caret: at };
}

/** A field formatted in groups of three, counting the edits. */
class GroupedField extends LitElement {
  edits = 0;
  readonly input = new FormattedInputController(this, {
    field: () => this.renderRoot.querySelector('input'),
    format: groupsOfThree,
    edited: () => this.edits++,
  });

  protected override render() {
    const typing = this.input.listeners;
    return litHtml`<label>Digits
      <input
        .value=${this.input.text}
        @input=${typing.input}
        @compositionend=${typing.compositionend}
        @keydown=${typing.keydown}
      /></label>`;
  }
}
defineElement('grouped-field', GroupedField);

async function grouped() {
  const host = await fixture<GroupedField>(html`<grouped-field></grouped-field>`);
  const field = getByRole<HTMLInputElement>(host, 'textbox', { name: 'Digits' });
  const digitsBeforeCaret = () => field.value.slice(0, field.selectionStart!).replace(/\D/g, '');
  return { host, field, digitsBeforeCaret };
}

const undo = async () => {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'z' });
  await sendKeys({ up: 'Control' });
};

/** Ctrl+Z dispatched on `field`, to see whether the controller took it. */
function undoKey(field: HTMLInputElement): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true });
  field.dispatchEvent(event);
  return event;
}

describe('FormattedInputController', () => {
  it('formats as the person types, the caret at the end', async () => {
    const { host, field } = await grouped();
    await typeInto(field, '1234567');
    await host.updateComplete;
    expect(field.value).to.equal('123 456 7');
    expect(host.input.text).to.equal('123 456 7');
    expect(field.selectionStart).to.equal(field.value.length);
    expect(host.edits).to.equal(7);
    await expectAccessible(host);
  });

  it('sets the caret only where formatting moved it: a keystroke that changes no grouping leaves it be', async () => {
    const { host, field } = await grouped();
    const original = field.setSelectionRange.bind(field);
    let set = 0;
    field.setSelectionRange = (...args: Parameters<HTMLInputElement['setSelectionRange']>) => {
      set++;
      original(...args);
    };
    await typeInto(field, '12');
    expect(set, 'two digits, one group').to.equal(0);
    await typeInto(field, '34');
    await host.updateComplete;
    expect(field.value).to.equal('123 4');
    expect(set, 'the fourth digit starts a group').to.equal(1);
    expect(field.selectionStart).to.equal(field.value.length);
  });

  it('keeps the caret after the digit typed in the middle', async () => {
    const { host, field, digitsBeforeCaret } = await grouped();
    await typeInto(field, '123456');
    field.setSelectionRange(1, 1);
    await press('9');
    await host.updateComplete;
    expect(field.value).to.equal('192 345 6');
    expect(digitsBeforeCaret()).to.equal('19');
  });

  it('deletes the digit before a separator that Backspace reaches', async () => {
    const { host, field, digitsBeforeCaret } = await grouped();
    await typeInto(field, '123456');
    field.setSelectionRange(4, 4); // after "123 "
    await press('Backspace');
    await host.updateComplete;
    expect(field.value).to.equal('124 56');
    expect(digitsBeforeCaret()).to.equal('12');
  });

  it('deletes the digit after a separator that Delete reaches', async () => {
    const { host, field, digitsBeforeCaret } = await grouped();
    await typeInto(field, '123456');
    field.setSelectionRange(3, 3); // before " 456"
    await press('Delete');
    await host.updateComplete;
    expect(field.value).to.equal('123 56');
    expect(digitsBeforeCaret()).to.equal('123');
  });

  it('undoes edits one by one with Ctrl+Z, then leaves the key to the browser', async () => {
    const { host, field } = await grouped();
    await typeInto(field, '1234');
    await press('Backspace');
    await host.updateComplete;
    expect(field.value).to.equal('123');
    await undo();
    await host.updateComplete;
    expect(field.value).to.equal('123 4');
    expect(field.selectionStart).to.equal(5);
    await undo();
    await host.updateComplete;
    expect(field.value).to.equal('123');
    expect(host.edits).to.equal(7);
    for (let i = 0; i < 3; i++) await undo();
    await host.updateComplete;
    expect(field.value).to.equal('');
    expect(undoKey(field).defaultPrevented, 'nothing left to undo').to.equal(false);
  });

  it('formats a paste as one edit', async () => {
    const { host, field } = await grouped();
    paste(field, '9876543');
    await host.updateComplete;
    expect(field.value).to.equal('987 654 3');
    expect(host.edits).to.equal(1);
  });

  it('leaves an input method alone while it composes, and formats what it commits once', async () => {
    const { host, field } = await grouped();
    field.focus();
    const composing = (data: string) =>
      new InputEvent('input', { bubbles: true, inputType: 'insertCompositionText', data, isComposing: true });
    field.value = '1234';
    field.dispatchEvent(composing('1234'));
    await host.updateComplete;
    expect(field.value).to.equal('1234');
    expect(host.edits).to.equal(0);
    field.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '1234' }));
    await host.updateComplete;
    expect(field.value).to.equal('123 4');
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertCompositionText' }));
    await host.updateComplete;
    expect(field.value).to.equal('123 4');
    expect(host.edits).to.equal(1);
  });

  it('shows text the host sets as it is, as no edit and nothing to compare the next edit with', async () => {
    const { host, field } = await grouped();
    host.input.text = '12 34';
    await host.updateComplete;
    expect(field.value).to.equal('12 34');
    expect(host.edits).to.equal(0);
    field.focus();
    field.setSelectionRange(5, 5);
    await press('5');
    await host.updateComplete;
    expect(field.value).to.equal('123 45');
  });

  it('formats again on request, keeping the caret where the person left it in the focused field', async () => {
    const { host, field, digitsBeforeCaret } = await grouped();
    host.input.text = '12345';
    await host.updateComplete;
    field.focus();
    field.setSelectionRange(2, 2);
    host.input.reformat();
    await host.updateComplete;
    expect(field.value).to.equal('123 45');
    expect(digitsBeforeCaret()).to.equal('12');
    expect(host.edits).to.equal(0);
  });

  it('forgets what could be undone when its element leaves the page', async () => {
    const { host, field } = await grouped();
    await typeInto(field, '1234');
    const parent = host.parentElement!;
    host.remove();
    parent.append(host);
    await host.updateComplete;
    expect(undoKey(field).defaultPrevented).to.equal(false);
    expect(field.value).to.equal('123 4');
  });
});
