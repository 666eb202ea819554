/** The buttons of `<code-verify>`: Verify and Back with the host's own, and the resend area with its wait. */
import { html, nothing } from 'lit';
import type { Channel } from '@security-info/core';
import { msg } from '../shared/lit-localize.js';
import { resendWait } from './code-verify.messages.js';

const spinner = html`<span class="spinner" aria-hidden="true"></span>`;

/**
 * Verify (the form's submit button), Back, and the `actions` slot.
 *
 * @param disabled Disabled or locked: no code can be verified.
 * @param pending The host is working: Verify stays focusable but does nothing.
 * @param verifying The host checks the code (rather than sending a new one): Verify shows progress.
 */
export function verifyActions(disabled: boolean, pending: boolean, verifying: boolean, back: () => void) {
  return html`<div class="actions" part="actions">
    <button
      type="submit"
      class="primary"
      part="button verify"
      ?disabled=${disabled}
      aria-disabled=${pending ? 'true' : 'false'}
    >
      ${verifying ? spinner : nothing}
      ${msg('Verify', { id: 'code-verify.verify', desc: 'Button that checks the code.' })}
    </button>
    <button type="button" part="button back" @click=${back}>
      ${msg('Back', { id: 'code-verify.back', desc: 'Button that returns to the phone number step.' })}
    </button>
    <slot name="actions"></slot>
  </div>`;
}

/**
 * Resend by the same channel, the other channel when both are allowed, and the wait before either works.
 *
 * @param channel How the present code came.
 * @param channels The channels allowed: with both, the other one is offered too.
 * @param waitFor Seconds until a new code may be asked for; 0 when it may be now.
 * @param blocked A new code cannot be asked for now (a cooldown, the host at work, one asked for already).
 * @param sending The channel a new code is being sent by, while the host sends it.
 */
export function resendActions(
  channel: Channel,
  channels: readonly Channel[],
  waitFor: number,
  blocked: boolean,
  disabled: boolean,
  sending: Channel | undefined,
  resend: (channel: Channel) => void,
) {
  const other: Channel = channel === 'voice' ? 'sms' : 'voice';
  const offerOther = channels.includes('sms') && channels.includes('voice');
  const button = (channel: Channel, label: string) =>
    // Unavailable but still focusable, so focus is not lost when a cooldown starts under the person's finger.
    html`<button
      type="button"
      class="link"
      part="button resend"
      ?disabled=${disabled}
      aria-disabled=${blocked ? 'true' : 'false'}
      aria-describedby=${waitFor ? 'resend-wait' : nothing}
      @click=${() => resend(channel)}
    >
      ${sending === channel ? spinner : nothing}${label}
    </button>`;
  return html`<div class="resend" part="resend">
    ${button(
      channel,
      channel === 'voice'
        ? msg('Resend code by calling again', { id: 'code-verify.resend-voice', desc: 'Button: call again.' })
        : msg('Resend code', { id: 'code-verify.resend', desc: 'Button that sends a new text message.' }),
    )}
    ${
      offerOther
        ? button(
            other,
            other === 'voice'
              ? msg('Call me instead', { id: 'code-verify.call-instead', desc: 'Button: get the code by a call.' })
              : msg('Text me instead', {
                  id: 'code-verify.text-instead',
                  desc: 'Button: get the code by text message.',
                }),
          )
        : nothing
    }
    ${waitFor ? html`<p class="wait" part="wait" id="resend-wait">${resendWait(waitFor)}</p>` : nothing}
  </div>`;
}
