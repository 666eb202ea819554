/** A sender that hands each code to your own HTTP endpoint, signed the Standard Webhooks way, retried with care. */
import { Webhook } from 'standardwebhooks';
import type { CodeChannel } from '@security-info/core';
import { ConfigurationError, type ServerLogger } from '../options.js';
import type { CodeMessage, CodeSender, EmailCodeMessage, EmailSender } from '../senders.js';
import { checkEndpoint, describeFailure, request } from './transport.js';
import { checkOtpHost, otpLine } from './wording.js';

/** The JSON body of a delivery. */
export interface WebhookPayload {
  /** `sms` or `voice` for a phone, `email` for an address. */
  channel: CodeChannel;
  /** The number (E.164), or for `email` the address (a domain may be in Unicode). */
  to: string;
  code: string;
  /** The person's language (BCP 47), when known. */
  locale?: string;
  /**
   * For text messages when `otpHost` is configured: `@portal.example.com #123456`, the origin-bound one-time-code
   * line. The receiver ends the message with a blank line and this line, as is, so browsers offer the code only on
   * that portal.
   */
  otpLine?: string;
}

export interface WebhookSenderOptions {
  /** Where deliveries are POSTed: `https:` (or `http:` on a loopback address). */
  url: string;
  /** The Standard Webhooks secret: `whsec_` and the base64 of at least 24 random bytes. */
  secret: string;
  /**
   * How long one send may take, every attempt and wait included. Default 8,000 ms, below the handler's
   * `dependencyTimeoutMs` (10 s), so a late answer is this sender's failure, not the handler's time-out.
   */
  timeoutMs?: number;
  /** How long one attempt may take. Default 3,000 ms (never past what is left of `timeoutMs`). */
  attemptTimeoutMs?: number;
  /** Attempts after the first. Default 3. */
  retries?: number;
  /** The wait before the first retry; each further one waits about twice as long, with jitter. Default 250 ms. */
  retryDelayMs?: number;
  /** The portal's host, for the `otpLine` of text messages. */
  otpHost?: string;
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Time in milliseconds since the epoch, for `webhook-timestamp` and `Retry-After` dates. Default `Date.now`. */
  clock?: () => number;
  /** Where failed attempts are reported, never with a code or a number. Default: the console. */
  logger?: ServerLogger;
}

const MIN_SECRET_BYTES = 24;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function checkSecret(secret: string): string {
  const key = typeof secret === 'string' && secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : undefined;
  if (key === undefined || !BASE64.test(key) || atob(key).length < MIN_SECRET_BYTES)
    throw new ConfigurationError(
      `the webhook secret must be "whsec_" followed by the base64 of at least ${MIN_SECRET_BYTES} random bytes ` +
        '(the Standard Webhooks form), as the receiver verifies it.',
    );
  return secret;
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new ConfigurationError(`${name} must be a positive number.`);
  return value;
}

/** `Retry-After` in milliseconds (seconds or an HTTP date), or `undefined` when absent or unreadable. */
function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Statuses worth another attempt: the receiver or something before it may answer differently soon. */
const retryable = (status: number) => status === 408 || status === 429 || status >= 500;

/** An attempt's outcome that ends the send at once. */
class Final extends Error {}

/**
 * Delivers codes (text messages, calls and emails) by POSTing a {@link WebhookPayload} as JSON to `url`, signed
 * as Standard Webhooks specify (https://www.standardwebhooks.com): `webhook-id`, `webhook-timestamp` (seconds) and
 * `webhook-signature` (`v1,<base64 HMAC-SHA256 of "id.timestamp.body">`).
 *
 * The receiver verifies the signature with a Standard Webhooks library (which also refuses timestamps more than
 * five minutes off), answers 2xx once its provider accepted the message, 4xx (but 408 and 429) for a message that
 * will never go, and 5xx or 429 (with `Retry-After`) to be tried again. A retry carries the same `webhook-id`, so
 * a receiver whose answer was lost can tell it sent that message already.
 *
 * Network errors, 408, 429 and 5xx are retried with exponential back-off and jitter, all within `timeoutMs`; any
 * other answer that is not 2xx, or running out of time, rejects, and the handler withdraws the code.
 */
export function createWebhookSender(options: WebhookSenderOptions): CodeSender & EmailSender {
  const url = checkEndpoint(options.url, 'the webhook url');
  const webhook = new Webhook(checkSecret(options.secret));
  const budgetMs = positive('timeoutMs', options.timeoutMs ?? 8000);
  const attemptMs = positive('attemptTimeoutMs', options.attemptTimeoutMs ?? 3000);
  const retryDelayMs = positive('retryDelayMs', options.retryDelayMs ?? 250);
  const retries = options.retries ?? 3;
  if (!Number.isInteger(retries) || retries < 0) throw new ConfigurationError('retries must be a whole number.');
  const otpHost = checkOtpHost(options.otpHost);
  const fetcher = options.fetch ?? fetch;
  const clock = options.clock ?? Date.now;
  const logger = options.logger ?? console;

  function payload({ phoneNumber, channel, code, locale }: CodeMessage): WebhookPayload {
    return {
      channel,
      to: phoneNumber,
      code,
      ...(locale ? { locale } : {}),
      ...(otpHost && channel === 'sms' ? { otpLine: otpLine(otpHost, code) } : {}),
    };
  }

  /** One attempt: resolves when delivered, or says what went wrong and when to try again. */
  async function attempt(id: string, body: string, ms: number): Promise<{ failure: string; retryAfter?: number }> {
    const now = new Date(clock());
    let response: Response;
    try {
      ({ response } = await request(
        fetcher,
        url,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'webhook-id': id,
            'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
            'webhook-signature': webhook.sign(id, now, body),
          },
          body,
        },
        ms,
        // The status is the answer: the body is not waited for.
        0,
      ));
    } catch (error) {
      return { failure: describeFailure(error, Math.round(ms)) };
    }
    if (response.ok) return { failure: '' };
    if (!retryable(response.status)) throw new Final(`the receiver answered ${response.status}`);
    return {
      failure: `the receiver answered ${response.status}`,
      retryAfter: retryAfterMs(response.headers.get('retry-after'), clock()),
    };
  }

  /** Delivers one payload, retrying as the receiver allows. */
  async function post(delivery: WebhookPayload): Promise<void> {
    const id = `msg_${crypto.randomUUID().replaceAll('-', '')}`;
    const body = JSON.stringify(delivery);
    const deadline = performance.now() + budgetMs;
    const fail = (why: string) => {
      const error = new Error(`webhook ${id} not delivered: ${why}`);
      logger.warn(`[security-info] ${error.message}`);
      return error;
    };
    for (let tries = 1; ; tries++) {
      const left = deadline - performance.now();
      if (left <= 0) throw fail(`no answer within the ${budgetMs} ms budget`);
      let outcome: Awaited<ReturnType<typeof attempt>>;
      try {
        outcome = await attempt(id, body, Math.min(attemptMs, left));
      } catch (error) {
        if (error instanceof Final) throw fail(`${error.message}, not retried`);
        throw error;
      }
      if (!outcome.failure) return;
      if (tries > retries) throw fail(`${outcome.failure} (attempt ${tries}, no retries left)`);
      const backoff = retryDelayMs * 2 ** (tries - 1);
      const wait = Math.round(outcome.retryAfter ?? backoff / 2 + (Math.random() * backoff) / 2);
      if (performance.now() + wait >= deadline)
        throw fail(`${outcome.failure} (attempt ${tries}); a retry in ${wait} ms would be past the budget`);
      logger.warn(`[security-info] webhook ${id}: ${outcome.failure} (attempt ${tries}); retrying in ${wait} ms`);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  return {
    send: (message) => post(payload(message)),
    sendEmail: ({ email, code, locale }: EmailCodeMessage) =>
      post({ channel: 'email', to: email, code, ...(locale ? { locale } : {}) }),
  };
}
