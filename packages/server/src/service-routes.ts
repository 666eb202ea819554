/**
 * The service API: server to server, authenticated by a service credential rather than a person's session. The
 * organization's sign-in checks a registered phone here, a helpdesk lists and resets a person's methods, privacy
 * requests erase a user, and auditors read the trail.
 */
import type { Channel, MethodKind } from '@security-info/core';
import { methodGone, type Caller, type Challenges } from './challenges.js';
import { equalInConstantTime } from './codes.js';
import { Refusal, badRequest, respond } from './http.js';
import { addressKey } from './client.js';
import { checkNumber, type CheckedNumber } from './number-check.js';
import type { ResolvedOptions } from './options.js';
import type { EmailRoutes } from './email-routes.js';
import { readChannel, readCode, readId, readLocale, type PhoneRoutes } from './phone-routes.js';
import type { PasskeyRoutes } from './passkey-routes.js';
import { notFound, type RegistrationsApi } from './registrations.js';
import { isUserId } from './store.js';

/**
 * Checks a person's answer for a registered method that needs nothing sent (an authenticator app's code, security
 * questions' answers) at sign-in: resolves with the result to answer, or throws the refusal.
 */
export type MethodVerifier = (
  caller: Caller,
  methodId: string,
  body: Record<string, unknown>,
) => Promise<{ verified: true; methodId: string }>;

const encoder = new TextEncoder();

/** Compares in time that does not depend on where the two differ, or on the expected secret's length. */
async function sameSecret(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all(
    [given, expected].map(async (text) => new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)))),
  );
  return equalInConstantTime(a!, b!);
}

const USER_ID_RULE = 'The user id must be 1 to 512 characters of Unicode, without NUL.';

export function createServiceRoutes(
  options: ResolvedOptions,
  challenges: Challenges,
  registrations: RegistrationsApi,
  phone: Pick<PhoneRoutes, 'checkPolicy' | 'checkRisk'>,
  verifiers: Partial<Record<MethodKind, MethodVerifier>> = {},
  email?: Pick<EmailRoutes, 'startSignIn' | 'resendSignIn'>,
  passkeys?: Pick<PasskeyRoutes, 'startSignIn' | 'checkSignIn'>,
) {
  /** The service's name, or 401: a bearer token that is one of the configured service credentials. */
  async function authenticateService(request: Request): Promise<string> {
    const header = request.headers.get('authorization') ?? '';
    const token = /^Bearer +([\x21-\x7e]{1,512})$/i.exec(header)?.[1];
    if (token) {
      for (const [name, secret] of options.serviceCredentials) if (await sameSecret(token, secret)) return name;
    }
    throw new Refusal(
      401,
      'unauthenticated',
      'A service credential is required.',
      {},
      { 'www-authenticate': 'Bearer' },
    );
  }

  const asService = (service: string, userId: string, client: string, request: Request): Caller => ({
    userId,
    client,
    request,
    actor: `service:${service}`,
  });

  let warnedOfAddress = false;

  /**
   * The caller as the person: their address, which only the sign-in service saw and may pass on as `clientAddress`,
   * is what the per-client limits and wrong-answer counts are about. Without it, one stand-in per service and person,
   * which is never a known address (challenges.ts).
   */
  function asPerson(service: Caller, body: Record<string, unknown>): Caller {
    if (body.clientAddress !== undefined && typeof body.clientAddress !== 'string')
      throw badRequest('clientAddress must be an IP address.');
    const client = addressKey(body.clientAddress);
    // Taken as no address at all, which protects the person less: said once, so a misconfigured sign-in service
    // is noticed without filling the log (the value is not logged: it may be anything).
    if (!client && body.clientAddress && !warnedOfAddress) {
      warnedOfAddress = true;
      options.logger.warn(
        `[security-info] ${service.actor} passed a clientAddress that is not an IP ` +
          "address; pass the person's address as the connection gives it",
      );
    }
    return client
      ? { ...service, client }
      : { ...service, client: `${service.actor}:${service.userId}`, unidentified: true };
  }

  /**
   * A sign-in code to a registered number, by `channel`: the policy of today decides (not the one the phone was
   * registered under), then the host's risk check.
   */
  async function admit(caller: Caller, number: CheckedNumber, channel: Channel, kind: 'sign-in' | 'resend') {
    phone.checkPolicy(number, channel);
    await phone.checkRisk({ ...caller, phoneNumber: number.phoneNumber, region: number.region, channel, kind });
  }

  /** Starts a sign-in check of a registered method: for a phone, a code sent to it. */
  async function startVerification(service: Caller, body: Record<string, unknown>): Promise<Response> {
    const methodId = readId(body.methodId, 'methodId');
    // Without the person's address the send limit falls to the user, so one busy sign-in service does not
    // throttle everyone.
    const caller = asPerson(service, body);
    const locale = readLocale(body.locale);
    const method = (await challenges.transaction((tx) => tx.listMethods(caller.userId))).find((m) => m.id === methodId);
    if (!method) throw notFound();
    if (method.kind === 'email' && email) return email.startSignIn(caller, method, locale);
    // Any of the person's passkeys may answer; the check says which one did.
    if (method.kind === 'passkey' && passkeys) return passkeys.startSignIn(caller);
    if (method.kind !== 'phone' || !method.phoneNumber)
      throw new Refusal(422, 'unknown', 'This method is not checked with a code sent by this service.');
    const channel = body.channel === undefined ? (method.channel ?? 'sms') : readChannel(body.channel);
    const number = checkNumber(method.phoneNumber);
    await admit(caller, number, channel, 'sign-in');
    const challenge = await challenges.start(caller, { number, channel, locale, purpose: 'sign-in', methodId });
    return respond(201, { ...challenges.body(challenge), verificationId: challenge.id, kind: method.kind });
  }

  async function resendVerification(service: Caller, id: string, body: Record<string, unknown>): Promise<Response> {
    const caller = asPerson(service, body);
    const existing = await challenges.own(id, caller.userId, 'sign-in', ['phone', 'email']);
    // Codes go only to what the person has registered: a phone or address removed or replaced since the check began
    // (lost, stolen, given up) gets no more of them, as the check would refuse its code anyway.
    const methods = await challenges.transaction((tx) => tx.listMethods(caller.userId));
    if (!methods.some((method) => method.id === existing.methodId)) throw methodGone();
    if (existing.kind === 'email' && email) return email.resendSignIn(caller, existing, readLocale(body.locale));
    const channel = readChannel(body.channel);
    const number = checkNumber(existing.phoneNumber);
    // Checked again as at the start: the channel asked for now may be one the policy or the risk check refuses.
    await admit(caller, number, channel, 'resend');
    const challenge = await challenges.resend(caller, existing, channel, readLocale(body.locale), number);
    return respond(200, { ...challenges.body(challenge), verificationId: challenge.id, kind: 'phone' });
  }

  /** Checks the answer; a right one updates the method's last use, wrong ones count in the user's limits. */
  async function checkVerification(service: Caller, id: string, body: Record<string, unknown>): Promise<Response> {
    // Wrong answers count for the person's address when they answered right there before, else with strangers'.
    const caller = asPerson(service, body);
    // A passkey's check carries the browser's assertion instead of a code.
    if (body.response !== undefined && passkeys) return passkeys.checkSignIn(caller, id, body);
    const code = readCode(body.code);
    const methodId = await challenges.check(
      caller,
      id,
      'sign-in',
      code,
      async (tx, challenge) => {
        await tx.lockUser(caller.userId);
        const method = (await tx.listMethods(caller.userId)).find((m) => m.id === challenge.methodId);
        if (!method) throw methodGone();
        await tx.putMethod({ ...method, lastUsedAt: options.clock() });
        return method.id;
      },
      // A code sent to a phone or to an address: the service API started both.
      ['phone', 'email'],
    );
    return respond(200, { verified: true, methodId });
  }

  /** A sign-in check of a method that needs nothing sent, by its kind; a phone's starts a verification instead. */
  async function verifyMethod(service: Caller, methodId: string, body: Record<string, unknown>): Promise<Response> {
    const caller = asPerson(service, body);
    const method = (await challenges.transaction((tx) => tx.listMethods(caller.userId))).find((m) => m.id === methodId);
    if (!method) throw notFound();
    const verifier = verifiers[method.kind];
    if (!verifier)
      throw new Refusal(
        422,
        'unknown',
        'This method is checked with a code sent by this service: start a verification.',
      );
    return respond(200, await verifier(caller, methodId, body));
  }

  /**
   * Routes under `{base}/service/`; `path` is what follows `/service`. `clientOf()` is asked once the caller is known
   * to be a service: a stranger is answered 401 whatever the client's address, and writes no log line when it is
   * missing. `read(true)` reads a body that may be as large as a passkey's answer or answers to security questions.
   */
  async function route(
    request: Request,
    path: string,
    clientOf: () => string,
    read: (large?: boolean) => Promise<Record<string, unknown>>,
  ) {
    if (request.headers.has('origin'))
      throw new Refusal(403, 'unknown', 'The service API is for servers, not for pages in a browser.');
    const service = await authenticateService(request);
    const client = clientOf();
    const parts = path.split('/').slice(1);
    const user = (encoded: string) => {
      let userId: string;
      try {
        userId = decodeURIComponent(encoded);
      } catch {
        throw badRequest('The user id is not valid percent-encoding.');
      }
      if (!isUserId(userId)) throw badRequest(USER_ID_RULE);
      return asService(service, userId, client, request);
    };
    const method = request.method;
    const allow = (methods: string) => new Refusal(405, 'unknown', 'Method not allowed.', {}, { allow: methods });

    if (parts[0] === 'audit' && parts.length === 1) {
      if (method !== 'GET') throw allow('GET');
      const url = new URL(request.url);
      const after = Number(url.searchParams.get('after') ?? 0);
      const limit = Math.min(500, Math.max(1, Number(url.searchParams.get('limit') ?? 100)));
      const userId = url.searchParams.get('userId') ?? undefined;
      if (!Number.isSafeInteger(after) || after < 0 || !Number.isFinite(limit)) throw badRequest('Bad paging.');
      // Everyone's entries only when no id is asked for: an empty one (a caller's template left blank) is refused.
      if (userId !== undefined && !isUserId(userId)) throw badRequest(USER_ID_RULE);
      const entries = await challenges.transaction((tx) =>
        tx.listAudit({ ...(userId === undefined ? {} : { userId }), after, limit: Math.floor(limit) }),
      );
      const rows = entries.map((entry) => ({ ...entry, at: new Date(entry.at).toISOString() }));
      return respond(200, { entries: rows, next: rows.length ? rows[rows.length - 1]!.id : null });
    }
    if (parts[0] === 'users' && parts[1] !== undefined) {
      const caller = user(parts[1]);
      if (parts.length === 2) {
        if (method !== 'DELETE') throw allow('DELETE');
        await challenges.transaction((tx) => registrations.erase(tx, caller));
        return respond(204);
      }
      if (parts[2] === 'methods' && parts.length === 3) {
        if (method === 'GET')
          return respond(200, await challenges.transaction((tx) => registrations.view(tx, caller.userId)));
        if (method === 'DELETE') {
          await challenges.transaction((tx) => registrations.reset(tx, caller));
          registrations.notify(caller.userId, 'methods-reset', null);
          return respond(204);
        }
        throw allow('GET, DELETE');
      }
      if (parts[2] === 'methods' && parts.length === 4) {
        if (method !== 'DELETE') throw allow('DELETE');
        const removed = await challenges.transaction((tx) => registrations.remove(tx, caller, parts[3]!));
        registrations.notify(caller.userId, 'method-removed', removed);
        return respond(204);
      }
      if (
        parts[2] === 'methods' &&
        parts.length === 5 &&
        parts[4] === 'verify' &&
        /^[A-Za-z0-9_-]{1,64}$/.test(parts[3]!)
      ) {
        if (method !== 'POST') throw allow('POST');
        return verifyMethod(caller, parts[3]!, await read(true));
      }
      if (parts[2] === 'verifications' && parts.length === 3) {
        if (method !== 'POST') throw allow('POST');
        return startVerification(caller, await read());
      }
      if (parts[2] === 'verifications' && parts.length === 5 && /^[A-Za-z0-9_-]{1,64}$/.test(parts[3]!)) {
        if (method !== 'POST') throw allow('POST');
        if (parts[4] === 'check') return checkVerification(caller, parts[3]!, await read(true));
        if (parts[4] === 'resend') return resendVerification(caller, parts[3]!, await read());
      }
    }
    throw new Refusal(404, 'unknown', 'Not found.');
  }

  return { route };
}
