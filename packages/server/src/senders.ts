/** How codes leave the server. */
import { maskEmail, type Channel } from '@security-info/core';

export interface CodeMessage {
  /** E.164. */
  phoneNumber: string;
  channel: Channel;
  code: string;
  /** The person's language (BCP 47) when the client said it, for the message's wording. */
  locale?: string;
}

/** A code for an email address. */
export interface EmailCodeMessage {
  /** The address, as `checkEmail` of `@security-info/core` normalized it (its domain may be in Unicode). */
  email: string;
  code: string;
  /** The person's language (BCP 47) when the client said it, for the message's wording. */
  locale?: string;
}

/** Delivers codes by email: the SMTP sender (`createSmtpSender`), or a code sender that can (`sendEmail`). */
export interface EmailSender {
  /** Settles as {@link CodeSender.send} does: a rejection or a time-out leaves no usable code. */
  sendEmail(message: EmailCodeMessage): Promise<void>;
}

/**
 * Delivers codes: a text message or a call, and by email when it has `sendEmail` (the webhook and console senders
 * do; Twilio is not an email provider). A rejection makes the send fail with `channel-unavailable`; a send that
 * does not settle within the handler's dependency time-out answers 503. Either way no usable code remains.
 */
export interface CodeSender {
  send(message: CodeMessage): Promise<void>;
  sendEmail?(message: EmailCodeMessage): Promise<void>;
}

/**
 * Prints codes instead of sending them, with the number or address masked. For development only: the handler
 * refuses it unless development mode is on, since whoever reads the log could then sign in as anyone.
 */
export const consoleSender: CodeSender & EmailSender = {
  async send({ phoneNumber, channel, code }) {
    console.warn(`[security-info] ${channel} code for ${maskNumber(phoneNumber)}: ${code}`);
  },
  async sendEmail({ email, code }) {
    console.warn(`[security-info] email code for ${maskEmail(email)}: ${code}`);
  },
};

/** `+31612345678` -> `+31•••••5678`: what a log may hold of a number. */
export function maskNumber(phoneNumber: string): string {
  return `${phoneNumber.slice(0, 3)}•••••${phoneNumber.slice(-4)}`;
}
