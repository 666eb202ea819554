/** Defines every element of the library and re-exports their classes and types. */
export { setLocale, getLocale, resolveLocale } from './shared/localization.js';
