import { html, render } from 'lit';
import { PLACE, placeIn } from './placeholder.js';
import { expect } from '../../test/helpers.js';

/** Renders `placeIn(text, <b>value</b>)` and returns the container. */
function shown(text: string): HTMLElement {
  const container = document.createElement('p');
  render(placeIn(text, html`<b dir="ltr">+31 6 •••• 5678</b>`), container);
  return container;
}

describe('placeIn', () => {
  it('puts the value’s element where the sentence marks it', () => {
    const p = shown(`We sent a code to ${PLACE}.`);
    expect(p.textContent).to.equal('We sent a code to +31 6 •••• 5678.');
    expect(p.querySelector('b')!.textContent).to.equal('+31 6 •••• 5678');
  });

  it('follows a translation that moves the value to the front', () => {
    const p = shown(`${PLACE} کو کوڈ بھیجا گیا`);
    expect(p.textContent!.startsWith('+31 6 •••• 5678')).to.equal(true);
  });

  it('keeps the value when a translation lost the mark, after the text', () => {
    expect(shown('Code sent').textContent).to.equal('Code sent +31 6 •••• 5678');
  });

  it('renders markup in a translation as text, never as elements', () => {
    const p = shown(`<img src=x onerror=alert(1)> ${PLACE}`);
    expect(p.querySelector('img')).to.equal(null);
    expect(p.textContent).to.contain('<img');
  });
});
