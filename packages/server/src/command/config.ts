/**
 * The command's configuration: environment variables read into the handler's one options object, where it listens
 * and which database it opens. Pure but for reading the policy file (injectable), so every refusal is testable.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { channelsFor, parsePolicy, PREDEFINED_QUESTION_IDS, type SecurityQuestionsPolicy } from '@security-info/core';
import { forwardedFor } from '../client.js';
import { describeError } from '../redact.js';
import { createJwtAuthenticator, DEFAULT_KEY_SET_TIMEOUT_MS } from '../jwt.js';
import type { NodeHandlerOptions } from '../node.js';
import {
  ConfigurationError,
  DEFAULT_LIMITS,
  DEFAULT_SERVER_POLICY,
  MIN_SECRET_BYTES,
  resolveOptions,
  SENSITIVE_OPERATIONS,
  SERVICE_CALLER_NAME,
  type Limits,
  type SecurityInfoHandlerOptions,
  type SensitiveOperation,
} from '../options.js';
import { checkQuestionsPolicy } from '../questions.js';
import { consoleSender, type CodeSender, type EmailSender } from '../senders.js';
import { createSmtpSender, createTwilioSender, createWebhookSender } from '../senders/index.js';

export interface Variable {
  name: string;
  /** What applies when it is not set, in words. */
  default: string;
  meaning: string;
}

/** Every variable the command reads: what `--help` lists and the documentation's table follows. */
export const VARIABLES: readonly Variable[] = [
  {
    name: 'NODE_ENV',
    default: 'production',
    meaning: '`development` allows dev auth, the console sender and no secret',
  },
  { name: 'PORT', default: '8787', meaning: 'the port to listen on; 0 picks a free one' },
  { name: 'HOST', default: '127.0.0.1', meaning: 'the address to listen on; `0.0.0.0` or `::` for every interface' },
  { name: 'SECURITY_INFO_BASE_PATH', default: '/api/security-info', meaning: 'where the HTTP contract is served' },
  {
    name: 'SECURITY_INFO_MANAGEMENT_PORT',
    default: 'none: beside the contract, on PORT',
    meaning:
      'a port of their own for `/healthz`, `/readyz` and `/metrics`, which PORT then answers 404; 0 picks a free one',
  },
  {
    name: 'SECURITY_INFO_MANAGEMENT_HOST',
    default: "HOST's",
    meaning: 'the address the management port listens on: `127.0.0.1` for this machine only',
  },
  {
    name: 'SECURITY_INFO_DATA_DIR',
    default: './security-info-data',
    meaning: 'the folder of the embedded database (PGlite), locked by one process at a time',
  },
  {
    name: 'DATABASE_URL',
    default: 'none: the embedded database',
    meaning: '`postgres://user:password@host:5432/database`: PostgreSQL instead, shared by several instances',
  },
  {
    name: 'SECURITY_INFO_SECRET',
    default: 'required in production',
    meaning: 'the key of the code hashes, at least 32 bytes, the same on every instance',
  },
  {
    name: 'SECURITY_INFO_PREVIOUS_SECRETS',
    default: 'none',
    meaning: 'comma-separated keys that came before the secret, accepted while it is rotated',
  },
  {
    name: 'SECURITY_INFO_AUTH',
    default: 'required in production; `dev` in development',
    meaning: '`jwt` (bearer access tokens of your identity provider) or `dev` (one demo user, development only)',
  },
  { name: 'SECURITY_INFO_JWKS_URL', default: 'required with jwt', meaning: "the issuer's key set (`jwks_uri`)" },
  { name: 'SECURITY_INFO_ISSUER', default: 'required with jwt', meaning: "the tokens' `iss`, exactly" },
  {
    name: 'SECURITY_INFO_AUDIENCE',
    default: 'required with jwt',
    meaning: "the value (or comma-separated values) the tokens' `aud` must contain",
  },
  {
    name: 'SECURITY_INFO_JWT_SCOPE',
    default: 'none: tokens must be typed `at+jwt`',
    meaning: 'a scope access tokens must hold, for issuers whose access tokens are not typed `at+jwt`',
  },
  {
    name: 'SECURITY_INFO_RECENT_SIGN_IN',
    default: 'none: no check',
    meaning:
      "seconds: a change to security info needs a sign-in this recent, by the access token's `auth_time` (jwt " +
      'only; tokens without it are asked to sign in again)',
  },
  {
    name: 'SECURITY_INFO_RECENT_SIGN_IN_FOR',
    default: SENSITIVE_OPERATIONS.join(','),
    meaning: 'which changes need the recent sign-in, separated by commas',
  },
  { name: 'SECURITY_INFO_DEV_USER', default: 'demo-user', meaning: 'the one user of `dev` auth' },
  {
    name: 'SECURITY_INFO_POLICY',
    default: 'phones, by text and call, for both purposes',
    meaning: 'a JSON file with the policy (methods, countries, channels)',
  },
  {
    name: 'SECURITY_INFO_ALLOWED_ORIGINS',
    default: 'none',
    meaning: 'comma-separated origins of portals elsewhere that may call the service (CORS)',
  },
  {
    name: 'SECURITY_INFO_PUBLIC_ORIGIN',
    default: "the request's",
    meaning: 'the origin browsers reach the service on, behind a TLS-terminating proxy',
  },
  {
    name: 'SECURITY_INFO_TRUST_PROXY',
    default: '0',
    meaning: 'proxy hops to trust: the client address from X-Forwarded-For, the origin from X-Forwarded-Proto/-Host',
  },
  {
    name: 'SECURITY_INFO_SERVICE_CREDENTIALS',
    default: 'none: the service API answers 401',
    meaning: "`name=token,name2=token2`, each token at least 32 characters, its caller's own and not a secret",
  },
  {
    name: 'SECURITY_INFO_SENDER',
    default: 'required in production; `console` in development',
    meaning: '`webhook`, `twilio` or `console` (prints codes, development only)',
  },
  { name: 'SECURITY_INFO_WEBHOOK_URL', default: 'required with webhook', meaning: 'where codes are POSTed' },
  {
    name: 'SECURITY_INFO_WEBHOOK_SECRET',
    default: 'required with webhook',
    meaning: 'the Standard Webhooks signing secret, `whsec_...`',
  },
  { name: 'TWILIO_ACCOUNT_SID', default: 'required with twilio', meaning: 'the account SID, `AC...`' },
  { name: 'TWILIO_AUTH_TOKEN', default: 'required with twilio', meaning: "the account's auth token" },
  {
    name: 'TWILIO_FROM',
    default: 'this or the messaging service',
    meaning: 'the number (E.164) or alphanumeric sender id messages and calls come from',
  },
  {
    name: 'TWILIO_MESSAGING_SERVICE_SID',
    default: 'none',
    meaning: 'the Messaging Service (`MG...`) that sends texts',
  },
  {
    name: 'SECURITY_INFO_SMTP_URL',
    default: 'none: email codes go through the sender, if it sends email',
    meaning:
      '`smtps://user:password@smtp.example.com` (TLS) or `smtp://...:587` (STARTTLS, required): the server email ' +
      'codes are handed to',
  },
  {
    name: 'SECURITY_INFO_MAIL_FROM',
    default: 'required with SMTP',
    meaning: 'who email codes come from: `security@example.com` or `Example Security <security@example.com>`',
  },
  {
    name: 'SECURITY_INFO_SECURITY_QUESTIONS',
    default: "the policy file's, if any",
    meaning:
      'the security questions offered: predefined ids separated by commas (three to answer), or JSON ' +
      '`{"questions": [{"id": "...", "text": "..."}], "required": 3}`',
  },
  {
    name: 'SECURITY_INFO_TOTP_ISSUER',
    default: '`Security info`',
    meaning: "the name authenticator apps show above the account (the `otpauth://` URI's issuer): your organization's",
  },
  {
    name: 'SECURITY_INFO_RP_ID',
    default: 'none: no passkeys',
    meaning:
      "passkeys' relying party: the domain people sign in on, or a parent of it (`example.com`); passkeys are " +
      'bound to it for good',
  },
  {
    name: 'SECURITY_INFO_RP_NAME',
    default: 'required with passkeys',
    meaning: "the name a browser's passkey dialog shows: your organization's",
  },
  {
    name: 'SECURITY_INFO_RP_ORIGINS',
    default: 'required with passkeys',
    meaning: 'comma-separated origins people create and use passkeys on (`https://id.example.com`), on the RP id',
  },
  {
    name: 'SECURITY_INFO_OTP_HOST',
    default: 'none',
    meaning: "the portal's host: texts end with `@host #code`, so browsers offer the code there only",
  },
  {
    name: 'SECURITY_INFO_MINIMUM_MFA_METHODS',
    default: '1',
    meaning: 'how many methods able to serve two-step verification a person must keep; 0 lets them remove all',
  },
  {
    name: 'SECURITY_INFO_LIMITS',
    default: "the server's (docs/server.md)",
    meaning:
      'the limits to change, as JSON: `{"maxConsecutiveFailures": 10, "sendsByCountry": {"NL": [{"max": 50, ' +
      '"windowSeconds": 60}]}}`; the others keep their defaults',
  },
  {
    name: 'SECURITY_INFO_DEPENDENCY_TIMEOUT_MS',
    default: '10000',
    meaning:
      'how long a sender, the database or the identity provider may take before the request fails, in ms; the ' +
      'sender (Twilio, the webhook, SMTP) gives up after 80% of it, 8000 at most, and a fetch of the identity ' +
      "provider's keys too, 5000 at most",
  },
  {
    name: 'SECURITY_INFO_BODY_TIMEOUT_MS',
    default: '10000',
    meaning: "how long a request's body may take to arrive before it is answered 408, in ms",
  },
  {
    name: 'SECURITY_INFO_STOP_DELAY_MS',
    default: '5000; 0 in development',
    meaning:
      'how long a stop goes on serving, with readiness failing, before it stops accepting connections, in ms: ' +
      'time for load balancers to take the instance out',
  },
  {
    name: 'SECURITY_INFO_MAX_CONNECTIONS',
    default: '1000',
    meaning:
      'the most connections open at once; one more closes the one idle the longest, or itself when every one has a ' +
      'request in flight',
  },
  { name: 'SECURITY_INFO_METRICS', default: 'on', meaning: '`off` to not serve `/metrics`' },
];

export interface ListenConfig {
  port: number;
  host: string;
}

export type DatabaseConfig = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface ServiceConfig {
  /** The handler's options, but the store, which the command opens from `database`. */
  options: NodeHandlerOptions;
  listen: ListenConfig;
  /** Where health, readiness and metrics are served instead of beside the contract, when they are. */
  management?: ListenConfig;
  database: DatabaseConfig;
  /** Whether `/metrics` is served. */
  metrics: boolean;
  /** How long a stop goes on serving, readiness failing, before it stops accepting connections. */
  stopDelayMs: number;
  /** The most connections open at once (`SECURITY_INFO_MAX_CONNECTIONS`). */
  maxConnections: number;
  /** What does not stop the start but should be said when it starts, each naming its variable. */
  warnings: ConfigError[];
  /** With `dev` authentication, the one user every request is signed in as. */
  devUser?: string;
}

/** A variable that stops the start, and why. */
export interface ConfigError {
  variable: string;
  message: string;
}

export interface ConfigSources {
  /** Reads the policy file. Default: from the disk, as UTF-8. */
  readText?: (file: string) => string;
  /** Resolves relative folders. Default: the working folder. */
  cwd?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** How long a stop in production goes on serving by default: time for load balancers to take the instance out. */
export const DEFAULT_STOP_DELAY_MS = 5_000;
/**
 * The most connections open at once by default: far more requests in flight than one instance answers well, and a
 * bound on the sockets (and memory) a flood of idle connections can take.
 */
export const DEFAULT_MAX_CONNECTIONS = 1_000;

const KNOWN = new Set(VARIABLES.map((variable) => variable.name));
const TWILIO_VARIABLES = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM', 'TWILIO_MESSAGING_SERVICE_SID'];
/** The hosts an `http:` origin may have in production: this machine's own. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Option names in refusals of the code that owns a rule, and the variables that set them (most specific first). */
const JWT_OPTIONS: readonly [RegExp, string][] = [
  [/jwksUrl/, 'SECURITY_INFO_JWKS_URL'],
  [/audience/, 'SECURITY_INFO_AUDIENCE'],
  [/issuer/, 'SECURITY_INFO_ISSUER'],
  [/accessToken\.scope/, 'SECURITY_INFO_JWT_SCOPE'],
];
const WEBHOOK_OPTIONS: readonly [RegExp, string][] = [
  [/otpHost/, 'SECURITY_INFO_OTP_HOST'],
  [/webhook url/, 'SECURITY_INFO_WEBHOOK_URL'],
  [/webhook secret/, 'SECURITY_INFO_WEBHOOK_SECRET'],
];
const TWILIO_OPTIONS: readonly [RegExp, string][] = [
  [/otpHost/, 'SECURITY_INFO_OTP_HOST'],
  [/accountSid/, 'TWILIO_ACCOUNT_SID'],
  [/authToken/, 'TWILIO_AUTH_TOKEN'],
  [/messagingServiceSid/, 'TWILIO_MESSAGING_SERVICE_SID'],
  [/from/, 'TWILIO_FROM'],
];
const SMTP_OPTIONS: readonly [RegExp, string][] = [[/from/, 'SECURITY_INFO_MAIL_FROM']];
const HANDLER_OPTIONS: readonly [RegExp, string][] = [
  [/^limits\./, 'SECURITY_INFO_LIMITS'],
  [/offers email/, 'SECURITY_INFO_SMTP_URL'],
  [/securityQuestions/, 'SECURITY_INFO_SECURITY_QUESTIONS'],
  [/totpIssuer/, 'SECURITY_INFO_TOTP_ISSUER'],
  [/rpOrigins/, 'SECURITY_INFO_RP_ORIGINS'],
  [/rpName/, 'SECURITY_INFO_RP_NAME'],
  [/rpId|relying party|offers passkeys/, 'SECURITY_INFO_RP_ID'],
  [/previousSecrets/, 'SECURITY_INFO_PREVIOUS_SECRETS'],
  [/serviceCredentials/, 'SECURITY_INFO_SERVICE_CREDENTIALS'],
  [/allowedOrigins/, 'SECURITY_INFO_ALLOWED_ORIGINS'],
  [/publicOrigin/, 'SECURITY_INFO_PUBLIC_ORIGIN'],
  [/trustProxy/, 'SECURITY_INFO_TRUST_PROXY'],
  [/basePath/, 'SECURITY_INFO_BASE_PATH'],
  [/sender/, 'SECURITY_INFO_SENDER'],
  [/secret/, 'SECURITY_INFO_SECRET'],
];

/** A refusal thrown by the code that owns a rule, as an error of the variable it is about. */
function fromThrown(error: unknown, options: readonly [RegExp, string][], fallback: string): ConfigError {
  const message = (error instanceof Error ? error.message : String(error))
    .replace(/^security-info: /, '')
    .replace(/^createJwtAuthenticator: /, '');
  const variable = options.find(([pattern]) => pattern.test(message))?.[1] ?? fallback;
  return { variable, message };
}

/** A comma-separated list: items trimmed, empty ones dropped. */
const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * Reads the environment into the handler's options, where to listen and which database to open, or every reason
 * it cannot, each naming its variable. Empty variables count as unset. Production is the default: only
 * `NODE_ENV=development` allows `dev` auth, the console sender and a missing secret.
 */
export function configFromEnv(env: Env, sources: ConfigSources = {}): ServiceConfig | { errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const fail = (variable: string, message: string) => void errors.push({ variable, message });
  const get = (name: string) => (env[name] === '' ? undefined : env[name]);
  const development = env.NODE_ENV === 'development';
  const inDevelopmentOnly = ' (development only: NODE_ENV=development)';

  for (const name of Object.keys(env).sort()) {
    if (name.startsWith('SECURITY_INFO_') && !KNOWN.has(name))
      fail(name, 'is not a variable of security-info-server (see --help).');
  }
  /** Refuses variables set for a mode that is not the one chosen: a sign of a configuration mix-up. */
  const unused = (names: readonly string[], because: string) => {
    for (const name of names) if (get(name) !== undefined) fail(name, `has no effect ${because}.`);
  };

  // Where it listens.
  const portText = get('PORT') ?? '8787';
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port <= 65535)) fail('PORT', `must be a port number from 0 to 65535, not "${portText}".`);
  const host = get('HOST') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:%-]{1,253}$/.test(host)) fail('HOST', `must be a host name or an IP address, not "${host}".`);
  // Operations on a port of their own, off the public listener; 0 and 0 are two free ports, not one.
  const managementText = get('SECURITY_INFO_MANAGEMENT_PORT');
  const managementPort =
    managementText !== undefined && /^\d{1,5}$/.test(managementText) ? Number(managementText) : NaN;
  if (managementText !== undefined && !(managementPort <= 65535))
    fail('SECURITY_INFO_MANAGEMENT_PORT', `must be a port number from 0 to 65535, not "${managementText}".`);
  else if (managementPort === port && port !== 0)
    fail(
      'SECURITY_INFO_MANAGEMENT_PORT',
      `is PORT's, ${port}: give health, readiness and metrics a port of their own, kept from the internet.`,
    );
  if (managementText === undefined) unused(['SECURITY_INFO_MANAGEMENT_HOST'], 'without SECURITY_INFO_MANAGEMENT_PORT');
  // HOST's by default: a container's probes and scrapes come from outside it, to the address its port is on.
  const managementHost = get('SECURITY_INFO_MANAGEMENT_HOST') ?? host;
  if (managementHost !== host && !/^[A-Za-z0-9.:%-]{1,253}$/.test(managementHost))
    fail('SECURITY_INFO_MANAGEMENT_HOST', `must be a host name or an IP address, not "${managementHost}".`);
  const basePath = get('SECURITY_INFO_BASE_PATH') ?? '/api/security-info';
  if (!/^(?:\/[A-Za-z0-9._~-]+)+\/?$/.test(basePath))
    fail('SECURITY_INFO_BASE_PATH', `must be a path such as /api/security-info, not "${basePath}".`);

  // Its database.
  const warnings: ConfigError[] = [];
  const databaseUrl = get('DATABASE_URL');
  let database: DatabaseConfig;
  if (databaseUrl !== undefined) {
    if (!/^postgres(?:ql)?:\/\/\S+$/.test(databaseUrl))
      fail('DATABASE_URL', 'must be a PostgreSQL URL: postgres://user:password@host:5432/database.');
    unused(['SECURITY_INFO_DATA_DIR'], 'with DATABASE_URL (the data is in PostgreSQL)');
    database = { kind: 'postgres', url: databaseUrl };
    const host = plainTextHost(databaseUrl, get('PGSSLMODE'));
    if (host !== undefined)
      warnings.push({
        variable: 'DATABASE_URL',
        message:
          `connects to PostgreSQL on ${host} without TLS: phone numbers, and what the database answers, cross the ` +
          'network readable and alterable on the way. Add ?sslmode=verify-full (with sslrootcert=<file> for a ' +
          'private CA), or ?sslmode=disable to say the network is trusted.',
      });
  } else {
    const dataDir = get('SECURITY_INFO_DATA_DIR') ?? './security-info-data';
    database = { kind: 'pglite', dataDir: path.resolve(sources.cwd ?? process.cwd(), dataDir) };
  }

  /** A whole number of `unit` from `least` to `most`, or `undefined` when unset or refused (said by `fail`). */
  const wholeNumber = (name: string, unit: string, least: number, most: number, example: number) => {
    const text = get(name);
    const value = text !== undefined && /^\d+$/.test(text) && text.length <= String(most).length ? Number(text) : NaN;
    const valid = value >= least && value <= most;
    if (text !== undefined && !valid)
      fail(name, `must be a whole number of ${unit} from ${least} to ${most}, such as ${example}, not "${text}".`);
    return valid ? value : undefined;
  };
  /** A time in milliseconds: a whole number from `least` to ten minutes. */
  const milliseconds = (name: string, least: number, example: number) =>
    wholeNumber(name, 'milliseconds', least, 600_000, example);
  const dependencyTimeoutMs = milliseconds('SECURITY_INFO_DEPENDENCY_TIMEOUT_MS', 1, 10_000);
  // Each sender gives up within the handler's wait for it, with room for the rest of the request: a message still on
  // its way when the handler gives up would arrive with a code the person was told had not been sent. Unset, the
  // senders' own 8 s, below the handler's 10 s. The fetch of the identity provider's keys too (5 s at most).
  const senderTimeoutMs =
    dependencyTimeoutMs === undefined ? undefined : Math.min(8_000, Math.ceil(dependencyTimeoutMs * 0.8));
  const senderTimeout = senderTimeoutMs === undefined ? {} : { timeoutMs: senderTimeoutMs };

  // Who is asking.
  const auth = get('SECURITY_INFO_AUTH') ?? (development ? 'dev' : undefined);
  const jwtVariables = ['SECURITY_INFO_JWKS_URL', 'SECURITY_INFO_ISSUER', 'SECURITY_INFO_AUDIENCE'];
  let authenticate: SecurityInfoHandlerOptions['authenticate'] | undefined;
  let recentAuthentication: SecurityInfoHandlerOptions['recentAuthentication'];
  let devUser: string | undefined;
  const recentText = get('SECURITY_INFO_RECENT_SIGN_IN');
  const recentSeconds = recentText !== undefined && /^\d{1,7}$/.test(recentText) ? Number(recentText) : NaN;
  if (recentText !== undefined && !(recentSeconds >= 1))
    fail('SECURITY_INFO_RECENT_SIGN_IN', `must be a whole number of seconds, such as 600, not "${recentText}".`);
  const forText = get('SECURITY_INFO_RECENT_SIGN_IN_FOR');
  const reauthenticate = forText === undefined ? undefined : list(forText);
  if (reauthenticate && recentText === undefined)
    fail('SECURITY_INFO_RECENT_SIGN_IN_FOR', 'has no effect without SECURITY_INFO_RECENT_SIGN_IN.');
  const unknownOperations = (reauthenticate ?? []).filter(
    (name) => !(SENSITIVE_OPERATIONS as readonly string[]).includes(name),
  );
  if (unknownOperations.length || reauthenticate?.length === 0)
    fail(
      'SECURITY_INFO_RECENT_SIGN_IN_FOR',
      `must list some of ${SENSITIVE_OPERATIONS.join(', ')}${unknownOperations.length ? `, not ${unknownOperations.join(', ')}` : ''}.`,
    );
  if (auth === 'jwt') {
    unused(['SECURITY_INFO_DEV_USER'], 'with SECURITY_INFO_AUTH=jwt');
    const missing = jwtVariables.filter((name) => get(name) === undefined);
    for (const name of missing) fail(name, 'is required with SECURITY_INFO_AUTH=jwt.');
    // Compared with each token's iss exactly: a line break kept from a mounted file would refuse every token.
    const issuer = get('SECURITY_INFO_ISSUER');
    if (issuer !== undefined && issuer !== issuer.trim())
      fail('SECURITY_INFO_ISSUER', "has white space around it, which no token's iss has: remove it.");
    if (missing.length === 0) {
      const scope = get('SECURITY_INFO_JWT_SCOPE');
      try {
        const jwt = createJwtAuthenticator({
          jwksUrl: get('SECURITY_INFO_JWKS_URL')!,
          issuer: get('SECURITY_INFO_ISSUER')!,
          audience: list(get('SECURITY_INFO_AUDIENCE')!),
          // As a sender's, the fetch of the keys ends before the handler stops waiting for it.
          ...(senderTimeoutMs !== undefined
            ? { keySetTimeoutMs: Math.min(DEFAULT_KEY_SET_TIMEOUT_MS, senderTimeoutMs) }
            : {}),
          ...(scope !== undefined ? { accessToken: { scope } } : {}),
          onError: (error) =>
            console.error(`[security-info] the identity provider's keys could not be had: ${describeError(error)}`),
        });
        authenticate = jwt;
        // A token that does not say when the person signed in is not a recent sign-in: said once in the log, as an
        // identity provider that never sends auth_time would have every change ask for a new sign-in.
        let told = false;
        if (recentSeconds >= 1)
          recentAuthentication = (request) => {
            const at = jwt.authenticatedAt(request);
            if (at === null && !told) {
              told = true;
              console.warn(
                '[security-info] an access token without auth_time: SECURITY_INFO_RECENT_SIGN_IN cannot tell when ' +
                  'the person signed in, so the changes it covers ask them to sign in again. Have the identity ' +
                  'provider put auth_time in its access tokens.',
              );
            }
            return (at ?? 0) >= Date.now() - recentSeconds * 1000;
          };
      } catch (error) {
        errors.push(fromThrown(error, JWT_OPTIONS, 'SECURITY_INFO_AUTH'));
      }
    }
  } else if (auth === 'dev') {
    unused(
      [...jwtVariables, 'SECURITY_INFO_JWT_SCOPE', 'SECURITY_INFO_RECENT_SIGN_IN', 'SECURITY_INFO_RECENT_SIGN_IN_FOR'],
      'with SECURITY_INFO_AUTH=dev',
    );
    if (!development)
      fail('SECURITY_INFO_AUTH', `=dev signs every request in as one user${inDevelopmentOnly}; use jwt.`);
    const user = get('SECURITY_INFO_DEV_USER') ?? 'demo-user';
    if (user.length > 512) fail('SECURITY_INFO_DEV_USER', 'must be at most 512 characters.');
    authenticate = () => user;
    devUser = user;
  } else if (auth === undefined) {
    fail('SECURITY_INFO_AUTH', 'is required in production: jwt, with SECURITY_INFO_JWKS_URL, _ISSUER and _AUDIENCE.');
  } else {
    fail('SECURITY_INFO_AUTH', `must be jwt or dev, not "${auth}".`);
  }

  // How codes leave.
  const senderName = get('SECURITY_INFO_SENDER') ?? (development ? 'console' : undefined);
  const otpHost = get('SECURITY_INFO_OTP_HOST');
  const webhookVariables = ['SECURITY_INFO_WEBHOOK_URL', 'SECURITY_INFO_WEBHOOK_SECRET'];
  let sender: CodeSender | undefined;
  const build = (options: readonly [RegExp, string][], make: () => CodeSender) => {
    try {
      sender = make();
    } catch (error) {
      errors.push(fromThrown(error, options, 'SECURITY_INFO_SENDER'));
    }
  };
  if (senderName !== 'webhook') unused(webhookVariables, `with SECURITY_INFO_SENDER=${senderName ?? '(unset)'}`);
  // Twilio's own tools read the same names, so a developer's shell may have them for something else: only a
  // production start, which is configured for this service alone, refuses them.
  if (senderName !== 'twilio' && !development)
    unused(TWILIO_VARIABLES, `with SECURITY_INFO_SENDER=${senderName ?? '(unset)'}`);
  if (senderName === 'webhook') {
    const missing = webhookVariables.filter((name) => get(name) === undefined);
    for (const name of missing) fail(name, 'is required with SECURITY_INFO_SENDER=webhook.');
    if (missing.length === 0)
      build(WEBHOOK_OPTIONS, () =>
        createWebhookSender({
          url: get('SECURITY_INFO_WEBHOOK_URL')!,
          secret: get('SECURITY_INFO_WEBHOOK_SECRET')!,
          ...senderTimeout,
          ...(otpHost !== undefined ? { otpHost } : {}),
        }),
      );
  } else if (senderName === 'twilio') {
    const missing = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN'].filter((name) => get(name) === undefined);
    for (const name of missing) fail(name, 'is required with SECURITY_INFO_SENDER=twilio.');
    const from = get('TWILIO_FROM');
    const messagingServiceSid = get('TWILIO_MESSAGING_SERVICE_SID');
    if (from === undefined && messagingServiceSid === undefined)
      fail('TWILIO_FROM', 'or TWILIO_MESSAGING_SERVICE_SID is required with SECURITY_INFO_SENDER=twilio.');
    else if (missing.length === 0)
      build(TWILIO_OPTIONS, () =>
        createTwilioSender({
          accountSid: get('TWILIO_ACCOUNT_SID')!,
          authToken: get('TWILIO_AUTH_TOKEN')!,
          ...(from !== undefined ? { from } : {}),
          ...(messagingServiceSid !== undefined ? { messagingServiceSid } : {}),
          ...senderTimeout,
          ...(otpHost !== undefined ? { otpHost } : {}),
        }),
      );
  } else if (senderName === 'console') {
    unused(['SECURITY_INFO_OTP_HOST'], 'with SECURITY_INFO_SENDER=console');
    if (!development) fail('SECURITY_INFO_SENDER', `=console prints the codes${inDevelopmentOnly}.`);
    sender = consoleSender;
  } else if (senderName === undefined) {
    fail('SECURITY_INFO_SENDER', 'is required in production: webhook or twilio.');
  } else {
    fail('SECURITY_INFO_SENDER', `must be webhook, twilio or console, not "${senderName}".`);
  }

  // What is allowed, and from where.
  let policy: SecurityInfoHandlerOptions['policy'];
  // Whether the policy is known: a policy file that cannot be read says nothing of what is unused.
  let policyRead = true;
  const policyFile = get('SECURITY_INFO_POLICY');
  if (policyFile !== undefined) {
    const file = path.resolve(sources.cwd ?? process.cwd(), policyFile);
    try {
      const text = (sources.readText ?? ((name: string) => readFileSync(name, 'utf8')))(file);
      policy = parsePolicy(JSON.parse(text));
    } catch (error) {
      const reason = error instanceof SyntaxError ? `is not JSON (${error.message})` : describeThrown(error);
      fail('SECURITY_INFO_POLICY', `${file}: ${reason}.`);
      policyRead = false;
    }
  }
  const questionsText = get('SECURITY_INFO_SECURITY_QUESTIONS');
  if (questionsText !== undefined) {
    const questions = readQuestions(questionsText);
    if (typeof questions === 'string') fail('SECURITY_INFO_SECURITY_QUESTIONS', questions);
    else if (policy?.securityQuestions)
      fail('SECURITY_INFO_SECURITY_QUESTIONS', 'and the policy file both list security questions: keep one.');
    else policy = { ...(policy ?? DEFAULT_SERVER_POLICY), securityQuestions: questions };
  }
  try {
    checkQuestionsPolicy(policy ?? DEFAULT_SERVER_POLICY);
  } catch (error) {
    errors.push(fromThrown(error, [], 'SECURITY_INFO_SECURITY_QUESTIONS'));
  }
  const effective = policy ?? DEFAULT_SERVER_POLICY;
  /** Whether the policy offers a method, for some purpose. */
  const offers = (id: string) => effective.methods.some((method) => method.id === id && method.purposes.length > 0);
  /** Refuses variables of a method the policy does not offer. */
  const unusedUnless = (id: string, names: readonly string[], because: string) => {
    if (policyRead && !offers(id)) unused(names, because);
  };
  unusedUnless(
    'security-questions',
    ['SECURITY_INFO_SECURITY_QUESTIONS'],
    'when the policy offers no security questions',
  );
  const offersEmail = offers('email');

  // How codes by email leave, when the policy offers email: SMTP, or the sender when it can send email.
  const smtpUrl = get('SECURITY_INFO_SMTP_URL');
  const mailFrom = get('SECURITY_INFO_MAIL_FROM');
  let emailSender: EmailSender | undefined;
  unusedUnless('email', ['SECURITY_INFO_SMTP_URL', 'SECURITY_INFO_MAIL_FROM'], 'when the policy offers no email');
  if (offersEmail) {
    if (smtpUrl === undefined) {
      unused(['SECURITY_INFO_MAIL_FROM'], 'without SECURITY_INFO_SMTP_URL');
    } else if (mailFrom === undefined) {
      fail('SECURITY_INFO_MAIL_FROM', 'is required with SECURITY_INFO_SMTP_URL: who the email codes come from.');
    } else {
      try {
        emailSender = createSmtpSender({ url: smtpUrl, from: mailFrom, ...senderTimeout });
      } catch (error) {
        errors.push(fromThrown(error, SMTP_OPTIONS, 'SECURITY_INFO_SMTP_URL'));
      }
    }
  }
  if (offersEmail && !emailSender && sender && !sender.sendEmail)
    fail(
      'SECURITY_INFO_SMTP_URL',
      `is required: the policy offers email, and SECURITY_INFO_SENDER=${senderName} sends no email (Twilio is not ` +
        'an email provider). Set SECURITY_INFO_SMTP_URL and SECURITY_INFO_MAIL_FROM, or use the webhook sender.',
    );
  const offersCalls = offers('phone') && channelsFor(effective).includes('voice');
  const twilioFrom = get('TWILIO_FROM');
  if (senderName === 'twilio' && offersCalls && !(twilioFrom !== undefined && /^\+[1-9]\d{6,14}$/.test(twilioFrom)))
    fail(
      'TWILIO_FROM',
      `must be a number in E.164 (+15551234567)${twilioFrom === undefined ? '' : `, not "${twilioFrom}"`}: the ` +
        'policy offers codes by phone call, and Twilio calls only from a number. Or leave calls out of the policy ' +
        '(phone.channels: ["sms"]).',
    );
  const trustText = get('SECURITY_INFO_TRUST_PROXY') ?? '0';
  const trustProxy = /^\d{1,2}$/.test(trustText) ? Number(trustText) : NaN;
  if (Number.isNaN(trustProxy))
    fail('SECURITY_INFO_TRUST_PROXY', `must be a whole number of proxy hops, not "${trustText}".`);
  const serviceCredentials: Record<string, string> = {};
  for (const entry of list(get('SECURITY_INFO_SERVICE_CREDENTIALS') ?? '')) {
    const at = entry.indexOf('=');
    const name = entry.slice(0, at);
    // Neither part is repeated in the error: a token given without its name (base64 ends in "=") reads as a name
    // with no token, and one after another separator (`name:token=`) as a name that is not one.
    if (at <= 0 || !SERVICE_CALLER_NAME.test(name) || /^=*$/.test(entry.slice(at + 1))) {
      fail(
        'SECURITY_INFO_SERVICE_CREDENTIALS',
        'must be name=token pairs separated by commas, each name 1 to 64 letters, digits, ".", "_" or "-".',
      );
      break;
    }
    // A second token of one name would silently replace the first, and its caller be refused from then on.
    if (Object.hasOwn(serviceCredentials, name)) {
      fail('SECURITY_INFO_SERVICE_CREDENTIALS', `names ${name} twice: give each caller a name of its own.`);
      break;
    }
    serviceCredentials[name] = entry.slice(at + 1);
  }
  const minimumText = get('SECURITY_INFO_MINIMUM_MFA_METHODS');
  const minimumMfaMethods =
    minimumText !== undefined && /^\d{1,2}$/.test(minimumText) ? Number(minimumText) : undefined;
  if (minimumText !== undefined && minimumMfaMethods === undefined)
    fail('SECURITY_INFO_MINIMUM_MFA_METHODS', `must be a whole number such as 1, not "${minimumText}".`);
  const limitsText = get('SECURITY_INFO_LIMITS');
  const limits = limitsText === undefined ? undefined : readLimits(limitsText);
  if (typeof limits === 'string') fail('SECURITY_INFO_LIMITS', limits);
  const bodyTimeoutMs = milliseconds('SECURITY_INFO_BODY_TIMEOUT_MS', 1, 10_000);
  const stopDelayMs =
    milliseconds('SECURITY_INFO_STOP_DELAY_MS', 0, DEFAULT_STOP_DELAY_MS) ?? (development ? 0 : DEFAULT_STOP_DELAY_MS);
  const maxConnections = wholeNumber(
    'SECURITY_INFO_MAX_CONNECTIONS',
    'connections',
    1,
    1_000_000,
    DEFAULT_MAX_CONNECTIONS,
  );
  const metricsText = get('SECURITY_INFO_METRICS') ?? 'on';
  if (metricsText !== 'on' && metricsText !== 'off')
    fail('SECURITY_INFO_METRICS', `must be on or off, not "${metricsText}".`);

  const secret = get('SECURITY_INFO_SECRET');
  if (!development && (secret === undefined || new TextEncoder().encode(secret).length < MIN_SECRET_BYTES))
    fail(
      'SECURITY_INFO_SECRET',
      `${secret === undefined ? 'is required' : 'is too short'} in production: at least ${MIN_SECRET_BYTES} bytes ` +
        '(`openssl rand -base64 32`), the same on every instance.',
    );
  const previousSecrets = list(get('SECURITY_INFO_PREVIOUS_SECRETS') ?? '');
  // The handler refuses it too, in its options' names: here the variables are named, and the token never.
  for (const [name, token] of Object.entries(serviceCredentials)) {
    const key =
      token === secret
        ? 'SECURITY_INFO_SECRET'
        : previousSecrets.includes(token)
          ? 'SECURITY_INFO_PREVIOUS_SECRETS'
          : '';
    if (key)
      fail(
        'SECURITY_INFO_SERVICE_CREDENTIALS',
        `gives ${name} the key in ${key} as its token: a token is handed to its caller, and the key is the key of ` +
          "every code's hash and sealed app. Give each a value of its own.",
      );
  }
  const allowedOrigins = list(get('SECURITY_INFO_ALLOWED_ORIGINS') ?? '');
  const publicOrigin = get('SECURITY_INFO_PUBLIC_ORIGIN');
  const totpIssuer = get('SECURITY_INFO_TOTP_ISSUER');
  unusedUnless('authenticator-app', ['SECURITY_INFO_TOTP_ISSUER'], 'when the policy offers no authenticator app');
  // Passkeys: all three when the policy offers them, none when it does not.
  const rpVariables = ['SECURITY_INFO_RP_ID', 'SECURITY_INFO_RP_NAME', 'SECURITY_INFO_RP_ORIGINS'] as const;
  const [rpId, rpName, rpOriginsText] = rpVariables.map(get);
  const rpOrigins = list(rpOriginsText ?? '');
  const rpGiven = rpVariables.filter((name) => get(name) !== undefined);
  const offersPasskeys = offers('passkey');
  unusedUnless('passkey', rpVariables, 'when the policy offers no passkeys');
  if (offersPasskeys)
    for (const name of rpVariables)
      if (get(name) === undefined)
        fail(
          name,
          rpGiven.length === 0
            ? 'is required: the policy offers passkeys, which need SECURITY_INFO_RP_ID, _RP_NAME and _RP_ORIGINS.'
            : `is required with ${rpGiven.join(' and ')}: passkeys need the RP id, name and origins together.`,
        );
  // Sessions and codes would cross the network unencrypted: production takes plain HTTP from this machine only.
  const refusePlainHttp = (name: string, origins: readonly string[]) => {
    for (const origin of origins) {
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        continue; // Not an origin at all: the handler's own check names it.
      }
      if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname))
        fail(
          name,
          `has ${url.origin}, an http: origin: sessions and security codes would cross the network unencrypted. ` +
            'Use https (http: only for localhost, 127.0.0.1 and ::1, or with NODE_ENV=development).',
        );
    }
  };
  if (!development) {
    refusePlainHttp('SECURITY_INFO_PUBLIC_ORIGIN', publicOrigin === undefined ? [] : [publicOrigin]);
    refusePlainHttp('SECURITY_INFO_ALLOWED_ORIGINS', allowedOrigins);
    refusePlainHttp('SECURITY_INFO_RP_ORIGINS', offersPasskeys ? rpOrigins : []);
  }
  const options: NodeHandlerOptions = {
    authenticate: authenticate ?? (() => null),
    development,
    basePath: basePath.replace(/\/$/, ''),
    ...(sender ? { sender } : {}),
    ...(emailSender ? { emailSender } : {}),
    ...(secret !== undefined ? { secret } : {}),
    ...(previousSecrets.length ? { previousSecrets } : {}),
    ...(policy ? { policy } : {}),
    ...(allowedOrigins.length ? { allowedOrigins } : {}),
    ...(publicOrigin !== undefined ? { publicOrigin } : {}),
    ...(trustProxy > 0 ? { trustProxy, clientKey: forwardedFor(trustProxy) } : {}),
    ...(Object.keys(serviceCredentials).length ? { serviceCredentials } : {}),
    ...(totpIssuer !== undefined ? { totpIssuer } : {}),
    ...(limits && typeof limits === 'object' ? { limits } : {}),
    ...(recentAuthentication ? { recentAuthentication } : {}),
    ...(recentAuthentication && reauthenticate ? { reauthenticate: reauthenticate as SensitiveOperation[] } : {}),
    ...(minimumMfaMethods !== undefined ? { minimumMfaMethods } : {}),
    ...(dependencyTimeoutMs !== undefined ? { dependencyTimeoutMs } : {}),
    ...(bodyTimeoutMs !== undefined ? { bodyTimeoutMs } : {}),
    ...(offersPasskeys && rpId !== undefined && rpName !== undefined && rpOrigins.length
      ? { rpId, rpName, rpOrigins }
      : {}),
  };

  // The handler's own rules (the secret's length, origins, credentials), checked as it will check them.
  if (errors.length === 0) {
    try {
      const quiet = { warn: () => undefined, error: () => undefined };
      resolveOptions({ clientKey: () => undefined, ...options, logger: quiet });
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      errors.push(fromThrown(error, HANDLER_OPTIONS, 'SECURITY_INFO_SECRET'));
    }
  }
  if (errors.length > 0) return { errors };
  return {
    options,
    listen: { port, host },
    ...(managementText !== undefined ? { management: { port: managementPort, host: managementHost } } : {}),
    database,
    metrics: metricsText === 'on',
    stopDelayMs,
    maxConnections: maxConnections ?? DEFAULT_MAX_CONNECTIONS,
    warnings,
    ...(devUser !== undefined ? { devUser } : {}),
  };
}

/**
 * The host a PostgreSQL URL reaches in clear text, or `undefined`: TLS is asked for (or explicitly not) by its
 * `sslmode` or `ssl`, or by PostgreSQL's own PGSSLMODE as the driver reads it; or the server is this machine's.
 */
function plainTextHost(url: string, sslMode: string | undefined): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined; // Refused already.
  }
  if (parsed.searchParams.has('sslmode') || parsed.searchParams.has('ssl') || sslMode !== undefined) return undefined;
  const host = parsed.searchParams.get('host') ?? decodeURIComponent(parsed.hostname);
  // No host is the driver's localhost; a path is a Unix socket.
  if (host === '' || host.startsWith('/') || LOCAL_HOSTS.has(host) || host === '::1') return undefined;
  return host;
}

/**
 * `SECURITY_INFO_SECURITY_QUESTIONS`: predefined ids separated by commas, or the policy's `securityQuestions` as
 * JSON. Answers the section, or why it is not one.
 */
function readQuestions(text: string): SecurityQuestionsPolicy | string {
  let value: unknown;
  if (text.trim().startsWith('{')) {
    try {
      value = JSON.parse(text);
    } catch (error) {
      return `is not JSON (${(error as Error).message}).`;
    }
  } else {
    const ids = list(text);
    const unknown = ids.filter((id) => !(PREDEFINED_QUESTION_IDS as readonly string[]).includes(id));
    if (unknown.length)
      return `lists ${unknown.join(', ')}, not predefined questions (${PREDEFINED_QUESTION_IDS.join(', ')}); word a question of your own in JSON.`;
    value = { questions: ids.map((id) => ({ id })) };
  }
  try {
    return parsePolicy({ methods: [], securityQuestions: value }).securityQuestions!;
  } catch (error) {
    return `${describeThrown(error)}.`;
  }
}

/**
 * `SECURITY_INFO_LIMITS`: a JSON object of the limits to change. Answers them, or why they are not limits; their
 * values are checked by the handler's own rules (resolveOptions), as a host's code would be.
 */
function readLimits(text: string): Partial<Limits> | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `is not JSON (${(error as Error).message}).`;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return 'must be a JSON object of limits, such as {"maxConsecutiveFailures": 10}.';
  const unknown = Object.keys(value).filter((name) => !Object.hasOwn(DEFAULT_LIMITS, name));
  if (unknown.length)
    return `names ${unknown.join(', ')}, not limits of the server (${Object.keys(DEFAULT_LIMITS).join(', ')}).`;
  return value as Partial<Limits>;
}

function describeThrown(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `cannot be read (${code})` : error.message;
  }
  return String(error);
}

/** `--help`: what the command does and every variable, with its default. */
export function helpText(): string {
  const width = Math.max(...VARIABLES.map((variable) => variable.name.length));
  const lines = VARIABLES.map(
    (variable) =>
      `  ${variable.name.padEnd(width)}  ${variable.meaning.replace(/`/g, '')}\n  ${' '.repeat(width)}  ` +
      `(default: ${variable.default.replace(/`/g, '')})`,
  );
  return [
    'Usage: security-info-server',
    '',
    'Serves the security-info HTTP contract, with health (/healthz), readiness (/readyz) and metrics (/metrics) at',
    'the root, or on SECURITY_INFO_MANAGEMENT_PORT only, off the public port. Configured by environment variables',
    'only; an unknown SECURITY_INFO_* variable or a malformed value stops the start (exit code 2). SIGTERM or SIGINT',
    'stops it cleanly.',
    '',
    'Variables:',
    ...lines,
    '',
  ].join('\n');
}
