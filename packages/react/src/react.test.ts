// Server rendering: the wrappers import and render in Node without a DOM.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import {
  AuthenticatorAppSetup,
  CodeVerify,
  EmailAddress,
  MethodPicker,
  PasskeySetup,
  SecurityInfoMethods,
  SecurityInfoPhone,
  SecurityInfoWizard,
  SecurityQuestionsForm,
} from './index.js';

describe('@security-info/react on the server', () => {
  it('renders every element as its tag, with attributes, without touching a DOM', () => {
    const markup = renderToString(
      createElement(
        'div',
        null,
        createElement(SecurityInfoWizard, { purpose: 'mfa', onSecurityInfoComplete: () => undefined }),
        createElement(SecurityInfoPhone, { defaultCountry: 'NL' }),
        createElement(CodeVerify, { length: 6 }),
        createElement(MethodPicker, { purpose: 'password-reset' }),
        createElement(SecurityInfoMethods, { inline: true, onSecurityInfoMethodsChange: () => undefined }),
        createElement(AuthenticatorAppSetup, { onAppContinue: () => undefined }),
        createElement(EmailAddress, { onEmailSubmit: () => undefined }),
        createElement(SecurityQuestionsForm, { onQuestionsSubmit: () => undefined }),
        createElement(PasskeySetup, { onPasskeySave: () => undefined }),
      ),
    );
    const tags = [
      'security-info-wizard',
      'security-info-phone',
      'code-verify',
      'method-picker',
      'security-info-methods',
      'authenticator-app-setup',
      'email-address',
      'security-questions-form',
      'passkey-setup',
    ];
    for (const tag of tags) {
      assert.ok(markup.includes(`<${tag}`), `${tag} missing in ${markup}`);
    }
  });
});
