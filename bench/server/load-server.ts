/**
 * The process `load.ts` puts under load: the service the `security-info-server` command runs (`startService`: its
 * node:http server, time-outs, metrics and store), configured in code rather than by environment, because the
 * command has no variable for the limits. Production mode, with four differences from a real deployment: the
 * limits are raised, the user is read from a header (`x-bench-user`, standing in for a JWT check), the sender keeps
 * codes in memory instead of delivering them, and the client address comes from `X-Forwarded-For` as behind one
 * proxy (`SECURITY_INFO_TRUST_PROXY=1`), so that each request is another client as on the internet.
 *
 * Or, with `LOAD_SERVER=bare`, the ceiling: a bare node:http server that answers 204 to everything.
 *
 * It talks to its parent over the IPC channel: `ready` with its origin once it listens; on request, the codes sent
 * to given numbers, its CPU time, a CPU profile of a stretch of time, and a clean stop.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { forwardedFor, type CodeSender, type Limits, type RateWindow } from '@security-info/server';
import { startService } from '../../packages/server/src/command/service.js';
import type { DatabaseConfig } from '../../packages/server/src/command/config.js';
import { SECRET } from './harness.js';
import type { ParentMessage, ServerMessage } from './load-protocol.js';

/** Never reached in a run: the shared limits (per country, overall) are the ones a heavy run would trip. */
const RAISED: RateWindow[] = [{ max: 1_000_000, windowSeconds: 60 }];
/**
 * The per-user, per-number and per-client limits keep their defaults: every request of the bench is another user,
 * number and client, as in a real crowd. The shared ones are raised, as an operator would for an enrollment
 * campaign.
 */
const limits: Partial<Limits> = { sendsPerCountry: RAISED, sendsOverall: RAISED };

function send(message: ServerMessage): void {
  process.send!(message);
}

/** A sender that delivers nothing and keeps the last code of each number until the bench takes it. */
function codeKeeper() {
  const codes = new Map<string, string>();
  const sender: CodeSender = {
    send: async ({ phoneNumber, code }) => void codes.set(phoneNumber, code),
  };
  const take = (numbers: readonly string[]) =>
    numbers.map((number) => {
      const code = codes.get(number) ?? null;
      codes.delete(number);
      return code;
    });
  return { sender, take };
}

async function startBare(): Promise<{ origin: string; stop: () => Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function startSecurityInfo(database: DatabaseConfig, keeper: ReturnType<typeof codeKeeper>) {
  const quiet = { info: () => undefined, error: (line: string) => console.error(line) };
  return startService(
    {
      options: {
        development: false,
        secret: SECRET,
        sender: keeper.sender,
        authenticate: (request) => request.headers.get('x-bench-user'),
        trustProxy: 1,
        clientKey: forwardedFor(1),
        basePath: '/api/security-info',
        limits,
      },
      listen: { port: 0, host: '127.0.0.1' },
      database,
      metrics: true,
    },
    quiet,
  );
}

const mode = process.env.LOAD_SERVER;
const keeper = codeKeeper();
const service =
  mode === 'bare'
    ? await startBare()
    : await startSecurityInfo(
        mode === 'postgres'
          ? { kind: 'postgres', url: process.env.DATABASE_URL! }
          : { kind: 'pglite', dataDir: process.env.LOAD_DATA_DIR! },
        keeper,
      );

let profiler: Session | undefined;

process.on('message', (message: ParentMessage) => {
  void (async () => {
    switch (message.type) {
      case 'codes':
        send({ type: 'codes', codes: keeper.take(message.numbers) });
        break;
      case 'cpu': {
        const { user, system } = process.cpuUsage();
        const { active, idle } = performance.eventLoopUtilization();
        send({ type: 'cpu', micros: user + system, loopActive: active, loopIdle: idle });
        break;
      }
      case 'profile-start':
        profiler = new Session();
        profiler.connect();
        await profiler.post('Profiler.enable');
        await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
        await profiler.post('Profiler.start');
        send({ type: 'profile-started' });
        break;
      case 'profile-stop': {
        const { profile } = await profiler!.post('Profiler.stop');
        profiler!.disconnect();
        profiler = undefined;
        send({ type: 'profile', profile });
        break;
      }
      case 'stop':
        await service.stop();
        process.exit(0);
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
// The parent gone (it crashed or was stopped), nothing is left running.
process.on('disconnect', () => process.exit(0));

send({ type: 'ready', origin: service.origin });
