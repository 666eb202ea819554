/** A sender of codes by email over SMTP (nodemailer): plain text in the person's language, over TLS. */
import { connect as connectTcp, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { checkEmail } from '@security-info/core';
import type SMTPConnection from 'nodemailer/lib/smtp-connection/index.js';
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
  /**
   * How long one email may take, all of it: connecting, TLS, the greeting, signing in, the envelope, the message and
   * the server's answer to it. Default 8,000 ms, below the handler's `dependencyTimeoutMs` (10 s): keep it below.
   */
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

/** Nodemailer's connection and message builder, loaded with the first email. */
let nodemailer: ReturnType<typeof importNodemailer> | undefined;
const importNodemailer = () =>
  Promise.all([import('nodemailer/lib/smtp-connection/index.js'), import('nodemailer/lib/mail-composer/index.js')]);
const loadNodemailer = () => (nodemailer ??= importNodemailer());

/** An error worded as nodemailer's are, so that {@link describeSmtpError} can name it. */
const smtpError = (message: string, code: string) => Object.assign(new Error(message), { code });

/**
 * How an email ended: `taken` when the server answered its end with a 2xx; `unconfirmed` when the deadline passed,
 * or `cut` when the connection was lost, after the "." that ends it had been sent but before the server's answer.
 */
type Delivery = 'taken' | 'unconfirmed' | 'cut';

/** Nodemailer's codes for a connection that broke, as opposed to a server that answered with a refusal. */
const BROKEN = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT']);

/**
 * One email, from connecting to the server's answer to its end, within `ms`. At the deadline the connection is
 * destroyed, never closed politely: a server that has not received the "." must throw the message away, so an email
 * still on its way then is never delivered. An email whose "." was sent is `unconfirmed` (or `cut` when the
 * connection broke before the answer): the server may deliver it.
 */
function sendWithin(
  Connection: typeof SMTPConnection,
  server: Server,
  message: { envelope: SMTPConnection.Envelope; raw: Buffer },
  ms: number,
): Promise<Delivery> {
  return new Promise((resolve, reject) => {
    let settled = false;
    // Whether the "." that ends the message may have been sent.
    let ended = false;
    let connection: SMTPConnection | undefined;
    const settle = (outcome: Delivery | Error) => {
      if (settled) return;
      // A connection lost after the "." is no refusal: the server may have the whole email.
      if (ended && outcome instanceof Error && BROKEN.has((outcome as NodeJS.ErrnoException).code ?? ''))
        outcome = 'cut';
      settled = true;
      clearTimeout(timer);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    // Our own socket, so that the deadline can destroy it at any step, DNS and TLS included.
    const socket = connectTcp({ host: server.host, port: server.port });
    const timer = setTimeout(() => {
      settle(ended ? 'unconfirmed' : smtpError('the email took longer than its time-out', 'ETIMEDOUT'));
      // Nodemailer's socket is the TLS one over ours once TLS has begun; before connecting it has none.
      const tls = connection?._socket as Socket | false | undefined;
      if (tls) tls.destroy();
      socket.destroy();
      connection?.close();
    }, ms);
    socket.on('error', (error: NodeJS.ErrnoException) =>
      settle(smtpError(error.message, error.syscall === 'getaddrinfo' ? 'EDNS' : 'ECONNECTION')),
    );
    socket.once('connect', () => {
      if (settled) return;
      const smtp = (connection = new Connection({
        host: server.host,
        port: server.port,
        secure: server.secure,
        connection: socket,
        requireTLS: !server.secure && !isLoopback(server.host),
        // Nodemailer's own log would carry the envelope and the message.
        logger: false,
        debug: false,
      }));
      smtp.on('error', settle);
      // A server that hangs up before it greets closes without an error.
      smtp.once('end', () => settle(smtpError('the server closed the connection', 'ECONNECTION')));
      const body = new Readable({
        read() {
          if (settled) return void this.destroy();
          // Nodemailer sends the "." as soon as this ends: from here the server may deliver the email.
          ended = true;
          this.push(message.raw);
          this.push(null);
        },
      });
      const send = () =>
        smtp.send(message.envelope, body, (error) => {
          settle(error ?? 'taken');
          smtp.close();
        });
      smtp.connect(() => {
        // As nodemailer's transport does: credentials go only to a server that offers to take them.
        if (!server.auth || !(smtp as { allowsAuth?: boolean }).allowsAuth) return send();
        smtp.login(server.auth, (error) => {
          if (!error) return send();
          settle(error);
          smtp.close();
        });
      });
    });
  });
}

/**
 * Sends each code as a plain-text email (no HTML, no links, nothing remote): the subject and the sentence in the
 * person's language, as the text messages are worded. The connection is encrypted: TLS from the start (`smtps:`,
 * port 465) or STARTTLS, which is required (only a server on this machine, such as a local relay, may be spoken
 * to in clear text). Nothing is logged but nodemailer's error code and the server's status; a refusal rejects, and
 * the handler withdraws the code. Nodemailer loads with the first email.
 *
 * One time-out covers each email from start to end. Past it, an email whose end (".") was not sent is never
 * delivered: the send rejects and the code is withdrawn. An email whose end was sent but not answered, in time or at
 * all (the connection lost), may be delivered: the send resolves, so the code in it stays valid. Withdrawing it would risk a delivered email with a
 * dead code; keeping it costs, when the email is lost, a resend after the cooldown.
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
  return {
    async sendEmail({ email, code, locale }) {
      const deadline = performance.now() + timeoutMs;
      const { subject, text } = emailWording(code, locale);
      let delivery: Delivery;
      try {
        const [{ default: Connection }, { default: MailComposer }] = await loadNodemailer();
        const message = new MailComposer({
          from,
          to: asciiAddress(email),
          subject,
          text,
          // RFC 3834: an automatic message, so out-of-office replies stay away.
          headers: { 'Auto-Submitted': 'auto-generated' },
          disableFileAccess: true,
          disableUrlAccess: true,
        }).compile();
        const raw = await message.build();
        const left = deadline - performance.now();
        if (left <= 0) throw smtpError('the email took longer than its time-out', 'ETIMEDOUT');
        delivery = await sendWithin(Connection, server, { envelope: message.getEnvelope(), raw }, left);
      } catch (error) {
        const message = `the SMTP server did not take an email (${describeSmtpError(error)})`;
        logger.warn(`[security-info] ${message}`);
        throw new Error(message);
      }
      if (delivery !== 'taken')
        logger.warn(
          `[security-info] ${delivery === 'cut' ? 'the connection to the SMTP server was lost after the end of an email' : 'the SMTP server did not answer the end of an email in time'}; it may deliver it, so its code stays valid`,
        );
    },
  };
}
