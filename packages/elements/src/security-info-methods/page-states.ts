/**
 * What the Security info page shows instead of its list, or above it: loading, a failed load, the empty list,
 * offline, and the wait for the host to sign the person in (at a row, or in place of the list).
 */
import { html, type TemplateResult } from 'lit';
import type { SecurityInfoErrorCode } from '@security-info/core';
import { msg } from '../shared/lit-localize.js';
import { failureMessage } from '../shared/failure-message.js';

/** Placeholder rows that keep the layout, and the status a screen reader hears. */
export const loading = (): TemplateResult =>
  html`<p class="visually-hidden" role="status">
      ${msg('Loading your sign-in methods…', { id: 'methods.loading', desc: 'Said while the list loads.' })}
    </p>
    <div class="skeleton" part="skeleton" aria-hidden="true">
      <span class="bar"></span><span class="bar wide"></span><span class="bar"></span><span class="bar wide"></span>
    </div>`;

/** While the host signs the person in again: the refused call is made once they have. */
export const signingIn = (): TemplateResult =>
  html`<p class="status" part="status" role="status">
    <span class="spinner" aria-hidden="true"></span>${msg('Waiting for you to sign in…', {
      id: 'methods.signing-in',
      desc: 'Shown while the person signs in again before a change; the change is made once they have.',
    })}
  </p>`;

/**
 * The list could not load: what happened (nothing, when the host said it signs the person in its own way), or the
 * wait for that sign-in, and Try again.
 */
export const failure = (
  { error, signingIn: waiting }: { error: SecurityInfoErrorCode | undefined; signingIn: boolean },
  retry: () => void,
): TemplateResult =>
  html`${waiting ? signingIn() : html`<p class="error" part="error" role="alert">${error && failureMessage(error)}</p>`}
    <div class="actions">
      <button type="button" class="primary" part="button" data-focus="retry" @click=${retry}>
        ${msg('Try again', { id: 'methods.retry', desc: 'Button that loads the list again after a failure.' })}
      </button>
    </div>`;

/** Nothing registered yet; Add follows. */
export const emptyNote = (): TemplateResult =>
  html`<p class="note" part="note">
    ${msg("You haven't added any sign-in methods yet. Add one, so you can still sign in if you lose your password.", {
      id: 'methods.empty',
      desc: 'Shown when the person has no sign-in methods; the Add sign-in method button follows.',
    })}
  </p>`;

export const offlineNote = (): TemplateResult =>
  html`<p class="note" part="note" role="status">
    ${msg("You're offline. You can change your sign-in methods once you're connected again.", {
      id: 'methods.offline',
      desc: 'Shown while the device has no connection.',
    })}
  </p>`;
