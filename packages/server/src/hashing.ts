/**
 * The server's slow hashes (scrypt, for security answers and recovery codes), through one gate for the process.
 *
 * scrypt runs on Node's thread pool (four threads unless `UV_THREADPOOL_SIZE` says otherwise), which every request
 * also needs: a sender's DNS lookup, a file, compression. Without a gate, a flood of guesses (a sign-in page
 * forwarding strangers' answers for many user names) queued hundreds of hashes there, and everything else waited
 * behind them: codes stopped going out. The gate lets half the pool hash at once and a few dozen hashes wait;
 * beyond that a request is refused at once with 503 and a time to come back, and a hash whose request has timed out
 * is dropped before it runs. A flood then costs the checks, not the rest of the service.
 */
import { scrypt } from 'node:crypto';
import { Refusal } from './http.js';
import { DependencyTimeout, within } from './timeout.js';

/** scrypt's cost: N, r and p, and the hash's length in bytes. It needs 128 * N * r bytes of memory. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

/** How many hashes run at once and how many may wait, for a pool of `poolSize` threads. */
export function gateSize(poolSize: number): { running: number; waiting: number } {
  const running = Math.max(1, Math.floor(poolSize / 2));
  return { running, waiting: 16 * running };
}

const poolSize = Number.parseInt(process.env.UV_THREADPOOL_SIZE ?? '', 10);

/** Hashes `jobs` (each run when a place is free) within `timeoutMs`, or refuses them all at once. */
export type HashGate = <T>(jobs: readonly (() => Promise<T>)[], timeoutMs: number) => Promise<T[]>;

export function createHashGate({ running, waiting } = gateSize(poolSize > 0 ? poolSize : 4)): HashGate {
  let active = 0;
  /** Jobs admitted and not finished, running or waiting. */
  let admitted = 0;
  const queue: (() => void)[] = [];
  // A place freed goes to the job that waited longest.
  const release = () => {
    const waiter = queue.shift();
    if (waiter) waiter();
    else active--;
  };
  return function hash<T>(jobs: readonly (() => Promise<T>)[], timeoutMs: number): Promise<T[]> {
    if (admitted + jobs.length > running + waiting)
      return Promise.reject(
        new Refusal(503, 'unknown', 'Too many checks at once: try again in a few seconds.', { retryAfterSeconds: 5 }),
      );
    admitted += jobs.length;
    // Set when the request's time-out fires. Not a deadline read off another clock: the timer may fire a little
    // before `performance.now()` says the time is up, and a waiting job would then run for a request already answered.
    let expired = false;
    const one = async (job: () => Promise<T>): Promise<T> => {
      try {
        if (active < running) active++;
        else await new Promise<void>((resolve) => queue.push(resolve));
        try {
          // Its request has been answered already: the place goes to the next one.
          if (expired) throw new DependencyTimeout('hashing');
          return await job();
        } finally {
          release();
        }
      } finally {
        admitted--;
      }
    };
    return within(Promise.all(jobs.map(one)), timeoutMs, 'hashing').catch((error: unknown) => {
      if (error instanceof DependencyTimeout) expired = true;
      throw error;
    });
  };
}

/** The process's gate: the thread pool is the process's too. */
export const slowHashes: HashGate = createHashGate();

/** One scrypt hash, on the thread pool. */
export function scryptHash(text: string, salt: Buffer, { N, r, p, keyLength }: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    // maxmem: scrypt needs 128 * N * r bytes, over Node's 32 MiB default at the answers' parameters.
    scrypt(text, salt, keyLength, { N, r, p, maxmem: 256 * N * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}
