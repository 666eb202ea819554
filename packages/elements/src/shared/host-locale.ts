/**
 * The language an element is shown in, for `Intl` (names, sorting, numbers, lists): its own `lang`, else the
 * nearest `lang` around it, through the shadow roots it sits in, else the document's. `undefined`, which `Intl`
 * reads as the browser's language, when none is set or it is not a language tag (`lang="english"`).
 */
export function hostLocale(element: Element): string | undefined {
  let lang: string | null | undefined;
  for (let node: Element | undefined = element; node && !lang; node = (node.getRootNode() as ShadowRoot).host) {
    lang = node.closest('[lang]')?.getAttribute('lang');
  }
  try {
    return Intl.getCanonicalLocales(lang || document.documentElement.lang || [])[0];
  } catch {
    return undefined;
  }
}
