/**
 * Tests only: one instance of the service as a process of its own, for the tests that run several instances on
 * one database or kill one. Configured by environment: `PORT` (0 for a free one), `DATABASE_URL` (PostgreSQL) or
 * `PGLITE_DIR` (the embedded database), `SINK_URL` (where codes are POSTed, standing in for a messaging provider).
 * The user is the `x-test-user` header. Prints `listening <port>` once it serves.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSecurityInfoListener } from './node.js';
import { TEST_LIMITS } from './options.js';
import { openPGliteStore } from './pglite-store.js';
import { openPostgresStore } from './postgres-store.js';

const env = process.env;
const store = env.DATABASE_URL
  ? await openPostgresStore({ connectionString: env.DATABASE_URL, onIdleError: () => undefined })
  : await openPGliteStore(env.PGLITE_DIR ? { dataDir: env.PGLITE_DIR } : {});
if ('ready' in store) await store.ready;

const listener = createSecurityInfoListener({
  authenticate: (request) => request.headers.get('x-test-user'),
  secret: 'the same secret on every instance of the test',
  store,
  sender: {
    async send(message) {
      const answer = await fetch(env.SINK_URL!, { method: 'POST', body: JSON.stringify(message) });
      if (!answer.ok) throw new Error(`sink answered ${answer.status}`);
    },
  },
  // The per-number limit is what the tests check across instances; the others are lifted.
  limits: { ...TEST_LIMITS, sendsPerNumber: [{ max: 3, windowSeconds: 60 }] },
  logger: { warn: () => undefined, error: (line) => process.stderr.write(`${line}\n`) },
});
const server = createServer(listener);
server.listen(Number(env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => store.close().then(() => process.exit(0))));
