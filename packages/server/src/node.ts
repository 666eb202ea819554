/** Adapters from the web-standard handler to `node:http` and to Connect/Express-style middleware. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { createSecurityInfoHandler, type SecurityInfoHandlerOptions } from './handler.js';

type Handler = (request: Request) => Promise<Response>;

/** The request as the handler sees it; the client address travels in `x-security-info-client`. */
function toRequest(req: IncomingMessage): Request {
  const host = req.headers.host ?? 'localhost';
  const url = new URL(req.url ?? '/', `http://${host}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  // Never trust a client-sent value of this header: it is ours.
  headers.set('x-security-info-client', req.socket.remoteAddress ?? 'unknown');
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, {
    method: req.method ?? 'GET',
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit);
}

async function write(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}

/** A `node:http` request listener: `http.createServer(toNodeListener(handler))`. */
export function toNodeListener(handler: Handler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handler(toRequest(req))
      .then((response) => write(response, res))
      .catch(() => {
        res.statusCode = 500;
        res.end();
      });
  };
}

/** Connect/Express middleware that answers the routes under `basePath` and passes everything else on. */
export function createSecurityInfoMiddleware(
  options: SecurityInfoHandlerOptions = {},
): (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void {
  const basePath = (options.basePath ?? '/api/security-info').replace(/\/+$/, '');
  const listener = toNodeListener(createSecurityInfoHandler(options));
  return (req, res, next) => {
    // Express strips a mount path from req.url; originalUrl keeps it.
    const path = ((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/').split('?')[0]!;
    if (path === basePath || path.startsWith(`${basePath}/`)) {
      const original = (req as IncomingMessage & { originalUrl?: string }).originalUrl;
      if (original) req.url = original;
      listener(req, res);
    } else {
      next();
    }
  };
}
