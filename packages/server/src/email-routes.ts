/**
 * The person's email routes: send a code to an address (a new one, or one that replaces their registered address),
 * resend it, verify it. A right code registers the address in the same transaction that uses the code up. Codes,
 * limits and checks are the phone's (challenges.ts), with the address as the destination.
 */
import { checkEmail, type EmailProblem } from '@security-info/core';
import type { Caller, Challenges } from './challenges.js';
import { noneToReplace, noSuchChallenge } from './challenges.js';
import { asciiAddress } from './email-address.js';
import { Refusal, badRequest, respond } from './http.js';
import type { ResolvedOptions } from './options.js';
import { readCode, readId, readLocale, type PhoneRoutes } from './phone-routes.js';
import type { RegistrationsApi } from './registrations.js';
import type { StoreTransaction, StoredChallenge, StoredMethod } from './store.js';

const PROBLEMS: Record<EmailProblem, string> = {
  required: 'email is required.',
  'too-long': 'email must be at most 254 characters.',
  'no-at': 'email must have an @.',
  'local-part': 'email has a part before the @ that is not allowed.',
  domain: 'email has a domain that is not allowed.',
};

/** An address from a request, checked and normalized by core's rule, or a 400 that names its problem. */
export function readEmail(value: unknown): string {
  if (typeof value !== 'string') throw badRequest('email must be a string.');
  const checked = checkEmail(value);
  if ('problem' in checked) throw badRequest(PROBLEMS[checked.problem]);
  return checked.email;
}

/**
 * Whether two addresses `checkEmail` passed name one mailbox: the local part in any case, the domain in Unicode or as
 * `xn--` (IDNA's ASCII form, which also drops what it ignores). Unlike the budgets' key, a `+tag` makes another address.
 */
function sameAddress(a: string, b: string): boolean {
  return asciiAddress(a, { lowercase: true }) === asciiAddress(b, { lowercase: true });
}

/** A challenge's answer without `confirmation`: an email is never confirmed by a key press. */
function emailBody(challenges: Challenges, challenge: StoredChallenge) {
  const { confirmation: _, ...body } = challenges.body(challenge);
  return body;
}

export function createEmailRoutes(
  options: ResolvedOptions,
  challenges: Challenges,
  registrations: RegistrationsApi,
  phone: Pick<PhoneRoutes, 'checkRisk'>,
) {
  const { policy } = options;

  /** Email is offered for password reset only, and only where the policy lists it (and a sender can send it). */
  function checkOffered(): void {
    if (
      !options.emailSender ||
      !policy.methods.some((method) => method.id === 'email' && method.purposes.includes('password-reset'))
    )
      throw new Refusal(422, 'channel-unavailable', 'Email is not allowed by the policy.');
  }

  const risk = (caller: Caller, email: string, kind: 'send' | 'resend' | 'sign-in') =>
    phone.checkRisk({ ...caller, phoneNumber: '', region: '', channel: 'email', email, kind });

  /** The caller's email challenge of this purpose, or 404 (someone else's, or another kind's). */
  async function ownEmail(caller: Caller, id: string, purpose: StoredChallenge['purpose']) {
    const existing = await challenges.own(id, caller.userId, purpose, ['email']);
    if (typeof existing.data.email !== 'string') throw noSuchChallenge();
    return { existing, email: existing.data.email };
  }

  async function send(caller: Caller, body: Record<string, unknown>): Promise<Response> {
    checkOffered();
    const email = readEmail(body.email);
    const locale = readLocale(body.locale);
    const replaces = body.replaces === undefined ? null : readId(body.replaces, 'replaces');
    // A change of address needs the address it replaces, and a recent sign-in when the host asks: checked before a
    // message is sent, and again when the code is verified.
    const methods = await challenges.transaction((tx) => tx.listMethods(caller.userId));
    if (replaces !== null && !methods.some((method) => method.id === replaces && method.kind === 'email'))
      throw noneToReplace('email address');
    await registrations.requireRecent(caller, replaces ? 'replace' : 'add', methods.length === 0);
    await risk(caller, email, 'send');
    const challenge = await challenges.start(caller, { email, locale, purpose: 'enroll', methodId: replaces });
    return respond(201, emailBody(challenges, challenge));
  }

  async function resend(caller: Caller, id: string, body: Record<string, unknown>): Promise<Response> {
    const locale = readLocale(body.locale);
    const { existing, email } = await ownEmail(caller, id, 'enroll');
    checkOffered();
    await risk(caller, email, 'resend');
    const challenge = await challenges.resend(caller, existing, 'email', locale, { email });
    return respond(200, emailBody(challenges, challenge));
  }

  async function verify(caller: Caller, id: string, body: Record<string, unknown>): Promise<Response> {
    const code = readCode(body.code);
    const register = (tx: StoreTransaction, challenge: StoredChallenge) => {
      const address = String(challenge.data.email);
      return registrations.registerMethod(tx, caller, {
        kind: 'email',
        replaces: challenge.methodId,
        fields: { phoneNumber: null, channel: null, data: { address } },
        // The address registered already keeps its method (and its history), however its domain was written.
        same: (registered) => sameAddress(String(registered.data.address), address),
      });
    };
    const tell = registrations.tellFor(caller.userId);
    await challenges.checkEnrollment(caller, id, code, ['email'], register, tell);
    return respond(204);
  }

  /** The service API's sign-in check of a registered address: a code sent to it, checked like a phone's. */
  async function startSignIn(caller: Caller, method: StoredMethod, locale: string | undefined): Promise<Response> {
    checkOffered();
    const email = typeof method.data.address === 'string' ? method.data.address : '';
    if (!email) throw new Refusal(422, 'unknown', 'This method has no address.');
    await risk(caller, email, 'sign-in');
    const challenge = await challenges.start(caller, { email, locale, purpose: 'sign-in', methodId: method.id });
    return respond(201, { ...emailBody(challenges, challenge), verificationId: challenge.id, kind: 'email' });
  }

  /** Another code for a sign-in check of an address, when the challenge is one. */
  async function resendSignIn(caller: Caller, existing: StoredChallenge, locale: string | undefined) {
    checkOffered();
    const email = String(existing.data.email);
    await risk(caller, email, 'resend');
    const challenge = await challenges.resend(caller, existing, 'email', locale, { email });
    return respond(200, { ...emailBody(challenges, challenge), verificationId: challenge.id, kind: 'email' });
  }

  return { send, resend, verify, startSignIn, resendSignIn };
}

export type EmailRoutes = ReturnType<typeof createEmailRoutes>;
