import * as React from 'react';
import { createComponent } from '@lit/react';
import { EmailAddress as Email } from '@security-info/elements/email-address.js';
import { on } from './events.js';

export type { EmailSubmitDetail } from '@security-info/elements/email-address.js';

/** The email step on its own: the address a code is sent to; a form control. */
export const EmailAddress = createComponent({
  tagName: 'email-address',
  elementClass: Email,
  react: React,
  events: { onEmailSubmit: on('email-submit'), onBack: on('back'), onInput: on('input') },
  displayName: 'EmailAddress',
});
