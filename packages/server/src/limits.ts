/**
 * The send limits: per user, client and destination, a number or an address (each caller's own budget), per
 * destination country (for numbers) and overall
 * (shared on purpose: a circuit breaker against message pumping). All are charged together or not at all, so a
 * caller over any limit spends no one's budget.
 */
import { asciiDomain } from './email-address.js';
import { Refusal } from './http.js';
import type { ResolvedOptions } from './options.js';
import type { RateCharge, RateDecision } from './store.js';
import { within } from './timeout.js';

/** Where a code goes: a number (E.164, with its region) or an email address. */
export type Destination =
  | { phoneNumber: string; region: string; email?: undefined }
  | { email: string; phoneNumber?: undefined; region?: undefined };

/**
 * Who asks for a code, where it goes, and what for: `sign-in` codes go only to a registered (verified) destination and
 * have a budget of their own there, so that nobody can spend a person's sign-in or password-reset codes by enrolling
 * their number or address to an account of their own.
 */
export type SendContext = {
  userId: string;
  client: string;
  purpose?: 'enroll' | 'sign-in';
  /** A sign-in's client where the person answered right in the last 30 days: its person budgets are its own. */
  known?: boolean;
} & Destination;

/**
 * One mailbox's key, however it is written: lowercase, the domain in ASCII, and without a `+tag` (which most
 * providers deliver to the same inbox), so tags do not multiply one inbox's budget.
 */
export function mailboxKey(email: string): string {
  const at = email.lastIndexOf('@');
  let local = email.slice(0, at).toLowerCase().replace(/\+.*$/, '');
  let domain = asciiDomain(email.slice(at + 1).toLowerCase());
  // Gmail delivers every dotting of a name, at either of its domains, to one inbox.
  if (domain === 'gmail.com' || domain === 'googlemail.com') {
    local = local.replaceAll('.', '');
    domain = 'gmail.com';
  }
  return `${local}@${domain}`;
}

/**
 * The suffix of a sign-in's person budgets: strangers share one, and the clients where the person answered right in
 * the last 30 days another (codes here, passkey sign-ins in passkey-routes.ts).
 */
export const signInBudget = (known: boolean | undefined) => (known ? '-sign-in-known' : '-sign-in');

export async function chargeSend(options: ResolvedOptions, context: SendContext): Promise<void> {
  const at = options.clock();
  const decision = await within(
    options.store.transaction((tx) => tx.consume(sendCharges(options, context), at)),
    options.dependencyTimeoutMs,
    'the store',
  );
  if (!decision.allowed) refuseSend(options, decision, context.region);
}

/** What one code to `context`'s destination costs, in every budget it counts in. */
export function sendCharges({ limits }: ResolvedOptions, context: SendContext): RateCharge[] {
  const { region } = context;
  // A sign-in is asked for by whoever typed a user name: its codes have person budgets apart from enrollment's, and
  // the clients where the person answered right before share others, which strangers asking in their name cannot
  // spend. So a number gets at most twice its sign-in budget, however many addresses ask.
  const purpose = context.purpose === 'sign-in' ? signInBudget(context.known) : '';
  return [
    { key: `user${purpose}:${context.userId}`, windows: limits.sendsPerUser },
    { key: `client:${context.client}`, windows: limits.sendsPerClient },
    {
      key: `${context.email === undefined ? 'number' : 'email'}${purpose}:${
        context.email === undefined ? context.phoneNumber : mailboxKey(context.email)
      }`,
      windows: limits.sendsPerNumber,
    },
    ...(region === undefined
      ? []
      : [{ key: `country:${region}`, windows: limits.sendsByCountry[region] ?? limits.sendsPerCountry }]),
    { key: 'overall', windows: limits.sendsOverall },
  ];
}

/** Refuses with 429 `rate-limited`, in `message`'s words and with the wait, when a budget's `decision` says no. */
export function requireAllowed(decision: RateDecision, message: string): void {
  if (!decision.allowed)
    throw new Refusal(429, 'rate-limited', message, { retryAfterSeconds: decision.retryAfterSeconds });
}

/** A budget's refusal of a send: which budget, and when it has room again. */
export type SendRefused = Extract<RateDecision, { allowed: false }>;

/** A send over a limit: the host is alerted when it is a shared one (a country's, or overall), and the caller told. */
export function refuseSend(options: ResolvedOptions, decision: SendRefused, region: string | undefined): never {
  const { retryAfterSeconds } = decision;
  try {
    if (decision.key === 'overall') options.onAlert({ limit: 'overall', retryAfterSeconds });
    else if (decision.key.startsWith('country:'))
      options.onAlert({ limit: 'country', region: region ?? '', retryAfterSeconds });
  } catch {
    options.logger.error('[security-info] onAlert failed');
  }
  throw new Refusal(429, 'rate-limited', 'Too many codes were requested.', { retryAfterSeconds });
}
