/**
 * Codes by text, call or email, from request to check, for both enrolling a method and signing in with a registered one:
 * charge the limits, create the challenge, deliver the code (withdrawing it when delivery fails), resend under a
 * growing cooldown, and check a code in one transaction that also counts the user's wrong codes.
 */
import type { Channel, CodeChannel } from '@security-info/core';
import { createCodeHasher, equalInConstantTime, randomCode, randomId } from './codes.js';
import { enrollmentRetry, type KeyedAnswer, type Retried, type UsedChallenge } from './enrollment-retry.js';
import { Refusal, type RefusalDetails } from './http.js';
import { chargeSend, refuseSend, sendCharges, type Destination, type SendRefused } from './limits.js';
import type { CheckedNumber } from './number-check.js';
import type { CheckOutcome, ResolvedOptions } from './options.js';
import {
  FAILURE_MEMORY_MS,
  KNOWN_CLIENTS,
  NO_FAILURES,
  phoneChannel,
  type FailureState,
  type StoreTransaction,
  type StoredChallenge,
  type StoredMethod,
} from './store.js';
import { DependencyTimeout, within } from './timeout.js';

/** Who is calling and from where, as the handler established it. */
export interface Caller {
  userId: string;
  client: string;
  request: Request;
  /** `user`, or `service:<name>` for the service API. */
  actor: string;
  /** The service API's caller passed no address of the person: `client` stands for every such caller. */
  unidentified?: boolean;
}

export interface NewChallenge {
  number: CheckedNumber;
  channel: Channel;
  locale: string | undefined;
  purpose: StoredChallenge['purpose'];
  methodId: string | null;
}

/** A code by email: to an address `checkEmail` normalized. */
export interface NewEmailChallenge {
  email: string;
  locale: string | undefined;
  purpose: StoredChallenge['purpose'];
  methodId: string | null;
}

/**
 * A wrong answer that says why (a passkey's assertion that failed a check): counted as a wrong code is, and
 * answered as `invalid-code` with the reason.
 */
export class Mismatch {
  constructor(
    readonly reason: NonNullable<RefusalDetails['reason']>,
    readonly message: string,
  ) {}
}

export const noSuchChallenge = () => new Refusal(404, 'code-expired', 'No such challenge: ask for a new code.');

export const methodGone = () => new Refusal(409, 'unknown', 'The method was removed while it was being checked.');

/** A change's `replaces` that names none of the person's methods of its kind (`what`: "phone", "email address"...). */
export const noneToReplace = (what: string) => new Refusal(404, 'unknown', `The ${what} to replace is not registered.`);

/**
 * A sign-in's code goes only to a method the person still has: looked up under the person's lock, in the transaction
 * that commits to the send, so that a phone or address removed (reported stolen, given up) while the send was being
 * admitted (the risk check, the limits) gets no code. A change's code (an enrollment that replaces a method) goes
 * only while the method it replaces is there: one removed since the change began (another tab, the helpdesk) would
 * make the verify fail, and the message would be paid for nothing. Answers the refusal, or nothing when the code may go.
 */
async function refuseUnregistered(tx: StoreTransaction, challenge: StoredChallenge): Promise<Refusal | undefined> {
  if (challenge.methodId === null) return undefined;
  await tx.lockUser(challenge.userId);
  const methods = await tx.listMethods(challenge.userId);
  if (methods.some((method) => method.id === challenge.methodId)) return undefined;
  if (challenge.purpose === 'sign-in') return methodGone();
  // As the send refuses a method to replace that is not there.
  return noneToReplace(challenge.kind === 'email' ? 'email address' : 'phone');
}

export function createChallenges(options: ResolvedOptions) {
  const { limits, store, clock: now } = options;
  const hasher = createCodeHasher(options.secret);
  // Keys being rotated out: a code hashed under one of them is still right until it expires.
  const previousHashers = options.previousSecrets.map((key) => createCodeHasher(key));
  const wait = <T>(work: Promise<T> | T, what: string) => within(work, options.dependencyTimeoutMs, what);
  const hash = async (id: string, code: string) => (await hasher)(id, code);
  /** The code's hash under every key, the current one first. */
  const hashesUnderEveryKey = (id: string, code: string) =>
    Promise.all([hasher, ...previousHashers].map(async (keyed) => (await keyed)(id, code)));
  /** Whether one of the hashes is the stored one: every one is compared, so the time says nothing of which. */
  const matches = (hashes: readonly Uint8Array[], stored: Uint8Array) =>
    hashes.reduce((found, candidate) => equalInConstantTime(candidate, stored) || found, false);
  /**
   * Runs `work` in one store transaction, under the store's time-out. The work goes on after a time-out, and when it
   * commits then, `late` is given its value: what follows a commit (a notice) is not left undone.
   */
  function transaction<T>(work: (tx: StoreTransaction) => Promise<T>, late?: (value: T) => void): Promise<T> {
    const committing = store.transaction(work);
    return wait(committing, 'the store').catch((error: unknown) => {
      if (late && error instanceof DependencyTimeout) void committing.then(late).catch(() => undefined);
      throw error;
    });
  }

  /** The wait before the resend after `sends` codes: 30 s, then 60, 120... */
  const cooldownAfter = (sends: number) => limits.resendAfterSeconds * 2 ** Math.max(0, sends - 1);

  /** The challenge as the contract answers it. */
  function body(challenge: StoredChallenge) {
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
    const channel = challenge.kind === 'email' ? 'email' : phoneChannel(challenge);
    const language = locale ? { locale } : {};
    try {
      await wait(
        channel === 'email'
          ? // The email route is offered only with an email sender (checked at start).
            options.emailSender!.sendEmail({ email: String(challenge.data.email), code, ...language })
          : options.sender.send({ phoneNumber: challenge.phoneNumber, channel, code, ...language }),
        'the sender',
      );
      options.metrics.codeSent({ channel, region: challenge.region, outcome: 'delivered' });
    } catch (error) {
      const outcome = error instanceof DependencyTimeout ? 'timeout' : 'failed';
      options.metrics.codeSent({ channel, region: challenge.region, outcome });
      const sentHash = challenge.codeHash;
      await transaction(async (tx) => {
        const current = await tx.getChallenge(challenge.id);
        // Only the code of this send is withdrawn: a later resend that got through keeps its own.
        if (current?.codeHash && sentHash && equalInConstantTime(current.codeHash, sentHash))
          await tx.putChallenge({ ...current, codeHash: null });
      }).catch(() => undefined);
      if (error instanceof DependencyTimeout) {
        options.logger.error('[security-info] the sender did not answer in time; the code was withdrawn');
        throw new Refusal(503, 'channel-unavailable', 'The code could not be delivered in time. Try again.');
      }
      options.logger.warn(
        `[security-info] the sender refused ${channel === 'email' ? 'an email' : `a ${channel} message`}`,
      );
      throw new Refusal(422, 'channel-unavailable', 'The code could not be delivered.');
    }
  }

  async function start(caller: Caller, request: NewChallenge | NewEmailChallenge): Promise<StoredChallenge> {
    const email = 'email' in request ? request.email : undefined;
    const destination = 'email' in request ? { email: request.email } : request.number;
    await chargeSend(options, {
      ...caller,
      purpose: request.purpose,
      ...destination,
      known: await knownAt(caller, request.purpose),
    });
    const at = now();
    const id = randomId();
    const code = randomCode(limits.codeLength);
    const challenge: StoredChallenge = {
      id,
      userId: caller.userId,
      purpose: request.purpose,
      kind: email === undefined ? 'phone' : 'email',
      phoneNumber: 'email' in request ? '' : request.number.phoneNumber,
      region: 'email' in request ? '' : request.number.region,
      channel: 'email' in request ? 'email' : request.channel,
      methodId: request.methodId,
      codeHash: await hash(id, code),
      createdAt: at,
      expiresAt: at + limits.codeTtlSeconds * 1000,
      resendAt: at + cooldownAfter(1) * 1000,
      sends: 1,
      attemptsLeft: limits.maxAttempts,
      verified: false,
      data: email === undefined ? {} : { email },
    };
    const refusal = await transaction(async (tx) => {
      const gone = await refuseUnregistered(tx, challenge);
      if (!gone) await tx.putChallenge(challenge);
      return gone;
    });
    if (refusal) throw refusal;
    await deliver(challenge, code, request.locale);
    return challenge;
  }

  /**
   * The caller's challenge of this purpose and one of these kinds, or 404 when it does not exist, is someone else's,
   * or is another kind's (an app's setup is no phone's challenge to resend).
   */
  async function own(
    id: string,
    userId: string,
    purpose: StoredChallenge['purpose'],
    kinds: readonly StoredChallenge['kind'][],
  ): Promise<StoredChallenge> {
    const challenge = await transaction((tx) => tx.getChallenge(id));
    if (!challenge || challenge.userId !== userId || challenge.purpose !== purpose || !kinds.includes(challenge.kind))
      throw noSuchChallenge();
    return challenge;
  }

  function resendRefusal(challenge: StoredChallenge, at: number): Refusal | undefined {
    if (challenge.verified) return new Refusal(409, 'unknown', 'This challenge is already verified.');
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

  /**
   * Another code for the caller's challenge, by `channel`, to its `destination` (a checked number, or `{ email }`);
   * the caller checked policy and risk before this.
   */
  async function resend(
    caller: Caller,
    existing: StoredChallenge,
    channel: CodeChannel,
    locale: string | undefined,
    destination: Destination,
  ): Promise<StoredChallenge> {
    // The same checks run again inside the transaction; these spare the work a request that cannot succeed.
    const early = resendRefusal(existing, now());
    if (early) throw early;
    const charges = sendCharges(options, {
      ...caller,
      purpose: existing.purpose,
      ...destination,
      known: await knownAt(caller, existing.purpose),
    });
    const code = randomCode(limits.codeLength);
    const codeHash = await hash(existing.id, code);
    const at = now();
    const outcome = await transaction(async (tx): Promise<StoredChallenge | Refusal | SendRefused> => {
      const current = await tx.getChallenge(existing.id);
      if (!current) return noSuchChallenge();
      const refusal = resendRefusal(current, at) ?? (await refuseUnregistered(tx, current));
      if (refusal) return refusal;
      // Charged only by the resend that happens, under the challenge's lock: resends at once spend no more than
      // the one code they send.
      const decision = await tx.consume(charges, at);
      if (!decision.allowed) return decision;
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
      await tx.putChallenge(next);
      return next;
    });
    if (outcome instanceof Refusal) throw outcome;
    if ('allowed' in outcome) return refuseSend(options, outcome, destination.region);
    await deliver(outcome, code, locale);
    return outcome;
  }

  function locked(challenge: StoredChallenge, at: number): Refusal {
    return new Refusal(429, 'too-many-attempts', 'Too many wrong codes: ask for a new one.', {
      retryAfterSeconds: Math.max(0, Math.ceil((challenge.resendAt - at) / 1000)),
    });
  }

  const userLocked = (lockedUntil: number, at: number) =>
    new Refusal(429, 'too-many-attempts', 'Too many wrong codes: wait before trying again.', {
      retryAfterSeconds: Math.ceil((lockedUntil - at) / 1000),
    });

  /** Whether a challenge still has something to check against: a code's hash, or an app's sealed secret. */
  const usable = (challenge: StoredChallenge) =>
    challenge.kind === 'authenticator-app'
      ? typeof challenge.data.secret === 'string'
      : challenge.kind === 'passkey'
        ? typeof challenge.data.challenge === 'string'
        : challenge.codeHash !== null;

  /**
   * The wrong answers in a row that a check counts in. An address where the person answered right within the last
   * 30 days is known; the known addresses share one count per person, and every other address shares another, the
   * one a person's wrong answers always had. So strangers who know a user name and guess, from one address or many,
   * make each other wait after `maxConsecutiveFailures`, as before, but not the person at an address they used
   * before; the person's right answer there leaves the strangers' count as it is; and no number of addresses adds
   * guesses: two counts of `maxConsecutiveFailures` at most, before every check waits.
   */
  interface Failures {
    state: FailureState;
    /** The count's client key: KNOWN, or '' for strangers'. */
    key: string;
  }

  /** The client key of the known addresses' count. */
  const KNOWN = KNOWN_CLIENTS;

  /**
   * Whether a caller's client can be known: an address, not the service API's stand-in when the sign-in service
   * passed none (every caller without one would share it).
   */
  const identified = (caller: Caller) => !caller.unidentified && caller.client !== KNOWN;

  /** Whether a client's row says the person answered right there in the last 30 days. */
  const isKnown = (own: FailureState, at: number) => (own.lastSuccessAt ?? 0) > at - FAILURE_MEMORY_MS;

  async function readFailures(tx: StoreTransaction, caller: Caller, at: number): Promise<Failures> {
    if (identified(caller) && isKnown(await tx.getFailures(caller.userId, caller.client), at))
      return { state: await tx.getFailures(caller.userId, KNOWN), key: KNOWN };
    return { state: await tx.getFailures(caller.userId), key: '' };
  }

  /** Whether the caller's client is one where the person answered right in the last 30 days. */
  async function knownClient(caller: Caller): Promise<boolean> {
    if (!identified(caller)) return false;
    const at = now();
    return transaction(async (tx) => isKnown(await tx.getFailures(caller.userId, caller.client), at));
  }

  /** For a sign-in's send, whether the caller's client is known (limits.ts); an enrollment's never asks. */
  const knownAt = async (caller: Caller, purpose: StoredChallenge['purpose']) =>
    purpose === 'sign-in' && (await knownClient(caller));

  /**
   * Counts a wrong answer; past `maxConsecutiveFailures` each one starts a wait twice as long as the one before.
   * Answers the end of that wait, or 0, and how many wrong answers remain before one begins.
   */
  async function countFailure(tx: StoreTransaction, caller: Caller, { state, key }: Failures, at: number) {
    const count = state.count + 1;
    const over = count - limits.maxConsecutiveFailures;
    const lockedUntil = over >= 0 ? at + limits.failureLockoutSeconds * 1000 * 2 ** Math.min(over, 20) : 0;
    await tx.putFailures(caller.userId, { ...state, count, lockedUntil, lastFailureAt: at }, key);
    return { lockedUntil, remaining: limits.maxConsecutiveFailures - count };
  }

  /**
   * A right answer ends the run it ended (NIST counts consecutive failures) and, when `remember`, makes the address
   * known. Security questions' answers do neither at a stranger's address: they can be found out.
   */
  async function clearFailures(
    tx: StoreTransaction,
    caller: Caller,
    { state, key }: Failures,
    at: number,
    remember: boolean,
  ) {
    if (remember && identified(caller))
      await tx.putFailures(caller.userId, { ...NO_FAILURES, lastSuccessAt: at }, caller.client);
    // Nor does such an answer end strangers' run: it would give a stranger who found the answers more guesses.
    if (state.count > 0 && (remember || key === KNOWN)) await tx.putFailures(caller.userId, NO_FAILURES, key);
  }

  /** A retry answered as its first attempt was (`again`) checked a code used already: reported as `used`. */
  type Outcome<T> = { ok: true; value: T; again?: true } | { ok: false; refusal: Refusal; outcome: CheckOutcome };
  const refuse = (refusal: Refusal, outcome: CheckOutcome = 'locked') => ({ ok: false as const, refusal, outcome });

  /** Reports the outcome, and answers its value or throws its refusal. */
  function settle<T>(purpose: StoredChallenge['purpose'], outcome: Outcome<T>): T {
    const reported = outcome.ok ? (outcome.again ? 'used' : 'verified') : outcome.outcome;
    options.metrics.codeChecked({ purpose, outcome: reported });
    if (!outcome.ok) throw outcome.refusal;
    return outcome.value;
  }

  /**
   * Checks an answer to a challenge in one transaction: the challenge, the user's wrong-answer count, and, for a
   * right answer, whatever `onRight` writes (a registration, a last-used time) commit together or not at all. A
   * wrong answer is counted for the challenge and for the user. `match` tells a right answer (and what it learned,
   * such as an app's time step) from a wrong one (`null`); only challenges of `kinds` are looked at. `used` says what
   * a used challenge keeps and how it answers a retry; without it, nothing of the answer is kept and none is retried.
   */
  async function checkChallenge<M, T>(
    caller: Caller,
    id: string,
    purpose: StoredChallenge['purpose'],
    kinds: readonly StoredChallenge['kind'][],
    match: (challenge: StoredChallenge) => Promise<M | null>,
    onRight: (tx: StoreTransaction, challenge: StoredChallenge, matched: M) => Promise<T>,
    used?: UsedChallenge<T>,
  ): Promise<T> {
    const at = now();
    const committing = async (tx: StoreTransaction): Promise<Outcome<T>> => {
      const current = await tx.getChallenge(id);
      if (!current || current.userId !== caller.userId || current.purpose !== purpose || !kinds.includes(current.kind))
        return refuse(noSuchChallenge(), 'not-found');
      const failures = await readFailures(tx, caller, at);
      const waiting = failures.state.lockedUntil > at;
      if (current.verified) {
        // A retry is neither a right answer nor a wrong one: it changes no count, and writes nothing. It is known
        // before the lock is looked at, since wrong codes counted after the right one cannot take back what that one
        // registered; and it tests nothing: only the answer accepted already, on this used challenge, is one.
        const value = used && (await used.again(tx, current, at));
        if (value) return { ok: true, value, again: true };
        if (waiting) return refuse(userLocked(failures.state.lockedUntil, at));
        return refuse(new Refusal(409, 'unknown', 'This code was used already.'), 'used');
      }
      if (waiting) return refuse(userLocked(failures.state.lockedUntil, at));
      if (!usable(current) || at > current.expiresAt)
        return refuse(new Refusal(410, 'code-expired', 'The code has expired.'), 'expired');
      if (current.attemptsLeft <= 0) return refuse(locked(current, at));
      const matched = await match(current);
      if (matched !== null) {
        // Used up, with nothing of its answer kept; or, where a retry is answered, with what the retry is known by,
        // once `onRight` told what it registered (the row is locked since it was read, so the write can wait).
        if (!used) await tx.putChallenge({ ...current, verified: true, codeHash: null });
        await clearFailures(tx, caller, failures, at, true);
        const value = await onRight(tx, current, matched);
        if (used) await tx.putChallenge(used.keep(current, value));
        return { ok: true, value };
      }
      const next = { ...current, attemptsLeft: current.attemptsLeft - 1 };
      await tx.putChallenge(next);
      const { lockedUntil } = await countFailure(tx, caller, failures, at);
      // A wrong code is counted as one, whether or not it also locks.
      if (lockedUntil) return refuse(userLocked(lockedUntil, at), 'invalid-code');
      return refuse(
        next.attemptsLeft > 0
          ? new Refusal(422, 'invalid-code', 'The code is not right.', { attemptsRemaining: next.attemptsLeft })
          : locked(next, at),
        'invalid-code',
      );
    };
    // A registration committed after the time-out is not left untold.
    const outcome = await transaction(committing, (late) => {
      if (used && late.ok && !late.again) used.late(late.value);
    });
    return settle(purpose, outcome);
  }

  /** Checks a code that was sent (its keyed hash is the challenge's), as `checkChallenge` does; a phone's by default. */
  async function check<T>(
    caller: Caller,
    id: string,
    purpose: StoredChallenge['purpose'],
    code: string,
    onRight: (tx: StoreTransaction, challenge: StoredChallenge) => Promise<T>,
    kinds: readonly StoredChallenge['kind'][] = ['phone'],
  ): Promise<T> {
    const typed = await typedCode(id, code);
    return checkChallenge(
      caller,
      id,
      purpose,
      kinds,
      async (challenge) => (typed.heldBy(challenge) ? true : null),
      (tx, challenge) => onRight(tx, challenge),
    );
  }

  /** An answer to challenge `id` as given, kept only as its keyed hashes (`KeyedAnswer`). */
  async function keyedAnswer(id: string, answer: string): Promise<KeyedAnswer> {
    const hashes = await hashesUnderEveryKey(id, answer);
    return {
      hashes,
      heldBy: (challenge: StoredChallenge) => !!challenge.codeHash && matches(hashes, challenge.codeHash),
    };
  }

  /** A code as typed, spaces and hyphens aside, as a `KeyedAnswer`. */
  const typedCode = (id: string, code: string) => keyedAnswer(id, code.replace(/[\s-]/g, ''));

  /**
   * Checks an enrollment's code, as `check` does, registering the method with `register` in the transaction that uses
   * the code up; and answers a retry of a verify that succeeded (its answer lost to a time-out, a dropped connection)
   * as that verify was answered, so that a person enrolled is not told it failed (`enrollmentRetry`: the used
   * challenge keeps the code's keyed hash, never the code, and the id of the method registered, until it expires).
   * `tell` is given the registration once it is committed (a notice, the host's hook), never for a retry; and when
   * that first commit came after its time-out, which answered 503 before anyone could be told, when the commit comes.
   *
   * A code that no hash holds (an authenticator app's, right for a time step) is told right by `match`, whose value
   * `register` is given. The used challenge then keeps the keyed hash of the code that was typed, as a sent code's is
   * kept: a retry is that code again, never another code the app shows, though it would have been right; and the
   * app's sealed secret is dropped, since the registration holds it from then on.
   */
  async function checkEnrollment<T extends { method: StoredMethod }, M = true>(
    caller: Caller,
    id: string,
    code: string,
    kinds: readonly StoredChallenge['kind'][],
    register: (tx: StoreTransaction, challenge: StoredChallenge, matched: M) => Promise<T>,
    tell: (registered: T) => unknown,
    match?: (challenge: StoredChallenge) => Promise<M | null>,
  ): Promise<void> {
    const typed = await typedCode(id, code);
    const registered = await checkChallenge<M, T | Retried>(
      caller,
      id,
      'enroll',
      kinds,
      match ?? (async (challenge) => (typed.heldBy(challenge) ? (true as M) : null)),
      register,
      enrollmentRetry(caller.userId, typed, tell),
    );
    if (!('retried' in registered)) await tell(registered);
  }

  /**
   * Checks an answer that no challenge holds (a registered authenticator app's code at sign-in) in one transaction,
   * under the user's wrong-answer count and lock, as codes are: `match` reads what it needs in the transaction and
   * answers `null` for a wrong answer (or a `Mismatch` that says why); `onRight` writes what a right one changes.
   */
  async function checkUser<M, T>(
    caller: Caller,
    match: (tx: StoreTransaction) => Promise<M | Mismatch | null>,
    onRight: (tx: StoreTransaction, matched: M) => Promise<T>,
    { remember = true }: { remember?: boolean } = {},
  ): Promise<T> {
    const at = now();
    const outcome = await transaction(async (tx): Promise<Outcome<T>> => {
      const failures = await readFailures(tx, caller, at);
      if (failures.state.lockedUntil > at) return refuse(userLocked(failures.state.lockedUntil, at));
      const matched = await match(tx);
      if (matched !== null && !(matched instanceof Mismatch)) {
        await clearFailures(tx, caller, failures, at, remember);
        return { ok: true, value: await onRight(tx, matched) };
      }
      // No challenge to count down: what remains is the caller's, before the wait begins.
      const { lockedUntil, remaining: attemptsRemaining } = await countFailure(tx, caller, failures, at);
      const why = matched instanceof Mismatch ? matched : undefined;
      return refuse(
        lockedUntil
          ? userLocked(lockedUntil, at)
          : new Refusal(422, 'invalid-code', why?.message ?? 'The code is not right.', {
              attemptsRemaining,
              ...(why ? { reason: why.reason } : {}),
            }),
        'invalid-code',
      );
    });
    return settle('sign-in', outcome);
  }

  /**
   * Refuses, before any slow hashing, a check of the person's answers while their wrong answers make them wait (the
   * count `checkUser` reads, and reads again): guesses at a locked person cost the service no hash.
   */
  async function refuseWhileLocked(caller: Caller): Promise<void> {
    const at = now();
    const { lockedUntil } = (await transaction((tx) => readFailures(tx, caller, at))).state;
    if (lockedUntil > at) settle('sign-in', refuse(userLocked(lockedUntil, at)));
  }

  return {
    start,
    own,
    resend,
    check,
    checkEnrollment,
    checkChallenge,
    keyedAnswer,
    checkUser,
    refuseWhileLocked,
    knownClient,
    body,
    transaction,
  };
}

export type Challenges = ReturnType<typeof createChallenges>;
