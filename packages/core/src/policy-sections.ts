/**
 * Reading the sections of a policy that only the methods beyond phone use (`securityQuestions`, `enrollment`),
 * checked against the contract. A wizard loads this module only for a policy that has them (see `readPolicy`
 * in policy-read.ts), so a phone enrollment never downloads it; `parsePolicy` (policy-parse.ts) reads them always.
 */
import {
  DEFAULT_REQUIRED_ANSWERS,
  MAX_QUESTION_TEXT,
  METHOD_IDS,
  PURPOSES,
  SECURITY_QUESTION_ID,
} from './policy-words.js';
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

/** Makes the error for a part of a section that is not as the contract says, named by its path. */
type Invalid = (path: string) => Error;
type Check = (valid: boolean, path: string) => asserts valid;

function parseSecurityQuestions(value: unknown, check: Check): SecurityQuestionsPolicy {
  check(isRecord(value) && Array.isArray(value.questions), 'securityQuestions');
  const { questions, required, requiredToReset } = value as {
    questions: unknown[];
    required?: unknown;
    requiredToReset?: unknown;
  };
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
  if (requiredToReset !== undefined) {
    check(
      isWhole(requiredToReset) && requiredToReset >= 1 && requiredToReset <= count,
      'securityQuestions.requiredToReset',
    );
    out.requiredToReset = requiredToReset;
  }
  return out;
}

function parseEnrollment(value: unknown, check: Check): EnrollmentPolicy {
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
 * The other methods' sections of an untrusted policy, clean; a wrong shape throws what `invalid` makes of the path of
 * the part that is wrong (one message for them all: a policy is the organization's own).
 */
export function readPolicySections(
  value: object,
  invalid: Invalid,
): Pick<SecurityInfoPolicy, 'securityQuestions' | 'enrollment'> {
  const check: Check = (valid, path) => {
    if (!valid) throw invalid(path);
  };
  const { securityQuestions, enrollment } = value as Record<string, unknown>;
  return {
    ...(securityQuestions !== undefined && { securityQuestions: parseSecurityQuestions(securityQuestions, check) }),
    ...(enrollment !== undefined && { enrollment: parseEnrollment(enrollment, check) }),
  };
}
