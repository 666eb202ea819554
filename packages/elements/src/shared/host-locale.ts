/**
 * The language of an element's surroundings, for `Intl`: its own `lang`, else the nearest `lang` around it in its
 * tree, else the document's. `undefined`, which `Intl` reads as the browser's language, when none is set or it is
 * not a language tag (`lang="english"`). The phone step chooses its first country by it; names, dates and lists use
 * it while the words are in the source language unasked (text-locale.ts).
 *
 * The search stops at a shadow root, as the elements' messages follow the document: inside the wizard a step
 * names regions in the document's language, the one its messages are in.
 */
export function hostLocale(element: Element): string | undefined {
  try {
    const lang = element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
    return Intl.getCanonicalLocales(lang || [])[0];
  } catch {
    return undefined;
  }
}
