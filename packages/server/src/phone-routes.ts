/**
 * The person's phone routes: send a code to a new number (or one that replaces a registered phone), resend it,
 * verify it, and say whether a challenge is confirmed. A right code registers the phone in the same transaction
 * that uses the code up.
 */
import { channelsFor, isCountryAllowed, methodServes, toAsciiDigits, type Channel } from '@security-info/core';
import { noneToReplace, type Caller, type Challenges } from './challenges.js';
import { Refusal, badRequest, respond } from './http.js';
import { checkChannelForType, checkNumber, type CheckedNumber } from './number-check.js';
import type { ResolvedOptions, RiskContext } from './options.js';
import { describeError } from './redact.js';
import type { RegistrationsApi } from './registrations.js';
import { phoneChannel, type StoredChallenge } from './store.js';
import { within } from './timeout.js';

const CHANNELS: readonly string[] = ['sms', 'voice'];
const LOCALE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** How long a page waiting for a challenge's confirmation is asked to wait before it asks again. */
export const CONFIRMATION_POLL_SECONDS = 2;

export function readChannel(value: unknown): Channel {
  if (typeof value !== 'string' || !CHANNELS.includes(value)) throw badRequest('channel must be "sms" or "voice".');
  return value as Channel;
}

export function readLocale(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !LOCALE.test(value)) throw badRequest('locale must be a language tag such as "nl".');
  return value;
}

export function readId(value: unknown, name: string): string {
  if (typeof value !== 'string' || !ID.test(value)) throw badRequest(`${name} must be a method id.`);
  return value;
}

/**
 * A code as a person typed it: in the digits of any script (a sign-in page's field may not fold full-width or
 * Arabic-Indic digits, as the elements do), spaces and hyphens aside. Anything else is no code at all: a 400, not a
 * wrong code counted against the person.
 */
export function readCode(value: unknown): string {
  const code = typeof value === 'string' && value.length <= 32 ? toAsciiDigits(value).replace(/[\s-]/g, '') : '';
  if (!/^[0-9]+$/.test(code)) throw badRequest('code must be a string of digits.');
  return code;
}

export function createPhoneRoutes(options: ResolvedOptions, challenges: Challenges, registrations: RegistrationsApi) {
  const { policy } = options;
  const wait = <T>(work: Promise<T> | T, what: string) => within(work, options.dependencyTimeoutMs, what);

  /** The policy's word on a number and channel: allowed, or the refusal that says why not. */
  function checkPolicy(number: CheckedNumber, channel: Channel): void {
    if (
      !policy.methods.some((method) => method.id === 'phone' && method.purposes.some((p) => methodServes('phone', p)))
    )
      throw new Refusal(422, 'number-rejected', 'Phones are not allowed by the policy.');
    if (!isCountryAllowed(policy, number.region))
      throw new Refusal(422, 'number-rejected', 'Numbers from this region are not allowed.');
    if (!channelsFor(policy, number.region).includes(channel))
      throw new Refusal(422, 'channel-unavailable', 'This channel is not available for this number.');
    checkChannelForType(number, channel);
  }

  async function checkRisk(context: RiskContext): Promise<void> {
    if (!options.riskCheck) return;
    const verdict = await wait(options.riskCheck(context), 'riskCheck');
    if (verdict === undefined || verdict === null || verdict === true) return;
    // Anything but a clear yes is a refusal: a check that answers something unexpected fails closed.
    if (typeof verdict !== 'object' || verdict.allow !== false)
      throw new Refusal(429, 'rate-limited', 'This request was refused.');
    const code = verdict.error ?? 'rate-limited';
    const retry = verdict.retryAfterSeconds;
    throw new Refusal(
      code === 'rate-limited' ? 429 : 422,
      code,
      'This request was refused.',
      typeof retry === 'number' && retry >= 0 && Number.isFinite(retry) ? { retryAfterSeconds: Math.ceil(retry) } : {},
    );
  }

  async function send(caller: Caller, body: Record<string, unknown>): Promise<Response> {
    const channel = readChannel(body.channel);
    const locale = readLocale(body.locale);
    const replaces = body.replaces === undefined ? null : readId(body.replaces, 'replaces');
    const number = checkNumber(body.phoneNumber);
    checkPolicy(number, channel);
    // A change of number needs the phone it replaces, and a recent sign-in when the host asks: checked before a
    // message is paid for, and again when the code is verified.
    const methods = await challenges.transaction((tx) => tx.listMethods(caller.userId));
    if (replaces !== null && !methods.some((method) => method.id === replaces && method.kind === 'phone'))
      throw noneToReplace('phone');
    await registrations.requireRecent(caller, replaces ? 'replace' : 'add', methods.length === 0);
    await checkRisk({ ...caller, phoneNumber: number.phoneNumber, region: number.region, channel, kind: 'send' });
    const challenge = await challenges.start(caller, {
      number,
      channel,
      locale,
      purpose: 'enroll',
      methodId: replaces,
    });
    return respond(201, challenges.body(challenge));
  }

  async function resend(caller: Caller, id: string, body: Record<string, unknown>): Promise<Response> {
    const channel = readChannel(body.channel);
    const locale = readLocale(body.locale);
    const existing = await challenges.own(id, caller.userId, 'enroll', ['phone']);
    const number = checkNumber(existing.phoneNumber);
    checkPolicy(number, channel);
    await checkRisk({ ...caller, phoneNumber: number.phoneNumber, region: number.region, channel, kind: 'resend' });
    const challenge = await challenges.resend(caller, existing, channel, locale, number);
    return respond(200, challenges.body(challenge));
  }

  async function verify(caller: Caller, id: string, body: Record<string, unknown>): Promise<Response> {
    const code = readCode(body.code);
    await challenges.checkEnrollment(
      caller,
      id,
      code,
      ['phone'],
      (tx, challenge) =>
        registrations.registerPhone(tx, caller, challenge).then((result) => ({ ...result, challenge })),
      (registered) => tell(caller, registered),
    );
    return respond(204);
  }

  /** After the commit that registered a phone: the notice to the person, and `onVerified`. Never throws. */
  async function tell(
    caller: Caller,
    {
      method,
      replaced,
      action,
      challenge,
    }: Awaited<ReturnType<RegistrationsApi['registerPhone']>> & {
      challenge: StoredChallenge;
    },
  ): Promise<void> {
    registrations.notify(caller.userId, action, method);
    const onVerified = options.onVerified;
    if (onVerified) {
      // A notice after the commit: the registration stands whatever it does.
      const notice = Promise.resolve().then(() =>
        onVerified({
          userId: caller.userId,
          challengeId: challenge.id,
          methodId: method.id,
          replacedMethodId: replaced?.id ?? null,
          phoneNumber: challenge.phoneNumber,
          channel: phoneChannel(challenge),
          request: caller.request,
        }),
      );
      await wait(notice, 'onVerified').catch((error) =>
        options.logger.error(`[security-info] onVerified failed: ${describeError(error)}`),
      );
    }
  }

  /**
   * Whether the caller's challenge is confirmed, that is, its phone registered. A page asks this again and again
   * while a voice call waits for the person to press a key (`confirmation: 'keypress'`). This server's calls read
   * the code out (its senders deliver codes), so its challenges are confirmed by a right code at `verify`; the
   * answer is the same for them, and a backend whose calls ask for a key press answers it when the key was pressed.
   */
  async function confirmation(caller: Caller, id: string): Promise<Response> {
    const challenge = await challenges.own(id, caller.userId, 'enroll', ['phone']);
    if (challenge.verified) return respond(200, { confirmed: true });
    // No code left (its delivery failed) or out of time: this challenge will never be confirmed.
    if (!challenge.codeHash || options.clock() > challenge.expiresAt)
      throw new Refusal(410, 'code-expired', 'The challenge has expired: start again.');
    return respond(200, { confirmed: false, retryAfterSeconds: CONFIRMATION_POLL_SECONDS });
  }

  return { send, resend, verify, confirmation, checkPolicy, checkRisk };
}

export type PhoneRoutes = ReturnType<typeof createPhoneRoutes>;
