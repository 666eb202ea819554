/**
 * The send limits: per user, client and number (each caller's own budget), per destination country and overall
 * (shared on purpose: a circuit breaker against message pumping). All are charged together or not at all, so a
 * caller over any limit spends no one's budget.
 */
import { Refusal } from './http.js';
import type { ResolvedOptions } from './options.js';
import type { RateCharge } from './store.js';
import { within } from './timeout.js';

export interface SendContext {
  userId: string;
  client: string;
  phoneNumber: string;
  region: string;
}

export async function chargeSend(options: ResolvedOptions, context: SendContext): Promise<void> {
  const { limits } = options;
  const charges: RateCharge[] = [
    { key: `user:${context.userId}`, windows: limits.sendsPerUser },
    { key: `client:${context.client}`, windows: limits.sendsPerClient },
    { key: `number:${context.phoneNumber}`, windows: limits.sendsPerNumber },
    { key: `country:${context.region}`, windows: limits.sendsByCountry[context.region] ?? limits.sendsPerCountry },
    { key: 'overall', windows: limits.sendsOverall },
  ];
  const at = options.clock();
  const decision = await within(
    options.store.transaction((tx) => tx.consume(charges, at)),
    options.dependencyTimeoutMs,
    'the store',
  );
  if (decision.allowed) return;
  const { retryAfterSeconds } = decision;
  try {
    if (decision.key === 'overall') options.onAlert({ limit: 'overall', retryAfterSeconds });
    else if (decision.key.startsWith('country:'))
      options.onAlert({ limit: 'country', region: context.region, retryAfterSeconds });
  } catch {
    options.logger.error('[security-info] onAlert failed');
  }
  throw new Refusal(429, 'rate-limited', 'Too many codes were requested.', { retryAfterSeconds });
}
