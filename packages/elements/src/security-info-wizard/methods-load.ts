/**
 * Which module brings the steps of a method other than phone: the method's own (its element, with the other methods'
 * steps, wizard-methods.ts), or the steps alone for the required flow's summary and its phone. A module of its own,
 * loaded when such a method is first chosen, so that the wizard's first view holds one import for them, not one per
 * method (their files' names alone cost about 80 bytes gzipped there).
 */
import type { MethodId } from '@security-info/core';

export const loadMethods = (method: MethodId | undefined) =>
  method === 'authenticator-app'
    ? import('./methods-app.js')
    : method === 'email'
      ? import('./methods-email.js')
      : method === 'security-questions'
        ? import('./methods-questions.js')
        : method === 'passkey'
          ? import('./methods-passkey.js')
          : import('./wizard-methods.js');
