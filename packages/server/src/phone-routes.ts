/**
 * The phone routes: send a code, resend it, verify it. Each challenge belongs to the user who asked for it; another
 * user's resend or verify is answered as if it did not exist.
 */
import { channelsFor, isCountryAllowed, methodServes, type Channel } from '@security-info/core';
import { createCodeHasher, equalInConstantTime, randomCode, randomId } from './codes.js';
import { Refusal, badRequest, respond } from './http.js';
import { chargeSend } from './limits.js';
import { checkChannelForType, checkNumber, type CheckedNumber } from './number-check.js';
import type { ResolvedOptions, RiskContext } from './options.js';
import { DependencyTimeout, within } from './timeout.js';
import type { StoredChallenge } from './store.js';

const CHANNELS: readonly string[] = ['sms', 'voice'];
const LOCALE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/;

/** Who is calling and from where, as the handler established it. */
export interface Caller {
  userId: string;
  client: string;
  request: Request;
}

const notFound = () => new Refusal(404, 'code-expired', 'No such challenge: ask for a new code.');

function readChannel(value: unknown): Channel {
  if (typeof value !== 'string' || !CHANNELS.includes(value)) throw badRequest('channel must be "sms" or "voice".');
  return value as Channel;
}

function readLocale(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !LOCALE.test(value)) throw badRequest('locale must be a language tag such as "nl".');
  return value;
}

export function createPhoneRoutes(options: ResolvedOptions) {
  const { limits, policy, store, clock: now } = options;
  const hasher = createCodeHasher(options.secret);
  const wait = <T>(work: Promise<T> | T, what: string) => within(work, options.dependencyTimeoutMs, what);
  const hash = async (id: string, code: string) => (await hasher)(id, code);

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

  /** The wait before the resend after `sends` codes: 30 s, then 60, 120... */
  const cooldownAfter = (sends: number) => limits.resendAfterSeconds * 2 ** Math.max(0, sends - 1);

  function challengeBody(challenge: StoredChallenge) {
    return {
      challengeId: challenge.id,
      codeLength: limits.codeLength,
      expiresInSeconds: Math.max(0, Math.ceil((challenge.expiresAt - now()) / 1000)),
      resendInSeconds: Math.max(0, Math.ceil((challenge.resendAt - now()) / 1000)),
      confirmation: 'code' as const,
    };
  }

  /** Hands the code to the sender; when it is not delivered, no usable code may remain. */
  async function deliver(challenge: StoredChallenge, code: string, locale: string | undefined): Promise<void> {
    try {
      await wait(
        options.sender.send({
          phoneNumber: challenge.phoneNumber,
          channel: challenge.channel,
          code,
          ...(locale ? { locale } : {}),
        }),
        'the sender',
      );
    } catch (error) {
      const sentHash = challenge.codeHash;
      await wait(
        store.update(challenge.id, (current) => ({
          // Only the code of this send is withdrawn: a later resend that got through keeps its own.
          next:
            sentHash && current.codeHash && equalInConstantTime(current.codeHash, sentHash)
              ? { ...current, codeHash: null }
              : current,
          result: true,
        })),
        'the store',
      ).catch(() => undefined);
      if (error instanceof DependencyTimeout) {
        options.logger.error('[security-info] the sender did not answer in time; the code was withdrawn');
        throw new Refusal(503, 'channel-unavailable', 'The code could not be delivered in time. Try again.');
      }
      options.logger.warn(`[security-info] the sender refused a ${challenge.channel} message`);
      throw new Refusal(422, 'channel-unavailable', 'The code could not be delivered.');
    }
  }

  /** The caller's challenge, or 404 when it does not exist or is someone else's. */
  async function own(id: string, caller: Caller): Promise<StoredChallenge> {
    const challenge = await wait(store.get(id), 'the store');
    if (!challenge || challenge.userId !== caller.userId) throw notFound();
    return challenge;
  }

  async function send(caller: Caller, body: Record<string, unknown>): Promise<Response> {
    const channel = readChannel(body.channel);
    const locale = readLocale(body.locale);
    const number = checkNumber(body.phoneNumber);
    checkPolicy(number, channel);
    await checkRisk({ ...caller, phoneNumber: number.phoneNumber, region: number.region, channel, kind: 'send' });
    await wait(chargeSend(options, { ...caller, ...number }), 'the store');
    const at = now();
    const id = randomId();
    const code = randomCode(limits.codeLength);
    const challenge: StoredChallenge = {
      id,
      userId: caller.userId,
      phoneNumber: number.phoneNumber,
      region: number.region,
      channel,
      codeHash: await hash(id, code),
      createdAt: at,
      expiresAt: at + limits.codeTtlSeconds * 1000,
      resendAt: at + cooldownAfter(1) * 1000,
      sends: 1,
      attemptsLeft: limits.maxAttempts,
      claimedUntil: 0,
      verified: false,
    };
    await wait(store.create(challenge), 'the store');
    await deliver(challenge, code, locale);
    return respond(201, challengeBody(challenge));
  }

  async function resend(caller: Caller, id: string, body: Record<string, unknown>): Promise<Response> {
    const channel = readChannel(body.channel);
    const locale = readLocale(body.locale);
    const existing = await own(id, caller);
    const number = checkNumber(existing.phoneNumber);
    checkPolicy(number, channel);
    // The same checks run again inside the atomic update; these spare the limits a request that cannot succeed.
    const early = resendRefusal(existing, now());
    if (early) throw early;
    await checkRisk({ ...caller, phoneNumber: number.phoneNumber, region: number.region, channel, kind: 'resend' });
    await wait(chargeSend(options, { ...caller, ...number }), 'the store');
    const code = randomCode(limits.codeLength);
    const codeHash = await hash(id, code);
    const at = now();
    const outcome = await wait(
      store.update<StoredChallenge | Refusal>(id, (current) => {
        const refusal = resendRefusal(current, at);
        if (refusal) return { next: current, result: refusal };
        const sends = current.sends + 1;
        const next: StoredChallenge = {
          ...current,
          channel,
          codeHash,
          expiresAt: at + limits.codeTtlSeconds * 1000,
          resendAt: at + cooldownAfter(sends) * 1000,
          sends,
          attemptsLeft: limits.maxAttempts,
        };
        return { next, result: next };
      }),
      'the store',
    );
    if (!outcome) throw notFound();
    if (outcome instanceof Refusal) throw outcome;
    await deliver(outcome, code, locale);
    return respond(200, challengeBody(outcome));
  }

  function resendRefusal(challenge: StoredChallenge, at: number): Refusal | undefined {
    if (challenge.verified) return new Refusal(409, 'unknown', 'This number is already verified.');
    if (at > challenge.expiresAt) return new Refusal(410, 'code-expired', 'The challenge has expired: start again.');
    if (challenge.sends >= limits.maxSendsPerChallenge)
      return new Refusal(429, 'rate-limited', 'No more codes for this challenge: start again.', {
        retryAfterSeconds: Math.max(1, Math.ceil((challenge.expiresAt - at) / 1000)),
      });
    const cooldown = Math.ceil((challenge.resendAt - at) / 1000);
    if (cooldown > 0)
      return new Refusal(429, 'rate-limited', 'Wait before asking for another code.', { retryAfterSeconds: cooldown });
    return undefined;
  }

  /** Refuses verification while the user is waiting out too many consecutive wrong codes. */
  async function checkUserLock(userId: string): Promise<void> {
    const at = now();
    const lockedUntil = await wait(
      store.updateFailures(userId, (current) => ({ next: current, result: current.lockedUntil })),
      'the store',
    );
    if (lockedUntil > at) {
      throw new Refusal(429, 'too-many-attempts', 'Too many wrong codes: wait before trying again.', {
        retryAfterSeconds: Math.ceil((lockedUntil - at) / 1000),
      });
    }
  }

  /** Counts a wrong code for the user; past the cap, each one starts a wait twice as long as the one before. */
  async function countFailure(userId: string): Promise<number | undefined> {
    const at = now();
    return wait(
      store.updateFailures(userId, (current) => {
        const count = current.count + 1;
        const over = count - limits.maxConsecutiveFailures;
        const lockedUntil = over >= 0 ? at + limits.failureLockoutSeconds * 1000 * 2 ** Math.min(over, 20) : 0;
        return { next: { count, lockedUntil, lastFailureAt: at }, result: over >= 0 ? lockedUntil : undefined };
      }),
      'the store',
    );
  }

  type Verdict = { ok: true; challenge: StoredChallenge } | { ok: false; refusal: Refusal; wrong?: boolean };

  async function verify(caller: Caller, id: string, body: Record<string, unknown>): Promise<Response> {
    if (typeof body.code !== 'string' || body.code.length > 32) throw badRequest('code must be a string of digits.');
    const code = body.code.replace(/[\s-]/g, '');
    await own(id, caller);
    await checkUserLock(caller.userId);
    const codeHash = await hash(id, code);
    const at = now();
    const lease = at + options.dependencyTimeoutMs + 1000;
    const verdict = await wait(
      store.update<Verdict>(id, (current) => {
        const keep = (refusal: Refusal) => ({ next: current, result: { ok: false as const, refusal } });
        if (current.userId !== caller.userId) return keep(notFound());
        if (current.verified) return keep(new Refusal(409, 'unknown', 'This number is already verified.'));
        if (current.claimedUntil > at) return keep(new Refusal(409, 'unknown', 'This code is being verified already.'));
        if (!current.codeHash || at > current.expiresAt)
          return keep(new Refusal(410, 'code-expired', 'The code has expired.'));
        if (current.attemptsLeft <= 0) return keep(locked(current, at));
        if (equalInConstantTime(codeHash, current.codeHash)) {
          return { next: { ...current, claimedUntil: lease }, result: { ok: true as const, challenge: current } };
        }
        const next = { ...current, attemptsLeft: current.attemptsLeft - 1 };
        const refusal =
          next.attemptsLeft > 0
            ? new Refusal(422, 'invalid-code', 'The code is not right.', { attemptsRemaining: next.attemptsLeft })
            : locked(next, at);
        return { next, result: { ok: false as const, refusal, wrong: true } };
      }),
      'the store',
    );
    if (!verdict) throw notFound();
    if (!verdict.ok) {
      if (verdict.wrong) {
        const lockedUntil = await countFailure(caller.userId);
        if (lockedUntil !== undefined)
          throw new Refusal(429, 'too-many-attempts', 'Too many wrong codes: wait before trying again.', {
            retryAfterSeconds: Math.ceil((lockedUntil - at) / 1000),
          });
      }
      throw verdict.refusal;
    }
    const { challenge } = verdict;
    try {
      await wait(
        options.onVerified?.({
          userId: caller.userId,
          challengeId: challenge.id,
          phoneNumber: challenge.phoneNumber,
          channel: challenge.channel,
          request: caller.request,
        }),
        'onVerified',
      );
    } catch (error) {
      // Registration and verification succeed or fail together: the code stays usable for a retry.
      await wait(
        store.update(id, (current) => ({ next: { ...current, claimedUntil: 0 }, result: true })),
        'the store',
      ).catch(() => undefined);
      options.logger.error(
        `[security-info] onVerified ${error instanceof DependencyTimeout ? 'timed out' : 'failed'}; the code stays usable`,
      );
      throw new Refusal(503, 'unknown', 'The number could not be registered. Try again.');
    }
    await wait(
      store.update(id, (current) => ({
        next: { ...current, verified: true, codeHash: null, claimedUntil: 0 },
        result: true,
      })),
      'the store',
    );
    await wait(
      store.updateFailures(caller.userId, () => ({
        next: { count: 0, lockedUntil: 0, lastFailureAt: 0 },
        result: true,
      })),
      'the store',
    );
    return respond(204);
  }

  function locked(challenge: StoredChallenge, at: number): Refusal {
    return new Refusal(429, 'too-many-attempts', 'Too many wrong codes: ask for a new one.', {
      retryAfterSeconds: Math.max(0, Math.ceil((challenge.resendAt - at) / 1000)),
    });
  }

  return { send, resend, verify };
}
