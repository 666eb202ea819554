/**
 * The command's HTTP servers, the public one and the management one alike: Node's time-outs, the answer to a
 * request Node cannot parse, and listening.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DEFAULT_BODY_TIMEOUT_MS } from '../options.js';
import type { ListenConfig } from './config.js';

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

/**
 * A server with the time-outs above, a whole request taking at most `requestTimeout`, that answers what Node cannot
 * parse (headers too large or too slow, junk) itself, with the contract's JSON error, rather than dropping it.
 */
export function createCommandServer(
  requestTimeout: number,
  listener: (req: IncomingMessage, res: ServerResponse) => void,
): Server {
  const server = createServer(
    {
      headersTimeout: HEADERS_TIMEOUT_MS,
      requestTimeout,
      keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
      connectionsCheckingInterval: TIMEOUT_CHECK_MS,
    },
    listener,
  );
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
  return server;
}

/** Listens where `listen` says; resolves with `http://host:port`, the port the server got, or rejects (in use). */
export async function listenOn(server: Server, listen: ListenConfig): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}
