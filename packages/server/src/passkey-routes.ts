/**
 * Passkeys (WebAuthn, through `@simplewebauthn/server`): a person registers one from their page, and the service API
 * checks one at sign-in. Each ceremony's random challenge is kept server-side in a challenge of kind `passkey`, bound
 * to the user, for five minutes, and used once: the first answer claims it, right or wrong; only a registration that
 * succeeded is answered again, to the same answer sent again (its answer lost). A registration keeps the
 * credential's id, public key, signature counter, transports and backed-up flag, with the name the person gave it;
 * a credential is one person's, whoever registered it first. Answers that fail a check are refused as `invalid-code`
 * with a `reason` (`PasskeyFailureReason`); at sign-in they count in the user's limits as wrong codes do.
 */
import { passkeyName, PASSKEY_NAME_MAX, type PasskeyFailureReason, type Registrations } from '@security-info/core';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { decodeCredentialPublicKey } from '@simplewebauthn/server/helpers';
import { createHmac, createPublicKey, type JsonWebKey } from 'node:crypto';
import { cutWhole } from './app-routes.js';
import { Mismatch, noSuchChallenge, type Caller, type Challenges } from './challenges.js';
import { randomId } from './codes.js';
import { enrollmentRetry, type EnrollmentRetry, type Retried } from './enrollment-retry.js';
import { Refusal, badRequest, respond } from './http.js';
import { requireAllowed, signInBudget } from './limits.js';
import type { RelyingParty, ResolvedOptions } from './options.js';
import { readId } from './phone-routes.js';
import type { RegistrationsApi } from './registrations.js';
import type { RateCharge, StoreTransaction, StoredChallenge, StoredMethod } from './store.js';
import { within } from './timeout.js';

/** How long a ceremony's challenge lives: the browser's dialog, and the person reaching for their authenticator. */
export const PASSKEY_CHALLENGE_SECONDS = 5 * 60;
/**
 * The largest body a passkey's answer may come in: an RSA key (Windows Hello) is sent three times over in the JSON
 * form browsers make (attestation object, authenticator data, public key), well over the other routes' 2 KB.
 */
export const PASSKEY_BODY_BYTES = 16 * 1024;
/** The name of a passkey registered without one. */
export const DEFAULT_PASSKEY_NAME = 'Passkey';
/**
 * The most passkeys a person may have. A passkey costs its maker nothing (attestation is not asked for, so any key
 * will do), and each one's credential id, up to 1,023 bytes, goes out in every later ceremony's options: without a
 * cap, a session could add them for ever and make the person's options, list and rows grow without end.
 */
export const MAX_PASSKEYS = 20;
const BASE64URL = /^[A-Za-z0-9_-]{1,2048}$/;
/**
 * The key algorithms offered and taken (COSE): EdDSA, ES256 and RS256, on every runtime. The library adds ML-DSA-44
 * where the runtime has it (Node 24): its keys and 2,420-byte signatures outgrow the fields' 2,048 characters, so a
 * passkey of it would register and never sign in.
 */
const ALGORITHMS = [-8, -7, -257];
const TRANSPORTS: readonly string[] = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'];

/** A passkey's name as a person typed it, by core's rule (`passkeyName`). A 400 says what is wrong. */
export function readPasskeyName(value: unknown): string {
  const name = passkeyName(value);
  if (name === undefined)
    throw badRequest(
      `name must be 1 to ${PASSKEY_NAME_MAX} characters after trimming, something visible, without control characters.`,
    );
  return name;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isBase64url = (value: unknown): value is string => typeof value === 'string' && BASE64URL.test(value);

/** The credential fields both ceremonies' answers share, checked before the library reads them. */
function readCredential(value: unknown, fields: readonly string[]): Record<string, unknown> & { id: string } {
  if (!isRecord(value) || !isBase64url(value.id) || value.rawId !== value.id || value.type !== 'public-key')
    throw badRequest('response must be the browser’s PublicKeyCredential in its JSON form.');
  const inner = value.response;
  if (!isRecord(inner) || fields.some((field) => !isBase64url(inner[field])))
    throw badRequest(`response.response must carry ${fields.join(' and ')} in base64url.`);
  if (value.clientExtensionResults !== undefined && !isRecord(value.clientExtensionResults))
    throw badRequest('response.clientExtensionResults must be an object.');
  return value as Record<string, unknown> & { id: string };
}

/** The browser's answer to `navigator.credentials.create()`, as `RegistrationResponseJSON`. */
function readRegistrationResponse(value: unknown): RegistrationResponseJSON {
  const credential = readCredential(value, ['clientDataJSON', 'attestationObject']);
  const { transports } = credential.response as Record<string, unknown>;
  if (transports !== undefined && (!Array.isArray(transports) || transports.some((t) => typeof t !== 'string')))
    throw badRequest('response.response.transports must be a list of strings.');
  return { clientExtensionResults: {}, ...credential } as unknown as RegistrationResponseJSON;
}

/** The browser's answer to `navigator.credentials.get()`, as `AuthenticationResponseJSON`. */
function readAuthenticationResponse(value: unknown): AuthenticationResponseJSON {
  const credential = readCredential(value, ['clientDataJSON', 'authenticatorData', 'signature']);
  const { userHandle } = credential.response as Record<string, unknown>;
  if (userHandle !== undefined && userHandle !== null && !isBase64url(userHandle))
    throw badRequest('response.response.userHandle must be base64url.');
  return { clientExtensionResults: {}, ...credential } as unknown as AuthenticationResponseJSON;
}

/**
 * The library's failed checks by the start of their message, which is the library's own text: what follows it quotes
 * the answer (the challenge it signed, its origin), which the answer's sender chose and could make read as another
 * check's failure.
 */
const FAILURES: readonly (readonly [RegExp, PasskeyFailureReason])[] = [
  [/^(Unexpected (registration|authentication) response challenge |Custom challenge verifier )/, 'challenge'],
  [
    /^(Unexpected (registration|authentication) response origin |Unexpected cross-origin authentication response top origin |Detected cross-origin |Unexpected top origin )/,
    'origin',
  ],
  [/^Unexpected RP ID hash/, 'rp-id'],
  [/^User verification (was )?required, but user could not be verified/, 'user-verification'],
  [/^Response counter value /, 'counter'],
];

/** What a failed check of the library says, as a reason a page can act on; the library's words are not answered. */
export function failureReason(error: unknown): PasskeyFailureReason {
  const message = error instanceof Error ? error.message : '';
  return FAILURES.find(([pattern]) => pattern.test(message))?.[1] ?? 'not-verified';
}

const FAILURE_MESSAGES: Record<PasskeyFailureReason, string> = {
  'already-registered': 'This passkey is registered already.',
  origin: 'The passkey was used on a site this service does not accept.',
  'rp-id': 'The passkey belongs to another site.',
  'user-verification': 'The authenticator did not verify you (a PIN, fingerprint or face): try again.',
  challenge: 'The passkey answered another request: start again.',
  counter: 'The authenticator’s counter went back: it may have been copied.',
  'unknown-credential': 'This passkey is not registered to this person.',
  'not-verified': 'The passkey’s answer could not be verified.',
};

/**
 * Whether the browser says the ceremony ran in a frame whose page is of another origin (`crossOrigin`, and, where the
 * browser tells it, `topOrigin`). This server's pages are not meant to be framed, and the library checks neither at
 * registration nor, when the browser leaves `topOrigin` out (Safari), at sign-in: a page framing the person's own one
 * could have them answer it.
 */
function framed(clientDataJSON: string): boolean {
  try {
    const data: unknown = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'));
    return isRecord(data) && (data.crossOrigin === true || data.topOrigin !== undefined);
  } catch {
    // Not JSON: the library refuses it.
    return false;
  }
}

/** The fewest bits an RS256 key's modulus may have: NIST's floor since 2014 (SP 800-131A); Windows Hello's keys have 2,048. */
export const MIN_RSA_BITS = 2048;

const keyBytes = (value: unknown, length?: number): value is Uint8Array =>
  value instanceof Uint8Array && value.length > 0 && (length === undefined || value.length === length);

/** How many bits a big-endian unsigned integer has, leading zero bytes and bits not counted. */
function bitLength(value: Uint8Array): number {
  const first = value.findIndex((byte) => byte !== 0);
  return first < 0 ? 0 : (value.length - first) * 8 - Math.clz32(value[first]!) + 24;
}

/**
 * Whether a credential's COSE public key is a sound key of the algorithm it claims. With attestation `none`, nothing
 * vouches for the key and the library checks only that its algorithm was offered; it verifies by the key's type,
 * whatever the algorithm. So each algorithm takes its own key type and curve only: ES256 a point on P-256, EdDSA an
 * Ed25519 key, RS256 a modulus of at least `MIN_RSA_BITS` with an odd exponent above 1; and node:crypto must take it
 * (which refuses a point off its curve).
 */
export function soundPublicKey(publicKey: Parameters<typeof decodeCredentialPublicKey>[0]): boolean {
  let cose: Map<number, unknown>;
  try {
    cose = decodeCredentialPublicKey(publicKey) as Map<number, unknown>;
  } catch {
    return false;
  }
  const b64 = (value: Uint8Array) => Buffer.from(value).toString('base64url');
  const [kty, alg, one, two, three] = [1, 3, -1, -2, -3].map((label) => cose.get(label));
  let jwk: JsonWebKey;
  if (alg === -7 && kty === 2 && one === 1 && keyBytes(two, 32) && keyBytes(three, 32))
    jwk = { kty: 'EC', crv: 'P-256', x: b64(two), y: b64(three) };
  else if (alg === -8 && kty === 1 && one === 6 && keyBytes(two, 32)) jwk = { kty: 'OKP', crv: 'Ed25519', x: b64(two) };
  else if (
    alg === -257 &&
    kty === 3 &&
    keyBytes(one) &&
    bitLength(one) >= MIN_RSA_BITS &&
    keyBytes(two) &&
    two.length <= 8 &&
    two[two.length - 1]! % 2 === 1 &&
    bitLength(two) > 1
  )
    jwk = { kty: 'RSA', n: b64(one), e: b64(two) };
  else return false;
  try {
    createPublicKey({ key: jwk, format: 'jwk' });
    return true;
  } catch {
    return false;
  }
}

/** A passkey beyond the person's most: the reason tells the wizard to say so, and that one must be deleted first. */
const tooMany = () =>
  new Refusal(409, 'unknown', `You have ${MAX_PASSKEYS} passkeys, the most there can be: remove one to add another.`, {
    reason: 'method-limit',
  });

const mismatch = (reason: PasskeyFailureReason) => new Mismatch(reason, FAILURE_MESSAGES[reason]);
const refusal = (reason: PasskeyFailureReason, status: 409 | 422 = 422) =>
  new Refusal(status, 'invalid-code', FAILURE_MESSAGES[reason], { reason });

const bytes = (base64url: string) => new Uint8Array(Buffer.from(base64url, 'base64url'));
/** The transports WebAuthn knows among `list`, each once: a browser names a few; an answer may repeat one 2,000 times. */
const knownTransports = (list: unknown): AuthenticatorTransport[] => [
  ...new Set(
    (Array.isArray(list) ? list : []).filter((transport): transport is AuthenticatorTransport =>
      TRANSPORTS.includes(transport as string),
    ),
  ),
];
const transportsOf = (method: StoredMethod) => knownTransports(method.data.transports);
const passkeysOf = (methods: readonly StoredMethod[]) =>
  methods.filter((method) => method.kind === 'passkey' && typeof method.data.credentialId === 'string');

export function createPasskeyRoutes(options: ResolvedOptions, challenges: Challenges, registrations: RegistrationsApi) {
  const { limits, clock: now } = options;

  /** The relying party, or 404: a server without one has no passkey routes. */
  function relyingParty(): RelyingParty {
    if (!options.relyingParty)
      throw new Refusal(404, 'unknown', 'Passkeys are not set up on this server (rpId, rpName and rpOrigins).');
    return options.relyingParty;
  }

  function checkPolicy(): void {
    if (!options.policy.methods.some((method) => method.id === 'passkey' && method.purposes.length > 0))
      throw new Refusal(422, 'unknown', 'Passkeys are not allowed by the policy.');
  }

  /** The origins a ceremony may have happened on, for this request; a host's function that throws is a 503. */
  function originsFor(rp: RelyingParty, request: Request): string[] {
    try {
      return rp.origins(request);
    } catch (error) {
      options.logger.error('[security-info] rpOrigins answered an origin off the relying party');
      throw error;
    }
  }

  /**
   * Each ceremony writes a row, so each counts in a budget and no one can fill the store: an enrollment in the
   * person's and the client's, a sign-in in the person's sign-in budget only. A sign-in sends nothing that costs, and
   * an office of people signing in from one address would soon spend a per-client budget that strangers share.
   */
  async function charge(caller: Caller, purpose: 'enroll' | 'sign-in'): Promise<void> {
    const charges: RateCharge[] =
      purpose === 'enroll'
        ? [
            { key: `user:${caller.userId}`, windows: limits.sendsPerUser },
            { key: `client:${caller.client}`, windows: limits.sendsPerClient },
          ]
        : // A sign-in has a budget of its own, so that enrolling cannot spend it (or the other way round); at an
          // address where the person answered right before, one apart from strangers', who may spend theirs (all
          // such addresses share it).
          [
            {
              key: `passkey${signInBudget(await challenges.knownClient(caller))}:${caller.userId}`,
              windows: limits.sendsPerUser,
            },
          ];
    const decision = await challenges.transaction((tx) => tx.consume(charges, now()));
    requireAllowed(decision, 'Too many passkey requests: wait before trying again.');
  }

  async function putChallenge(caller: Caller, purpose: StoredChallenge['purpose'], data: Record<string, unknown>) {
    const at = now();
    const challenge: StoredChallenge = {
      id: randomId(),
      userId: caller.userId,
      purpose,
      kind: 'passkey',
      phoneNumber: '',
      region: '',
      channel: 'sms',
      methodId: null,
      codeHash: null,
      createdAt: at,
      expiresAt: at + PASSKEY_CHALLENGE_SECONDS * 1000,
      resendAt: at,
      sends: 0,
      attemptsLeft: 1,
      verified: false,
      data,
    };
    await challenges.transaction((tx) => tx.putChallenge(challenge));
    return challenge;
  }

  /**
   * Takes the caller's challenge for good, before its answer is checked: one answer per challenge, so two answers
   * racing with one challenge cannot both pass. Another user's challenge is no challenge (404). A registration's
   * challenge used already answers `retry`'s retry (the registration that succeeded, with the person's methods as
   * they are now) rather than a refusal.
   */
  async function claim(caller: Caller, id: string, purpose: 'sign-in'): Promise<StoredChallenge>;
  async function claim(
    caller: Caller,
    id: string,
    purpose: 'enroll',
    retry: EnrollmentRetry<unknown>,
  ): Promise<StoredChallenge | (Retried & { view: Registrations })>;
  async function claim(
    caller: Caller,
    id: string,
    purpose: StoredChallenge['purpose'],
    retry?: EnrollmentRetry<unknown>,
  ): Promise<StoredChallenge | (Retried & { view: Registrations })> {
    const at = now();
    const outcome = await challenges.transaction(async (tx) => {
      const current = await tx.getChallenge(id);
      if (!current || current.userId !== caller.userId || current.purpose !== purpose || current.kind !== 'passkey')
        return noSuchChallenge();
      const retried = current.verified && retry ? await retry.again(tx, current, at) : null;
      if (retried) return { ...retried, view: await registrations.view(tx, caller.userId) };
      if (current.verified || typeof current.data.challenge !== 'string')
        return new Refusal(410, 'code-expired', 'This passkey request was answered already: start again.');
      if (at > current.expiresAt) return new Refusal(410, 'code-expired', 'The passkey request expired: start again.');
      await tx.putChallenge({ ...current, verified: true, data: {} });
      return current;
    });
    if (outcome instanceof Refusal) throw outcome;
    return outcome;
  }

  /** A registration's answer: the passkey as the person's list shows it. */
  const registered = (view: Registrations, method: StoredMethod) =>
    respond(
      201,
      view.methods.find((candidate) => candidate.id === method.id),
    );

  /**
   * The WebAuthn user handle of a person who has no passkey yet: 32 bytes keyed by the secret from their user id, so
   * never the id itself, nor anything that tells it without the secret. Derived, not drawn at random: ceremonies begun
   * at once before the first passkey is registered (two tabs, a double click) then give one handle, where random ones
   * would give the person a handle per passkey, an authenticator two accounts of theirs side by side, and a
   * discoverable sign-in a handle that is not the person's other passkeys'. Once a passkey is registered, its handle is
   * the person's (read from it), whatever the secret is since.
   */
  const firstHandle = (userId: string) =>
    createHmac('sha256', options.secret).update(`webauthn user handle ${userId}`).digest('base64url');

  /** `POST {base}/passkey/registration-options`: creation options for the browser's dialog, bound to the caller. */
  async function registrationOptions(caller: Caller): Promise<Response> {
    const rp = relyingParty();
    checkPolicy();
    const methods = await challenges.transaction((tx) => tx.listMethods(caller.userId));
    await registrations.requireRecent(caller, 'add', methods.length === 0);
    // Before the dialog: a passkey the server would refuse would stay on the authenticator, registered nowhere.
    if (passkeysOf(methods).length >= MAX_PASSKEYS) throw tooMany();
    await charge(caller, 'enroll');
    const label = await within(options.accountLabel(caller.userId), options.dependencyTimeoutMs, 'accountLabel');
    if (typeof label !== 'string' || label.trim() === '') throw new Error('accountLabel answered no name');
    const passkeys = passkeysOf(methods);
    // One handle per person: a second passkey on the same authenticator replaces the first there, not beside it.
    const known = passkeys.map((method) => method.data.userHandle).find(isBase64url);
    const userHandle = known ?? firstHandle(caller.userId);
    const name = cutWhole(label.trim(), 256);
    const creation = await generateRegistrationOptions({
      rpName: rp.name,
      rpID: rp.id,
      userName: name,
      userDisplayName: name,
      userID: bytes(userHandle),
      timeout: PASSKEY_CHALLENGE_SECONDS * 1000,
      attestationType: 'none',
      supportedAlgorithmIDs: ALGORITHMS,
      excludeCredentials: passkeys.map((method) => ({
        id: String(method.data.credentialId),
        transports: transportsOf(method),
      })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
    });
    const challenge = await putChallenge(caller, 'enroll', { challenge: creation.challenge, userHandle });
    return respond(201, { challengeId: challenge.id, options: creation });
  }

  /**
   * `POST {base}/passkeys`: checks the browser's answer and registers the passkey; answers its registration. The same
   * answer sent again, its answer lost, is answered with the passkey it registered (`enrollmentRetry`): the used
   * challenge keeps the answer's keyed hash, never the credential, and the passkey's method id, until it expires.
   */
  async function finish(caller: Caller, body: Record<string, unknown>): Promise<Response> {
    const rp = relyingParty();
    checkPolicy();
    const challengeId = readId(body.challengeId, 'challengeId');
    const response = readRegistrationResponse(body.response);
    const name = body.name === undefined ? DEFAULT_PASSKEY_NAME : readPasskeyName(body.name);
    // The answer as the authenticator made it: a browser sending it again sends these as they were. The name is not
    // part of it: the one the first registration gave stands.
    const { clientDataJSON, attestationObject } = response.response;
    const answer = await challenges.keyedAnswer(
      challengeId,
      [response.id, clientDataJSON, attestationObject].join('.'),
    );
    const tell = registrations.tellFor(caller.userId);
    const retry = enrollmentRetry(caller.userId, answer, tell);
    const claimed = await claim(caller, challengeId, 'enroll', retry);
    if ('retried' in claimed) return registered(claimed.view, claimed.method);
    const origins = originsFor(rp, caller.request);
    if (framed(response.response.clientDataJSON)) throw refusal('origin');
    let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      verified = await verifyRegistrationResponse({
        response,
        expectedChallenge: String(claimed.data.challenge),
        expectedOrigin: origins,
        expectedRPID: rp.id,
        requireUserVerification: true,
        supportedAlgorithmIDs: ALGORITHMS,
      });
    } catch (error) {
      throw refusal(failureReason(error));
    }
    if (!verified.verified) throw refusal('not-verified');
    const { credential, credentialBackedUp, credentialDeviceType } = verified.registrationInfo;
    // WebAuthn's limit (a credential id of more than 1023 bytes fails the ceremony), and no empty id: either would be
    // handed to the browser in every later ceremony of the person's, in excludeCredentials and allowCredentials.
    const idBytes = Buffer.from(credential.id, 'base64url').length;
    if (idBytes < 1 || idBytes > 1023) throw refusal('not-verified');
    // A weak or malformed key would be taken as it is, and trusted at every later sign-in.
    if (!soundPublicKey(credential.publicKey)) throw refusal('not-verified');
    const committed = await challenges.transaction(
      async (tx: StoreTransaction) => {
        // The claimed challenge must still be there: a helpdesk reset since the claim took it, with the person's
        // methods, and a ceremony begun before the reset registers nothing after it. Its row first, as a code check.
        const current = await tx.getChallenge(claimed.id);
        if (!current || current.userId !== caller.userId) throw noSuchChallenge();
        if (await tx.findPasskey(credential.id)) throw refusal('already-registered', 409);
        const registration = await registrations.registerMethod(tx, caller, {
          kind: 'passkey',
          replaces: null,
          max: { count: MAX_PASSKEYS, refusal: tooMany },
          fields: {
            phoneNumber: null,
            channel: null,
            data: {
              credentialId: credential.id,
              publicKey: Buffer.from(credential.publicKey).toString('base64url'),
              counter: credential.counter,
              transports: knownTransports(credential.transports ?? response.response.transports),
              backedUp: credentialBackedUp,
              deviceType: credentialDeviceType,
              userHandle: claimed.data.userHandle,
              name,
            },
          },
        });
        // What a retry of this answer is known by, written with the registration or not at all.
        await tx.putChallenge(retry.keep(current, registration));
        return { ...registration, view: await registrations.view(tx, caller.userId) };
      },
      (late) => retry.late(late),
    );
    tell(committed);
    return registered(committed.view, committed.method);
  }

  /**
   * The service API's start of a passkey sign-in (`POST /service/users/{u}/verifications` with a passkey's
   * `methodId`): request options that allow every passkey of the person, user verification required.
   */
  async function startSignIn(caller: Caller): Promise<Response> {
    const rp = relyingParty();
    checkPolicy();
    const passkeys = passkeysOf(await challenges.transaction((tx) => tx.listMethods(caller.userId)));
    await charge(caller, 'sign-in');
    const request = await generateAuthenticationOptions({
      rpID: rp.id,
      allowCredentials: passkeys.map((method) => ({
        id: String(method.data.credentialId),
        transports: transportsOf(method),
      })),
      userVerification: 'required',
      timeout: PASSKEY_CHALLENGE_SECONDS * 1000,
    });
    const challenge = await putChallenge(caller, 'sign-in', { challenge: request.challenge });
    return respond(201, {
      verificationId: challenge.id,
      kind: 'passkey',
      expiresInSeconds: PASSKEY_CHALLENGE_SECONDS,
      options: request,
    });
  }

  /**
   * The service API's check of the browser's assertion (`POST /service/users/{u}/verifications/{id}/check` with
   * `{ response }`): the person's passkey, the origin, the relying party, user verification, and a signature
   * counter that grows (when the authenticator keeps one). Right, it moves the counter and the last use on; wrong,
   * it counts in the user's limits.
   */
  async function checkSignIn(caller: Caller, id: string, body: Record<string, unknown>): Promise<Response> {
    const rp = relyingParty();
    checkPolicy();
    const response = readAuthenticationResponse(body.response);
    const claimed = await claim(caller, id, 'sign-in');
    const origins = originsFor(rp, caller.request);
    const result = await challenges.checkUser(
      caller,
      async (tx) => {
        await tx.lockUser(caller.userId);
        if (framed(response.response.clientDataJSON)) return mismatch('origin');
        const method = passkeysOf(await tx.listMethods(caller.userId)).find(
          (candidate) => candidate.data.credentialId === response.id,
        );
        if (!method) return mismatch('unknown-credential');
        // A discoverable passkey names its person: it must be the one the service asked about.
        const { userHandle } = response.response;
        if (userHandle && userHandle !== method.data.userHandle) return mismatch('unknown-credential');
        try {
          const verified = await verifyAuthenticationResponse({
            response,
            expectedChallenge: String(claimed.data.challenge),
            expectedOrigin: origins,
            expectedRPID: rp.id,
            credential: {
              id: String(method.data.credentialId),
              publicKey: bytes(String(method.data.publicKey)),
              counter: Number(method.data.counter) || 0,
              transports: transportsOf(method),
            },
            requireUserVerification: true,
          });
          return verified.verified ? { method, info: verified.authenticationInfo } : mismatch('not-verified');
        } catch (error) {
          return mismatch(failureReason(error));
        }
      },
      async (tx, { method, info }) => {
        await tx.putMethod({
          ...method,
          lastUsedAt: now(),
          data: { ...method.data, counter: info.newCounter, backedUp: info.credentialBackedUp },
        });
        return { verified: true as const, methodId: method.id };
      },
    );
    return respond(200, result);
  }

  return { registrationOptions, finish, startSignIn, checkSignIn };
}

export type PasskeyRoutes = ReturnType<typeof createPasskeyRoutes>;
