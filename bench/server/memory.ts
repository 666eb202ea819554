/**
 * `npm run bench:server-memory`: the heap of the reference server after 1,000,000 sends from distinct users,
 * addresses and numbers over 48 hours of its own clock. The shared limits are lifted so that every send is
 * accepted and stored (the worst case); the per-user, per-address and per-number limits keep their defaults, so
 * each send opens three rate windows. Some sends are followed by a verify: a right code, a wrong code and then the
 * right one, or only a wrong one (a user's wrong-code count, kept for 30 days). A right code registers the phone,
 * and registrations and their audit entries are kept by design (they are the service's data, not state to sweep),
 * so right codes are entered for the first 10,000 sends only: 1,200 registrations in all, the same in every run,
 * however many sends follow. Budget: the heap at the end, after
 * a full garbage collection, less than 20 MiB above the heap after warm-up.
 *
 *   node --conditions=@security-info/source --import tsx --expose-gc bench/server/memory.ts
 *     [--sends N]        fewer sends, for a quick look; the budget is for 1,000,000
 *     [--concurrency N]  requests in flight at once (default 8), as a busy server has them
 *     [--verbose]        the heap and the store's entry counts every simulated hour, on stderr
 */
import { createMemoryStore, type MemoryStore } from '@security-info/server';
import { performance } from 'node:perf_hooks';
import { benchServer, MiB } from './harness.js';
import { challengeIdOf, hasFlag, numberArgument, wrongCode } from './traffic.js';

const BUDGET_MIB = 20;
const HOURS = 48;
const HOUR_MS = 3_600_000;
const SENDS = numberArgument('sends', 1_000_000);
const CONCURRENCY = numberArgument('concurrency', 8);
const VERBOSE = hasFlag('verbose');
// Verifies follow their sends while other requests move the clock on: that must stay well within a code's life.
if ((CONCURRENCY * HOURS * HOUR_MS) / SENDS > 60_000)
  throw new Error(`${CONCURRENCY} requests in flight move the clock too far for ${SENDS} sends: use fewer`);

/** What follows send `index`, out of every 100 sends. */
function followUp(index: number): 'right' | 'wrong-then-right' | 'wrong' | 'none' {
  const slot = index % 100;
  if (slot < 12 && index >= 10_000) return 'none';
  if (slot < 10) return 'right';
  if (slot < 12) return 'wrong-then-right';
  if (slot < 13) return 'wrong';
  return 'none';
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc: the heap is measured after a full collection');
function heapAfterCollection(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed;
}

// Far more sends an hour than the shared default limits allow: raise them past anything this run reaches.
const unlimited = [
  { max: 10_000_000, windowSeconds: 60 },
  { max: 10_000_000, windowSeconds: 3600 },
];
const start = Date.parse('2026-11-25T00:00:00Z');
let time = start;
// The handler's default store, made here so that its `stats()` can be read.
const store: MemoryStore = createMemoryStore();
const server = benchServer({
  clock: () => time,
  store,
  limits: { sendsPerCountry: unlimited, sendsOverall: unlimited },
});

function expectStatus(response: Response, status: number): void {
  if (response.status !== status) throw new Error(`a verify answered ${response.status}, not ${status}`);
}

async function sendAndFollow(index: number): Promise<void> {
  const id = await challengeIdOf(await server.send(index));
  const code = server.takeCode(index);
  const kind = followUp(index);
  if (kind === 'none') return;
  if (kind !== 'right') expectStatus(await server.verify(index, id, wrongCode(code)), 422);
  if (kind !== 'wrong') expectStatus(await server.verify(index, id, code), 204);
}

const samples: { hour: number; heap: number }[] = [];
function sample(hour: number): void {
  const heap = heapAfterCollection();
  samples.push({ hour, heap });
  if (VERBOSE) {
    const stats = JSON.stringify(store.stats());
    process.stderr.write(`hour ${String(hour).padStart(2)}: heap ${(heap / MiB).toFixed(1)} MiB, store ${stats}\n`);
  }
}

// Warm-up, on numbers and users past the run's: phone metadata loaded and every path through send and verify run.
for (let index = SENDS; index < SENDS + 100; index++) await sendAndFollow(index);
sample(0);
const startHeap = samples[0]!.heap;

const began = performance.now();
let next = 0;
let hour = 0;
async function worker(): Promise<void> {
  while (next < SENDS) {
    const index = next++;
    time = start + Math.floor((index * HOURS * HOUR_MS) / SENDS);
    const reached = Math.floor((time - start) / HOUR_MS);
    if (reached > hour) sample((hour = reached));
    await sendAndFollow(index);
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, worker));
const seconds = (performance.now() - began) / 1000;
// The end is 48 hours after the start; a request there lets the handler sweep on its own clock, as it would.
time = start + HOURS * HOUR_MS;
await server.handler(new Request(`http://portal.bench/`));
sample(HOURS);

const endHeap = samples.at(-1)!.heap;
const peakHeap = Math.max(...samples.map((s) => s.heap));
const growth = (endHeap - startHeap) / MiB;
const mib = (bytes: number) => (bytes / MiB).toFixed(1);
const met = growth < BUDGET_MIB;
process.stdout.write(
  `server memory: ${SENDS.toLocaleString('en')} sends over ${HOURS} h: heap start ${mib(startHeap)} MiB, ` +
    `peak ${mib(peakHeap)}, end ${mib(endHeap)}, growth ${growth.toFixed(1)} MiB ` +
    `(budget < ${BUDGET_MIB}: ${met ? 'met' : 'MISSED'}); ${Math.round(SENDS / seconds).toLocaleString('en')} sends/s ` +
    `(${CONCURRENCY} in flight), ${seconds.toFixed(0)} s; store ${JSON.stringify(store.stats())}\n`,
);
if (!met) process.exitCode = 1;
