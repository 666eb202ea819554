import { inputMethodGuard } from './input-method.js';
import { expect, fixture, html } from '../../test/helpers.js';

/** A field whose edits go through the guard and are kept, as an element keeps what it read. */
async function guarded() {
  const field = await fixture<HTMLInputElement>(html`<input />`);
  let kept = '';
  const edits: [string, string][] = [];
  const guard = inputMethodGuard(
    () => kept,
    (input, inputType) => {
      kept = input.value;
      edits.push([input.value, inputType]);
    },
  );
  field.addEventListener('input', guard.input);
  field.addEventListener('compositionend', guard.compositionend);
  const type = (value: string, init: InputEventInit = {}) => {
    field.value = value;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', ...init }));
  };
  const commit = (value: string) => {
    field.value = value;
    field.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: value }));
  };
  return { edits, type, commit };
}

describe('inputMethodGuard', () => {
  it('passes each ordinary edit on with its input type', async () => {
    const { edits, type } = await guarded();
    type('1');
    type('12');
    type('1', { inputType: 'deleteContentBackward' });
    expect(edits).to.deep.equal([
      ['1', 'insertText'],
      ['12', 'insertText'],
      ['1', 'deleteContentBackward'],
    ]);
  });

  it('leaves a composition alone, and reads what it commits once, whichever event brings it', async () => {
    const { edits, type, commit } = await guarded();
    type('４', { inputType: 'insertCompositionText', isComposing: true });
    type('４３', { inputType: 'insertCompositionText', isComposing: true });
    expect(edits).to.deep.equal([]);
    commit('４３');
    type('４３', { inputType: 'insertCompositionText' }); // Firefox follows with a plain input event.
    expect(edits).to.deep.equal([['４３', 'insertCompositionText']]);
  });

  it('reads an input event that brings a commit, when no compositionend came before it', async () => {
    const { edits, type } = await guarded();
    type('あ', { inputType: 'insertCompositionText', isComposing: true });
    type('亜', { inputType: 'insertCompositionText' });
    expect(edits).to.deep.equal([['亜', 'insertCompositionText']]);
  });
});
