/**
 * What the list shows of the methods beyond phones: an email address masked, and how many security questions are
 * answered. Part of the actions' chunk (actions.ts), which loads as soon as the list shows, so the list's first
 * view does not carry them; until then the row shows a placeholder where the address goes.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { maskEmail, type RegisteredMethod } from '@security-info/core';
import { msg, str } from '../shared/lit-localize.js';
import { numberFormat, pluralRules } from '../shared/intl.js';
import { getLocale } from '../shared/localization.js';

/** What identifies a method in its name, beside a phone's number: an email method's address, masked. */
export function identifier(method: RegisteredMethod): string | undefined {
  return method.email ? maskEmail(method.email.address) : undefined;
}

/** A detail line under a method's name: how many security questions are answered. */
export function detail(method: RegisteredMethod): TemplateResult | typeof nothing {
  const answered = method.securityQuestions?.questionIds.length;
  if (!answered) return nothing;
  // The active language's digits and plural rule: the one the message is shown in.
  const locale = getLocale();
  const count = numberFormat(locale).format(answered);
  return html`<span class="detail" part="detail">
    ${
      pluralRules(locale).select(answered) === 'one'
        ? msg(str`${count} question answered`, {
            id: 'methods.questions-one',
            desc: 'Under "Security questions": exactly one question is answered. The placeholder is that number.',
          })
        : msg(str`${count} questions answered`, {
            id: 'methods.questions-other',
            desc: 'Under "Security questions": how many questions are answered. The placeholder is the number.',
          })
    }
  </span>`;
}
