/**
 * The part of `@lit/localize` that only a page in another language than English needs. `localization.ts` loads
 * it on demand, in parallel with the first locale module.
 */
export { configureLocalization } from '@lit/localize';
