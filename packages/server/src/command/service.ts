/**
 * The service the command runs: the store it opens (and the lock on its folder), the handler under the base path,
 * health, readiness and metrics at the root or on a management port of their own, and a stop that lets requests in
 * flight finish.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createSecurityInfoListener } from '../node.js';
import { describeError } from '../redact.js';
import type { SecurityInfoStore } from '../store.js';
import type { ServiceConfig } from './config.js';
import { capConnections } from './connection-cap.js';
import { createCommandServer, listenOn, REQUEST_TIMEOUT_MS, requestTimeoutFor } from './http-server.js';
import { lockFolder, type FolderLock } from './lock.js';
import { answer, createOperations, managementAnswer, type Operations } from './management.js';
import { createPrometheusMetrics } from './metrics.js';

export {
  HEADERS_TIMEOUT_MS,
  KEEP_ALIVE_TIMEOUT_MS,
  REQUEST_TIMEOUT_MS,
  requestTimeoutFor,
  TIMEOUT_CHECK_MS,
} from './http-server.js';

/** How long a stop waits for requests in flight, once it no longer accepts connections, before closing them. */
export const STOP_GRACE_MS = 10_000;

/**
 * The most connections the management listener holds at once: probes and a scraper or two need a handful; a flood of
 * the port (it may be reachable from more than the probes) cannot take the sockets and memory the process has.
 */
export const MANAGEMENT_MAX_CONNECTIONS = 64;

export interface RunningService {
  /** `http://host:port`, the port the server got. */
  origin: string;
  server: Server;
  /** With `SECURITY_INFO_MANAGEMENT_PORT`: the listener of health, readiness and metrics, which the public lacks. */
  management?: { origin: string; server: Server };
  /**
   * Fails readiness and goes on serving for the configured stop delay (for load balancers to take the instance out),
   * then stops accepting, lets requests in flight finish (at most {@link STOP_GRACE_MS}), closes the store and the lock.
   */
  stop(): Promise<void>;
}

export interface ServiceOutput {
  info(line: string): void;
  error(line: string): void;
}

/** Opening the database failed: the message says which database, where, and what to check, never a password. */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

/** Errors of a server that was not reached: not running, a wrong host or port, a network in the way. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Why PostgreSQL at `url` could not be opened, for the operator: `user@host:port/database` (no password), the
 * driver's reason with any password in it masked, and what to check.
 */
export function describePostgresFailure(url: string, error: unknown): string {
  let where = 'an unreadable URL';
  const secrets: string[] = [];
  try {
    const parsed = new URL(url);
    const user = decodeURIComponent(parsed.username);
    const database = decodeURIComponent(parsed.pathname.slice(1));
    where = `${user ? `${user}@` : ''}${parsed.hostname || 'localhost'}:${parsed.port || '5432'}/${database || user}`;
    secrets.push(parsed.password, decodeURIComponent(parsed.password), parsed.searchParams.get('password') ?? '');
  } catch {
    // The URL was checked when the configuration was read; the driver's reason says the rest.
  }
  const code = (error as { code?: unknown } | null)?.code;
  let reason = error instanceof Error ? error.message : String(error);
  if (!reason && error instanceof AggregateError) reason = error.errors.map((each) => String(each?.message)).join('; ');
  if (!reason) reason = typeof code === 'string' ? code : 'no reason given';
  for (const secret of secrets) if (secret) reason = reason.split(secret).join('***');
  return typeof code === 'string' && UNREACHABLE.has(code)
    ? `could not reach PostgreSQL at DATABASE_URL (${where}, password not shown): ${reason}; check that it runs ` +
        'and that DATABASE_URL names its host and port.'
    : `could not open PostgreSQL at DATABASE_URL (${where}, password not shown): ${reason}; check the user, ` +
        'password and database in DATABASE_URL, and that the user may create tables in it.';
}

async function openStore(config: ServiceConfig, out: ServiceOutput): Promise<SecurityInfoStore> {
  const { database } = config;
  if (database.kind === 'postgres') {
    const { openPostgresStore } = await import('../postgres-store.js');
    try {
      return await openPostgresStore({
        connectionString: database.url,
        onIdleError: (error) => out.error(`[security-info] a PostgreSQL connection failed: ${describeError(error)}`),
      });
    } catch (error) {
      throw new DatabaseOpenError(describePostgresFailure(database.url, error), { cause: error });
    }
  }
  const { openPGliteStore } = await import('../pglite-store.js');
  return openPGliteStore({ dataDir: database.dataDir });
}

/** Opens the store (locking its folder first), then listens. Throws when either cannot be done. */
export async function startService(config: ServiceConfig, out: ServiceOutput): Promise<RunningService> {
  const lock: FolderLock | undefined =
    config.database.kind === 'pglite' ? lockFolder(config.database.dataDir) : undefined;
  let store: SecurityInfoStore;
  try {
    store = await openStore(config, out);
  } catch (error) {
    lock?.release();
    throw error;
  }

  const metrics = config.metrics ? createPrometheusMetrics() : undefined;
  const listener = createSecurityInfoListener({
    ...config.options,
    store,
    ...(metrics ? { metrics: metrics.hooks } : {}),
  });
  // Stopping: readiness fails and each connection closes after its answer. Closing: no new connections either.
  let stopping = false;
  let closing = false;
  const inFlight = new Set<ServerResponse>();
  const operations = createOperations(store, metrics, () => stopping);

  /**
   * A request of either listener, kept track of for the stop, answered by `respond`: a failure of it is a 503 and a
   * line on stderr, never an unanswered request or a crash.
   */
  function serve(server: Server, req: IncomingMessage, res: ServerResponse, respond: Operations): void {
    inFlight.add(res);
    // Once stopping, each connection closes after its answer rather than waiting for another request.
    if (stopping) res.setHeader('connection', 'close');
    res.on('close', () => {
      inFlight.delete(res);
      if (closing) server.closeIdleConnections();
    });
    const path = (req.url ?? '/').split('?')[0]!;
    respond(req, res, path).catch((error: unknown) => {
      out.error(`[security-info] ${path} failed: ${describeError(error)}`);
      if (!res.headersSent) answer(res, 503, { status: 'unavailable' });
      else res.destroy();
    });
  }

  // With a management port, the public one answers the contract only: the operations' paths are unknown paths.
  const publicAnswer: Operations = async (req, res, path) => {
    if (config.management || !(await operations(req, res, path))) listener(req, res);
    return true;
  };
  const server = createCommandServer(requestTimeoutFor(config.options.bodyTimeoutMs), (req, res) => {
    trackRequest(req, res);
    serve(server, req, res, publicAnswer);
  });
  const trackRequest = capConnections(server, config.maxConnections, (line) => out.error(line));
  // Not under the public cap: a flood of the public port keeps neither probes nor scrapes out. Probes send no body.
  // A cap of its own instead, so that a flood of this port cannot take what the public one needs either.
  const toManagement = managementAnswer(operations);
  const managementServer =
    config.management &&
    createCommandServer(REQUEST_TIMEOUT_MS, (req, res) => {
      trackManagement!(req, res);
      serve(managementServer!, req, res, toManagement);
    });
  const trackManagement =
    managementServer &&
    capConnections(
      managementServer,
      MANAGEMENT_MAX_CONNECTIONS,
      (line) => out.error(line),
      'the management port’s cap',
    );
  const servers = managementServer ? [server, managementServer] : [server];

  let origin: string;
  let management: RunningService['management'];
  try {
    origin = await listenOn(server, config.listen);
    if (managementServer)
      management = { origin: await listenOn(managementServer, config.management!), server: managementServer };
  } catch (error) {
    for (const each of servers) if (each.listening) each.close();
    await store.close().catch(() => undefined);
    lock?.release();
    throw error;
  }

  let stopped: Promise<void> | undefined;
  function stop(): Promise<void> {
    stopped ??= (async () => {
      stopping = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      // Load balancers take a while to notice: until then the requests they send, and their probes, are answered
      // (each connection closing after its answer), readiness with 503.
      if (config.stopDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, config.stopDelayMs));
      closing = true;
      const closed = Promise.all(servers.map((each) => new Promise<void>((resolve) => each.close(() => resolve()))));
      for (const each of servers) each.closeIdleConnections();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const grace = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), STOP_GRACE_MS)));
      if ((await Promise.race([closed, grace])) === 'late') {
        out.error(`[security-info] ${inFlight.size} request(s) still running after ${STOP_GRACE_MS} ms: closed`);
        for (const each of servers) each.closeAllConnections();
        await closed;
      }
      clearTimeout(timer);
      try {
        await store.close();
      } finally {
        lock?.release();
      }
    })();
    return stopped;
  }

  return { origin, server, ...(management ? { management } : {}), stop };
}
