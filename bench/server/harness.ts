/** What the server benchmarks share: the current handler, driven in-process on a clock the benchmark moves. */
import {
  createSecurityInfoHandler,
  type SecurityInfoStore,
  type Limits,
  type SecurityInfoHandler,
} from '@security-info/server';
import type { SendAndVerify } from './timing.js';
import { codeKeeper, sendRequest, verifyRequest } from './traffic.js';

export const SECRET = 'a benchmark secret of more than thirty-two bytes';
export const MiB = 1024 * 1024;

export interface BenchServer extends SendAndVerify {
  handler: SecurityInfoHandler;
  send(index: number): Promise<Response>;
  verify(index: number, challengeId: string, code: string): Promise<Response>;
}

/**
 * The current handler as a host would configure it, except that the user and the client address come from headers
 * the benchmark sets, and the sender delivers nothing.
 */
export function benchServer(options: {
  clock: () => number;
  limits?: Partial<Limits>;
  store?: SecurityInfoStore;
}): BenchServer {
  const { sender, takeCode } = codeKeeper();
  const handler = createSecurityInfoHandler({
    authenticate: (request) => request.headers.get('x-bench-user'),
    clientKey: (request) => request.headers.get('x-bench-client') ?? undefined,
    clock: options.clock,
    secret: SECRET,
    sender,
    limits: options.limits,
    store: options.store,
    logger: { warn: () => undefined, error: (line) => console.error(line) },
  });
  return {
    handler,
    takeCode,
    send: (index) => handler(sendRequest(index)),
    verify: (index, challengeId, code) => handler(verifyRequest(index, challengeId, code)),
  };
}
