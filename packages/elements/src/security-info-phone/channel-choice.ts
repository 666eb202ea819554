/**
 * "How should we send your code?": the phone step's choice between a text message and a call, and the channel a host
 * suggests with its error.
 */
import { html, nothing } from 'lit';
import type { Channel } from '@security-info/core';
import { msg } from '../shared/lit-localize.js';
import * as text from './security-info-phone.messages.js';

export interface ChannelChoice {
  /** The channels offered at all, in order: no choice is shown for fewer than two. */
  offered: readonly Channel[];
  /** Those offered for the number's region: the others are shown disabled, and why is said. */
  available: readonly Channel[];
  chosen: Channel;
  disabled: boolean;
  /** The name of the number's region. */
  country: string;
  choose(channel: Channel): void;
}

export function channelChoice({ offered, available, chosen, disabled, country, choose }: ChannelChoice) {
  if (offered.length < 2) return nothing;
  const unavailable = offered.find((channel) => !available.includes(channel));
  return html`<fieldset part="channels" ?disabled=${disabled}>
    <legend>
      ${msg('How should we send your code?', { id: 'phone.channel-legend', desc: 'Legend of the text-or-call choice.' })}
    </legend>
    <div class="choices">
      ${offered.map(
        (channel) =>
          html`<label class="choice">
            <input
              type="radio"
              name="channel"
              value=${channel}
              .checked=${chosen === channel}
              ?disabled=${!available.includes(channel)}
              aria-describedby=${available.includes(channel) ? nothing : 'channel-note'}
              @change=${() => choose(channel)}
            />
            ${text.channel(channel)}
          </label>`,
      )}
      ${
        unavailable
          ? html`<p id="channel-note" class="hint choice-note">${text.unavailable(unavailable, country)}</p>`
          : nothing
      }
    </div>
  </fieldset>`;
}

export interface SuggestedChannel {
  /** The channel the host suggests while its error is shown; `undefined` otherwise. */
  channel: Channel | undefined;
  /** The channels offered for the number's region: a suggestion outside them is not offered. */
  available: readonly Channel[];
  /** Chooses the channel and submits, in one action. */
  choose(channel: Channel): void;
}

export function suggestedChannel({ channel, available, choose }: SuggestedChannel) {
  if (!channel || !available.includes(channel)) return nothing;
  return html`<button type="button" class="suggested" part="button suggested" @click=${() => choose(channel)}>
    ${text.channel(channel)}
  </button>`;
}
