import * as React from 'react';
import { createComponent } from '@lit/react';
import { PasskeySetup as Passkey } from '@security-info/elements/passkey-setup.js';
import { on } from './events.js';

export type { PasskeySaveDetail } from '@security-info/elements/passkey-setup.js';

/**
 * The passkey step on its own. It knows no WebAuthn: the host creates the passkey on `onPasskeyCreate`, then sets
 * `created` and the suggested `name`.
 */
export const PasskeySetup = createComponent({
  tagName: 'passkey-setup',
  elementClass: Passkey,
  react: React,
  events: {
    onPasskeyCreate: on('passkey-create'),
    onPasskeySave: on('passkey-save'),
    onBack: on('back'),
    onInput: on('input'),
  },
  displayName: 'PasskeySetup',
});
