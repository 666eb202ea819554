/**
 * What the list shows of the methods beyond phones: an email address masked, how many security questions are
 * answered, whether a passkey is synced, and how many recovery codes are left (with a warning when few are). Part of the actions' chunk (actions.ts), which loads as soon as the list shows, so the list's first
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

/** A detail line under a method's name: how many security questions are answered, a passkey synced, codes left. */
export function detail(method: RegisteredMethod): TemplateResult | typeof nothing {
  if (method.passkey?.backedUp)
    return html`<span class="detail" part="detail">
      ${msg('Synced to your other devices', {
        id: 'methods.passkey-synced',
        desc: 'Under a passkey that is backed up and synced (for example through a password manager or phone account).',
      })}
    </span>`;
  if (method.recoveryCodes) return codesLeft(method.recoveryCodes);
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

/** At or below this many codes left, the row says to get new ones. */
export const FEW_CODES = 2;

/** "7 of 10 left", and a warning to get new codes when few or none are left. */
function codesLeft({ remaining, total }: { remaining: number; total: number }): TemplateResult {
  const locale = getLocale();
  const format = numberFormat(locale);
  const [left, of] = [format.format(remaining), format.format(total)];
  return html`<span class="detail" part="detail">
      ${
        pluralRules(locale).select(remaining) === 'one'
          ? msg(str`${left} of ${of} left`, {
              id: 'methods.codes-left-one',
              desc: 'Under "Recovery codes" when the number left is singular in the language ("1 of 10 left"); the placeholders are the number left and the number made.',
            })
          : msg(str`${left} of ${of} left`, {
              id: 'methods.codes-left-other',
              desc: 'Under "Recovery codes": how many unused codes are left ("7 of 10 left"); the placeholders are the number left and the number made.',
            })
      }
    </span>
    ${
      remaining > FEW_CODES
        ? nothing
        : html`<span class="note warning" part="note">
            ${
              remaining === 0
                ? msg("You've used all your recovery codes. Get new ones so you still have a way back in.", {
                    id: 'methods.codes-none-left',
                    desc: 'Under "Recovery codes" when every code has been used.',
                  })
                : msg('Only a few codes are left. Get new ones before they run out.', {
                    id: 'methods.codes-few-left',
                    desc: 'Under "Recovery codes" when two or fewer unused codes are left.',
                  })
            }
          </span>`
    }`;
}
