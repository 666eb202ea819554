import * as React from 'react';
import { createComponent } from '@lit/react';
import { AuthenticatorAppSetup as AppSetup } from '@security-info/elements/authenticator-app-setup.js';
import { on } from './events.js';

/** The authenticator app step on its own: the QR code and the key to type, then Next. */
export const AuthenticatorAppSetup = createComponent({
  tagName: 'authenticator-app-setup',
  elementClass: AppSetup,
  react: React,
  events: { onAppContinue: on('app-continue'), onBack: on('back') },
  displayName: 'AuthenticatorAppSetup',
});
