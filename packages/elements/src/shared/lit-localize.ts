/**
 * The parts of `@lit/localize` that every element needs, each from its own module (the generated locale modules
 * import nothing: see scripts/localize/locale-modules.mjs). The package's index also
 * brings `configureLocalization` and its message lookup, which bundlers keep once the index is imported (the
 * package does not declare itself free of side effects), although a page in English never calls them.
 * `localization.ts` loads our own equivalent on demand, in `localization-runtime.ts`, and hands it
 * `_installMsgImplementation` from here.
 *
 * @lit/localize 0.12 has no `exports` map, so these paths are importable; the dependency range (`^0.12.2`) keeps
 * a version that could change them out until someone checks it, and the type check fails if one moves.
 */
export { msg, _installMsgImplementation } from '@lit/localize/init/install.js';
export { str } from '@lit/localize/internal/str-tag.js';
export { LOCALE_STATUS_EVENT } from '@lit/localize/internal/locale-status-event.js';
// What `msg` is until somebody configures @lit/localize: how `localization.ts` tells that a host page did.
export { defaultMsg } from '@lit/localize/internal/default-msg.js';
export type { LocaleModule } from '@lit/localize';
