/**
 * JSX types for using the tags directly in React 19 (`<security-info-wizard adapter={…} />`):
 * `import type {} from '@security-info/elements/types/react';` once in your app. The wrappers of
 * `@security-info/react` need none of this.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  CodeVerify,
  MethodPicker,
  SecurityInfoMethods,
  SecurityInfoPhone,
  SecurityInfoWizard,
} from '@security-info/elements';
import type { AuthenticatorAppSetup } from '@security-info/elements/authenticator-app-setup.js';
import type { EmailAddress } from '@security-info/elements/email-address.js';
import type { PasskeySetup } from '@security-info/elements/passkey-setup.js';
import type { SecurityQuestionsForm } from '@security-info/elements/security-questions-form.js';

type Props<E extends HTMLElement, Own extends keyof E, Events> = DetailedHTMLProps<HTMLAttributes<E>, E> &
  Partial<Pick<E, Own>> &
  Events;

type On<K extends keyof HTMLElementEventMap> = (event: HTMLElementEventMap[K]) => void;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'security-info-wizard': Props<
        SecurityInfoWizard,
        'adapter' | 'purpose' | 'start' | 'defaultCountry' | 'policy' | 'timeout' | 'registered' | 'replaces',
        {
          'default-country'?: string;
          'onsecurity-info-complete'?: On<'security-info-complete'>;
          'onsecurity-info-cancel'?: On<'security-info-cancel'>;
          'onsecurity-info-step'?: On<'security-info-step'>;
          'onsecurity-info-close'?: On<'security-info-close'>;
          'onsecurity-info-reauthenticate'?: On<'security-info-reauthenticate'>;
          'onmethod-select'?: On<'method-select'>;
        }
      >;
      'security-info-phone': Props<
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
        { 'default-country'?: string; 'onphone-submit'?: On<'phone-submit'> }
      >;
      'code-verify': Props<
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
        { 'oncode-submit'?: On<'code-submit'>; 'oncode-resend'?: On<'code-resend'>; onback?: On<'back'> }
      >;
      'method-picker': Props<
        MethodPicker,
        'policy' | 'purpose' | 'registered' | 'pending',
        { 'onmethod-select'?: On<'method-select'> }
      >;
      'security-info-methods': Props<
        SecurityInfoMethods,
        'adapter' | 'policy' | 'defaultCountry' | 'inline' | 'timeout',
        {
          'default-country'?: string;
          'onsecurity-info-methods-change'?: On<'security-info-methods-change'>;
          'onsecurity-info-reauthenticate'?: On<'security-info-reauthenticate'>;
        }
      >;
      'authenticator-app-setup': Props<
        AuthenticatorAppSetup,
        'uri' | 'secret' | 'hideBack' | 'pending' | 'error',
        { 'hide-back'?: boolean; 'onapp-continue'?: On<'app-continue'>; onback?: On<'back'> }
      >;
      'email-address': Props<
        EmailAddress,
        'value' | 'replacing' | 'hideBack' | 'pending' | 'error' | 'name' | 'disabled' | 'required',
        { 'hide-back'?: boolean; 'onemail-submit'?: On<'email-submit'>; onback?: On<'back'> }
      >;
      'security-questions-form': Props<
        SecurityQuestionsForm,
        'questions' | 'required' | 'hideBack' | 'pending' | 'error',
        { 'hide-back'?: boolean; 'onquestions-submit'?: On<'questions-submit'>; onback?: On<'back'> }
      >;
      'passkey-setup': Props<
        PasskeySetup,
        'unsupported' | 'created' | 'name' | 'failure' | 'error' | 'hideBack' | 'pending',
        {
          'hide-back'?: boolean;
          'onpasskey-create'?: On<'passkey-create'>;
          'onpasskey-save'?: On<'passkey-save'>;
          onback?: On<'back'>;
        }
      >;
    }
  }
}
