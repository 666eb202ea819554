/**
 * React components for the security-info elements, made with `@lit/react`: properties set as properties, events
 * as typed `on…` callbacks. Safe to import during server rendering (the elements are defined only in a browser).
 *
 * Each wrapper lives in a module of its own that imports only its element's entry, and the package has no side
 * effects of its own (`sideEffects: false`): a bundler keeps the elements an app uses and drops the others, so
 * `import { SecurityInfoMethods } from '@security-info/react'` downloads the page, not the wizard's steps too.
 */
export * from './security-info-wizard.js';
export * from './security-info-phone.js';
export * from './code-verify.js';
export * from './method-picker.js';
export * from './security-info-methods.js';
export * from './authenticator-app-setup.js';
export * from './email-address.js';
export * from './security-questions-form.js';
export * from './passkey-setup.js';
