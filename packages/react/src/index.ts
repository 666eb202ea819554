/**
 * React components for the security-info elements, made with `@lit/react`: properties set as properties, events
 * as typed `on…` callbacks. Safe to import during server rendering (the elements are defined only in a browser).
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
// Each element from its own entry, so the wizard keeps loading its later steps on demand.
import { SecurityInfoWizard as SecurityInfoWizardElement } from '@security-info/elements/security-info-wizard.js';
import { SecurityInfoPhone as SecurityInfoPhoneElement } from '@security-info/elements/security-info-phone.js';
import { CodeVerify as CodeVerifyElement } from '@security-info/elements/code-verify.js';
import { MethodPicker as MethodPickerElement } from '@security-info/elements/method-picker.js';
import { SecurityInfoMethods as SecurityInfoMethodsElement } from '@security-info/elements/security-info-methods.js';
import type {
  CodeResendDetail,
  CodeSubmitDetail,
  MethodSelectDetail,
  PhoneSubmitDetail,
  SecurityInfoCompleteDetail,
  SecurityInfoMethodsChangeDetail,
  SecurityInfoReauthenticateDetail,
  SecurityInfoSequenceCompleteDetail,
  SecurityInfoSkipDetail,
  SecurityInfoStepDetail,
} from '@security-info/elements';

export type {
  CodeResendDetail,
  CodeSubmitDetail,
  MethodSelectDetail,
  PhoneSubmitDetail,
  SecurityInfoCompleteDetail,
  SecurityInfoMethodsChangeDetail,
  SecurityInfoReauthenticateDetail,
  SecurityInfoSequenceCompleteDetail,
  SecurityInfoSkipDetail,
  SecurityInfoStepDetail,
};

export const SecurityInfoWizard = createComponent({
  tagName: 'security-info-wizard',
  elementClass: SecurityInfoWizardElement,
  react: React,
  events: {
    onSecurityInfoComplete: 'security-info-complete' as EventName<CustomEvent<SecurityInfoCompleteDetail>>,
    onSecurityInfoCancel: 'security-info-cancel' as EventName<CustomEvent<undefined>>,
    onSecurityInfoStep: 'security-info-step' as EventName<CustomEvent<SecurityInfoStepDetail>>,
    onSecurityInfoClose: 'security-info-close' as EventName<CustomEvent<undefined>>,
    onSecurityInfoReauthenticate: 'security-info-reauthenticate' as EventName<
      CustomEvent<SecurityInfoReauthenticateDetail>
    >,
    onMethodSelect: 'method-select' as EventName<CustomEvent<MethodSelectDetail>>,
    onSecurityInfoSkip: 'security-info-skip' as EventName<CustomEvent<SecurityInfoSkipDetail>>,
    onSecurityInfoSequenceComplete: 'security-info-sequence-complete' as EventName<
      CustomEvent<SecurityInfoSequenceCompleteDetail>
    >,
  },
  displayName: 'SecurityInfoWizard',
});

export const SecurityInfoPhone = createComponent({
  tagName: 'security-info-phone',
  elementClass: SecurityInfoPhoneElement,
  react: React,
  events: {
    onPhoneSubmit: 'phone-submit' as EventName<CustomEvent<PhoneSubmitDetail>>,
    onInput: 'input' as EventName<Event>,
    onChange: 'change' as EventName<Event>,
  },
  displayName: 'SecurityInfoPhone',
});

export const CodeVerify = createComponent({
  tagName: 'code-verify',
  elementClass: CodeVerifyElement,
  react: React,
  events: {
    onCodeSubmit: 'code-submit' as EventName<CustomEvent<CodeSubmitDetail>>,
    onCodeResend: 'code-resend' as EventName<CustomEvent<CodeResendDetail>>,
    onBack: 'back' as EventName<CustomEvent<undefined>>,
  },
  displayName: 'CodeVerify',
});

export const MethodPicker = createComponent({
  tagName: 'method-picker',
  elementClass: MethodPickerElement,
  react: React,
  events: {
    onMethodSelect: 'method-select' as EventName<CustomEvent<MethodSelectDetail>>,
  },
  displayName: 'MethodPicker',
});

/**
 * The Security info page. The wizard it opens for Add and Change fires its own events through it too
 * (`onSecurityInfoComplete`, `onSecurityInfoCancel`, `onMethodSelect`).
 */
export const SecurityInfoMethods = createComponent({
  tagName: 'security-info-methods',
  elementClass: SecurityInfoMethodsElement,
  react: React,
  events: {
    onSecurityInfoMethodsChange: 'security-info-methods-change' as EventName<
      CustomEvent<SecurityInfoMethodsChangeDetail>
    >,
    onSecurityInfoReauthenticate: 'security-info-reauthenticate' as EventName<
      CustomEvent<SecurityInfoReauthenticateDetail>
    >,
    onSecurityInfoComplete: 'security-info-complete' as EventName<CustomEvent<SecurityInfoCompleteDetail>>,
    onSecurityInfoCancel: 'security-info-cancel' as EventName<CustomEvent<undefined>>,
    onMethodSelect: 'method-select' as EventName<CustomEvent<MethodSelectDetail>>,
  },
  displayName: 'SecurityInfoMethods',
});
