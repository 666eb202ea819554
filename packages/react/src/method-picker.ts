import * as React from 'react';
import { createComponent } from '@lit/react';
import { MethodPicker as Picker } from '@security-info/elements/method-picker.js';
import { on } from './events.js';

export type { MethodSelectDetail } from '@security-info/elements/method-picker.js';

/** The choice of a verification method, as the wizard's first step shows it. */
export const MethodPicker = createComponent({
  tagName: 'method-picker',
  elementClass: Picker,
  react: React,
  events: { onMethodSelect: on('method-select') },
  displayName: 'MethodPicker',
});
