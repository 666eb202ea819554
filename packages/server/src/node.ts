/**
 * Adapters from the web-standard handler to `node:http` and to Connect/Express-style middleware. They never throw:
 * a request Node accepted but the Fetch API cannot represent (an unknown method, a malformed Host) is answered
 * here, and a failure while answering ends that one response, not the process.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { connectionAddress } from './client.js';
import { createSecurityInfoHandler } from './handler.js';
import { ALLOW_KNOWN, KNOWN_METHODS } from './http.js';
import type { SecurityInfoHandler, SecurityInfoHandlerOptions } from './options.js';

/** The Node adapters' options: `clientKey` defaults to the socket's address. */
export type NodeHandlerOptions = Omit<SecurityInfoHandlerOptions, 'clientKey'> &
  Partial<Pick<SecurityInfoHandlerOptions, 'clientKey'>>;

const HOST = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]{1,253})(?::\d{1,5})?$/;

function plain(res: ServerResponse, status: number, headers: Record<string, string> = {}, body?: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(
    body ?? JSON.stringify({ error: 'unknown', message: status === 405 ? 'Method not allowed.' : 'Bad request.' }),
  );
}

/** The request as the handler sees it, or `undefined` when Node accepted something a `Request` cannot be. */
function toRequest(req: IncomingMessage, path: string): Request | undefined {
  const host = req.headers.host ?? 'localhost';
  if (!HOST.test(host)) return undefined;
  let url: URL;
  try {
    // A path is read as a path: resolved against the Host, `//evil.example/...` would name another origin.
    url = path.startsWith('/') ? new URL(`http://${host}${path}`) : new URL(path);
  } catch {
    return undefined;
  }
  const headers = new Headers();
  try {
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || name.startsWith(':')) continue;
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    }
  } catch {
    return undefined;
  }
  const hasBody = req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH' || req.method === 'DELETE';
  try {
    return new Request(url, {
      method: req.method!,
      headers,
      ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
    } as RequestInit);
  } catch {
    return undefined;
  }
}

/**
 * An answer given before the request's body was read to its end (a refusal, a body over the limit) closes the
 * connection: Node does not drain a body the handler stopped reading, so the next request on a kept-alive connection
 * would wait behind the unread bytes, never answered.
 */
function closeIfUnread(req: IncomingMessage, res: ServerResponse): void {
  if (!req.complete && !res.headersSent) res.setHeader('connection', 'close');
}

async function write(response: Response, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  if (res.headersSent || res.destroyed) return;
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  closeIfUnread(req, res);
  res.end(body);
}

function answer(handler: SecurityInfoHandler, req: IncomingMessage, res: ServerResponse, path: string): void {
  // A client that goes away mid-request must not become an unhandled 'error' event.
  req.on('error', () => undefined);
  res.on('error', () => undefined);
  if (!req.method || !KNOWN_METHODS.has(req.method)) {
    plain(res, 405, { allow: ALLOW_KNOWN });
    req.resume();
    return;
  }
  const request = toRequest(req, path);
  if (!request) {
    plain(res, 400);
    req.resume();
    return;
  }
  // Read now: once Node destroys the socket (a malformed body, a client gone), its address is no longer known.
  const connection = { remoteAddress: req.socket?.remoteAddress };
  Promise.resolve()
    .then(() => handler(request, connection))
    .then((response) => write(response, req, res))
    .catch(() => {
      try {
        closeIfUnread(req, res);
        plain(res, 503, {}, JSON.stringify({ error: 'unknown', message: 'Something went wrong. Try again.' }));
      } catch {
        res.destroy();
      }
    });
}

/** A `node:http` request listener: `http.createServer(toNodeListener(handler))`. */
export function toNodeListener(handler: SecurityInfoHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => answer(handler, req, res, req.url ?? '/');
}

/** The handler for `node:http`, with the client told by the socket's address (see `clientKey` to change it). */
export function createSecurityInfoListener(
  options: NodeHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  return toNodeListener(createSecurityInfoHandler({ clientKey: connectionAddress, ...options }));
}

/** Connect/Express middleware that answers the routes under `basePath` and passes everything else on. */
export function createSecurityInfoMiddleware(
  options: NodeHandlerOptions,
): (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void {
  const basePath = (options.basePath ?? '/api/security-info').replace(/\/+$/, '');
  const handler = createSecurityInfoHandler({ clientKey: connectionAddress, ...options });
  return (req, res, next) => {
    // Express strips a mount path from req.url; originalUrl keeps it.
    const full = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
    const path = full.split('?')[0]!;
    if (path === basePath || path.startsWith(`${basePath}/`)) answer(handler, req, res, full);
    else next();
  };
}
