import * as React from 'react';
import { createComponent } from '@lit/react';
import { SecurityInfoWizard as Wizard } from '@security-info/elements/security-info-wizard.js';
import { on } from './events.js';

export type {
  SecurityInfoCompleteDetail,
  SecurityInfoReauthenticateDetail,
  SecurityInfoSequenceCompleteDetail,
  SecurityInfoSkipDetail,
  SecurityInfoStepDetail,
} from '@security-info/elements/security-info-wizard.js';

/** The enrollment wizard. Its steps load when it first needs them, as with the tag. */
export const SecurityInfoWizard = createComponent({
  tagName: 'security-info-wizard',
  elementClass: Wizard,
  react: React,
  events: {
    onSecurityInfoComplete: on('security-info-complete'),
    onSecurityInfoCancel: on('security-info-cancel'),
    onSecurityInfoStep: on('security-info-step'),
    onSecurityInfoClose: on('security-info-close'),
    onSecurityInfoReauthenticate: on('security-info-reauthenticate'),
    onMethodSelect: on('method-select'),
    onSecurityInfoSkip: on('security-info-skip'),
    onSecurityInfoSequenceComplete: on('security-info-sequence-complete'),
  },
  displayName: 'SecurityInfoWizard',
});
