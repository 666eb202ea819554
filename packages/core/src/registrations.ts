/** What a person has registered: their methods and their default sign-in method, as the backend reports them. */
import { SecurityInfoError } from './errors.js';
import { CHANNELS, PASSKEY_NAME_MAX, PURPOSES, SECURITY_QUESTION_ID } from './policy-words.js';
import type { Channel, MethodKind, Purpose, RegisteredMethod, Registrations } from './types.js';

// The shapes live with the rest of the contract in types.ts; they are exported from here too, beside their reader.
export type { MethodKind, NotRemovableReason, RegisteredMethod, Registrations } from './types.js';

export const METHOD_KINDS: readonly MethodKind[] = [
  'authenticator-app',
  'phone',
  'email',
  'security-questions',
  'passkey',
  'recovery-codes',
];

// The same rule as a challenge id: RFC 3986's unreserved characters, so an id goes into a URL path unchanged.
// Dots alone would be a path's "." or ".." in the requests that name a method: never an id.
const METHOD_ID = /^(?!\.+$)[A-Za-z0-9._~-]{1,256}$/;
const E164 = /^\+[1-9]\d{1,14}$/;
// RFC 5321's limit on an address. The backend checked the address when it was added: this only makes sure an
// address is what is shown, not a message or markup a broken backend put in its place.
const MAX_ADDRESS = 254;
const ADDRESS = /^[^@\s]+@[^@\s]+$/u;

// A date and time with an offset, as `Date.prototype.toISOString` writes it (fractions of a second optional).
const ISO_8601 = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d{1,9})?(?:Z|[+-](\d\d):(\d\d))$/;

function malformed(what: string): SecurityInfoError {
  return new SecurityInfoError('unknown', `The backend answered with registrations whose ${what} is not valid.`);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An ISO 8601 time that names a real one: engines roll 31 February over into March rather than refuse it. */
function isDate(value: unknown): value is string {
  const parts = typeof value === 'string' ? ISO_8601.exec(value) : null;
  if (!parts) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offsetHours = 0, offsetMinutes = 0] = parts
    .slice(1)
    .map((digits) => Number(digits ?? 0));
  const date = new Date(Date.UTC(year, month - 1, day));
  const time = hour < 24 && minute < 60 && second < 60 && offsetHours < 24 && offsetMinutes < 60;
  return time && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function readMethod(value: unknown, index: number): RegisteredMethod {
  const at = `methods[${index}]`;
  if (!isRecord(value)) throw malformed(at);
  const { id, kind, addedAt, lastUsedAt, purposes, removable, notRemovableReason, phone, email, securityQuestions } =
    value;
  const { passkey, recoveryCodes } = value;
  if (typeof id !== 'string' || !METHOD_ID.test(id)) throw malformed(`${at}.id`);
  if (!METHOD_KINDS.includes(kind as MethodKind)) throw malformed(`${at}.kind`);
  if (!isDate(addedAt)) throw malformed(`${at}.addedAt`);
  if (lastUsedAt !== null && !isDate(lastUsedAt)) throw malformed(`${at}.lastUsedAt`);
  if (!Array.isArray(purposes) || !purposes.every((purpose) => PURPOSES.includes(purpose as Purpose)))
    throw malformed(`${at}.purposes`);
  if (typeof removable !== 'boolean') throw malformed(`${at}.removable`);
  const method: RegisteredMethod = {
    id,
    kind: kind as MethodKind,
    addedAt,
    lastUsedAt,
    purposes: [...new Set(purposes as Purpose[])],
    removable,
  };
  if (notRemovableReason !== undefined) {
    // A reason goes with a method that cannot be removed; on one that can, the answer contradicts itself.
    if (notRemovableReason !== 'method-required' || removable) throw malformed(`${at}.notRemovableReason`);
    method.notRemovableReason = notRemovableReason;
  }
  if (phone !== undefined) {
    if (kind !== 'phone' || !isRecord(phone)) throw malformed(`${at}.phone`);
    if (typeof phone.phoneNumber !== 'string' || !E164.test(phone.phoneNumber))
      throw malformed(`${at}.phone.phoneNumber`);
    if (!CHANNELS.includes(phone.channel as Channel)) throw malformed(`${at}.phone.channel`);
    method.phone = { phoneNumber: phone.phoneNumber, channel: phone.channel as Channel };
  }
  if (email !== undefined) {
    if (kind !== 'email' || !isRecord(email)) throw malformed(`${at}.email`);
    const { address } = email;
    if (typeof address !== 'string' || address.length > MAX_ADDRESS || !ADDRESS.test(address))
      throw malformed(`${at}.email.address`);
    method.email = { address };
  }
  if (securityQuestions !== undefined) {
    if (kind !== 'security-questions' || !isRecord(securityQuestions)) throw malformed(`${at}.securityQuestions`);
    const { questionIds } = securityQuestions;
    if (
      !Array.isArray(questionIds) ||
      !questionIds.every((questionId) => typeof questionId === 'string' && SECURITY_QUESTION_ID.test(questionId)) ||
      new Set(questionIds).size !== questionIds.length
    )
      throw malformed(`${at}.securityQuestions.questionIds`);
    method.securityQuestions = { questionIds: [...(questionIds as string[])] };
  }
  if (passkey !== undefined) method.passkey = readPasskey(kind, passkey, `${at}.passkey`);
  if (recoveryCodes !== undefined) method.recoveryCodes = readRecoveryCodes(kind, recoveryCodes, `${at}.recoveryCodes`);
  return method;
}

/** A passkey's name (1 to 64 characters, as `renameMethod` takes it), whether it is synced, and its transports. */
function readPasskey(kind: unknown, value: unknown, at: string): NonNullable<RegisteredMethod['passkey']> {
  if (kind !== 'passkey' || !isRecord(value)) throw malformed(at);
  const { name, backedUp, transports } = value;
  if (typeof name !== 'string' || name.trim().length === 0 || [...name].length > PASSKEY_NAME_MAX)
    throw malformed(`${at}.name`);
  if (backedUp !== undefined && typeof backedUp !== 'boolean') throw malformed(`${at}.backedUp`);
  if (transports !== undefined && !(Array.isArray(transports) && transports.every((t) => typeof t === 'string')))
    throw malformed(`${at}.transports`);
  return {
    name,
    ...(backedUp === undefined ? {} : { backedUp }),
    ...(transports === undefined ? {} : { transports: [...(transports as string[])] }),
  };
}

/** How many of a set of recovery codes are left: whole numbers, no more left than there are. */
function readRecoveryCodes(kind: unknown, value: unknown, at: string): NonNullable<RegisteredMethod['recoveryCodes']> {
  if (kind !== 'recovery-codes' || !isRecord(value)) throw malformed(at);
  const { remaining, total } = value;
  if (!Number.isSafeInteger(total) || (total as number) < 1) throw malformed(`${at}.total`);
  if (!Number.isSafeInteger(remaining) || (remaining as number) < 0 || (remaining as number) > (total as number))
    throw malformed(`${at}.remaining`);
  return { remaining: remaining as number, total: total as number };
}

/**
 * Checks an answer to `listMethods` against the contract, field by field, as `readChallenge` checks a challenge:
 * a missing or malformed field, two methods with one id, or a default that is none of the methods make the whole
 * answer the `unknown` error, so a page never offers to remove or prefer something that is not there. Fields the
 * contract does not name are left out.
 */
export function readRegistrations(value: unknown): Registrations {
  if (!isRecord(value)) throw new SecurityInfoError('unknown', 'The backend answered without registrations.');
  if (!Array.isArray(value.methods)) throw malformed('methods');
  const methods = value.methods.map(readMethod);
  const ids = new Set(methods.map((method) => method.id));
  if (ids.size !== methods.length) throw malformed('method ids');
  const { defaultMethodId } = value;
  if (defaultMethodId !== null && (typeof defaultMethodId !== 'string' || !ids.has(defaultMethodId)))
    throw malformed('defaultMethodId');
  return { methods, defaultMethodId };
}
