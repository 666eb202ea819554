/**
 * The part of `@lit/localize` that only a page in another language than English needs. `localization.ts` loads
 * it on demand, in parallel with the first locale module. From its own module, like `lit-localize.ts`: the
 * package's index would also bring the modules the elements already have, into a chunk of their own.
 */
export { configureLocalization } from '@lit/localize/init/runtime.js';
