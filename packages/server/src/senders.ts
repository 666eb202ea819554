/** How codes leave the server. */
import type { Channel } from '@security-info/core';

export interface CodeMessage {
  /** E.164. */
  phoneNumber: string;
  channel: Channel;
  code: string;
  /** The person's language (BCP 47) when the client said it, for the message's wording. */
  locale?: string;
}

/**
 * Delivers codes: a text message or a call. A rejection makes the send fail with `channel-unavailable`; a send
 * that does not settle within the handler's dependency time-out answers 503. Either way no usable code remains.
 */
export interface CodeSender {
  send(message: CodeMessage): Promise<void>;
}

/**
 * Prints codes instead of sending them, with the number masked. For development only: the handler refuses it
 * unless development mode is on, since whoever reads the log could then sign in as anyone.
 */
export const consoleSender: CodeSender = {
  async send({ phoneNumber, channel, code }) {
    console.warn(`[security-info] ${channel} code for ${maskNumber(phoneNumber)}: ${code}`);
  },
};

/** `+31612345678` -> `+31•••••5678`: what a log may hold of a number. */
export function maskNumber(phoneNumber: string): string {
  return `${phoneNumber.slice(0, 3)}•••••${phoneNumber.slice(-4)}`;
}
