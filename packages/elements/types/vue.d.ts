/**
 * Vue template types for the tags: `import type {} from '@security-info/elements/types/vue';` once in your app
 * (with `isCustomElement` set in the Vue compiler options), and Volar completes attributes and events.
 */
import type { DefineComponent } from 'vue';
import type {
  CodeResendDetail,
  CodeSubmitDetail,
  CodeVerify,
  MethodPicker,
  MethodSelectDetail,
  PhoneSubmitDetail,
  SecurityInfoCompleteDetail,
  SecurityInfoMethods,
  SecurityInfoMethodsChangeDetail,
  SecurityInfoPhone,
  SecurityInfoReauthenticateDetail,
  SecurityInfoStepDetail,
  SecurityInfoWizard,
} from '@security-info/elements';

type Element<E, Own extends keyof E, Events> = DefineComponent<Partial<Pick<E, Own>> & Events>;

declare module 'vue' {
  interface GlobalComponents {
    'security-info-wizard': Element<
      SecurityInfoWizard,
      'adapter' | 'purpose' | 'start' | 'defaultCountry' | 'policy' | 'timeout' | 'registered' | 'replaces',
      {
        onSecurityInfoComplete?: (event: CustomEvent<SecurityInfoCompleteDetail>) => void;
        onSecurityInfoCancel?: (event: CustomEvent<undefined>) => void;
        onSecurityInfoStep?: (event: CustomEvent<SecurityInfoStepDetail>) => void;
        onSecurityInfoReauthenticate?: (event: CustomEvent<SecurityInfoReauthenticateDetail>) => void;
        onMethodSelect?: (event: CustomEvent<MethodSelectDetail>) => void;
      }
    >;
    'security-info-phone': Element<
      SecurityInfoPhone,
      | 'defaultCountry'
      | 'allowedCountries'
      | 'channels'
      | 'policy'
      | 'value'
      | 'readonly'
      | 'pending'
      | 'error'
      | 'suggestedChannel'
      | 'name'
      | 'required'
      | 'disabled',
      { onPhoneSubmit?: (event: CustomEvent<PhoneSubmitDetail>) => void }
    >;
    'code-verify': Element<
      CodeVerify,
      | 'length'
      | 'destination'
      | 'channel'
      | 'channels'
      | 'pending'
      | 'status'
      | 'error'
      | 'name'
      | 'required'
      | 'disabled',
      {
        onCodeSubmit?: (event: CustomEvent<CodeSubmitDetail>) => void;
        onCodeResend?: (event: CustomEvent<CodeResendDetail>) => void;
        onBack?: (event: CustomEvent<undefined>) => void;
      }
    >;
    'method-picker': Element<
      MethodPicker,
      'policy' | 'purpose' | 'registered' | 'pending',
      { onMethodSelect?: (event: CustomEvent<MethodSelectDetail>) => void }
    >;
    'security-info-methods': Element<
      SecurityInfoMethods,
      'adapter' | 'policy' | 'defaultCountry' | 'inline' | 'timeout',
      {
        onSecurityInfoMethodsChange?: (event: CustomEvent<SecurityInfoMethodsChangeDetail>) => void;
        onSecurityInfoReauthenticate?: (event: CustomEvent<SecurityInfoReauthenticateDetail>) => void;
      }
    >;
  }
}
