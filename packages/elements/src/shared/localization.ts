/**
 * Localization of the elements' strings with `@lit/localize` in runtime mode.
 *
 * By default the elements follow the document's `lang` (and changes to it). `@lit/localize` can be configured
 * only once per page, so nothing happens at import: the first element to connect schedules the set-up for
 * after the current task, so a host page that configures `@lit/localize` itself in its start-up code keeps
 * that role (its `loadLocale` then includes this library's templates: see docs/localization.md).
 */
import { _installMsgImplementation, defaultMsg, LOCALE_STATUS_EVENT, msg } from './lit-localize.js';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';
import { state, type SupportedLocale } from './localization-state.js';
import type { MessageLoaders } from './localization-runtime.js';

export { sourceLocale, targetLocales };

export type { MessageLoaders, SupportedLocale };

const supported: readonly string[] = [sourceLocale, ...targetLocales];
const lower = supported.map((locale) => locale.toLowerCase());

/** Languages whose usual tag differs from the shipped one. */
const ALIASES: Record<string, string> = { no: 'nb', nn: 'nb', iw: 'he', in: 'id' };

function find(tag: string): SupportedLocale | undefined {
  const index = lower.indexOf(tag.toLowerCase());
  return index >= 0 ? (supported[index] as SupportedLocale) : undefined;
}

/**
 * The shipped locale that best serves a BCP 47 tag: the exact tag; the tag with its likely script and region
 * (`zh-TW` -> `zh-Hant`, `zh` -> `zh-Hans`, `pt` -> `pt-BR`); Portuguese outside Brazil -> `pt-PT`; the
 * language alone; else English. Never throws, whatever it is given.
 */
export function resolveLocale(requested: string | null | undefined): SupportedLocale {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(Intl.getCanonicalLocales(requested?.trim() || sourceLocale)[0] ?? sourceLocale);
  } catch {
    return sourceLocale;
  }
  const full = locale.maximize();
  const language = ALIASES[locale.language] ?? locale.language;
  const region = locale.region ?? full.region;
  const script = locale.script ?? full.script;
  const candidates = [
    locale.toString(),
    `${language}-${region}`,
    `${language}-${script}`,
    ...(language === 'pt' && region !== 'BR' ? ['pt-PT'] : []),
    language,
  ];
  for (const candidate of candidates) {
    const found = find(candidate);
    if (found) return found;
  }
  return sourceLocale;
}

const runtime = () => import('./localization-runtime.js');

/**
 * Whether the host page configured `@lit/localize` itself, which installs its own `msg`. Known without loading
 * anything, so a page that localizes its own components never downloads this library's runtime or locales.
 */
function hostInCharge(): boolean {
  if (state.mode === 'unset' && msg !== defaultMsg) state.mode = 'host';
  return state.mode === 'host';
}

/**
 * Configures `@lit/localize` with this library's locales, unless the page did already. Its runtime is loaded
 * here, not up front: a page in English (the source language) never needs it.
 * @returns `false` when the host page is in charge of `@lit/localize`.
 */
export function configureSecurityInfoLocalization(): Promise<boolean> {
  if (hostInCharge()) return Promise.resolve(false);
  state.configuring ??= runtime().then(
    ({ configure }) => {
      if (state.mode === 'unset') {
        try {
          state.controls = configure(state.features, sourceLocale, _installMsgImplementation);
          state.mode = 'own';
        } catch {
          state.mode = 'host'; // The page configured @lit/localize while the runtime was on its way.
          stopFollowingDocumentLanguage();
        }
      }
      return state.mode === 'own';
    },
    (error: unknown) => {
      state.configuring = undefined; // Offline, say: the next language change tries again.
      throw error;
    },
  );
  return state.configuring;
}

/**
 * Shows the elements in the best shipped match for `locale`, loading its module first, and stops following
 * the document's `lang`. Does nothing (and returns the source locale) when the host page runs `@lit/localize`.
 * @returns the locale the elements render in once this call settles.
 */
export async function setLocale(locale: string): Promise<SupportedLocale> {
  state.chosen = true;
  stopFollowingDocumentLanguage();
  return apply(locale);
}

async function apply(tag: string): Promise<SupportedLocale> {
  const locale = resolveLocale(tag);
  if (hostInCharge()) return sourceLocale;
  state.wanted = locale;
  // English is what the templates say already: until another language was asked for, nothing is configured,
  // so a host page may still configure @lit/localize itself later.
  if (!state.configuring && locale === sourceLocale) return locale;
  try {
    if (!(await configureSecurityInfoLocalization()) || !state.controls) return sourceLocale;
    await state.controls.setLocale(locale);
  } catch {
    // A module that failed to load leaves the language shown in place; asking for it again loads it anew.
  }
  return getLocale() as SupportedLocale;
}

/** The locale the elements currently render in. */
export function getLocale(): string {
  return state.controls?.getLocale() ?? sourceLocale;
}

/** Renders in the document's language and follows changes to `<html lang>`. */
export function followDocumentLanguage(): void {
  if (typeof document === 'undefined' || hostInCharge() || state.observer) return;
  state.chosen = false;
  const root = document.documentElement;
  state.observer = new MutationObserver(() => void apply(root.lang));
  state.observer.observe(root, { attributes: true, attributeFilter: ['lang'] });
  void apply(root.lang || navigator.language);
}

export function stopFollowingDocumentLanguage(): void {
  state.observer?.disconnect();
  state.observer = undefined;
}

/**
 * Called by each element when it connects: the first call schedules following the document's language for
 * after the current task, which leaves the host's own start-up code time to configure `@lit/localize` or to
 * choose a language with `setLocale`.
 */
export function autoLocalize(): void {
  if (state.scheduled || state.chosen || state.mode !== 'unset') return;
  state.scheduled = true;
  setTimeout(() => {
    if (!state.chosen && state.mode === 'unset') followDocumentLanguage();
  });
}

export { LOCALE_STATUS_EVENT };
