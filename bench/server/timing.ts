/**
 * The time one send and one verify take through a handler, in-process: the handler's own work from a built
 * `Request` to its `Response`, without a network or a real sender. Works with any version of the handler that
 * answers the same two routes.
 */
import { performance } from 'node:perf_hooks';
import { challengeIdOf, sendRequest, verifyRequest } from './traffic.js';

/** A handler, and the code its sender was given for the `index`-th number. */
export interface SendAndVerify {
  handler: (request: Request) => Promise<Response>;
  takeCode(index: number): string;
}

/** Microseconds. */
export interface Timing {
  mean: number;
  p50: number;
  p99: number;
}

function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return { mean: mean * 1000, p50: at(0.5) * 1000, p99: at(0.99) * 1000 };
}

/**
 * Sends a code to each of `warmup + runs` users in turn and verifies it with the right code; times the last `runs`
 * of each. `beforeEach` moves the clock so that no limit refuses.
 */
export async function timeSendAndVerify(
  target: SendAndVerify,
  { warmup, runs, beforeEach }: { warmup: number; runs: number; beforeEach: (index: number) => void },
): Promise<{ send: Timing; verify: Timing }> {
  const sends: number[] = [];
  const verifies: number[] = [];
  for (let index = 0; index < warmup + runs; index++) {
    beforeEach(index);
    const send = sendRequest(index);
    const sendStarted = performance.now();
    const sent = await target.handler(send);
    const sendTook = performance.now() - sendStarted;
    const verify = verifyRequest(index, await challengeIdOf(sent), target.takeCode(index));
    const verifyStarted = performance.now();
    const verified = await target.handler(verify);
    const verifyTook = performance.now() - verifyStarted;
    if (verified.status !== 204) throw new Error(`a verify answered ${verified.status}: ${await verified.text()}`);
    if (index < warmup) continue;
    sends.push(sendTook);
    verifies.push(verifyTook);
  }
  return { send: summarize(sends), verify: summarize(verifies) };
}

export function describeTiming(name: string, { mean, p50, p99 }: Timing): string {
  const us = (value: number) => `${value.toFixed(0)} µs`;
  return `${name}: mean ${us(mean)}, p50 ${us(p50)}, p99 ${us(p99)}`;
}
