/**
 * Where each locale's messages are: a static map, so bundlers split each locale into its own chunk and dev servers
 * can follow the imports. Loaded with the localization runtime, so a page in English never downloads it: a page in
 * another language fetches its locale module once the runtime is there (one round trip after it).
 */
import type { LocaleModule } from './lit-localize.js';
import type { targetLocales } from '../generated/locale-codes.js';

export const loaders: Record<(typeof targetLocales)[number], () => Promise<LocaleModule>> = {
  ar: () => import('../generated/locales/ar.js'),
  cs: () => import('../generated/locales/cs.js'),
  da: () => import('../generated/locales/da.js'),
  de: () => import('../generated/locales/de.js'),
  el: () => import('../generated/locales/el.js'),
  'en-XA': () => import('../generated/locales/en-XA.js'),
  es: () => import('../generated/locales/es.js'),
  fi: () => import('../generated/locales/fi.js'),
  fr: () => import('../generated/locales/fr.js'),
  he: () => import('../generated/locales/he.js'),
  hi: () => import('../generated/locales/hi.js'),
  hu: () => import('../generated/locales/hu.js'),
  id: () => import('../generated/locales/id.js'),
  it: () => import('../generated/locales/it.js'),
  ja: () => import('../generated/locales/ja.js'),
  ko: () => import('../generated/locales/ko.js'),
  nb: () => import('../generated/locales/nb.js'),
  nl: () => import('../generated/locales/nl.js'),
  pl: () => import('../generated/locales/pl.js'),
  'pt-BR': () => import('../generated/locales/pt-BR.js'),
  'pt-PT': () => import('../generated/locales/pt-PT.js'),
  ro: () => import('../generated/locales/ro.js'),
  ru: () => import('../generated/locales/ru.js'),
  sv: () => import('../generated/locales/sv.js'),
  th: () => import('../generated/locales/th.js'),
  tr: () => import('../generated/locales/tr.js'),
  uk: () => import('../generated/locales/uk.js'),
  vi: () => import('../generated/locales/vi.js'),
  'zh-Hans': () => import('../generated/locales/zh-Hans.js'),
  'zh-Hant': () => import('../generated/locales/zh-Hant.js'),
};
