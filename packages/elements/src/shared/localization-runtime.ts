/**
 * The part of the localization that only a page in another language than English needs, loaded on demand by
 * `localization.ts`: the message lookup and the switching of languages (what `@lit/localize`'s runtime mode does, in
 * our own code: see `configure`), the map of locale modules, and the merging of features' messages into a locale's
 * templates.
 */
import type { LocaleModule } from './lit-localize.js';
import type { LOCALE_STATUS_EVENT } from '@lit/localize/internal/locale-status-event.js';
import type { LocaleStatusEventDetail } from '@lit/localize';
import type { MsgFn, MsgOptions, TemplateLike } from '@lit/localize/internal/types.js';
import { loaders } from './locale-loaders.js';

type Templates = NonNullable<LocaleModule['templates']>;

/** A feature's messages: a loader per locale (see `addMessages` in localization.ts). */
export type MessageLoaders = Readonly<Partial<Record<string, () => Promise<LocaleModule>>>>;

/**
 * Per locale, the templates handed to `@lit/localize` (which keeps that object and looks messages up in it) and
 * the features merged into them so far: a feature that arrives later adds its messages to the same object.
 */
interface Entry {
  templates: Templates;
  merged: Set<MessageLoaders>;
}
const loaded = new Map<string, Entry>();

/** Adds to a locale's templates the messages of each feature not merged yet. */
export async function mergeFeatures(locale: string, features: readonly MessageLoaders[]): Promise<void> {
  const entry = loaded.get(locale);
  if (entry) await mergeInto(entry, locale, features);
}

/** Adds to `entry` the messages of each feature it does not have yet. */
async function mergeInto(entry: Entry, locale: string, features: readonly MessageLoaders[]): Promise<void> {
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
  try {
    // `features` is the page's own list: a feature registered while this locale loads is merged before it shows.
    // Into this entry, not the locale's latest: a second load of the locale meanwhile would otherwise leave this loop
    // waiting for merges that go elsewhere.
    while (features.some((feature) => !entry.merged.has(feature))) await mergeInto(entry, locale, features);
  } catch {
    // A feature's messages that fail to load leave that feature in English; the next `addMessages` or language
    // change tries again.
  }
  return { templates: entry.templates };
}

/** The event `@lit/localize` tells of a language with (its elements' controllers render again on "ready"). */
const STATUS: typeof LOCALE_STATUS_EVENT = 'lit-localize-status';

type Template = Exclude<TemplateLike, string>;
const isStr = (template: TemplateLike): template is Extract<Template, { strTag: true }> =>
  typeof template !== 'string' && 'strTag' in template;

/** A `str` template's text, its values in `order` (a translation may move them). */
function join(strings: readonly string[], values: readonly unknown[], order?: readonly number[]): string {
  let text = strings[0] ?? '';
  for (let i = 1; i < strings.length; i++) text += String(values[order ? order[i - 1]! : i - 1]) + strings[i];
  return text;
}

/**
 * Configures `@lit/localize` with this library's locales, each with the messages of the features on the page, and
 * returns its two controls. This is `@lit/localize`'s runtime mode written here, so that this module imports none of
 * its modules: the ones it shares with the elements (`msg` and its installation, `str`) would otherwise be cut into a
 * file of their own before every page's first view (0.2 KB gzipped, `npm run bench`). `install` is its
 * `_installMsgImplementation`, handed over by `localization.ts`; it throws when `@lit/localize` was configured
 * already. The behaviour is its: messages are looked up by id; a language switch loads the locale's module, tells
 * of it with the `lit-localize-status` event ("loading", then "ready" or "error") and resolves once it is shown; a
 * switch asked for while another loads replaces it, and both promises settle with the last. One difference: a
 * language whose module failed to load is loaded anew when asked for again. `modules` are the locale modules' loaders
 * (the shipped ones by default).
 */
export function configure(
  features: readonly MessageLoaders[],
  sourceLocale: string,
  install: (impl: MsgFn) => void,
  modules: Readonly<Record<string, () => Promise<LocaleModule>>> = loaders,
) {
  let shown = sourceLocale;
  let templates: Templates | undefined;
  let loading: string | undefined;
  let request = 0;
  let settle: { resolve(): void; reject(error: unknown): void } | undefined;
  let switched = Promise.resolve();
  const tell = (detail: LocaleStatusEventDetail) => dispatchEvent(new CustomEvent(STATUS, { detail }));
  const settled = () => {
    const done = settle!;
    settle = loading = undefined;
    return done;
  };

  install(((template: TemplateLike, options?: MsgOptions) => {
    const found = options?.id === undefined ? undefined : templates?.[options.id];
    if (typeof found === 'string') return found;
    if (found && isStr(found) && isStr(template))
      return join(found.strings, template.values, found.values as readonly number[]);
    return isStr(template) ? join(template.strings, template.values) : template;
  }) as MsgFn);

  function setLocale(locale: string): Promise<void> {
    if (locale === loading) return switched;
    if (!loading && locale === shown) return Promise.resolve();
    const loader = modules[locale];
    if (!loader && locale !== sourceLocale) return Promise.reject(new RangeError(`No locale module for ${locale}.`));
    if (!settle) switched = new Promise((resolve, reject) => (settle = { resolve, reject }));
    const id = ++request;
    loading = locale;
    tell({ status: 'loading', loadingLocale: locale });
    (loader ? withFeatures(locale, loader(), features) : Promise.resolve(undefined)).then(
      (module) => {
        if (id !== request) return;
        shown = locale;
        templates = module?.templates;
        tell({ status: 'ready', readyLocale: locale });
        settled().resolve();
      },
      (error: unknown) => {
        if (id !== request) return;
        tell({ status: 'error', errorLocale: locale, errorMessage: String(error) });
        settled().reject(error);
      },
    );
    return switched;
  }

  return { getLocale: () => shown, setLocale };
}
