/** A sender of codes by email over SMTP (nodemailer): plain text in the person's language, over TLS. */
import { checkEmail } from '@security-info/core';
import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { asciiAddress } from '../email-address.js';
import { ConfigurationError, type ServerLogger } from '../options.js';
import type { EmailSender } from '../senders.js';
import { isLoopback } from './transport.js';
import { emailWording } from './wording.js';

export interface SmtpSenderOptions {
  /**
   * The server as a URL: `smtps://user:password@smtp.example.com` (TLS from the start, port 465 by default) or
   * `smtp://user:password@smtp.example.com:587` (STARTTLS, required). Percent-encode a password's reserved
   * characters. Instead of `host`, `port`, `secure` and `auth`.
   */
  url?: string;
  host?: string;
  /** Default 465 when `secure`, 587 otherwise. */
  port?: number;
  /** TLS from the start (port 465); otherwise the connection must upgrade with STARTTLS. Default: `port === 465`. */
  secure?: boolean;
  auth?: { user: string; pass: string };
  /** Who the emails come from: `security@example.com` or `Example Security <security@example.com>`. */
  from: string;
  /** How long connecting, the greeting and each step may take. Default 8,000 ms, below the handler's 10 s. */
  timeoutMs?: number;
  /** Where refusals are reported, never with an address or a code. Default: the console. */
  logger?: ServerLogger;
}

interface Server {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
}

function serverOf(options: SmtpSenderOptions): Server {
  if (options.url !== undefined) {
    if (options.host !== undefined || options.port !== undefined || options.auth !== undefined)
      throw new ConfigurationError('smtp: give the url or host, port and auth, not both.');
    let url: URL;
    try {
      url = new URL(options.url);
    } catch {
      throw new ConfigurationError('smtp: the url is not a URL (smtps://user:password@smtp.example.com).');
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
      throw new ConfigurationError('smtp: the url must start with smtps:// (TLS) or smtp:// (STARTTLS).');
    const secure = url.protocol === 'smtps:';
    return {
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      ...(url.username
        ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
        : {}),
    };
  }
  if (typeof options.host !== 'string' || !options.host)
    throw new ConfigurationError('smtp: url or host is required: the server emails are handed to.');
  const secure = options.secure ?? options.port === 465;
  return {
    host: options.host,
    port: options.port ?? (secure ? 465 : 587),
    secure,
    ...(options.auth ? { auth: options.auth } : {}),
  };
}

/** `from` as nodemailer takes it, checked: a display name cannot smuggle in headers or a second address. */
function checkFrom(from: unknown): { name: string; address: string } {
  const parts = typeof from === 'string' ? /^\s*(?:([^<>\r\n"]*?)\s*<([^<>\s]+)>|([^<>\s]+))\s*$/.exec(from) : null;
  const checked = parts ? checkEmail(parts[2] ?? parts[3] ?? '') : undefined;
  if (!parts || !checked || !('email' in checked))
    throw new ConfigurationError(
      'smtp: from must be an address, or a name and an address: Example Security <security@example.com>.',
    );
  return { name: parts[1] ?? '', address: asciiAddress(checked.email) };
}

/** What a failure may say: nodemailer's error code and the server's status, never the server's words. */
function describeSmtpError(error: unknown): string {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  const parts = [
    typeof code === 'string' && /^[A-Z_]{1,32}$/.test(code) ? code : 'failed',
    typeof responseCode === 'number' ? String(responseCode) : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/**
 * Sends each code as a plain-text email (no HTML, no links, nothing remote): the subject and the sentence in the
 * person's language, as the text messages are worded. The connection is encrypted: TLS from the start (`smtps:`,
 * port 465) or STARTTLS, which is required (only a server on this machine, such as a local relay, may be spoken
 * to in clear text). Nothing is logged but nodemailer's error code and the server's status; a refusal rejects, and
 * the handler withdraws the code. Nodemailer loads with the first email.
 */
export function createSmtpSender(options: SmtpSenderOptions): EmailSender {
  const server = serverOf(options);
  if (!Number.isInteger(server.port) || server.port < 1 || server.port > 65535)
    throw new ConfigurationError('smtp: port must be a port number.');
  const from = checkFrom(options.from);
  const timeoutMs = options.timeoutMs ?? 8000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new ConfigurationError('smtp: timeoutMs must be a positive number.');
  const logger = options.logger ?? console;
  let transport: Promise<Transporter<SMTPTransport.SentMessageInfo>> | undefined;
  const connect = () =>
    (transport ??= import('nodemailer').then(({ createTransport }) =>
      createTransport({
        ...server,
        requireTLS: !server.secure && !isLoopback(server.host),
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
        // Nodemailer's own log would carry the envelope and the message.
        logger: false,
        debug: false,
      }),
    ));

  return {
    async sendEmail({ email, code, locale }) {
      const { subject, text } = emailWording(code, locale);
      try {
        await (
          await connect()
        ).sendMail({
          from,
          to: asciiAddress(email),
          subject,
          text,
          // RFC 3834: an automatic message, so out-of-office replies stay away.
          headers: { 'Auto-Submitted': 'auto-generated' },
          disableFileAccess: true,
          disableUrlAccess: true,
        });
      } catch (error) {
        const message = `the SMTP server did not take an email (${describeSmtpError(error)})`;
        logger.warn(`[security-info] ${message}`);
        throw new Error(message);
      }
    },
  };
}
