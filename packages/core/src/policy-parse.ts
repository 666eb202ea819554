/**
 * Reading a whole policy from outside, the sections of the methods beyond phone included (`securityQuestions`,
 * `enrollment`): `parsePolicy`, for servers, adapters and the Security info page. A wizard loads it only when the
 * policy it is given has those sections (see `hasMethodSections`), so a phone enrollment never downloads it.
 */
import { DEFAULT_REQUIRED_ANSWERS, MAX_QUESTION_TEXT, METHOD_IDS, PURPOSES, SECURITY_QUESTION_ID } from './policy.js';
import { PolicyFormatError, readPolicyMethods } from './policy-read.js';
import type {
  EnrollmentPolicy,
  MethodId,
  Purpose,
  RequiredMethods,
  SecurityInfoPolicy,
  SecurityQuestionsPolicy,
} from './types.js';

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/**
 * Throws unless `valid`, naming the part of a section beyond methods and phone that is not as the contract says. One
 * message for them all: a policy is the organization's own, and its sections are read by the steps that use them.
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
 * Checks an untrusted answer (from an adapter or a server) and returns a clean policy, every section read. Unknown
 * method ids and purposes are dropped, so a newer backend does not break an older widget; a wrong shape throws.
 */
export function parsePolicy(value: unknown): SecurityInfoPolicy {
  const policy = readPolicyMethods(value);
  const { securityQuestions, enrollment } = value as Record<string, unknown>;
  if (securityQuestions !== undefined) policy.securityQuestions = parseSecurityQuestions(securityQuestions);
  if (enrollment !== undefined) policy.enrollment = parseEnrollment(enrollment);
  return policy;
}
