import * as React from 'react';
import { createComponent } from '@lit/react';
import { SecurityQuestionsForm as Questions } from '@security-info/elements/security-questions-form.js';
import { on } from './events.js';

export type { QuestionsSubmitDetail } from '@security-info/elements/security-questions-form.js';

/** The security questions step on its own: the questions to choose and their answers. */
export const SecurityQuestionsForm = createComponent({
  tagName: 'security-questions-form',
  elementClass: Questions,
  react: React,
  events: { onQuestionsSubmit: on('questions-submit'), onBack: on('back'), onInput: on('input') },
  displayName: 'SecurityQuestionsForm',
});
