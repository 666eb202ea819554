import * as React from 'react';
import { createComponent } from '@lit/react';
import { SecurityInfoMethods as Methods } from '@security-info/elements/security-info-methods.js';
import { on } from './events.js';

export type { SecurityInfoMethodsChangeDetail } from '@security-info/elements/security-info-methods.js';

/**
 * The Security info page. The wizard it opens for Add and Change fires its own events through it too
 * (`onSecurityInfoComplete`, `onSecurityInfoCancel`, `onSecurityInfoClose`, `onSecurityInfoStep`, `onMethodSelect`).
 */
export const SecurityInfoMethods = createComponent({
  tagName: 'security-info-methods',
  elementClass: Methods,
  react: React,
  events: {
    onSecurityInfoMethodsChange: on('security-info-methods-change'),
    onSecurityInfoReauthenticate: on('security-info-reauthenticate'),
    onSecurityInfoComplete: on('security-info-complete'),
    onSecurityInfoCancel: on('security-info-cancel'),
    onSecurityInfoClose: on('security-info-close'),
    onSecurityInfoStep: on('security-info-step'),
    onMethodSelect: on('method-select'),
  },
  displayName: 'SecurityInfoMethods',
});
