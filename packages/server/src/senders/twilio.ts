/** A sender through Twilio: text messages with the Messages API, calls with the Calls API and inline TwiML. */
import { ConfigurationError, type ServerLogger } from '../options.js';
import type { CodeMessage, CodeSender } from '../senders.js';
import { redact } from '../redact.js';
import { checkEndpoint, describeFailure, request } from './transport.js';
import { codeCallTwiml } from './twiml.js';
import { checkOtpHost, codeText } from './wording.js';

export interface TwilioSenderOptions {
  /** The account's SID, `AC` and 32 hexadecimal digits. */
  accountSid: string;
  authToken: string;
  /**
   * The number messages and calls come from (E.164), or an alphanumeric sender id (up to 11 letters and digits)
   * for text messages only. Calls need a number.
   */
  from?: string;
  /** The Messaging Service that picks the sender of text messages (`MG...`); takes precedence over `from` there. */
  messagingServiceSid?: string;
  /** Default `https://api.twilio.com`. */
  apiBase?: string;
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
  /**
   * How long Twilio may take to answer. Default 8,000 ms, below the handler's `dependencyTimeoutMs` (10 s). Twilio
   * is asked once: asking again after a lost answer could send the code twice.
   */
  timeoutMs?: number;
  /** The portal's host: text messages then end with the origin-bound line `@portal.example.com #123456`. */
  otpHost?: string;
  /** Where refusals are reported, never with a code or a number. Default: the console. */
  logger?: ServerLogger;
}

/** Twilio refused a message or a call. The message has Twilio's error code, never the number or the code. */
export class TwilioError extends Error {
  constructor(
    message: string,
    /** The HTTP status Twilio answered. */
    readonly status: number,
    /** Twilio's error code (https://www.twilio.com/docs/api/errors), when it gave one. */
    readonly twilioCode: number | undefined,
  ) {
    super(message);
    this.name = 'TwilioError';
  }
}

const E164 = /^\+[1-9]\d{1,14}$/;
const ALPHANUMERIC_SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/;

/** The ids of what each resource creates: a text message (`SM`, or `MM` with media), a call (`CA`). */
const SIDS = { Messages: /^[SM]M[0-9a-f]{32}$/i, Calls: /^CA[0-9a-f]{32}$/i } as const;
/** The most of an answer that is read: Twilio's, a message or call resource or an error, are a few kilobytes. */
const ANSWER_BYTES = 64 * 1024;
/** Statuses of a message or call that will never reach the person. */
const DEAD: ReadonlySet<string> = new Set(['failed', 'undelivered', 'canceled']);

/** The `sid` and `status` of the resource a 2xx answer carries, or `undefined` when it carries none. */
function createdResource(body: string): { sid: string; status: string | undefined } | undefined {
  let answer: unknown;
  try {
    answer = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof answer !== 'object' || answer === null) return undefined;
  const { sid, status } = answer as { sid?: unknown; status?: unknown };
  return typeof sid === 'string' ? { sid, status: typeof status === 'string' ? status : undefined } : undefined;
}

/** Twilio's error answer: `{ "code": 21211, "message": "...", "more_info": "...", "status": 400 }`. */
function twilioError(status: number, body: string, what: string, secrets: string[]): TwilioError {
  let answer: { code?: unknown; message?: unknown } = {};
  try {
    answer = JSON.parse(body) ?? {};
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  const code = typeof answer.code === 'number' && Number.isInteger(answer.code) ? answer.code : undefined;
  // Twilio's messages can quote the number ("The 'To' number +31... is not a valid phone number").
  let said = typeof answer.message === 'string' ? answer.message : '';
  for (const secret of secrets) said = said.split(secret).join('[redacted]');
  said = redact(said).slice(0, 200);
  return new TwilioError(
    `Twilio refused the ${what}: ${code === undefined ? '' : `error ${code}, `}HTTP ${status}${said ? `: ${said}` : ''}`,
    status,
    code,
  );
}

/**
 * Delivers codes through Twilio (https://www.twilio.com/docs/messaging/api/message-resource and
 * https://www.twilio.com/docs/voice/api/call-resource). Text messages say "Your verification code is 123456." in
 * the person's language (English, Dutch, German, French, Spanish, Italian, Portuguese; English otherwise), ending
 * with the origin-bound line when `otpHost` is set. Calls say the code slowly, digit by digit, twice, in a voice of
 * that language (Twilio picks its default voice for it). A refusal, no answer in time, or a success that does not
 * carry the message or call Twilio created (or carries it failed) rejects, and the handler withdraws the code.
 */
export function createTwilioSender(options: TwilioSenderOptions): CodeSender {
  const { accountSid, authToken, from, messagingServiceSid } = options;
  if (typeof accountSid !== 'string' || !/^AC[0-9a-f]{32}$/i.test(accountSid))
    throw new ConfigurationError('twilio: accountSid must be the account SID, AC and 32 hexadecimal digits.');
  if (typeof authToken !== 'string' || !/^[\x21-\x7e]+$/.test(authToken))
    throw new ConfigurationError('twilio: authToken is required (the account’s auth token).');
  if (messagingServiceSid !== undefined && !/^MG[0-9a-f]{32}$/i.test(messagingServiceSid))
    throw new ConfigurationError('twilio: messagingServiceSid must be MG and 32 hexadecimal digits.');
  if (from !== undefined && !E164.test(from) && !ALPHANUMERIC_SENDER.test(from))
    throw new ConfigurationError('twilio: from must be a number in E.164 (+31201234567) or an alphanumeric sender id.');
  if (from === undefined && messagingServiceSid === undefined)
    throw new ConfigurationError('twilio: from or messagingServiceSid is required: who the messages come from.');
  const timeoutMs = options.timeoutMs ?? 8000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new ConfigurationError('twilio: timeoutMs must be a positive number.');
  const base = checkEndpoint(options.apiBase ?? 'https://api.twilio.com', 'twilio: apiBase');
  const otpHost = checkOtpHost(options.otpHost);
  const fetcher = options.fetch ?? fetch;
  const logger = options.logger ?? console;
  const authorization = `Basic ${btoa(`${accountSid}:${authToken}`)}`;
  const resource = (name: 'Messages' | 'Calls') =>
    new URL(`${base.pathname.replace(/\/+$/, '')}/2010-04-01/Accounts/${accountSid}/${name}.json`, base);

  const fail = (error: Error) => {
    logger.warn(`[security-info] ${error.message}`);
    return error;
  };

  async function create(name: 'Messages' | 'Calls', form: URLSearchParams, message: CodeMessage) {
    const what = name === 'Messages' ? 'text message' : 'call';
    let answer: { response: Response; body: string | undefined };
    try {
      answer = await request(
        fetcher,
        resource(name),
        {
          method: 'POST',
          headers: {
            authorization,
            accept: 'application/json',
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: form.toString(),
        },
        timeoutMs,
        ANSWER_BYTES,
      );
    } catch (error) {
      throw fail(new Error(`Twilio did not take the ${what}: ${describeFailure(error, timeoutMs)}`));
    }
    const { response } = answer;
    // Larger than any answer of Twilio's: its status alone is said.
    const body = answer.body ?? '';
    if (!response.ok)
      throw fail(
        twilioError(response.status, body, what, [message.phoneNumber, message.phoneNumber.slice(1), message.code]),
      );
    // A 2xx is Twilio's only when it carries the resource it created: a proxy's or captive portal's page in its place
    // would otherwise pass for a code sent, and the person would wait for one that never comes.
    const created = createdResource(body);
    if (!created || !SIDS[name].test(created.sid))
      throw fail(new Error(`Twilio answered HTTP ${response.status} without the ${what} it created`));
    if (created.status && DEAD.has(created.status))
      throw fail(new Error(`Twilio created the ${what} ${created.sid} as ${created.status}`));
  }

  return {
    async send(message) {
      const { phoneNumber, channel, code, locale } = message;
      if (channel === 'voice') {
        if (!from || !E164.test(from))
          throw fail(new Error('Twilio sender: calls need `from`, a number in E.164 that Twilio may call from.'));
        const form = new URLSearchParams({ To: phoneNumber, From: from, Twiml: codeCallTwiml(code, locale) });
        return create('Calls', form, message);
      }
      const form = new URLSearchParams({ To: phoneNumber });
      if (messagingServiceSid) form.set('MessagingServiceSid', messagingServiceSid);
      else form.set('From', from as string);
      form.set('Body', codeText(code, locale, otpHost));
      return create('Messages', form, message);
    },
  };
}
