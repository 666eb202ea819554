/** Defines the four elements and exports their classes and event detail types. */
export { SecurityInfoWizard } from './security-info-wizard/security-info-wizard.js';
export type {
  SecurityInfoCompleteDetail,
  SecurityInfoReauthenticateDetail,
  SecurityInfoReauthenticateReason,
  SecurityInfoStepDetail,
} from './security-info-wizard/security-info-wizard.js';
export { SecurityInfoPhone } from './security-info-phone/security-info-phone.js';
export type { PhoneSubmitDetail } from './security-info-phone/security-info-phone.js';
export { CodeVerify } from './code-verify/code-verify.js';
export type { CodeSubmitDetail, CodeResendDetail, CodeVerifyStatus } from './code-verify/code-verify.js';
export { MethodPicker } from './method-picker/method-picker.js';
export type { MethodSelectDetail } from './method-picker/method-picker.js';
export { setLocale, getLocale, resolveLocale } from './shared/localization.js';
