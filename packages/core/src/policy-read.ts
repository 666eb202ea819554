/**
 * Reading a policy from outside, as far as a phone enrollment needs: its methods and the phone's section, checked
 * against the contract. A module apart from the policy model (policy.ts) because a wizard's first view needs the
 * model but not this: the runner loads it while the policy request is on its way. The other methods' sections are
 * read by policy-sections.ts, which loads only when a policy has them.
 */
import { CHANNELS, METHOD_IDS, PURPOSES } from './policy-words.js';
import type { Channel, MethodId, Purpose, SecurityInfoPolicy } from './types.js';

/** Thrown by {@link parsePolicy} for an answer that is not a policy. */
export class PolicyFormatError extends Error {
  constructor(detail: string) {
    super(`Not a security info policy: ${detail}`);
    this.name = 'PolicyFormatError';
  }
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * Checks the methods and the phone's section of an untrusted policy (from an adapter or a server) and returns them
 * clean: what a phone enrollment needs. Unknown method ids and purposes are dropped, so a newer backend does not break
 * an older widget; a wrong shape throws. `parsePolicy` (policy-parse.ts) reads the other methods' sections too.
 */
export function readPolicyMethods(value: unknown): SecurityInfoPolicy {
  if (typeof value !== 'object' || value === null) throw new PolicyFormatError('not an object');
  const { methods, phone } = value as Record<string, unknown>;
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
  return policy;
}

/** The error for a section of the other methods (policy-sections.ts) that is not as the contract says. */
export const invalidSection = (path: string) => new PolicyFormatError(`"${path}" is not valid`);

/**
 * The policy an answer of `getPolicy` holds, as a wizard reads it: its methods and the phone's section at once, and
 * the other methods' sections (policy-sections.ts, loaded for them) only when it has any, so a phone enrollment never
 * downloads their reader. Rejects with `PolicyFormatError` for a wrong shape.
 */
export async function readPolicy(value: unknown): Promise<SecurityInfoPolicy> {
  const policy = readPolicyMethods(value);
  const { securityQuestions, enrollment } = value as Record<string, unknown>;
  if (securityQuestions === undefined && enrollment === undefined) return policy;
  const { readPolicySections } = await import('./policy-sections.js');
  return { ...policy, ...readPolicySections(value as object, invalidSection) };
}
