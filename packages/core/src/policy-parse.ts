/**
 * Reading a whole policy from outside, every section: `parsePolicy`, for servers, adapters and the Security info page.
 * A wizard reads a policy in two parts instead (policy-read.ts, then policy-sections.ts when it has them), so a phone
 * enrollment never downloads the other methods' part.
 */
import { invalidSection, readPolicyMethods } from './policy-read.js';
import { readPolicySections } from './policy-sections.js';
import type { SecurityInfoPolicy } from './types.js';

/**
 * Checks an untrusted answer (from an adapter or a server) and returns a clean policy, every section read. Unknown
 * method ids and purposes are dropped, so a newer backend does not break an older widget; a wrong shape throws
 * `PolicyFormatError`.
 */
export function parsePolicy(value: unknown): SecurityInfoPolicy {
  const policy = readPolicyMethods(value);
  const { recoveryCodes } = value as Record<string, unknown>;
  // Recovery codes are on or off; anything else is a policy written wrong, not one to guess at.
  if (recoveryCodes !== undefined && typeof recoveryCodes !== 'boolean') throw invalidSection('recoveryCodes');
  return {
    ...policy,
    ...readPolicySections(value as object, invalidSection),
    ...(recoveryCodes !== undefined && { recoveryCodes }),
  };
}
