/**
 * The authenticator app (RFC 6238): a new secret for the person to add to their app, kept sealed in a challenge
 * until a code of the app proves it was added; then the registration keeps it sealed, with the last time step
 * accepted so that no code works twice, and the service API checks the app's codes at sign-in. The secret leaves
 * the server once, in the answer that starts the setup. Wrong codes count in the same limits as a phone's.
 */
import { methodServes } from '@security-info/core';
import { base32Encode } from '@security-info/core';
import { noneToReplace, type Caller, type Challenges } from './challenges.js';
import { randomId } from './codes.js';
import { Refusal, respond } from './http.js';
import { requireAllowed } from './limits.js';
import type { ResolvedOptions } from './options.js';
import { readCode, readId } from './phone-routes.js';
import { notFound, type RegistrationsApi } from './registrations.js';
import { SealError, createSecretBox } from './secret-box.js';
import type { RateCharge, StoredChallenge, StoredMethod } from './store.js';
import { within } from './timeout.js';
import { APP_TOTP, findStep } from './totp.js';

/** How long a person has to add the account to their app and type its first code. */
export const APP_SETUP_SECONDS = 10 * 60;
/** 160 bits: RFC 4226's recommended length for an HMAC-SHA-1 secret. */
const SECRET_BYTES = 20;

// A UTF-16 surrogate without its pair (a display name cut in the middle of a character): encodeURIComponent throws.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as URI components can carry it: a lone surrogate becomes U+FFFD, as `String.prototype.toWellFormed` does. */
export const wellFormed = (text: string) => text.replace(LONE_SURROGATE, '\uFFFD');

/** The longest URI the contract lets a setup answer (what a QR code people scan holds): clients refuse a longer one. */
export const MAX_OTPAUTH_URI = 2048;
const ELLIPSIS = '\u2026';

/** The characters a person sees, a combined emoji or an accented letter whole, where the runtime can tell them. */
function graphemes(text: string): Iterable<string> {
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (!Segmenter) return text;
  return Array.from(new Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (part) => part.segment);
}

/** At most `max` UTF-16 units of `text`, cut between the characters a person sees, never inside one. */
export function cutWhole(text: string, max: number): string {
  let kept = '';
  for (const part of graphemes(wellFormed(text.slice(0, max + 1)))) {
    if (kept.length + part.length > max) break;
    kept += part;
  }
  return kept;
}

/**
 * `text` percent-encoded in at most `room` characters: whole, or its beginning and an ellipsis. An account label is
 * the host's (a display name, an address, a user id of up to 512 characters), and a URI longer than the contract
 * allows is a setup no client takes.
 */
function encodeWithin(text: string, room: number): string {
  const whole = encodeURIComponent(text);
  if (whole.length <= room) return whole;
  const limit = room - encodeURIComponent(ELLIPSIS).length;
  let kept = '';
  let length = 0;
  // Each character takes one encoded character at least: what lies past `room` cannot be kept (a pair cut there
  // becomes U+FFFD, which is not kept either).
  for (const part of graphemes(wellFormed(text.slice(0, room)))) {
    const encoded = encodeURIComponent(part);
    if (length + encoded.length > limit) break;
    kept += encoded;
    length += encoded.length;
  }
  return kept + encodeURIComponent(ELLIPSIS);
}

/**
 * `otpauth://totp/Issuer:label?secret=…&issuer=…`, the Key URI format apps read from a QR code, in at most
 * {@link MAX_OTPAUTH_URI} characters: a label too long for them is shortened, with an ellipsis.
 */
export function otpauthUri(issuer: string, label: string, secret: string): string {
  const encodedIssuer = encodeURIComponent(wellFormed(issuer));
  const { algorithm, digits, periodSeconds } = APP_TOTP;
  const path = `otpauth://totp/${encodedIssuer}:`;
  const query =
    `?secret=${secret}&issuer=${encodedIssuer}` + `&algorithm=${algorithm}&digits=${digits}&period=${periodSeconds}`;
  return path + encodeWithin(wellFormed(label), MAX_OTPAUTH_URI - path.length - query.length) + query;
}

export function createAppRoutes(options: ResolvedOptions, challenges: Challenges, registrations: RegistrationsApi) {
  const { limits, clock: now } = options;
  const box = createSecretBox(options.secret, options.previousSecrets);
  // A sealed secret opens only for the user it was sealed for: one copied onto another person's row does not.
  const sealedFor = (userId: string) => `authenticator-app:${userId}`;

  function checkPolicy(): void {
    const offered = options.policy.methods.some(
      (method) =>
        method.id === 'authenticator-app' && method.purposes.some((p) => methodServes('authenticator-app', p)),
    );
    if (!offered) throw new Refusal(422, 'unknown', 'Authenticator apps are not allowed by the policy.');
  }

  /** A setup writes a row: it counts in the user's and the client's send limits, so no one can fill the store. */
  async function chargeSetup(caller: Caller): Promise<void> {
    const charges: RateCharge[] = [
      { key: `user:${caller.userId}`, windows: limits.sendsPerUser },
      { key: `client:${caller.client}`, windows: limits.sendsPerClient },
    ];
    const at = now();
    requireAllowed(await challenges.transaction((tx) => tx.consume(charges, at)), 'Too many setups were started.');
  }

  /**
   * The secret in plain bytes, and sealed under the current key: what a previous key sealed is sealed again, so a
   * secret in use moves to the new key while the old one is still given.
   */
  async function open(sealed: unknown, userId: string): Promise<{ plain: Uint8Array; sealed: string }> {
    try {
      const opened = await box.open(String(sealed), sealedFor(userId));
      return {
        plain: opened.plain,
        sealed: opened.current ? String(sealed) : await box.seal(opened.plain, sealedFor(userId)),
      };
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      options.logger.error(
        '[security-info] an authenticator app secret did not open: was the secret it was sealed under dropped?',
      );
      throw new Refusal(409, 'unknown', 'This authenticator app can no longer be checked: set it up again.');
    }
  }

  async function start(caller: Caller, body: Record<string, unknown>): Promise<Response> {
    checkPolicy();
    const replaces = body.replaces === undefined ? null : readId(body.replaces, 'replaces');
    // A change of app needs the app it replaces, and a recent sign-in when the host asks: checked now, and again
    // when the first code is verified.
    const methods = await challenges.transaction((tx) => tx.listMethods(caller.userId));
    if (replaces !== null && !methods.some((method) => method.id === replaces && method.kind === 'authenticator-app'))
      throw noneToReplace('authenticator app');
    await registrations.requireRecent(caller, replaces ? 'replace' : 'add', methods.length === 0);
    await chargeSetup(caller);
    const label = await within(options.accountLabel(caller.userId), options.dependencyTimeoutMs, 'accountLabel');
    if (typeof label !== 'string' || label.trim() === '') throw new Error('accountLabel answered no name');
    const secret = crypto.getRandomValues(new Uint8Array(SECRET_BYTES));
    const at = now();
    const challenge: StoredChallenge = {
      id: randomId(),
      userId: caller.userId,
      purpose: 'enroll',
      kind: 'authenticator-app',
      phoneNumber: '',
      region: '',
      channel: 'sms',
      methodId: replaces,
      codeHash: null,
      createdAt: at,
      expiresAt: at + APP_SETUP_SECONDS * 1000,
      // Nothing to resend: a person whose setup locked starts another at once.
      resendAt: at,
      sends: 0,
      attemptsLeft: limits.maxAttempts,
      verified: false,
      data: { secret: await box.seal(secret, sealedFor(caller.userId)) },
    };
    await challenges.transaction((tx) => tx.putChallenge(challenge));
    const encoded = base32Encode(secret);
    return respond(201, {
      challengeId: challenge.id,
      otpauthUri: otpauthUri(options.totpIssuer, label.trim(), encoded),
      secret: encoded,
      codeLength: APP_TOTP.digits,
      expiresInSeconds: APP_SETUP_SECONDS,
    });
  }

  /**
   * The first code of the app: right, it registers the app (replacing `replaces`) in the same transaction. The same
   * code sent again, its answer lost, is answered as it was (`checkEnrollment`); any other code of the app, though
   * right for its step, is refused as a used one.
   */
  async function verify(caller: Caller, id: string, body: Record<string, unknown>): Promise<Response> {
    const code = readCode(body.code);
    checkPolicy();
    const at = now();
    const tell = registrations.tellFor(caller.userId);
    await challenges.checkEnrollment(
      caller,
      id,
      code,
      ['authenticator-app'],
      // The used setup forgets its secret (`checkEnrollment` drops it): from now on only the registration holds it.
      (tx, challenge, { step, sealed }: { step: number; sealed: string }) =>
        registrations.registerMethod(tx, caller, {
          kind: 'authenticator-app',
          replaces: challenge.methodId,
          fields: { phoneNumber: null, channel: null, data: { secret: sealed, lastStep: step } },
        }),
      tell,
      async (challenge) => {
        const secret = await open(challenge.data.secret, caller.userId);
        const step = await findStep(secret.plain, code, at);
        return step === null ? null : { step, sealed: secret.sealed };
      },
    );
    return respond(204);
  }

  /**
   * A sign-in check of a registered app (the service API): a code of the current step or one either side, after
   * the last one accepted; a right one moves `lastStep` on and sets the last use, a wrong or replayed one counts in
   * the user's limits.
   */
  async function verifyRegistered(caller: Caller, methodId: string, body: Record<string, unknown>) {
    const code = readCode(body.code);
    checkPolicy();
    const at = now();
    return challenges.checkUser(
      caller,
      async (tx) => {
        await tx.lockUser(caller.userId);
        const method = (await tx.listMethods(caller.userId)).find(
          (candidate) => candidate.id === methodId && candidate.kind === 'authenticator-app',
        );
        if (!method) throw notFound();
        const secret = await open(method.data.secret, caller.userId);
        const lastStep = typeof method.data.lastStep === 'number' ? method.data.lastStep : null;
        const step = await findStep(secret.plain, code, at, { after: lastStep });
        return step === null ? null : { method, step, sealed: secret.sealed };
      },
      async (tx, { method, step, sealed }: { method: StoredMethod; step: number; sealed: string }) => {
        await tx.putMethod({ ...method, lastUsedAt: at, data: { ...method.data, secret: sealed, lastStep: step } });
        return { verified: true as const, methodId: method.id };
      },
    );
  }

  return { start, verify, verifyRegistered };
}

export type AppRoutes = ReturnType<typeof createAppRoutes>;
