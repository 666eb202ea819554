/**
 * The reference backend: a web-standard `(request, connection?) => Promise<Response>` for the HTTP contract in
 * `docs/http-contract.md`. Every request is answered: bad input with a 4xx, a broken dependency (a store, sender or
 * hook that fails or hangs) with a 503, never with a crash or a stack trace.
 *
 * request -> method and path -> CORS -> authenticate -> origin check -> route (limits, riskCheck) -> store -> sender
 *                                                                               \-> registrations (the same transaction)
 */
import { createAppRoutes } from './app-routes.js';
import { createChallenges, type Caller } from './challenges.js';
import { createEmailRoutes } from './email-routes.js';
import type { ConnectionInfo } from './client.js';
import { ALLOW_KNOWN, KNOWN_METHODS, Refusal, readJson, refuse, respond } from './http.js';
import { createMethodRoutes } from './method-routes.js';
import { resolveOptions, type SecurityInfoHandler, type SecurityInfoHandlerOptions } from './options.js';
import { createOriginPolicy } from './origin.js';
import { PASSKEY_BODY_BYTES, createPasskeyRoutes } from './passkey-routes.js';
import { createRecoveryRoutes } from './recovery-codes.js';
import { createPhoneRoutes } from './phone-routes.js';
import { createQuestionRoutes } from './question-routes.js';
import { describeError } from './redact.js';
import { createRegistrations } from './registrations.js';
import { createServiceRoutes } from './service-routes.js';
import { DependencyTimeout, KnownOutage, within } from './timeout.js';
import { isUserId } from './store.js';

/** How often, on the handler's own clock, expired challenges and passed rate windows are swept. */
const SWEEP_EVERY_MS = 60_000;
const ID = '([A-Za-z0-9_-]{1,64})';

type Route =
  | { kind: 'policy'; methods: readonly string[] }
  | { kind: 'send'; methods: readonly string[] }
  | { kind: 'challenge'; methods: readonly string[]; id: string; action: 'resend' | 'verify' }
  | { kind: 'confirmation'; methods: readonly string[]; id: string }
  | { kind: 'methods'; methods: readonly string[] }
  | { kind: 'method'; methods: readonly string[]; id: string }
  | { kind: 'default'; methods: readonly string[] }
  | { kind: 'email-send'; methods: readonly string[] }
  | { kind: 'email-challenge'; methods: readonly string[]; id: string; action: 'resend' | 'verify' }
  | { kind: 'questions'; methods: readonly string[] }
  | { kind: 'app-setup'; methods: readonly string[] }
  | { kind: 'app-verify'; methods: readonly string[]; id: string }
  | { kind: 'passkey-options'; methods: readonly string[] }
  | { kind: 'passkeys'; methods: readonly string[] }
  | { kind: 'recovery-codes'; methods: readonly string[] };

/** The person's routes; the service API lives under `/service/`. */
function findRoute(path: string): Route | undefined {
  if (path === '/policy') return { kind: 'policy', methods: ['GET', 'HEAD'] };
  if (path === '/methods') return { kind: 'methods', methods: ['GET', 'HEAD'] };
  if (path === '/methods/default') return { kind: 'default', methods: ['PUT'] };
  const method = new RegExp(`^/methods/${ID}$`).exec(path);
  if (method) return { kind: 'method', methods: ['DELETE', 'PATCH'], id: method[1]! };
  if (path === '/phone/challenges') return { kind: 'send', methods: ['POST'] };
  const challenge = new RegExp(`^/phone/challenges/${ID}/(resend|verify)$`).exec(path);
  if (challenge) return { kind: 'challenge', methods: ['POST'], id: challenge[1]!, action: challenge[2] as 'resend' };
  const confirmation = new RegExp(`^/phone/challenges/${ID}/confirmation$`).exec(path);
  if (confirmation) return { kind: 'confirmation', methods: ['GET', 'HEAD'], id: confirmation[1]! };
  if (path === '/email/challenges') return { kind: 'email-send', methods: ['POST'] };
  const email = new RegExp(`^/email/challenges/${ID}/(resend|verify)$`).exec(path);
  if (email) return { kind: 'email-challenge', methods: ['POST'], id: email[1]!, action: email[2] as 'resend' };
  if (path === '/security-questions') return { kind: 'questions', methods: ['PUT'] };
  if (path === '/authenticator-app/challenges') return { kind: 'app-setup', methods: ['POST'] };
  const app = new RegExp(`^/authenticator-app/challenges/${ID}/verify$`).exec(path);
  if (app) return { kind: 'app-verify', methods: ['POST'], id: app[1]! };
  if (path === '/passkey/registration-options') return { kind: 'passkey-options', methods: ['POST'] };
  if (path === '/passkeys') return { kind: 'passkeys', methods: ['POST'] };
  if (path === '/recovery-codes') return { kind: 'recovery-codes', methods: ['POST'] };
  return undefined;
}

/** The route's name for metrics: what it does, never an id it carries. */
function routeName(path: string): string {
  if (path.startsWith('/service/')) return 'service';
  const found = findRoute(path);
  if (!found) return 'other';
  if (found.kind === 'email-challenge') return `email-${found.action}`;
  return found.kind === 'challenge' ? found.action : found.kind;
}

export function createSecurityInfoHandler(options: SecurityInfoHandlerOptions): SecurityInfoHandler {
  const config = resolveOptions(options);
  const { basePath, store, logger } = config;
  const origins = createOriginPolicy(config);
  const challenges = createChallenges(config);
  const registrations = createRegistrations(config);
  const phone = createPhoneRoutes(config, challenges, registrations);
  const methods = createMethodRoutes(challenges, registrations);
  const email = createEmailRoutes(config, challenges, registrations, phone);
  const questions = createQuestionRoutes(config, challenges, registrations);
  const app = createAppRoutes(config, challenges, registrations);
  const passkeys = createPasskeyRoutes(config, challenges, registrations);
  const recovery = createRecoveryRoutes(config, challenges, registrations);
  const service = createServiceRoutes(
    config,
    challenges,
    registrations,
    phone,
    {
      'authenticator-app': app.verifyRegistered,
      'security-questions': questions.verifyRegistered,
      'recovery-codes': recovery.verifyRegistered,
    },
    email,
    passkeys,
  );
  const wait = <T>(work: Promise<T> | T, what: string) => within(work, config.dependencyTimeoutMs, what);
  let nextSweep = 0;

  function sweepNowAndThen(): void {
    const at = config.clock();
    if (at < nextSweep) return;
    nextSweep = at + SWEEP_EVERY_MS;
    wait(store.sweep(at), 'the store').catch(() => logger.warn('[security-info] sweeping the store failed'));
  }

  async function authenticated(request: Request): Promise<string> {
    const userId = await wait(config.authenticate(request), 'authenticate');
    if (!isUserId(userId)) {
      throw new Refusal(401, 'unauthenticated', 'Sign in to continue.', {}, { 'www-authenticate': 'Bearer' });
    }
    return userId;
  }

  function clientOf(request: Request, connection: ConnectionInfo): string {
    const client = config.clientKey(request, connection);
    if (client) return client.slice(0, 128);
    logger.error(
      '[security-info] no client address: behind proxies (trustProxy, SECURITY_INFO_TRUST_PROXY), the request lacks ' +
        'the X-Forwarded-For entries they append; otherwise pass the connection to the handler, or set clientKey',
    );
    throw new Refusal(503, 'unknown', 'The service is not configured to tell clients apart.');
  }

  /** The request's JSON body, within the size limit (some bodies have a larger one of their own, below). */
  const body = (request: Request, maxBytes = config.limits.maxBodyBytes) =>
    readJson(request, maxBytes, config.bodyTimeoutMs);
  // A passkey's answer, and answers to security questions: 200 characters each, which in many scripts take three
  // bytes apiece, so that four such answers are over 2 KB already.
  const largeBodyBytes = Math.max(config.limits.maxBodyBytes, PASSKEY_BODY_BYTES);

  async function route(request: Request, connection: ConnectionInfo, path: string): Promise<Response> {
    if (path.startsWith('/service/')) {
      return service.route(
        request,
        path.slice('/service'.length),
        () => clientOf(request, connection),
        (large) => body(request, large ? largeBodyBytes : undefined),
      );
    }
    const found = findRoute(path);
    if (!found) throw new Refusal(404, 'unknown', 'Not found.');
    if (request.method === 'OPTIONS' && request.headers.has('access-control-request-method'))
      return origins.preflight(request, found.methods);
    if (!found.methods.includes(request.method))
      throw new Refusal(405, 'unknown', 'Method not allowed.', {}, { allow: found.methods.join(', ') });
    const userId = await authenticated(request);
    if (found.kind === 'policy') return respond(200, config.policy);
    const caller: Caller = { userId, client: clientOf(request, connection), request, actor: 'user' };
    if (found.kind === 'methods') return methods.list(caller);
    if (found.kind === 'confirmation') return phone.confirmation(caller, found.id);
    origins.checkStateChange(request);
    if (found.kind === 'method' && request.method === 'DELETE') return methods.remove(caller, found.id);
    const large = found.kind === 'passkeys' || found.kind === 'questions';
    const json = await body(request, large ? largeBodyBytes : undefined);
    if (found.kind === 'method') return methods.rename(caller, found.id, json);
    if (found.kind === 'default') return methods.setDefault(caller, json);
    if (found.kind === 'send') return phone.send(caller, json);
    if (found.kind === 'email-send') return email.send(caller, json);
    if (found.kind === 'email-challenge')
      return found.action === 'resend' ? email.resend(caller, found.id, json) : email.verify(caller, found.id, json);
    if (found.kind === 'questions') return questions.save(caller, json);
    if (found.kind === 'app-setup') return app.start(caller, json);
    if (found.kind === 'app-verify') return app.verify(caller, found.id, json);
    if (found.kind === 'passkey-options') return passkeys.registrationOptions(caller);
    if (found.kind === 'passkeys') return passkeys.finish(caller, json);
    if (found.kind === 'recovery-codes') return recovery.generate(caller);
    return found.action === 'resend' ? phone.resend(caller, found.id, json) : phone.verify(caller, found.id, json);
  }

  async function answer(request: Request, connection: ConnectionInfo, path: string | undefined): Promise<Response> {
    let cors: Record<string, string> = {};
    try {
      sweepNowAndThen();
      if (!KNOWN_METHODS.has(request.method))
        return respond(405, { error: 'unknown', message: 'Method not allowed.' }, { allow: ALLOW_KNOWN });
      if (path === undefined) return respond(404, { error: 'unknown', message: 'Not found.' });
      // A preflight carries its own answer; every other answer to an allowed origin must be readable by it.
      if (request.method !== 'OPTIONS') cors = origins.corsHeaders(request);
      const response = await route(request, connection, path);
      for (const [name, value] of Object.entries(cors))
        if (!response.headers.has(name)) response.headers.set(name, value);
      return response;
    } catch (error) {
      if (error instanceof Refusal) {
        config.metrics.refused({ route: routeName(path ?? ''), error: error.code, status: error.status });
        const response = refuse(error);
        for (const [name, value] of Object.entries(cors)) response.headers.set(name, value);
        return response;
      }
      if (error instanceof DependencyTimeout || error instanceof KnownOutage) {
        // A known outage was logged when it began.
        if (error instanceof DependencyTimeout) logger.error(`[security-info] ${error.message}`);
        return respond(
          503,
          { error: 'unknown', message: 'The service is busy. Try again.' },
          { 'retry-after': '5', ...cors },
        );
      }
      // A dependency failed (a store down, a hook that threw): the contract's unknown, never a stack trace.
      logger.error(`[security-info] request failed: ${describeError(error)}`);
      return respond(503, { error: 'unknown', message: 'Something went wrong. Try again.' }, cors);
    }
  }

  return async function handle(request: Request, connection: ConnectionInfo = {}): Promise<Response> {
    const started = performance.now();
    const { pathname } = new URL(request.url);
    // The path below the base path, or undefined for a request outside it.
    const path =
      pathname === basePath || pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : undefined;
    const response = await answer(request, connection, path);
    config.metrics.answered({
      route: path === undefined ? 'other' : routeName(path),
      method: KNOWN_METHODS.has(request.method) ? request.method : 'other',
      status: response.status,
      seconds: (performance.now() - started) / 1000,
    });
    return response;
  };
}
