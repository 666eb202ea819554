/**
 * Localization of the elements' strings with `@lit/localize` in runtime mode.
 *
 * Nothing is configured at import: `@lit/localize` can be configured once per page, and a host that localizes
 * its own Lit components must stay in charge. A host without its own localization calls {@link setLocale};
 * the first call configures `@lit/localize` with this library's locale modules, loaded on demand.
 */
import { configureLocalization, type LocaleModule } from '@lit/localize';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';

export { sourceLocale, targetLocales };

export type SupportedLocale = typeof sourceLocale | (typeof targetLocales)[number];

/** A static map, so bundlers split each locale into its own chunk and dev servers can follow the imports. */
const loaders: Record<(typeof targetLocales)[number], () => Promise<LocaleModule>> = {
  nl: () => import('../generated/locales/nl.js'),
};

const supported: readonly string[] = [sourceLocale, ...targetLocales];

/**
 * The shipped locale that best serves a BCP 47 tag: the exact tag, then shorter tags (`pt-BR` -> `pt`),
 * then English. Never throws, whatever it is given.
 */
export function resolveLocale(requested: string | null | undefined): SupportedLocale {
  let tag: string;
  try {
    tag = Intl.getCanonicalLocales(requested?.trim() || sourceLocale)[0] ?? sourceLocale;
  } catch {
    return sourceLocale;
  }
  const lower = supported.map((locale) => locale.toLowerCase());
  const parts = tag.split('-');
  while (parts.length > 0) {
    const index = lower.indexOf(parts.join('-').toLowerCase());
    if (index >= 0) return supported[index] as SupportedLocale;
    parts.pop();
  }
  return sourceLocale;
}

let controls: ReturnType<typeof configureLocalization> | undefined;

function localization(): ReturnType<typeof configureLocalization> {
  controls ??= configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: (locale) => loaders[locale as keyof typeof loaders](),
  });
  return controls;
}

/**
 * Shows the elements in the best shipped match for `locale`, loading its module first.
 * @returns the locale actually used.
 */
export async function setLocale(locale: string): Promise<SupportedLocale> {
  const resolved = resolveLocale(locale);
  await localization().setLocale(resolved);
  return resolved;
}

/** The locale the elements currently render in (the source locale until {@link setLocale} was called). */
export function getLocale(): string {
  return controls?.getLocale() ?? sourceLocale;
}
