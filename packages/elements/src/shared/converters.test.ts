import { LitElement } from 'lit';
import { listConverter } from './converters.js';
import { defineElement } from './define.js';
import { expect, fixture, html } from '../../test/helpers.js';

class TestList extends LitElement {
  static override properties = { items: { converter: listConverter, reflect: true } };
  declare items: string[];
}
defineElement('test-list', TestList);

declare global {
  interface HTMLElementTagNameMap {
    'test-list': TestList;
  }
}

describe('listConverter', () => {
  it('reads items separated by spaces, commas or both, dropping empty ones', () => {
    expect(listConverter.fromAttribute!('sms voice', Array)).to.deep.equal(['sms', 'voice']);
    expect(listConverter.fromAttribute!(' NL, BE,,DE\n', Array)).to.deep.equal(['NL', 'BE', 'DE']);
  });

  it('reads a missing or empty attribute as an empty list', () => {
    expect(listConverter.fromAttribute!(null, Array)).to.deep.equal([]);
    expect(listConverter.fromAttribute!('  ', Array)).to.deep.equal([]);
  });

  it('gives an element its list from the attribute, and writes a set list back space-separated', async () => {
    const el = await fixture<TestList>(html`<test-list items="a,b c"></test-list>`);
    expect(el.items).to.deep.equal(['a', 'b', 'c']);
    el.items = ['x', 'y'];
    await el.updateComplete;
    expect(el.getAttribute('items')).to.equal('x y');
  });
});
