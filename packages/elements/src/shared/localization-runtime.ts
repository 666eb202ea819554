/**
 * The part of the localization that only a page in another language than English needs, loaded on demand by
 * `localization.ts`: `@lit/localize`'s runtime (from its own module, like `lit-localize.ts`: the package's index
 * would also bring the modules the elements already have, into a chunk of their own), the map of locale modules,
 * and the merging of features' messages into a locale's templates.
 */
import { configureLocalization } from '@lit/localize/init/runtime.js';
import type { LocaleModule } from './lit-localize.js';
import { loaders } from './locale-loaders.js';

type Templates = NonNullable<LocaleModule['templates']>;

/** A feature's messages: a loader per locale (see `addMessages` in localization.ts). */
export type MessageLoaders = Readonly<Partial<Record<string, () => Promise<LocaleModule>>>>;

/**
 * Per locale, the templates handed to `@lit/localize` (which keeps that object and looks messages up in it) and
 * the features merged into them so far: a feature that arrives later adds its messages to the same object.
 */
const loaded = new Map<string, { templates: Templates; merged: Set<MessageLoaders> }>();

/** Adds to a locale's templates the messages of each feature not merged yet. */
export async function mergeFeatures(locale: string, features: readonly MessageLoaders[]): Promise<void> {
  const entry = loaded.get(locale);
  if (!entry) return;
  await Promise.all(
    features
      .filter((feature) => !entry.merged.has(feature))
      .map(async (feature) => {
        const module = await feature[locale]?.();
        Object.assign(entry.templates, module?.templates);
        entry.merged.add(feature);
      }),
  );
}

/** A locale's module with the messages of every feature on the page merged in. */
export async function withFeatures(
  locale: string,
  module: Promise<LocaleModule>,
  features: readonly MessageLoaders[],
): Promise<LocaleModule> {
  const entry = { templates: { ...(await module).templates }, merged: new Set<MessageLoaders>() };
  loaded.set(locale, entry);
  // A feature's messages that fail to load leave that feature in English; the next `addMessages` or language
  // change tries again.
  await mergeFeatures(locale, features).catch(() => {});
  return { templates: entry.templates };
}

/** Configures `@lit/localize` with this library's locales, each with the messages of the features on the page. */
export function configure(features: readonly MessageLoaders[], sourceLocale: string) {
  return configureLocalization({
    sourceLocale,
    targetLocales: Object.keys(loaders),
    loadLocale: (locale) => withFeatures(locale, loaders[locale as keyof typeof loaders](), features),
  });
}
