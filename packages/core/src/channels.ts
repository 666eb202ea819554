/**
 * Channels per region: how a code may reach a number, as a policy's phone section says. One rule for the server
 * (which refuses the rest), the wizard and the phone step (which offer only these).
 */
import { CHANNELS } from './policy-words.js';
import type { Channel, SecurityInfoPolicy } from './types.js';

/**
 * The channels offered, for a region when one is known: the policy's channels (both by default), narrowed by
 * its `channelsByCountry` entry for the region (any case). Order follows {@link CHANNELS}. Takes a whole policy,
 * or only a phone section (an element's own settings over the policy's).
 */
export function channelsFor(
  policy: SecurityInfoPolicy | Pick<SecurityInfoPolicy, 'phone'> | undefined,
  region?: string,
): Channel[] {
  const base = policy?.phone?.channels ?? CHANNELS;
  const key = region?.toUpperCase();
  const byCountry = policy?.phone?.channelsByCountry;
  const local = key && byCountry ? Object.entries(byCountry).find(([r]) => r.toUpperCase() === key)?.[1] : undefined;
  return CHANNELS.filter((c) => base.includes(c) && (!local || local.includes(c)));
}
