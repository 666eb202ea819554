/** The policy model: which methods serve which purpose, and what an organization's policy allows. */
import type {
  Channel,
  EnrollmentPolicy,
  MethodId,
  Purpose,
  RequiredMethods,
  SecurityInfoPolicy,
  SecurityQuestionsPolicy,
} from './types.js';

export const METHOD_IDS: readonly MethodId[] = ['authenticator-app', 'phone', 'email', 'security-questions'];
export const CHANNELS: readonly Channel[] = ['sms', 'voice'];
export const PURPOSES: readonly Purpose[] = ['mfa', 'password-reset'];

/**
 * What each method can serve, whatever a policy says: email and security questions are not strong enough
 * for two-step verification, so they only ever serve password reset.
 */
export const METHOD_PURPOSES: Readonly<Record<MethodId, readonly Purpose[]>> = {
  'authenticator-app': ['mfa', 'password-reset'],
  phone: ['mfa', 'password-reset'],
  email: ['password-reset'],
  'security-questions': ['password-reset'],
};

export function methodServes(method: MethodId, purpose: Purpose | undefined): boolean {
  return purpose === undefined || METHOD_PURPOSES[method].includes(purpose);
}

/** The methods to offer for a purpose, in the policy's order; every allowed one when `purpose` is undefined. */
export function offeredMethods(policy: SecurityInfoPolicy, purpose?: Purpose): MethodId[] {
  const offered: MethodId[] = [];
  for (const { id, purposes } of policy.methods) {
    if (offered.includes(id) || !methodServes(id, purpose)) continue;
    if (purpose === undefined ? purposes.length > 0 : purposes.includes(purpose)) offered.push(id);
  }
  return offered;
}

/**
 * Methods that could serve the purpose but the organization does not allow for it: the ones a person
 * should be told about ("your organization doesn't allow...").
 */
export function withheldMethods(policy: SecurityInfoPolicy, purpose?: Purpose): MethodId[] {
  const offered = offeredMethods(policy, purpose);
  return METHOD_IDS.filter((id) => methodServes(id, purpose) && !offered.includes(id));
}

/** Whether the policy lets a number from `region` be registered. */
export function isCountryAllowed(policy: SecurityInfoPolicy | undefined, region: string): boolean {
  const allowed = policy?.phone?.allowedCountries;
  return !allowed || allowed.some((r) => r.toUpperCase() === region.toUpperCase());
}

/** Thrown by {@link parsePolicy} for an answer that is not a policy. */
export class PolicyFormatError extends Error {
  constructor(detail: string) {
    super(`Not a security info policy: ${detail}`);
    this.name = 'PolicyFormatError';
  }
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** A security question's id (`SecurityQuestion.id`): answers are stored under it, and it may travel in a URL. */
export const SECURITY_QUESTION_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** The longest custom question a policy may word, in characters. */
export const MAX_QUESTION_TEXT = 200;
/** How many questions a person answers when the policy does not say. */
export const DEFAULT_REQUIRED_ANSWERS = 3;

/**
 * Throws unless `valid`, naming the part of a section beyond methods and phone that is not as the contract says. One
 * message for them all: the phone flow downloads this module, and a policy is the organization's own.
 */
function check(valid: boolean, path: string): asserts valid {
  if (!valid) throw new PolicyFormatError(`"${path}" is not valid`);
}

function parseSecurityQuestions(value: unknown): SecurityQuestionsPolicy {
  check(isRecord(value) && Array.isArray(value.questions), 'securityQuestions');
  const { questions, required } = value as { questions: unknown[]; required?: unknown };
  const out: SecurityQuestionsPolicy = { questions: [] };
  for (const question of questions) {
    const { id, text } = isRecord(question) ? question : {};
    // Answers are stored under the id: two questions with one id would mix them up.
    check(
      typeof id === 'string' && SECURITY_QUESTION_ID.test(id) && !out.questions.some((known) => known.id === id),
      'securityQuestions.questions[].id',
    );
    check(
      text === undefined || (typeof text === 'string' && !!text.trim() && text.length <= MAX_QUESTION_TEXT),
      'securityQuestions.questions[].text',
    );
    out.questions.push(text === undefined ? { id } : { id, text });
  }
  // A person must be able to answer as many as are required, each question once.
  const count = required ?? DEFAULT_REQUIRED_ANSWERS;
  check(isWhole(count) && count >= 1 && count <= out.questions.length, 'securityQuestions.required');
  if (required !== undefined) out.required = count;
  return out;
}

function parseEnrollment(value: unknown): EnrollmentPolicy {
  check(isRecord(value), 'enrollment');
  const { required, skip } = value;
  const out: EnrollmentPolicy = {};
  if (required !== undefined) {
    check(Array.isArray(required), 'enrollment.required');
    out.required = [];
    for (const rule of required) {
      const { purpose, count, methods } = isRecord(rule) ? rule : {};
      check(
        typeof purpose === 'string' &&
          (count === undefined || (isWhole(count) && count >= 1)) &&
          (methods === undefined || isStringArray(methods)),
        'enrollment.required[]',
      );
      // A purpose this version does not know is a newer backend's: its requirement is not ours to enforce.
      if (!(PURPOSES as readonly string[]).includes(purpose)) continue;
      const kept: RequiredMethods = { purpose: purpose as Purpose };
      if (count !== undefined) kept.count = count;
      if (methods)
        kept.methods = methods.filter((id): id is MethodId => (METHOD_IDS as readonly string[]).includes(id));
      out.required.push(kept);
    }
  }
  if (skip !== undefined) {
    const { allowed, daysLeft } = isRecord(skip) ? skip : {};
    check(
      typeof allowed === 'boolean' && (daysLeft === undefined || (isWhole(daysLeft) && daysLeft >= 0)),
      'enrollment.skip',
    );
    out.skip = daysLeft === undefined ? { allowed } : { allowed, daysLeft };
  }
  return out;
}

/**
 * Checks an untrusted answer (from an adapter or a server) and returns a clean policy. Unknown method ids
 * and purposes are dropped, so a newer backend does not break an older widget; a wrong shape throws.
 */
export function parsePolicy(value: unknown): SecurityInfoPolicy {
  if (typeof value !== 'object' || value === null) throw new PolicyFormatError('not an object');
  const { methods, phone, securityQuestions, enrollment } = value as Record<string, unknown>;
  if (!Array.isArray(methods)) throw new PolicyFormatError('"methods" is not a list');
  const policy: SecurityInfoPolicy = { methods: [] };
  for (const entry of methods) {
    if (typeof entry !== 'object' || entry === null) throw new PolicyFormatError('a method is not an object');
    const { id, purposes } = entry as Record<string, unknown>;
    if (typeof id !== 'string' || !isStringArray(purposes))
      throw new PolicyFormatError('a method has no id or purposes');
    if (!(METHOD_IDS as readonly string[]).includes(id)) continue;
    policy.methods.push({
      id: id as MethodId,
      purposes: purposes.filter((p): p is Purpose => (PURPOSES as readonly string[]).includes(p)),
    });
  }
  if (phone !== undefined) {
    if (typeof phone !== 'object' || phone === null) throw new PolicyFormatError('"phone" is not an object');
    const { channels, allowedCountries, channelsByCountry, defaultCountry } = phone as Record<string, unknown>;
    const out: NonNullable<SecurityInfoPolicy['phone']> = {};
    const onlyChannels = (v: unknown, where: string): Channel[] => {
      if (!isStringArray(v)) throw new PolicyFormatError(`${where} is not a list of channels`);
      return v.filter((c): c is Channel => (CHANNELS as readonly string[]).includes(c));
    };
    if (channels !== undefined) out.channels = onlyChannels(channels, '"phone.channels"');
    if (allowedCountries !== undefined) {
      if (!isStringArray(allowedCountries)) throw new PolicyFormatError('"phone.allowedCountries" is not a list');
      out.allowedCountries = allowedCountries.map((r) => r.toUpperCase());
    }
    if (channelsByCountry !== undefined) {
      if (typeof channelsByCountry !== 'object' || channelsByCountry === null) {
        throw new PolicyFormatError('"phone.channelsByCountry" is not an object');
      }
      out.channelsByCountry = Object.fromEntries(
        Object.entries(channelsByCountry).map(([r, c]) => [
          r.toUpperCase(),
          onlyChannels(c, `"phone.channelsByCountry.${r}"`),
        ]),
      );
    }
    if (defaultCountry !== undefined) {
      if (typeof defaultCountry !== 'string') throw new PolicyFormatError('"phone.defaultCountry" is not a string');
      out.defaultCountry = defaultCountry.toUpperCase();
    }
    policy.phone = out;
  }
  if (securityQuestions !== undefined) policy.securityQuestions = parseSecurityQuestions(securityQuestions);
  if (enrollment !== undefined) policy.enrollment = parseEnrollment(enrollment);
  return policy;
}
