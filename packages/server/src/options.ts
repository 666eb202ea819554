/**
 * The handler's configuration: one typed object, its defaults, and the checks that refuse to start a handler that
 * would be unsafe on the internet. Production is the default; development conveniences need `development: true`
 * (or `NODE_ENV=development`).
 */
import { parsePolicy, type Channel, type CodeChannel, type SecurityInfoPolicy } from '@security-info/core';
import type { ClientKey, ConnectionInfo } from './client.js';
import { normalizeOrigin } from './origin.js';
import { consoleSender, type CodeSender, type EmailSender } from './senders.js';
import { createMemoryStore } from './memory-store.js';
import type { AuditAction, RateWindow, SecurityInfoStore } from './store.js';

export interface Limits {
  /** Seconds a code stays valid. Default 300. */
  codeTtlSeconds: number;
  /** Wrong codes accepted per code before the challenge locks until a resend. Default 5. */
  maxAttempts: number;
  /** Seconds before the first resend; each further resend waits twice as long (30, 60, 120...). Default 30. */
  resendAfterSeconds: number;
  /** Codes sent per challenge, the first one and resends together. Default 5. */
  maxSendsPerChallenge: number;
  /** Sends per signed-in user. Default 5 in 10 minutes and 10 an hour. */
  sendsPerUser: RateWindow[];
  /**
   * Sends per phone number or mailbox. Default 3 a minute and 10 an hour. Sign-in codes to a registered one are
   * counted apart from enrollment codes, so a stranger enrolling it cannot spend them.
   */
  sendsPerNumber: RateWindow[];
  /** Sends per client address (see `clientKey`). Default 10 a minute and 30 an hour. */
  sendsPerClient: RateWindow[];
  /**
   * Sends per destination country, shared by everyone: the fraud circuit breaker. Default 20 a minute and 200 an
   * hour for each country; raise it for your own countries during an enrollment campaign (`sendsByCountry`).
   */
  sendsPerCountry: RateWindow[];
  /** Per-country windows that replace `sendsPerCountry`, by ISO 3166-1 alpha-2 code: `{ NL: [...] }`. */
  sendsByCountry: Record<string, RateWindow[]>;
  /** Sends overall, shared by everyone. Default 60 a minute and 1,000 an hour. */
  sendsOverall: RateWindow[];
  /**
   * Consecutive wrong codes per user, across challenges and methods, before verification waits. Default 20. The
   * addresses where the person answered right in the last 30 days share a count of their own; all others share one.
   */
  maxConsecutiveFailures: number;
  /** The first wait after `maxConsecutiveFailures`; each further wrong code doubles it. Default 900 (15 minutes). */
  failureLockoutSeconds: number;
  /** Largest request body accepted, in bytes. Default 2048. */
  maxBodyBytes: number;
  /** Digits per code. Default 6. */
  codeLength: number;
}

export const DEFAULT_LIMITS: Limits = {
  codeTtlSeconds: 300,
  maxAttempts: 5,
  resendAfterSeconds: 30,
  maxSendsPerChallenge: 5,
  sendsPerUser: [
    { max: 5, windowSeconds: 600 },
    { max: 10, windowSeconds: 3600 },
  ],
  sendsPerNumber: [
    { max: 3, windowSeconds: 60 },
    { max: 10, windowSeconds: 3600 },
  ],
  sendsPerClient: [
    { max: 10, windowSeconds: 60 },
    { max: 30, windowSeconds: 3600 },
  ],
  sendsPerCountry: [
    { max: 20, windowSeconds: 60 },
    { max: 200, windowSeconds: 3600 },
  ],
  sendsByCountry: {},
  sendsOverall: [
    { max: 60, windowSeconds: 60 },
    { max: 1000, windowSeconds: 3600 },
  ],
  maxConsecutiveFailures: 20,
  failureLockoutSeconds: 900,
  maxBodyBytes: 2048,
  codeLength: 6,
};

/**
 * Limits lifted for automated tests and demos, where one user on one address enrolls again and again. Never for a
 * service on the internet.
 */
export const TEST_LIMITS: Partial<Limits> = {
  sendsPerUser: [{ max: 10_000, windowSeconds: 60 }],
  sendsPerNumber: [{ max: 10_000, windowSeconds: 60 }],
  sendsPerClient: [{ max: 10_000, windowSeconds: 60 }],
  sendsPerCountry: [{ max: 10_000, windowSeconds: 60 }],
  sendsOverall: [{ max: 10_000, windowSeconds: 60 }],
  maxConsecutiveFailures: 10_000,
};

export const DEFAULT_SERVER_POLICY: SecurityInfoPolicy = {
  methods: [{ id: 'phone', purposes: ['mfa', 'password-reset'] }],
  phone: { channels: ['sms', 'voice'] },
};

export interface VerifiedPhone {
  /** Who verified it: what `authenticate` returned. */
  userId: string;
  /** The challenge that was verified: an idempotency key for whatever the host does with this notice. */
  challengeId: string;
  /** The registered method the number now is. */
  methodId: string;
  /** The method it replaced, when it was a change of number. */
  replacedMethodId: string | null;
  phoneNumber: string;
  channel: Channel;
  request: Request;
}

/** A change to a person's methods they should hear about ("A phone was added to your account"). */
export interface MethodNotice {
  userId: string;
  action: AuditAction;
  methodId: string | null;
  kind: string | null;
  /** Milliseconds since the epoch. */
  at: number;
}

/** The operations that can require a recent sign-in (`reauthenticate`); all of them by default. */
export const SENSITIVE_OPERATIONS = ['add', 'remove', 'replace', 'set-default'] as const;
export type SensitiveOperation = (typeof SENSITIVE_OPERATIONS)[number];

/** What `riskCheck` is told before a code is sent. */
export interface RiskContext {
  userId: string;
  /** E.164; '' for an email code. */
  phoneNumber: string;
  /** ISO 3166-1 alpha-2 region of the number; '' for an email code. */
  region: string;
  /** `email` for a code by email (then `email` is the address). */
  channel: CodeChannel;
  /**
   * The address as `checkEmail` normalized it: the local part as typed, the domain lowercased, in Unicode or as
   * `xn--` as the person wrote it. Compare domains in one form (`domainToASCII` of `node:url`), or a list of refused
   * domains is passed by writing one the other way.
   */
  email?: string;
  /** The client key (an address or /64 prefix). */
  client: string;
  /** `send` for a new challenge, `resend` for another code on one, `sign-in` for a check through the service API. */
  kind: 'send' | 'resend' | 'sign-in';
  request: Request;
}

/** `true` (or nothing) lets the send go on; anything else refuses it, with the refusal's code or `rate-limited`. */
export type RiskVerdict =
  | boolean
  | void
  | { allow: false; error?: 'rate-limited' | 'number-rejected' | 'channel-unavailable'; retryAfterSeconds?: number };

/** A shared limit (a destination country, or everything) refused a send: someone may be pumping messages. */
export interface LimitAlert {
  limit: 'country' | 'overall';
  /** The country, for `country`. */
  region?: string;
  retryAfterSeconds: number;
}

/** Where the handler reports what operators should see. Never given a code or a whole phone number. */
export interface ServerLogger {
  warn(message: string): void;
  error(message: string): void;
}

/** How a checked code ended: right, wrong, or why it could not be checked. */
/**
 * How a code check ended. `used`: the code was used already, refused, or the retry of an enrollment's verify that
 * succeeded, answered as it was (which verified nothing new).
 */
export type CheckOutcome = 'verified' | 'invalid-code' | 'expired' | 'locked' | 'used' | 'not-found';

/**
 * Where the handler reports what it does, for metrics: counts and timings, never a code, a whole number or a user.
 * Every callback is optional, called synchronously, and one that throws is ignored (a broken metric must not break
 * a request).
 */
export interface SecurityInfoMetrics {
  /** A code was handed to the sender: `delivered`, `failed` (the sender refused it) or `timeout`; `region` '' for email. */
  codeSent?(event: { channel: CodeChannel; region: string; outcome: 'delivered' | 'failed' | 'timeout' }): void;
  /** A code was checked, for a person enrolling (`enroll`) or for the service API (`sign-in`). */
  codeChecked?(event: { purpose: 'enroll' | 'sign-in'; outcome: CheckOutcome }): void;
  /** A request was refused with one of the contract's errors (`rate-limited`, `number-rejected`, ...). */
  refused?(event: { route: string; error: string; status: number }): void;
  /** A request was answered after `seconds`. `route` names the route (`send`, `verify`, ...), never its ids. */
  answered?(event: { route: string; method: string; status: number; seconds: number }): void;
}

export interface SecurityInfoHandlerOptions {
  /**
   * Who is asking: the signed-in user's id, or `null` (then 401 `unauthenticated`). Runs on every route. For
   * bearer tokens see `createJwtAuthenticator`; for cookie sessions, read your session here.
   */
  authenticate: (request: Request) => string | null | undefined | Promise<string | null | undefined>;
  /**
   * Names the client for the per-client limits. Required unless the handler is made by the Node adapters (which
   * use the socket's address). `connectionAddress` reads the address your runtime passes as the handler's second
   * argument; `forwardedFor(hops)` reads `X-Forwarded-For` behind proxies you trust. Never a header a client sets.
   */
  clientKey: ClientKey;
  /** Delivers the codes. Required in production. */
  sender?: CodeSender;
  /**
   * Delivers codes by email (`createSmtpSender`), when the policy offers email. Default: `sender`, when it can send
   * email (the webhook and console senders can; Twilio cannot).
   */
  emailSender?: EmailSender;
  /**
   * Key of the code hashes and of the sealed authenticator app secrets: at least 32 bytes, the same for every
   * instance. Required in production.
   */
  secret?: string | Uint8Array;
  /**
   * Keys that came before `secret`, while it is being rotated: a code hashed under one of them is still accepted,
   * so codes sent just before the change keep working, and an authenticator app sealed under one still opens, and
   * is sealed again under `secret` at its next use. New codes and seals always use `secret`. A key dropped once its
   * codes expired (`limits.codeTtlSeconds`) also drops every app not used since, which must then be set up again:
   * keep it as long as such apps matter (docs/server.md, "Rotating the secret").
   */
  previousSecrets?: readonly (string | Uint8Array)[];
  /**
   * Allows development conveniences: the console sender, and a missing or short secret. Default: whether
   * `NODE_ENV` is `development`. Never in production.
   */
  development?: boolean;
  /** Where the routes live. Default `/api/security-info`. */
  basePath?: string;
  /** Where challenges, limits and registrations live. Default: in memory, for one process only. */
  store?: SecurityInfoStore;
  /** What `GET /policy` answers and what sends are checked against. */
  policy?: SecurityInfoPolicy;
  limits?: Partial<Limits>;
  /** Origins of portals on other origins that may call the service (CORS with credentials). Default none. */
  allowedOrigins?: readonly string[];
  /** The origin browsers reach the service on, when the request URL says otherwise (a TLS-terminating proxy). */
  publicOrigin?: string;
  /** How many proxy hops to trust for `X-Forwarded-Proto` and `X-Forwarded-Host`. Default 0. */
  trustProxy?: number;
  /** Runs before anything is sent and may refuse: a CAPTCHA check, a SIM-swap or porting check. */
  riskCheck?: (context: RiskContext) => RiskVerdict | Promise<RiskVerdict>;
  /** Called when a shared limit trips. */
  onAlert?: (alert: LimitAlert) => void;
  /**
   * Told after a verified phone was registered (in the same transaction that used the code up). A notice: it
   * cannot undo the registration, and a failure or time-out is logged. The challenge id is an idempotency key.
   */
  onVerified?: (verified: VerifiedPhone) => void | Promise<void>;
  /**
   * Told after every change to a person's methods, to tell them through another channel ("A phone was added to
   * your account"). A notice: a failure or time-out is logged.
   */
  onNotice?: (notice: MethodNotice) => void | Promise<void>;
  /**
   * Whether the person signed in recently enough for a sensitive change (NIST SP 800-63B: binding a new
   * authenticator needs a fresh authentication). `false` answers 403 `reauthentication-required`. Default: no check.
   */
  recentAuthentication?: (request: Request) => boolean | Promise<boolean>;
  /** Which operations need `recentAuthentication`. Default all four; adding a person's first method never does. */
  reauthenticate?: readonly SensitiveOperation[];
  /**
   * How many methods able to serve two-step verification a person must keep: the last ones cannot be removed
   * (409 `method-required`). Default 1; 0 lets people remove everything.
   */
  minimumMfaMethods?: number;
  /**
   * Credentials of the service API (server to server: sign-in checks, the audit trail, administration), by name:
   * `{ 'sign-in': process.env.SIGN_IN_SERVICE_TOKEN }`, each at least 32 characters, sent as a bearer token: each
   * caller's own, and none of them `secret` or one of `previousSecrets`.
   * Default none: the service API answers 401.
   */
  serviceCredentials?: Record<string, string>;
  /** How long a sender, the store, `authenticate`, `riskCheck` or `onVerified` may take. Default 10,000 ms. */
  dependencyTimeoutMs?: number;
  /** How long a request body may take to arrive. Default 10,000 ms. */
  bodyTimeoutMs?: number;
  /** Time in milliseconds since the epoch. Default `Date.now`. */
  clock?: () => number;
  /** Default: the console. */
  logger?: ServerLogger;
  /** Told what happens, for metrics (the `security-info-server` command serves them to Prometheus). */
  metrics?: SecurityInfoMetrics;
  /**
   * The name an authenticator app shows above the account's codes (the `otpauth://` URI's issuer): your
   * organization's or service's: 1 to 64 characters on one line, without a colon. Default "Security info".
   */
  totpIssuer?: string;
  /**
   * The account an authenticator app shows under the issuer, and a passkey under the site's name, such as the
   * person's email address or user name. Default: the user id.
   */
  accountLabel?: (userId: string) => string | Promise<string>;
  /**
   * The WebAuthn relying party id for passkeys: the domain people sign in on (`example.com`), or a parent domain of
   * it. A passkey works only on this domain and its subdomains, for good: changing it later orphans every passkey.
   * Passkeys need `rpId`, `rpName` and `rpOrigins` together; a policy offering `passkey` without them is refused.
   */
  rpId?: string;
  /** The name a browser's passkey dialog shows for the relying party: your organization's or service's. */
  rpName?: string;
  /**
   * The origins a passkey's ceremony may happen on (`https://id.example.com`): each one on `rpId` or a subdomain of
   * it, `https` unless on `localhost`. A function answers them per request (for example a test server on a port
   * chosen at start); it decides what a browser's answer may claim, so it must never echo the request's `Origin`.
   */
  rpOrigins?: readonly string[] | ((request: Request) => readonly string[]);
}

/** The WebAuthn relying party, resolved: what passkeys are bound to. */
export interface RelyingParty {
  id: string;
  name: string;
  /** The origins a ceremony may have happened on, for the request being answered. */
  origins: (request: Request) => string[];
}

/** The handler: a web-standard `Request -> Response`, told the connection's address where the runtime knows it. */
export type SecurityInfoHandler = (request: Request, connection?: ConnectionInfo) => Promise<Response>;

export interface ResolvedOptions {
  authenticate: SecurityInfoHandlerOptions['authenticate'];
  clientKey: ClientKey;
  sender: CodeSender;
  /** `undefined` when nothing can send email: then the policy does not offer it (checked at start). */
  emailSender: EmailSender | undefined;
  secret: Uint8Array;
  previousSecrets: Uint8Array[];
  development: boolean;
  basePath: string;
  store: SecurityInfoStore;
  policy: SecurityInfoPolicy;
  limits: Limits;
  allowedOrigins: string[];
  publicOrigin: string | undefined;
  trustProxy: number;
  riskCheck: SecurityInfoHandlerOptions['riskCheck'];
  onAlert: NonNullable<SecurityInfoHandlerOptions['onAlert']>;
  onVerified: SecurityInfoHandlerOptions['onVerified'];
  onNotice: SecurityInfoHandlerOptions['onNotice'];
  recentAuthentication: SecurityInfoHandlerOptions['recentAuthentication'];
  reauthenticate: ReadonlySet<SensitiveOperation>;
  minimumMfaMethods: number;
  serviceCredentials: ReadonlyMap<string, string>;
  dependencyTimeoutMs: number;
  bodyTimeoutMs: number;
  clock: () => number;
  logger: ServerLogger;
  metrics: Required<SecurityInfoMetrics>;
  totpIssuer: string;
  accountLabel: (userId: string) => string | Promise<string>;
  /** `undefined` when passkeys are not configured: their routes then answer 404. */
  relyingParty: RelyingParty | undefined;
}

export const MIN_SECRET_BYTES = 32;

/** How long a request body may take to arrive, unless `bodyTimeoutMs` says otherwise. */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

/** Why a handler was refused at start: the configuration would be unsafe. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(`security-info: ${message}`);
    this.name = 'ConfigurationError';
  }
}

function environmentIsDevelopment(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.NODE_ENV === 'development';
}

/** A secret's bytes: a string as UTF-8, bytes copied (a host changing its array later changes nothing). */
function keyBytes(secret: string | Uint8Array): Uint8Array {
  return typeof secret === 'string' ? new TextEncoder().encode(secret) : new Uint8Array(secret);
}

function wholeNumber(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new ConfigurationError(`${name} must be a whole number.`);
  return value;
}

/** The name of a caller of the service API: what the audit trail and the command's variable write it as. */
export const SERVICE_CALLER_NAME = /^[\w.-]{1,64}$/;

/**
 * The service API's tokens by caller name, each checked. None may be `secret` or one of `previousSecrets`: a token is
 * handed to its caller and sent with every call, and whoever holds a key can tell every code from its hash and open
 * every sealed app.
 */
function serviceCredentials(
  given: Record<string, string> | undefined,
  secret: Uint8Array,
  previousSecrets: readonly Uint8Array[],
): Map<string, string> {
  const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);
  const credentials = new Map<string, string>();
  for (const [name, token] of Object.entries(given ?? {})) {
    // Not repeated: what is there by mistake may be a token.
    if (!SERVICE_CALLER_NAME.test(name))
      throw new ConfigurationError('serviceCredentials: a name must be 1 to 64 letters, digits, ".", "_" or "-".');
    if (typeof token !== 'string' || !/^[\x21-\x7e]{32,512}$/.test(token))
      throw new ConfigurationError(
        `serviceCredentials.${name} must be at least 32 characters, without spaces (it is sent as a bearer token).`,
      );
    // Each caller its own token: the first name of a shared one would be the only one the audit trail ever shows.
    const twin = [...credentials].find(([, other]) => other === token)?.[0];
    if (twin !== undefined)
      throw new ConfigurationError(
        `serviceCredentials: ${twin} and ${name} have the same token: give each caller a token of its own, so the ` +
          'audit trail names the one that called.',
      );
    // Named, never repeated: the value is a key.
    const bytes = keyBytes(token);
    const previous = previousSecrets.findIndex((key) => sameBytes(bytes, key));
    const which = sameBytes(bytes, secret) ? 'the secret' : previous >= 0 ? `previousSecrets[${previous}]` : undefined;
    if (which)
      throw new ConfigurationError(
        `serviceCredentials.${name} is ${which}: a token is handed to its caller, and the secret is the key of ` +
          "every code's hash and sealed app. Give each a value of its own.",
      );
    credentials.set(name, token);
  }
  return credentials;
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new ConfigurationError(`${name} must be a positive number.`);
  return value;
}

function checkWindows(name: string, windows: unknown): void {
  if (
    !Array.isArray(windows) ||
    windows.some(
      (w: RateWindow | null) =>
        !w ||
        typeof w !== 'object' ||
        !Number.isInteger(w.max) ||
        w.max < 0 ||
        !Number.isInteger(w.windowSeconds) ||
        w.windowSeconds < 1,
    )
  ) {
    throw new ConfigurationError(`limits.${name} must be a list of { max, windowSeconds }, whole numbers.`);
  }
  // An empty list would be no limit at all, which nobody means by a list of limits.
  if (windows.length === 0)
    throw new ConfigurationError(`limits.${name} must list at least one window; for more sends, raise its max.`);
}

/** The issuer an authenticator app shows: a name a person recognizes, on one line. */
function totpIssuer(given: string | undefined): string {
  if (given === undefined) return 'Security info';
  const issuer = given.trim();
  // Control characters, and a surrogate without its pair, which no URI can carry; a colon, which ends the issuer in
  // the URI's label (apps would read a shorter issuer there than in its issuer parameter).
  if (issuer === '' || issuer.length > 64 || /[\p{Cc}:]|[\uD800-\uDFFF]/u.test(issuer))
    throw new ConfigurationError('totpIssuer must be a name of 1 to 64 characters, on one line, without a colon.');
  return issuer;
}

/** A domain name as WebAuthn takes an RP id: lowercase labels, no scheme, port or path. */
const RP_ID = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** Whether `host` is `rpId` or one of its subdomains (WebAuthn's "registrable domain suffix" rule, without the PSL). */
export const onRelyingParty = (host: string, rpId: string) => host === rpId || host.endsWith(`.${rpId}`);

/** An origin a passkey ceremony may happen on, for `rpId`; throws `ConfigurationError` saying what is wrong. */
function rpOrigin(given: string, rpId: string): string {
  const origin = normalizeOrigin(given);
  if (!origin || origin === 'null') throw new ConfigurationError(`rpOrigins: ${given} is not an origin.`);
  const url = new URL(origin);
  if (!onRelyingParty(url.hostname, rpId))
    throw new ConfigurationError(`rpOrigins: ${origin} is not on ${rpId} or one of its subdomains (rpId).`);
  if (url.protocol !== 'https:' && url.hostname !== 'localhost')
    throw new ConfigurationError(`rpOrigins: ${origin} must use https (browsers offer passkeys on secure origins).`);
  return origin;
}

/**
 * The relying party of passkeys from `rpId`, `rpName` and `rpOrigins`: all three or none. A policy that offers
 * passkeys needs them.
 */
function relyingParty(options: SecurityInfoHandlerOptions): RelyingParty | undefined {
  const { rpId, rpName, rpOrigins } = options;
  const given = [rpId, rpName, rpOrigins].filter((value) => value !== undefined).length;
  const offered = (options.policy?.methods ?? []).some((method) => method.id === 'passkey' && method.purposes.length);
  if (given === 0) {
    if (offered)
      throw new ConfigurationError(
        'the policy offers passkeys, but no relying party is set: pass rpId, rpName and rpOrigins.',
      );
    return undefined;
  }
  if (given < 3) throw new ConfigurationError('passkeys need rpId, rpName and rpOrigins together; some are missing.');
  if (typeof rpId !== 'string' || !RP_ID.test(rpId))
    throw new ConfigurationError('rpId must be a domain name such as example.com (no scheme, port or path).');
  const name = typeof rpName === 'string' ? rpName.trim() : '';
  if (name === '' || name.length > 64 || /[\p{Cc}]/u.test(name))
    throw new ConfigurationError('rpName must be a name of 1 to 64 characters, on one line.');
  if (typeof rpOrigins === 'function') {
    // Checked per request: an origin off the relying party is a configuration error, reported as such.
    return { id: rpId, name, origins: (request) => rpOrigins(request).map((origin) => rpOrigin(origin, rpId)) };
  }
  if (!Array.isArray(rpOrigins) || rpOrigins.length === 0)
    throw new ConfigurationError('rpOrigins must list at least one origin.');
  const origins = rpOrigins.map((origin: string) => rpOrigin(origin, rpId));
  return { id: rpId, name, origins: () => origins };
}

/** Every callback of `metrics`, each one called only if given and never throwing. */
function reporting(metrics: SecurityInfoMetrics | undefined): Required<SecurityInfoMetrics> {
  const safe =
    <K extends keyof SecurityInfoMetrics>(name: K) =>
    (event: Parameters<NonNullable<SecurityInfoMetrics[K]>>[0]) => {
      try {
        (metrics?.[name] as ((given: typeof event) => void) | undefined)?.call(metrics, event);
      } catch {
        // A metric is not worth a failed request.
      }
    };
  return {
    codeSent: safe('codeSent'),
    codeChecked: safe('codeChecked'),
    refused: safe('refused'),
    answered: safe('answered'),
  };
}

/**
 * Checks the host's policy as a browser and the command read one (`parsePolicy`): a wrong shape is refused at start,
 * rather than failing every request that reads it. The host's own object stays the policy, so that a change the host
 * makes to it applies at once, as before.
 */
function checkPolicy(policy: SecurityInfoPolicy | undefined): void {
  if (policy === undefined) return;
  try {
    parsePolicy(policy);
  } catch (error) {
    // "Not a security info policy: …", and what is wrong with it.
    throw new ConfigurationError(`${error instanceof Error ? error.message : String(error)}.`);
  }
}

/** Fills in the defaults and refuses what is unsafe, saying why. */
export function resolveOptions(options: SecurityInfoHandlerOptions): ResolvedOptions {
  checkPolicy(options.policy);
  const development = options.development ?? environmentIsDevelopment();
  const logger = options.logger ?? console;
  if (typeof options.authenticate !== 'function') {
    throw new ConfigurationError(
      'authenticate(request) is required: it returns the signed-in user id, or null. Every route needs a user.',
    );
  }
  if (typeof options.clientKey !== 'function') {
    throw new ConfigurationError(
      'clientKey is required: connectionAddress (with the connection info your runtime passes), forwardedFor(hops) ' +
        'behind trusted proxies, or your platform’s client address. The Node adapters set it for you.',
    );
  }
  let sender = options.sender;
  if (!sender) {
    if (!development) {
      throw new ConfigurationError('a sender is required in production (the console sender is for development only).');
    }
    sender = consoleSender;
  } else if (sender === consoleSender && !development) {
    throw new ConfigurationError('the console sender prints codes and is for development only.');
  }
  const emailSender = options.emailSender ?? (sender.sendEmail ? (sender as EmailSender) : undefined);
  if (!emailSender && (options.policy?.methods ?? []).some((method) => method.id === 'email' && method.purposes.length))
    throw new ConfigurationError(
      'the policy offers email, but no sender sends email: pass emailSender (createSmtpSender) or a sender with ' +
        'sendEmail (createWebhookSender). Twilio sends text messages and calls, not email.',
    );
  const raw = options.secret === undefined ? undefined : keyBytes(options.secret);
  let secret: Uint8Array;
  if (!raw || raw.length < MIN_SECRET_BYTES) {
    if (!development) {
      throw new ConfigurationError(
        `a secret of at least ${MIN_SECRET_BYTES} bytes is required in production, the same on every instance.`,
      );
    }
    if (raw && raw.length > 0) secret = raw;
    else {
      logger.warn(
        '[security-info] development: no secret given, codes and authenticator apps are keyed by a random one ' +
          'for this process (apps set up now stop working at restart).',
      );
      secret = crypto.getRandomValues(new Uint8Array(MIN_SECRET_BYTES));
    }
  } else secret = raw;
  if (options.previousSecrets !== undefined && !Array.isArray(options.previousSecrets))
    throw new ConfigurationError('previousSecrets must be a list of secrets.');
  const previousSecrets = (options.previousSecrets ?? []).map((given, index) => {
    const key = keyBytes(given);
    if (key.length === 0 || (key.length < MIN_SECRET_BYTES && !development))
      throw new ConfigurationError(
        `previousSecrets[${index}] must be at least ${MIN_SECRET_BYTES} bytes, as a secret.`,
      );
    return key;
  });

  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  for (const name of ['sendsPerUser', 'sendsPerNumber', 'sendsPerClient', 'sendsPerCountry', 'sendsOverall'] as const)
    checkWindows(name, limits[name]);
  if (!limits.sendsByCountry || typeof limits.sendsByCountry !== 'object' || Array.isArray(limits.sendsByCountry))
    throw new ConfigurationError('limits.sendsByCountry must be an object of lists of { max, windowSeconds }.');
  for (const [region, windows] of Object.entries(limits.sendsByCountry)) {
    // Numbers' regions are in capitals: another key would never match, and its limit would silently not apply.
    if (!/^[A-Z]{2}$/.test(region))
      throw new ConfigurationError(`limits.sendsByCountry: "${region}" is not a region code in capitals, such as NL.`);
    checkWindows(`sendsByCountry.${region}`, windows);
  }
  for (const name of [
    'codeTtlSeconds',
    'maxAttempts',
    'resendAfterSeconds',
    'maxSendsPerChallenge',
    'maxConsecutiveFailures',
    'failureLockoutSeconds',
    'maxBodyBytes',
  ] as const)
    if (!Number.isInteger(limits[name]) || limits[name] < 1)
      throw new ConfigurationError(`limits.${name} must be a positive whole number.`);
  if (!Number.isInteger(limits.codeLength) || limits.codeLength < 4 || limits.codeLength > 10)
    throw new ConfigurationError('limits.codeLength must be a whole number from 4 to 10.');

  const allowedOrigins = (options.allowedOrigins ?? []).map((origin) => {
    const normalized = normalizeOrigin(origin);
    if (!normalized || normalized === 'null')
      throw new ConfigurationError(`allowedOrigins: ${origin} is not an origin.`);
    return normalized;
  });
  const publicOrigin = options.publicOrigin === undefined ? undefined : normalizeOrigin(options.publicOrigin);
  if (options.publicOrigin !== undefined && !publicOrigin)
    throw new ConfigurationError(`publicOrigin: ${options.publicOrigin} is not an origin.`);
  const trustProxy = options.trustProxy ?? 0;
  if (!Number.isInteger(trustProxy) || trustProxy < 0)
    throw new ConfigurationError('trustProxy must be a whole number of proxy hops.');

  return {
    authenticate: options.authenticate,
    clientKey: options.clientKey,
    sender,
    emailSender,
    secret,
    previousSecrets,
    development,
    basePath: (options.basePath ?? '/api/security-info').replace(/\/+$/, ''),
    store: options.store ?? createMemoryStore(),
    policy: options.policy ?? DEFAULT_SERVER_POLICY,
    limits,
    allowedOrigins,
    publicOrigin,
    trustProxy,
    riskCheck: options.riskCheck,
    onAlert:
      options.onAlert ??
      ((alert) => logger.warn(`[security-info] shared send limit tripped: ${JSON.stringify(alert)}`)),
    onVerified: options.onVerified,
    onNotice: options.onNotice,
    recentAuthentication: options.recentAuthentication,
    reauthenticate: new Set(options.reauthenticate ?? SENSITIVE_OPERATIONS),
    minimumMfaMethods: wholeNumber('minimumMfaMethods', options.minimumMfaMethods ?? 1),
    serviceCredentials: serviceCredentials(options.serviceCredentials, secret, previousSecrets),
    dependencyTimeoutMs: positive('dependencyTimeoutMs', options.dependencyTimeoutMs ?? 10_000),
    bodyTimeoutMs: positive('bodyTimeoutMs', options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS),
    clock: options.clock ?? Date.now,
    logger,
    metrics: reporting(options.metrics),
    totpIssuer: totpIssuer(options.totpIssuer),
    accountLabel: options.accountLabel ?? ((userId) => userId),
    relyingParty: relyingParty(options),
  };
}
