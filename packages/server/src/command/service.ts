/**
 * The service the command runs: the store it opens (and the lock on its folder), the handler under the base path,
 * health, readiness and metrics at the root, Node's time-outs, and a stop that lets requests in flight finish.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createSecurityInfoListener } from '../node.js';
import { DEFAULT_BODY_TIMEOUT_MS } from '../options.js';
import { describeError } from '../redact.js';
import type { SecurityInfoStore } from '../store.js';
import type { ServiceConfig } from './config.js';
import { capConnections } from './connection-cap.js';
import { lockFolder, type FolderLock } from './lock.js';
import { createPrometheusMetrics } from './metrics.js';

/** How long a request may take to send its headers: a slow client holds a connection no longer. */
export const HEADERS_TIMEOUT_MS = 15_000;
/**
 * How long a whole request may take to arrive, at least: the headers' time and the body's (the handler bounds the
 * body itself, 10 s by default), with room to spare. A longer `SECURITY_INFO_BODY_TIMEOUT_MS` lengthens it.
 */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * The whole request's time for a handler that waits `bodyTimeoutMs` for a body: Node would otherwise cut a body the
 * configuration allows, at 30 s, with none of the handler's 408.
 */
export const requestTimeoutFor = (bodyTimeoutMs = DEFAULT_BODY_TIMEOUT_MS) =>
  Math.max(REQUEST_TIMEOUT_MS, HEADERS_TIMEOUT_MS + bodyTimeoutMs + 5_000);
/**
 * How long an idle keep-alive connection stays open: longer than the 60 s idle time-out of common load balancers,
 * so that they, not this server, close it (a server closing first can race a request the balancer just sent).
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;
/**
 * How often Node looks for requests past those time-outs. Its default, 30 s, would let a slow client hold a
 * connection for up to 45 s rather than the 15 s said above.
 */
export const TIMEOUT_CHECK_MS = 1_000;
/** How long a stop waits for requests in flight, once it no longer accepts connections, before closing them. */
export const STOP_GRACE_MS = 10_000;
/** How long the readiness check waits for the store. */
const READY_TIMEOUT_MS = 2_000;

export interface RunningService {
  /** `http://host:port`, the port the server got. */
  origin: string;
  server: Server;
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

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Whether `work` settles in time without failing. */
async function answersWithin(work: () => Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([
      work().then(
        () => true,
        () => false,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
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

  async function operations(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    if (path !== '/healthz' && path !== '/readyz' && !(path === '/metrics' && metrics)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return true;
    }
    if (path === '/healthz') answer(res, 200, { status: 'ok' });
    else if (path === '/readyz') {
      // A stopping instance says so, for load balancers to stop sending it requests.
      if (stopping) answer(res, 503, { status: 'stopping' });
      else if (await answersWithin(() => store.ping(), READY_TIMEOUT_MS)) answer(res, 200, { status: 'ready' });
      else answer(res, 503, { status: 'unavailable', reason: 'the database does not answer' });
    } else {
      const { contentType, body } = await metrics!.render();
      res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
    }
    return true;
  }

  const server = createServer(
    {
      headersTimeout: HEADERS_TIMEOUT_MS,
      requestTimeout: requestTimeoutFor(config.options.bodyTimeoutMs),
      keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
      connectionsCheckingInterval: TIMEOUT_CHECK_MS,
    },
    (req, res) => {
      inFlight.add(res);
      trackRequest(req, res);
      // Once stopping, each connection closes after its answer rather than waiting for another request.
      if (stopping) res.setHeader('connection', 'close');
      res.on('close', () => {
        inFlight.delete(res);
        if (closing) server.closeIdleConnections();
      });
      const path = (req.url ?? '/').split('?')[0]!;
      operations(req, res, path)
        .then((answered) => {
          if (!answered) listener(req, res);
        })
        .catch((error) => {
          out.error(`[security-info] ${path} failed: ${describeError(error)}`);
          if (!res.headersSent) answer(res, 503, { status: 'unavailable' });
          else res.destroy();
        });
    },
  );
  const trackRequest = capConnections(server, config.maxConnections, (line) => out.error(line));

  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // Bytes written while an answer is on its way would be read as part of that answer.
    const answering = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (!socket.writable || answering?.headersSent) {
      socket.destroy();
      return;
    }
    const [status, reason, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'The request headers are too large.']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout', 'The request took too long to arrive.']
          : [400, 'Bad Request', 'Bad request.'];
    const body = JSON.stringify({ error: status === 408 ? 'timeout' : 'unknown', message });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncache-control: no-store\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.listen.port, config.listen.host, () => {
        server.removeListener('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await store.close().catch(() => undefined);
    lock?.release();
    throw error;
  }
  const { address, port } = server.address() as AddressInfo;
  const origin = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;

  let stopped: Promise<void> | undefined;
  function stop(): Promise<void> {
    stopped ??= (async () => {
      stopping = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      // Load balancers take a while to notice: until then the requests they send, and their probes, are answered
      // (each connection closing after its answer), readiness with 503.
      if (config.stopDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, config.stopDelayMs));
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const grace = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), STOP_GRACE_MS)));
      if ((await Promise.race([closed, grace])) === 'late') {
        out.error(`[security-info] ${inFlight.size} request(s) still running after ${STOP_GRACE_MS} ms: closed`);
        server.closeAllConnections();
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

  return { origin, server, stop };
}
