/**
 * What localization.ts remembers about the page's localization, in one object of its own module, so that what only
 * some pages need (feature-messages.ts: the messages of an element that loads on demand) can read and extend it
 * without being part of every page's first download.
 */
import { sourceLocale, type targetLocales } from '../generated/locale-codes.js';
import type { MessageLoaders } from './localization-runtime.js';

export type SupportedLocale = typeof sourceLocale | (typeof targetLocales)[number];

type Mode = 'unset' | 'own' | 'host';

export const state = {
  /** Who configured `@lit/localize`: nobody yet, this library, or the host page. */
  mode: 'unset' as Mode,
  configuring: undefined as Promise<boolean> | undefined,
  controls: undefined as { getLocale(): string; setLocale(locale: string): Promise<void> } | undefined,
  observer: undefined as MutationObserver | undefined,
  scheduled: false,
  /** The page chose a language with `setLocale`: the document's `lang` is not followed unless it asks again. */
  chosen: false,
  /** The language asked for last. */
  wanted: sourceLocale as SupportedLocale,
  /** The message loaders of features whose elements are on the page (`addMessages`). */
  features: [] as MessageLoaders[],
};
