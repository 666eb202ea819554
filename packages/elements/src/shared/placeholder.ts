/**
 * A translated sentence with a value that needs an element of its own: a phone number kept left to right inside
 * right-to-left text, with a part a page can style. The message holds no markup (so the locale modules need only
 * `str`, not Lit's `html`, and stay out of Lit's chunk): it marks where the value goes with `PLACE`, and `placeIn`
 * puts the value's element there, wherever the translation moved it.
 */
import { html, type TemplateResult } from 'lit';

/** A private-use character: no translation contains it by itself. */
export const PLACE = '\uE000';

/** `text` with `value` where the translation put `PLACE` (after the text, should a translation have lost it). */
export function placeIn(text: string, value: TemplateResult): TemplateResult {
  const at = text.indexOf(PLACE);
  return at < 0 ? html`${text} ${value}` : html`${text.slice(0, at)}${value}${text.slice(at + PLACE.length)}`;
}
