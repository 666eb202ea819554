/**
 * What the wizard's other methods show at their end: a method's done step, and the required flow's step indicator
 * ("Method 1 of 2: Authenticator app", the methods in order, Skip for now) and summary. Render functions for
 * wizard-methods.ts, which wires them to the flow.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { msg, str } from '../shared/lit-localize.js';
import {
  enrolledMethod,
  maskEmail,
  maskPhoneNumber,
  type EnrolledMethod,
  type EnrollmentState,
  type MethodId,
} from '@security-info/core';
import { numberFormat, pluralRules } from '../shared/intl.js';
import { getLocale } from '../shared/localization.js';

/**
 * The step indicator and the summary, added to the wizard's shadow root when these steps start: the wizard's own
 * styles stay the phone flow's.
 */
export const SEQUENCE_STYLES = `
  .sequence-steps {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    padding: 0;
    margin-block: 0 var(--_space, 1rem);
    list-style: none;
    color: var(--_text-muted);
  }
  .sequence-steps [aria-current] {
    color: inherit;
    font-weight: 600;
  }
  .summary {
    padding-inline-start: 1.25rem;
  }
`;

/** What to show of a registered method: its destination, masked; nothing for an app or questions. */
function destination(enrolled: EnrolledMethod): string {
  if (enrolled.method === 'phone') return maskPhoneNumber(enrolled.phoneNumber);
  return enrolled.method === 'email' ? maskEmail(enrolled.email) : '';
}

/**
 * A method's name in the required flow. The picker's own names stay in the picker's module, which the wizard loads up
 * front: importing them here would split that module out of the wizard's first file.
 */
function methodName(method: MethodId): string {
  switch (method) {
    case 'authenticator-app':
      return msg('Authenticator app', { id: 'enroll.sequence.app', desc: 'Name of the authenticator app method.' });
    case 'phone':
      return msg('Phone', { id: 'enroll.sequence.phone', desc: 'Name of the phone method (text message or call).' });
    case 'email':
      return msg('Email', { id: 'enroll.sequence.email', desc: 'Name of the email method.' });
    case 'security-questions':
      return msg('Security questions', {
        id: 'enroll.sequence.questions',
        desc: 'Name of the security questions method.',
      });
    case 'passkey':
      return msg('Passkey', { id: 'enroll.sequence.passkey', desc: 'Name of the passkey method (WebAuthn).' });
  }
}

/** The done step's heading: what was registered, or (`changed`, the wizard having run with `replaces`) what changed. */
function doneHeading(method: MethodId | undefined, changed: boolean): string {
  switch (method) {
    case 'email':
      return changed
        ? msg('Your email address was changed', {
            id: 'enroll.done.email-changed',
            desc: 'Heading when a new email address, verified, took the place of the one the person chose to change.',
          })
        : msg('Your email address was registered', {
            id: 'enroll.done.email',
            desc: 'Heading when an email address for password reset was verified and registered.',
          });
    case 'passkey':
      return msg('Your passkey was added', {
        id: 'passkey.done',
        desc: 'Heading when a passkey was created, registered and named.',
      });
    case 'security-questions':
      return changed
        ? msg('Your security questions were updated', {
            id: 'enroll.done.questions-changed',
            desc: 'Heading when new answers to the security questions took the place of the old ones.',
          })
        : msg('Your security questions were saved', {
            id: 'enroll.done.questions',
            desc: 'Heading when the answers to the security questions were registered.',
          });
    default:
      return changed
        ? msg('Your authenticator app was replaced', {
            id: 'enroll.done.app-changed',
            desc: 'Heading when a newly set up authenticator app took the place of the one the person chose to change.',
          })
        : msg('Your authenticator app was added', {
            id: 'enroll.done.app',
            desc: 'Heading when an authenticator app was verified and registered.',
          });
  }
}

/** "You can skip this for 3 more days.", by the active language's plural rule. */
function skipDays(days: number): string {
  const locale = getLocale();
  const count = numberFormat(locale).format(days);
  return pluralRules(locale).select(days) === 'one'
    ? msg(str`You can skip this for ${count} more day.`, {
        id: 'enroll.sequence.skip-days-one',
        desc: 'Under Skip for now: exactly one more day of skipping is allowed; the placeholder is that number.',
      })
    : msg(str`You can skip this for ${count} more days.`, {
        id: 'enroll.sequence.skip-days-other',
        desc: 'Under Skip for now: how many more days the person may skip; the placeholder is that number.',
      });
}

const doneIcon = html`<svg class="done-icon" viewBox="0 0 24 24" aria-hidden="true">
  ${svg`<circle cx="12" cy="12" r="11" fill="none" stroke="currentColor" stroke-width="2"/><path d="M7 12.5l3.2 3.2L17 9" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>`}
</svg>`;

function doneButton(onDone: () => void): TemplateResult {
  return html`<div class="actions">
    <button type="button" class="primary" part="button" @click=${onDone}>
      ${msg('Done', { id: 'wizard.done-button', desc: 'Button that closes the wizard after success.' })}
    </button>
  </div>`;
}

/** A method's done step; `changed` when the wizard replaced a method (`replaces`) rather than adding one. */
export function renderDone(state: EnrollmentState, onDone: () => void, changed = false): TemplateResult {
  const enrolled = enrolledMethod(state);
  const shown = enrolled && destination(enrolled);
  return html`${doneIcon}
    <h2 part="heading" tabindex="-1">${doneHeading(state.method, changed)}</h2>
    ${shown ? html`<p class="ltr">${shown}</p>` : nothing} ${doneButton(onDone)}`;
}

/** The end of the required flow: what was set up, each method with its destination masked. */
export function renderSummary(state: EnrollmentState, onDone: () => void): TemplateResult {
  const enrolled = state.sequence?.enrolled ?? [];
  return html`${doneIcon}
    <h2 part="heading" tabindex="-1">
      ${
        enrolled.length
          ? msg('Your security info is set up', {
              id: 'enroll.sequence.summary',
              desc: 'Heading at the end of the required flow, above the list of the methods just set up.',
            })
          : msg('You have all the security info your organization requires', {
              id: 'enroll.sequence.nothing-missing',
              desc: 'Heading of the required flow when the person had set up everything required already.',
            })
      }
    </h2>
    ${
      enrolled.length
        ? html`<ul class="summary" part="summary">
            ${enrolled.map((method) => {
              const shown = destination(method);
              return html`<li>
                ${methodName(method.method)} ${shown ? html`<span class="ltr">${shown}</span>` : nothing}
              </li>`;
            })}
          </ul>`
        : nothing
    }
    ${doneButton(onDone)}`;
}

/** "Method 1 of 2: Authenticator app" as the heading the step starts with, the methods in order, and Skip. */
export function renderSequence(
  state: EnrollmentState,
  view: TemplateResult | undefined,
  onSkip: () => void,
): TemplateResult {
  const { methods, enrolled } = state.sequence!;
  const index = Math.min(enrolled.length, methods.length - 1);
  const format = numberFormat(getLocale());
  const number = format.format(index + 1);
  const total = format.format(methods.length);
  const name = methodName(methods[index]!);
  const skip = state.policy?.enrollment?.skip;
  return html`<h2 class="sequence" part="sequence-heading" tabindex="-1">
      ${msg(str`Method ${number} of ${total}: ${name}`, {
        id: 'enroll.sequence.heading',
        desc: 'Above each step of the methods a person must set up; placeholders: the method’s place, how many there are, its name.',
      })}
    </h2>
    <ol class="sequence-steps" part="sequence-steps">
      ${methods.map((method, i) => html`<li aria-current=${i === index ? 'step' : nothing}>${methodName(method)}</li>`)}
    </ol>
    ${view}
    ${
      skip?.allowed
        ? html`<div class="actions">
            <button type="button" part="button skip" @click=${onSkip}>
              ${msg('Skip for now', {
                id: 'enroll.sequence.skip',
                desc: 'Button that puts off setting up the required methods.',
              })}
            </button>
            ${skip.daysLeft !== undefined ? html`<p class="status">${skipDays(skip.daysLeft)}</p>` : nothing}
          </div>`
        : nothing
    }`;
}
