/**
 * The required sequence (the wizard's `required` flow): what a policy requires a person to have set up for each
 * purpose (`policy.enrollment.required`), less what they have, asked for one method after another, then a summary.
 * A part of the enrollment state machine (enrollment.ts), loaded with the steps of the methods beyond phone.
 */
import type { EnrollmentEvent, EnrollmentState } from './enrollment-state.js';
import { enrolledMethod } from './methods-enrollment.js';
import { offeredMethods } from './policy.js';
import type { MethodId, Purpose, SecurityInfoPolicy } from './types.js';

/**
 * The methods a person must still set up, in the order to ask for them: for each rule of
 * `policy.enrollment.required` (only `purpose`'s when given), the methods it names that the person lacks, in its
 * order; then, while the person would have fewer than `count` methods serving the rule's purpose, the offered ones
 * in the policy's order. A method planned for one rule counts for every purpose it serves; a method the policy does
 * not offer for the purpose is never asked for (an organization cannot require what it does not allow).
 */
export function missingMethods(
  policy: SecurityInfoPolicy,
  purpose: Purpose | undefined,
  registered: readonly string[],
): MethodId[] {
  const planned = new Set<string>(registered);
  const missing: MethodId[] = [];
  for (const rule of policy.enrollment?.required ?? []) {
    if (purpose && rule.purpose !== purpose) continue;
    const serving = offeredMethods(policy, rule.purpose);
    const add = (method: MethodId) => {
      if (!serving.includes(method) || planned.has(method)) return;
      planned.add(method);
      missing.push(method);
    };
    rule.methods?.forEach(add);
    const count = rule.count ?? 1;
    for (const method of serving) {
      if (serving.filter((m) => planned.has(m)).length >= count) break;
      add(method);
    }
  }
  return missing;
}

/** The state at the first step of `method`, with nothing of the method before it. */
function begin(state: EnrollmentState, method: MethodId): EnrollmentState {
  const { error: _error, challenge: _challenge, app: _app, ...rest } = state;
  return { ...rest, step: method, method, showsMethods: false, request: null, locked: false };
}

/** The next state for the sequence's events; any other event leaves the state as it is, the same object. */
export function sequenceTransition(state: EnrollmentState, event: EnrollmentEvent): EnrollmentState {
  switch (event.type) {
    case 'sequence-started': {
      const { step, policy, request } = state;
      if (state.sequence || !policy || request || (step !== 'methods' && step !== state.method)) return state;
      const methods = missingMethods(policy, state.purpose, event.registered);
      const sequence = { methods, enrolled: [] };
      // Nothing missing: the summary at once, which says so.
      return methods[0] ? begin({ ...state, sequence }, methods[0]) : { ...state, sequence, step: 'summary' };
    }

    case 'sequence-next': {
      const { sequence } = state;
      const enrolled = enrolledMethod(state);
      if (state.step !== 'done' || !sequence || !enrolled) return state;
      const next = { ...sequence, enrolled: [...sequence.enrolled, enrolled] };
      const method = next.methods[next.enrolled.length];
      return method ? begin({ ...state, sequence: next }, method) : { ...state, sequence: next, step: 'summary' };
    }

    default:
      return state;
  }
}
