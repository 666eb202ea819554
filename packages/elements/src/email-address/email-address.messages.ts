/** The sentences of `<email-address>` that depend on its state: its heading, and what to do about each problem. */
import type { EmailProblem } from '@security-info/core';
import { msg } from '../shared/lit-localize.js';

export function heading(replacing: boolean): string {
  return replacing
    ? msg('Change your email address', {
        id: 'enroll.email.heading-change',
        desc: 'Heading of the email step when it replaces a registered address.',
      })
    : msg('Add an email address', { id: 'enroll.email.heading', desc: 'Heading of the email step.' });
}

/** What to do about `problem`, one sentence each. */
export function problem(problem: EmailProblem): string {
  switch (problem) {
    case 'required':
      return msg('Enter your email address.', {
        id: 'enroll.email.required',
        desc: 'The email address field is empty.',
      });
    case 'too-long':
      return msg('This address is too long. An email address has at most 254 characters.', {
        id: 'enroll.email.too-long',
        desc: 'The email address entered is longer than an address can be.',
      });
    case 'no-at':
      return msg('Enter the whole address, with an @ between the name and the domain, like name@example.com.', {
        id: 'enroll.email.no-at',
        desc: 'The text entered has no @ sign. Keep the example address as it is.',
      });
    case 'local-part':
      return msg(
        'Check the part before the @. It can have letters a to z, digits and . _ - + but no spaces or two dots in a row.',
        {
          id: 'enroll.email.local-part',
          desc: 'The part of the address before the @ sign has characters an address cannot have.',
        },
      );
    case 'domain':
      return msg('Check the part after the @. It should be a domain like example.com.', {
        id: 'enroll.email.domain',
        desc: 'The part of the address after the @ sign is not a domain. Keep the example domain as it is.',
      });
  }
}
