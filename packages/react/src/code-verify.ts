import * as React from 'react';
import { createComponent } from '@lit/react';
import { CodeVerify as Code } from '@security-info/elements/code-verify.js';
import { on } from './events.js';

export type { CodeResendDetail, CodeSubmitDetail } from '@security-info/elements/code-verify.js';

/** The one-time code field on its own, with Resend and Back; a form control. */
export const CodeVerify = createComponent({
  tagName: 'code-verify',
  elementClass: Code,
  react: React,
  events: {
    onCodeSubmit: on('code-submit'),
    onCodeResend: on('code-resend'),
    onBack: on('back'),
    onInput: on('input'),
  },
  displayName: 'CodeVerify',
});
