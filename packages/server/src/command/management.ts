/**
 * Health, readiness and metrics: the answers operators' tools ask for. They are served at the root beside the
 * contract, or with `SECURITY_INFO_MANAGEMENT_PORT` on a listener of their own that serves nothing else, the public
 * port then knowing them no more than any unknown path: metrics say which countries codes go to and which routes
 * refuse whom, which is for the operator, not the internet, whatever the proxy in front routes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SecurityInfoStore } from '../store.js';
import type { PrometheusMetrics } from './metrics.js';

/** How long the readiness check waits for the store. */
const READY_TIMEOUT_MS = 2_000;

/** Answers `path` when it is health, readiness or metrics, and says whether it was. */
export type Operations = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<boolean>;

export function answer(res: ServerResponse, status: number, body: unknown): void {
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

/**
 * Health, readiness (the store answering, and no stop begun: `stopping` says when one has) and, when `metrics` is
 * given, the metrics.
 */
export function createOperations(
  store: SecurityInfoStore,
  metrics: PrometheusMetrics | undefined,
  stopping: () => boolean,
): Operations {
  return async (req, res, path) => {
    if (path !== '/healthz' && path !== '/readyz' && !(path === '/metrics' && metrics)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return true;
    }
    if (path === '/healthz') answer(res, 200, { status: 'ok' });
    else if (path === '/readyz') {
      // A stopping instance says so, for load balancers to stop sending it requests.
      if (stopping()) answer(res, 503, { status: 'stopping' });
      else if (await answersWithin(() => store.ping(), READY_TIMEOUT_MS)) answer(res, 200, { status: 'ready' });
      else answer(res, 503, { status: 'unavailable', reason: 'the database does not answer' });
    } else {
      const { contentType, body } = await metrics!.render();
      res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
    }
    return true;
  };
}

/**
 * The management listener's answer: the operations, and for any other path the contract's 404, as the public port
 * answers a path outside the base path. The contract itself is not served there.
 */
export function managementAnswer(operations: Operations): Operations {
  return async (req, res, path) => {
    if (!(await operations(req, res, path))) answer(res, 404, { error: 'unknown', message: 'Not found.' });
    return true;
  };
}
