/**
 * The messages of a feature whose element loads on demand (the Security info page, the methods beyond phone): their
 * translations are split from the locale modules (generated in `generated/locales/<feature>/`) and registered here
 * when the element loads, so they are downloaded with it. A module apart from localization.ts so that a page with none
 * of these elements does not download it.
 */
import { LOCALE_STATUS_EVENT, type LocaleModule } from './lit-localize.js';
import { getLocale, sourceLocale, targetLocales } from './localization.js';
import { state } from './localization-state.js';
import type { MessageLoaders } from './localization-runtime.js';

/**
 * Registers a feature's messages. When the page is showing another language already, they are loaded now and the
 * elements render again.
 */
export function addMessages(messages: MessageLoaders): void {
  if (state.features.includes(messages)) return;
  state.features.push(messages);
  const locale = getLocale();
  if (state.mode !== 'own' || locale === sourceLocale) return;
  import('./localization-runtime.js')
    .then(({ mergeFeatures }) => mergeFeatures(locale, state.features))
    .then(
      // Elements re-render on @lit/localize's own "ready" event: the templates they read from have grown.
      () =>
        getLocale() === locale &&
        window.dispatchEvent(
          new CustomEvent(LOCALE_STATUS_EVENT, { detail: { status: 'ready', readyLocale: locale } }),
        ),
      () => {},
    );
}

/**
 * Registers a feature's messages from its generated index (`load` imports it), which itself loads only once a
 * language other than English is shown. Call it once, when the feature's element loads.
 */
export function addFeatureMessages(load: () => Promise<{ messages: Record<string, () => Promise<LocaleModule>> }>) {
  addMessages(
    Object.fromEntries(
      targetLocales.map((locale) => [locale, () => load().then(({ messages }) => messages[locale]!())]),
    ),
  );
}
