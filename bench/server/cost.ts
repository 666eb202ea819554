/**
 * What the server's checks cost a normal send and verify: the mean, median and 99th percentile of each, in-process,
 * with the default limits. Every send is from another user, address and number, and the clock moves 4 seconds
 * between sends, so that no limit refuses one (the overall default is 1,000 an hour).
 *
 *   node --conditions=@security-info/source --import tsx bench/server/cost.ts [--runs N] [--warmup N]
 */
import { benchServer } from './harness.js';
import { describeTiming, timeSendAndVerify } from './timing.js';
import { numberArgument } from './traffic.js';

const RUNS = numberArgument('runs', 5000);
const WARMUP = numberArgument('warmup', 500);

const start = Date.parse('2026-11-25T00:00:00Z');
let time = start;
const server = benchServer({ clock: () => time });
const { send, verify } = await timeSendAndVerify(server, {
  warmup: WARMUP,
  runs: RUNS,
  beforeEach: (index) => (time = start + index * 4000),
});
process.stdout.write(
  `server cost over ${RUNS} of each: ${describeTiming('send', send)}; ${describeTiming('verify', verify)}\n`,
);
