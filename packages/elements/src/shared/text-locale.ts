/**
 * The language to format dates and numbers in among the elements' words: the one those words are in, so "Hinzugefügt
 * am 01.09.2025" never reads "Hinzugefügt am Sep 1, 2025". That is the language chosen with `setLocale`, or followed
 * from the document, once the elements render in it; while they render the source language unasked (nothing chosen,
 * or a host page that runs `@lit/localize` itself), the element's `lang` (hostLocale) is the better guess. A `lang`
 * of the same language refines it with its region's conventions (`en-GB`, `de-CH`).
 */
import { hostLocale } from './host-locale.js';
import { getLocale, resolveLocale, sourceLocale } from './localization.js';
import { state } from './localization-state.js';

/** The language of `element`'s words; `lang` is its `hostLocale`, for a caller that has read it already. */
export function textLocale(element: Element, lang = hostLocale(element)): string | undefined {
  const active = getLocale();
  if (state.mode === 'host' || (active === sourceLocale && !state.chosen)) return lang;
  return lang && resolveLocale(lang) === active ? lang : active;
}
