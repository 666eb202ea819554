/**
 * At most `SECURITY_INFO_MAX_CONNECTIONS` connections at once. One more closes the connection idle the longest, with
 * no request in flight (a flood's silent sockets, a slow sender's unfinished headers or body, a keep-alive connection
 * between requests), or, when every one has a request in flight, itself. A client's new connection sends its request
 * at once, so idle connections cannot keep it out, and a flood of them cannot take every socket and memory the
 * process has, which the database needs too. Node's own `maxConnections` would close the newcomer instead, and let
 * the flood keep the place.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** How often, at most, reaching the cap is said. */
const SAID_EVERY_MS = 60_000;

/**
 * Caps `server` at `max` connections, saying so through `say` with `named` (what sets the cap, or the listener it
 * is on); answers what the request handler calls with each request, so that the cap knows which connections have
 * one in flight until its answer ends.
 */
export function capConnections(
  server: Server,
  max: number,
  say: (line: string) => void,
  named = 'SECURITY_INFO_MAX_CONNECTIONS',
): (req: IncomingMessage, res: ServerResponse) => void {
  // The requests in flight on each connection, in the order of their last request's start or end (the first idle
  // one is the one idle the longest): a busy load balancer's connection is not the first to go between requests.
  // A request counts as in flight once it has wholly arrived: one whose body is still coming is no more busy than
  // unfinished headers, else any signed-in caller's unfinished bodies would hold every place and keep everyone out.
  const requestsOn = new Map<Socket, Set<IncomingMessage>>();
  const busy = (requests: Set<IncomingMessage>) => [...requests].some((req) => req.complete);
  let closedAtCap = 0;
  let saidAt = -Infinity;
  server.on('connection', (socket: Socket) => {
    if (requestsOn.size >= max) {
      let idle: Socket | undefined;
      for (const [open, requests] of requestsOn)
        if (!busy(requests)) {
          idle = open;
          break;
        }
      closedAtCap++;
      // Said when it starts, then at most once a minute with the count since: never a line per connection.
      if (performance.now() - saidAt >= SAID_EVERY_MS) {
        saidAt = performance.now();
        say(
          `[security-info] at ${named} (${max}) open at once: ${closedAtCap} new ` +
            'connection(s) closed an idle one, or were closed when none was idle (said at most once a minute)',
        );
        closedAtCap = 0;
      }
      if (!idle) {
        socket.destroy();
        return;
      }
      requestsOn.delete(idle);
      idle.destroy();
    }
    requestsOn.set(socket, new Set());
    socket.once('close', () => requestsOn.delete(socket));
  });
  /** The connection goes last in the order, its requests changed: it was busy a moment ago. */
  const update = (req: IncomingMessage, change: (requests: Set<IncomingMessage>) => void) => {
    const requests = requestsOn.get(req.socket);
    if (requests === undefined) return;
    change(requests);
    requestsOn.delete(req.socket);
    requestsOn.set(req.socket, requests);
  };
  return (req, res) => {
    update(req, (requests) => requests.add(req));
    res.once('close', () => update(req, (requests) => requests.delete(req)));
  };
}
