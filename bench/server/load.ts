/**
 * `npm run bench:server`: the reference server under load over HTTP, in one run: requests a second and the median
 * and 99th-percentile latency of send and verify, on PGlite and on PostgreSQL, beside a bare node:http server that
 * answers 204 (the ceiling of this machine, this Node and this load generator). Goal: 1,000 verifies a second on
 * PostgreSQL with a p99 under 50 ms.
 *
 * Each server is a process of its own (`load-server.ts`: the command's service with raised limits and a sender
 * that keeps codes in memory); PostgreSQL is a throwaway cluster (fsync on). autocannon drives it from this process
 * with a fixed number of connections for a fixed time after a warm-up. Every send is another user, client address
 * and number; every verify enters the right code of another challenge (made by sends before the run), so each one
 * registers a phone for another user, as a crowd enrolling would. Beside each run: where the CPU went (the server
 * process, this load generator, PostgreSQL's processes, everything else on the machine) and how busy the server's
 * event loop was; after the PostgreSQL runs, what its connections waited for.
 *
 *   node --conditions=@security-info/source --import tsx bench/server/load.ts
 *     [--duration S]     seconds measured per run (default 10)
 *     [--warmup S]       seconds of warm-up before each (default 2)
 *     [--connections N]  connections at once (default 32)
 *     [--profile]        also profile the server's CPU during the verify runs (the profiler slows them a little)
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startPostgres, type TestPostgres } from '../../packages/server/src/test-postgres.js';
import { describeProfile, summarizeProfile } from './load-profile.js';
import { clusterCpuMicros, describeWaits, portOf, probeCommits, sampleWaits } from './load-postgres.js';
import type { ParentMessage, ServerMessage } from './load-protocol.js';
import { clientAt, hasFlag, numberArgument, phoneNumberAt } from './traffic.js';

const DURATION = numberArgument('duration', 10);
const WARMUP = numberArgument('warmup', 2);
const CONNECTIONS = numberArgument('connections', 32);
const PROFILE = hasFlag('profile');
const GOAL = { verifiesPerSecond: 1000, p99Ms: 50 };
/** How long a server process may take to start (a new PGlite folder takes about 6 s). */
const START_TIMEOUT_MS = 60_000;
/** How long a message to the server process may wait for its answer. */
const ANSWER_TIMEOUT_MS = 30_000;
/** Challenges prepared for a verify run: enough for this many times the send rate, for warm-up and run. */
const POOL_FACTOR = 3;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER = fileURLToPath(new URL('./load-server.ts', import.meta.url));
const BASE_PATH = '/api/security-info';

type Answer<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

interface ServerProcess {
  origin: string;
  ask<T extends ServerMessage['type']>(message: ParentMessage, answer: T): Promise<Answer<T>>;
  stop(): Promise<void>;
}

/** Starts `load-server.ts` in a process of its own, from source as the command's tests run it. */
async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--conditions=@security-info/source', '--import', 'tsx', SERVER], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waiting = new Map<string, (message: ServerMessage) => void>();
  child.on('message', (message: ServerMessage) => {
    const resolve = waiting.get(message.type);
    waiting.delete(message.type);
    resolve?.(message);
  });
  function next<T extends ServerMessage['type']>(type: T, ms: number): Promise<Answer<T>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server process did not answer ${type} in time`)), ms);
      waiting.set(type, (message) => {
        clearTimeout(timer);
        resolve(message as Answer<T>);
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`the server process exited (${code}) before ${type}`));
      });
    });
  }
  const { origin } = await next('ready', START_TIMEOUT_MS);
  return {
    origin,
    ask(message, answer) {
      const answered = next(answer, ANSWER_TIMEOUT_MS);
      child.send(message);
      return answered;
    },
    async stop() {
      child.send({ type: 'stop' } satisfies ParentMessage);
      const late = new Promise((resolve) => setTimeout(resolve, 15_000, 'late').unref());
      if ((await Promise.race([exited, late])) === 'late') {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** Where the CPU went during a run, in cores (1 is one core all the time). */
interface CpuShares {
  server: number;
  generator: number;
  database: number;
  others: number;
  /** The server's event loop: the share of the time it was busy (running or blocked), not idle waiting. */
  loop: number;
}

/** What one measured run gave. */
interface Run {
  route: string;
  store: string;
  /** Answers with the expected status in the measured time. */
  answered: number;
  seconds: number;
  perSecond: number;
  /** Milliseconds, of the expected answers. */
  p50: number;
  p99: number;
  /** Answers with another status, and failed requests. */
  unexpected: Record<string, number>;
  cpu: CpuShares;
  /** Set when the prepared challenges ran out before the time was up: the run ended there. */
  ranOut?: boolean;
}

/** Busy and total CPU time of the whole machine so far, in milliseconds. */
function machineTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of os.cpus()) {
    const all = times.user + times.nice + times.sys + times.idle + times.irq;
    busy += all - times.idle;
    total += all;
  }
  return { busy, total };
}

/** The CPU times a run is judged by, taken at its start and its end. */
async function cpuSnapshot(server: ServerProcess, databasePort: number | undefined) {
  const { micros, loopActive, loopIdle } = await server.ask({ type: 'cpu' }, 'cpu');
  const { user, system } = process.cpuUsage();
  return {
    at: performance.now(),
    server: micros,
    loopActive,
    loopIdle,
    generator: user + system,
    database: databasePort === undefined ? 0 : clusterCpuMicros(databasePort),
    machine: machineTimes(),
  };
}

function cpuShares(start: Awaited<ReturnType<typeof cpuSnapshot>>, end: typeof start): CpuShares {
  const wallMicros = (end.at - start.at) * 1000;
  const cores = os.cpus().length;
  const machine = ((end.machine.busy - start.machine.busy) / (end.machine.total - start.machine.total)) * cores;
  const server = (end.server - start.server) / wallMicros;
  const generator = (end.generator - start.generator) / wallMicros;
  const database = (end.database - start.database) / wallMicros;
  const active = end.loopActive - start.loopActive;
  return {
    server,
    generator,
    database,
    others: Math.max(0, machine - server - generator - database),
    loop: active / (active + end.loopIdle - start.loopIdle),
  };
}

const percentile = (sorted: Float64Array, fraction: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;

interface Target {
  name: string;
  server: ServerProcess;
  /** The port of the PostgreSQL cluster the server uses, to count its CPU time. */
  databasePort?: number;
}

/**
 * Drives `request` over `CONNECTIONS` connections for the warm-up and then the measured time, counting only
 * answers with the `expected` status. `onReady` is given a function that ends the run early.
 */
async function measure(
  target: Target,
  route: string,
  request: autocannon.Request,
  expected: number,
  onReady?: (endRun: () => void) => void,
): Promise<Run> {
  const latencies: number[] = [];
  const unexpected: Record<string, number> = {};
  let measuring = false;
  let endedEarly = false;
  let start: Promise<Awaited<ReturnType<typeof cpuSnapshot>>> | undefined;
  let end: ReturnType<typeof cpuSnapshot> | undefined;

  const instance = autocannon({
    url: target.server.origin,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [request],
    // Not in autocannon 7's types: autocannon 9 runs the warm-up first, with clients of its own.
    ...({ warmup: { connections: CONNECTIONS, duration: WARMUP } } as object),
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  let endRequested = false;
  const endRun = () => {
    if (!measuring) endRequested = true;
    if (!measuring || endedEarly) return;
    endedEarly = true;
    end = cpuSnapshot(target.server, target.databasePort);
    instance.stop();
  };
  instance.on('start', () => {
    measuring = true;
    start = cpuSnapshot(target.server, target.databasePort);
    // What ran out during the warm-up ends the run as it starts.
    if (endRequested) endRun();
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (!measuring || endedEarly) return;
    if (status === expected) latencies.push(ms);
    else unexpected[status] = (unexpected[status] ?? 0) + 1;
  });
  instance.on('reqError', () => {
    if (measuring && !endedEarly) unexpected.failed = (unexpected.failed ?? 0) + 1;
  });
  onReady?.(endRun);
  await instance;
  end ??= cpuSnapshot(target.server, target.databasePort);
  const [first, last] = [await start!, await end];
  const seconds = (last.at - first.at) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  return {
    route,
    store: target.name,
    answered: latencies.length,
    seconds,
    perSecond: seconds > 0 ? latencies.length / seconds : 0,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    unexpected,
    cpu: cpuShares(first, last),
    ...(endedEarly ? { ranOut: true } : {}),
  };
}

const headersFor = (index: number) => ({
  'content-type': 'application/json',
  'x-bench-user': `user-${index}`,
  'x-forwarded-for': clientAt(index),
});

/** Sends, each from the next index's user, address and number; the challenge ids they answer are kept by index. */
function sends(counter: { next: number }, challengeIds: Map<number, string>): autocannon.Request {
  return {
    method: 'POST',
    path: `${BASE_PATH}/phone/challenges`,
    setupRequest(request, context) {
      const index = counter.next++;
      (context as { index?: number }).index = index;
      return {
        ...request,
        headers: headersFor(index),
        body: JSON.stringify({ phoneNumber: phoneNumberAt(index), channel: 'sms' }),
      };
    },
    onResponse(status, body, context) {
      const { index } = context as { index?: number };
      if (status === 201 && index !== undefined) challengeIds.set(index, JSON.parse(body).challengeId);
    },
  };
}

interface Prepared {
  index: number;
  challengeId: string;
  code: string;
}

/** The challenges made so far with their codes, taken from the server process (which then forgets them). */
async function takePrepared(server: ServerProcess, challengeIds: Map<number, string>): Promise<Prepared[]> {
  const made = [...challengeIds];
  challengeIds.clear();
  const numbers = made.map(([index]) => phoneNumberAt(index));
  const { codes } = await server.ask({ type: 'codes', numbers }, 'codes');
  return made.flatMap(([index, challengeId], at) => {
    const code = codes[at];
    return code ? [{ index, challengeId, code }] : [];
  });
}

/** Verifies, each entering the right code of the next prepared challenge, as its user. */
function verifies(pool: readonly Prepared[], onRanOut: () => void): autocannon.Request {
  let next = 0;
  return {
    method: 'POST',
    path: `${BASE_PATH}/phone/challenges/none/verify`,
    setupRequest(request) {
      const challenge = pool[next++];
      if (!challenge) {
        onRanOut();
        // A request must be given while the run ends: a health check, whose 200 is not counted.
        return { ...request, method: 'GET', path: '/healthz', headers: {}, body: '' };
      }
      return {
        ...request,
        path: `${BASE_PATH}/phone/challenges/${challenge.challengeId}/verify`,
        headers: headersFor(challenge.index),
        body: JSON.stringify({ code: challenge.code }),
      };
    },
  };
}

interface Store {
  name: string;
  /** The server process's environment. */
  env: Record<string, string>;
}

/**
 * Send, then verify on one store: the verify run uses the challenges of the send run, topped up (unmeasured) to
 * `POOL_FACTOR` times what the send rate would make in warm-up and run.
 */
async function measureStore(store: Store): Promise<{ runs: Run[]; notes: string[] }> {
  const server = await startServer(store.env);
  const databaseUrl = store.env.DATABASE_URL;
  const target: Target = { name: store.name, server, ...(databaseUrl ? { databasePort: portOf(databaseUrl) } : {}) };
  const notes: string[] = [];
  try {
    const counter = { next: 0 };
    const challengeIds = new Map<number, string>();
    const watch = async (route: string, run: () => Promise<Run>) => {
      const waits = databaseUrl ? sampleWaits(databaseUrl) : undefined;
      const measured = await run();
      if (waits) notes.push(describeWaits(`${route} on ${store.name}`, await waits.stop()));
      return measured;
    };
    const sent = await watch('send', () => measure(target, 'send', sends(counter, challengeIds), 201));
    const wanted = Math.ceil(sent.perSecond * (DURATION + WARMUP) * POOL_FACTOR);
    if (challengeIds.size < wanted)
      await autocannon({
        url: server.origin,
        connections: CONNECTIONS,
        amount: wanted - challengeIds.size,
        requests: [sends(counter, challengeIds)],
      });
    const pool = await takePrepared(server, challengeIds);
    if (PROFILE) await server.ask({ type: 'profile-start' }, 'profile-started');
    let endRun = () => undefined as void;
    const verified = await watch('verify', () =>
      measure(
        target,
        'verify',
        verifies(pool, () => endRun()),
        204,
        (end) => (endRun = end),
      ),
    );
    if (PROFILE) {
      const { profile } = await server.ask({ type: 'profile-stop' }, 'profile');
      notes.push(describeProfile(`verify on ${store.name}`, summarizeProfile(profile)));
    }
    if (verified.ranOut) notes.push(`verify on ${store.name}: the ${pool.length} prepared challenges ran out`);
    return { runs: [sent, verified], notes };
  } finally {
    await server.stop();
  }
}

function describeRun(run: Run, ceiling: number): string[] {
  const ms = (value: number) => (Number.isNaN(value) ? '-' : value < 10 ? value.toFixed(2) : value.toFixed(1));
  const cores = (share: number) => share.toFixed(2);
  const other = Object.entries(run.unexpected).map(([status, count]) => `${count} × ${status}`);
  if (run.ranOut) other.unshift(`ended after ${run.seconds.toFixed(1)} s`);
  return [
    run.route,
    run.store,
    Math.round(run.perSecond).toLocaleString('en'),
    ms(run.p50),
    ms(run.p99),
    (run.perSecond / ceiling).toFixed(4),
    [run.cpu.server, run.cpu.generator, run.cpu.database, run.cpu.others].map(cores).join(' / '),
    `${Math.round(run.cpu.loop * 100)}%`,
    [run.cpu.server, run.cpu.database].map((share) => ((share / run.perSecond) * 1000).toFixed(2)).join(' / '),
    other.join('; '),
  ];
}

function table(rows: string[][]): string {
  const header = [
    'route',
    'store',
    'req/s',
    'p50 ms',
    'p99 ms',
    'ratio',
    'cores: server/load/db/others',
    'loop',
    'CPU ms/req: server/db',
    '',
  ];
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column]!.length)));
  const right = new Set([2, 3, 4, 5, 7, 8]);
  const line = (row: string[]) =>
    row
      .map((cell, column) => (right.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** How busy the machine is without the bench, in cores: other work makes every figure lower. */
async function busyBefore(ms: number): Promise<number> {
  const start = machineTimes();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const end = machineTimes();
  return ((end.busy - start.busy) / (end.total - start.total)) * os.cpus().length;
}

const began = performance.now();
const cores = os.cpus().length;
const idleLoad = await busyBefore(1000);
process.stdout.write(
  `server load: ${CONNECTIONS} connections, ${WARMUP} s warm-up then ${DURATION} s per run; ${cores} cores, ` +
    `${idleLoad.toFixed(2)} of them busy with other work before the run; Node ${process.versions.node}\n`,
);

const bare = await startServer({ LOAD_SERVER: 'bare' });
let ceiling: Run;
try {
  ceiling = await measure({ name: 'bare node:http', server: bare }, '204', { method: 'GET', path: '/' }, 204);
} finally {
  await bare.stop();
}

// The cluster starts while the embedded database is measured, and idles meanwhile.
let postgres: TestPostgres | undefined;
const postgresStarted = startPostgres().then((started) => (postgres = started));
postgresStarted.catch(() => undefined);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'security-info-load-'));
const runs: Run[] = [ceiling];
const notes: string[] = [];
try {
  const stores: (() => Promise<Store>)[] = [
    async () => ({ name: 'PGlite', env: { LOAD_SERVER: 'pglite', LOAD_DATA_DIR: dataDir } }),
    async () => ({
      name: 'PostgreSQL',
      env: { LOAD_SERVER: 'postgres', DATABASE_URL: (await postgresStarted).connectionString },
    }),
  ];
  for (const store of stores) {
    const measured = await measureStore(await store());
    runs.push(...measured.runs);
    notes.push(...measured.notes);
  }
  const { locked, unlocked } = await probeCommits((await postgresStarted).connectionString);
  notes.push(
    `PostgreSQL commits/s of a one-row insert, 10 connections: ${Math.round(locked).toLocaleString('en')} under one ` +
      `advisory lock held through the commit (as the audit trail's), ${Math.round(unlocked).toLocaleString('en')} ` +
      'without it',
  );
} finally {
  await postgresStarted.catch(() => undefined);
  await postgres?.stop().catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

process.stdout.write(`${table(runs.map((run) => describeRun(run, ceiling.perSecond)))}\n`);
for (const note of notes) process.stdout.write(`${note}\n`);
const goal = runs.find((run) => run.route === 'verify' && run.store === 'PostgreSQL')!;
const met = goal.perSecond >= GOAL.verifiesPerSecond && goal.p99 < GOAL.p99Ms && !goal.ranOut;
process.stdout.write(
  `goal, ${GOAL.verifiesPerSecond.toLocaleString('en')} verifies/s on PostgreSQL with p99 < ${GOAL.p99Ms} ms: ` +
    `${met ? 'met' : 'NOT met'} (${Math.round(goal.perSecond).toLocaleString('en')}/s, p99 ${goal.p99.toFixed(1)} ms, ` +
    `${((goal.perSecond / ceiling.perSecond) * 100).toFixed(2)}% of the ceiling); ` +
    `${((performance.now() - began) / 1000).toFixed(0)} s in all\n`,
);
