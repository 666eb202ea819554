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
import type { AuthenticatorAppSetup } from '@security-info/elements/authenticator-app-setup.js';
import type { EmailAddress, EmailSubmitDetail } from '@security-info/elements/email-address.js';
import type { PasskeySaveDetail, PasskeySetup } from '@security-info/elements/passkey-setup.js';
import type { QuestionsSubmitDetail, SecurityQuestionsForm } from '@security-info/elements/security-questions-form.js';

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
    'authenticator-app-setup': Element<
      AuthenticatorAppSetup,
      'uri' | 'secret' | 'hideBack' | 'pending' | 'error',
      { onAppContinue?: (event: CustomEvent<void>) => void; onBack?: (event: CustomEvent<void>) => void }
    >;
    'email-address': Element<
      EmailAddress,
      'value' | 'replacing' | 'hideBack' | 'pending' | 'error' | 'name' | 'disabled' | 'required',
      {
        onEmailSubmit?: (event: CustomEvent<EmailSubmitDetail>) => void;
        onBack?: (event: CustomEvent<void>) => void;
      }
    >;
    'security-questions-form': Element<
      SecurityQuestionsForm,
      'questions' | 'required' | 'hideBack' | 'pending' | 'error',
      {
        onQuestionsSubmit?: (event: CustomEvent<QuestionsSubmitDetail>) => void;
        onBack?: (event: CustomEvent<void>) => void;
      }
    >;
    'passkey-setup': Element<
      PasskeySetup,
      'unsupported' | 'created' | 'name' | 'failure' | 'error' | 'hideBack' | 'pending',
      {
        onPasskeyCreate?: (event: CustomEvent<void>) => void;
        onPasskeySave?: (event: CustomEvent<PasskeySaveDetail>) => void;
        onBack?: (event: CustomEvent<void>) => void;
      }
    >;
  }
}
