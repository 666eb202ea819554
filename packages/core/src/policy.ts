/** The policy model: which methods serve which purpose, and what an organization's policy allows. */
import type { MethodId, MethodKind, Purpose, SecurityInfoPolicy } from './types.js';

/**
 * What each method can serve, whatever a policy says: email and security questions are not strong enough
 * for two-step verification, so they only ever serve password reset. Its keys are the methods in the contract's
 * order (`METHOD_IDS`, which a test holds them to): the model reads them from here rather than import the
 * vocabulary (`policy-words.ts`), which the policy's readers load on demand, so that the vocabulary stays out of a
 * wizard's first view.
 */
export const METHOD_PURPOSES: Readonly<Record<MethodId, readonly Purpose[]>> = {
  'authenticator-app': ['mfa', 'password-reset'],
  phone: ['mfa', 'password-reset'],
  email: ['password-reset'],
  'security-questions': ['password-reset'],
  passkey: ['mfa', 'password-reset'],
};

export function methodServes(method: MethodId, purpose: Purpose | undefined): boolean {
  return purpose === undefined || METHOD_PURPOSES[method].includes(purpose);
}

/**
 * What a kind of method serves under an organization's policy. The policy narrows the methods it names (and
 * email and security questions never serve two-step verification); passkeys serve both purposes and recovery
 * codes neither, as the policy does not govern them. Here, not beside the registrations' reader: the Security info
 * page's list reads registrations without the policy model.
 */
export function methodPurposes(kind: MethodKind, policy: SecurityInfoPolicy): Purpose[] {
  if (kind === 'passkey') return ['mfa', 'password-reset'];
  if (kind === 'recovery-codes') return [];
  const allowed = policy.methods.find((method) => method.id === kind)?.purposes ?? [];
  return METHOD_PURPOSES[kind].filter((purpose) => allowed.includes(purpose));
}

/**
 * The methods to offer for a purpose, in the policy's order; every allowed one when `purpose` is undefined. None
 * without a policy, or with one a JavaScript host wrote without its methods: a picker shows that it allows none.
 */
export function offeredMethods(policy: SecurityInfoPolicy | undefined, purpose?: Purpose): MethodId[] {
  const offered: MethodId[] = [];
  for (const { id, purposes } of policy?.methods ?? []) {
    if (offered.includes(id) || !methodServes(id, purpose)) continue;
    if (purpose === undefined ? purposes.length > 0 : purposes.includes(purpose)) offered.push(id);
  }
  return offered;
}

/**
 * Methods that could serve the purpose but the organization does not allow for it: the ones a person
 * should be told about ("your organization doesn't allow...").
 */
export function withheldMethods(policy: SecurityInfoPolicy | undefined, purpose?: Purpose): MethodId[] {
  const offered = offeredMethods(policy, purpose);
  return (Object.keys(METHOD_PURPOSES) as MethodId[]).filter(
    (id) => methodServes(id, purpose) && !offered.includes(id),
  );
}

/** Whether the policy lets a number from `region` be registered. */
export function isCountryAllowed(policy: SecurityInfoPolicy | undefined, region: string): boolean {
  const allowed = policy?.phone?.allowedCountries;
  return !allowed || allowed.some((r) => r.toUpperCase() === region.toUpperCase());
}
