import * as React from 'react';
import { createComponent } from '@lit/react';
import { SecurityInfoPhone as Phone } from '@security-info/elements/security-info-phone.js';
import { on } from './events.js';

export type { PhoneSubmitDetail } from '@security-info/elements/security-info-phone.js';

/** The phone number field on its own: country or region, number, text or call; a form control. */
export const SecurityInfoPhone = createComponent({
  tagName: 'security-info-phone',
  elementClass: Phone,
  react: React,
  events: { onPhoneSubmit: on('phone-submit'), onInput: on('input'), onChange: on('change') },
  displayName: 'SecurityInfoPhone',
});
