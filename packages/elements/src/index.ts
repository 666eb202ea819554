/**
 * The package's root: defines each element when its tag first appears in the document (autoload.ts), and exports
 * the helpers to load them sooner and the types. The classes are exported by each element's own entry
 * (`@security-info/elements/security-info-wizard.js`...), which also defines its element at once, and the
 * localization functions by `@security-info/elements/localization.js`: a re-export here would put their modules in
 * every page's first download through the root (a bundler counts a module a page's entry reaches, used or not).
 */
export { defineAll, whenDefined, type SecurityInfoTag } from './autoload.js';
export type {
  SecurityInfoWizard,
  SecurityInfoCompleteDetail,
  SecurityInfoReauthenticateDetail,
  SecurityInfoReauthenticateReason,
  SecurityInfoSequenceCompleteDetail,
  SecurityInfoSkipDetail,
  SecurityInfoStepDetail,
} from './security-info-wizard/security-info-wizard.js';
export type { SecurityInfoPhone, PhoneSubmitDetail } from './security-info-phone/security-info-phone.js';
export type { CodeVerify, CodeSubmitDetail, CodeResendDetail, CodeVerifyStatus } from './code-verify/code-verify.js';
export type { MethodPicker, MethodSelectDetail } from './method-picker/method-picker.js';
export type {
  SecurityInfoMethods,
  SecurityInfoMethodsChange,
  SecurityInfoMethodsChangeDetail,
} from './security-info-methods/security-info-methods.js';
