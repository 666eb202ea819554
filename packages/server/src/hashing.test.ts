import { describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { createHashGate, gateSize, scryptHash } from './hashing.js';
import { Refusal } from './http.js';
import { DependencyTimeout } from './timeout.js';

/** A job that runs until `finish` is called, and says when it started. */
function held(name: string, log: string[]) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    job: async () => {
      log.push(`start ${name}`);
      await done;
      return name;
    },
    finish: () => finish(),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the gate of slow hashes', () => {
  it('gives half of the thread pool to hashing, and lets sixteen jobs a place wait', () => {
    assert.deepEqual(gateSize(4), { running: 2, waiting: 32 });
    assert.deepEqual(gateSize(1), { running: 1, waiting: 16 });
    assert.deepEqual(gateSize(16), { running: 8, waiting: 128 });
  });

  it('runs as many at once as it has places, and the others in the order they came', async () => {
    const log: string[] = [];
    const gate = createHashGate({ running: 2, waiting: 4 });
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => held(name, log));
    const first = gate([a!.job, b!.job], 10_000);
    const second = gate([c!.job, d!.job], 10_000);
    await settle();
    assert.deepEqual(log, ['start a', 'start b']);
    b!.finish();
    await settle();
    assert.deepEqual(log, ['start a', 'start b', 'start c']);
    a!.finish();
    c!.finish();
    d!.finish();
    assert.deepEqual(await first, ['a', 'b']);
    assert.deepEqual(await second, ['c', 'd']);
  });

  it('refuses at once, with a time to come back, what would not fit, and takes it again once there is room', async () => {
    const log: string[] = [];
    const gate = createHashGate({ running: 1, waiting: 2 });
    const jobs = ['a', 'b', 'c'].map((name) => held(name, log));
    const admitted = gate(
      jobs.map(({ job }) => job),
      10_000,
    );
    // A request's jobs are admitted together or not at all: none of these starts.
    const refused = await gate([async () => 'x'], 10_000).catch((error: unknown) => error);
    assert.ok(refused instanceof Refusal);
    assert.equal(refused.status, 503);
    assert.equal(refused.details.retryAfterSeconds, 5);
    for (const { finish } of jobs) finish();
    assert.deepEqual(await admitted, ['a', 'b', 'c']);
    assert.deepEqual(await gate([async () => 'x'], 10_000), ['x']);
  });

  it('answers a time-out, and drops the jobs still waiting when it does instead of running them late', async () => {
    const log: string[] = [];
    const gate = createHashGate({ running: 1, waiting: 4 });
    const slow = held('slow', log);
    const running = gate([slow.job], 10_000);
    const waited = gate([held('late', log).job], 30).catch((error: unknown) => error);
    assert.ok((await waited) instanceof DependencyTimeout);
    slow.finish();
    await running;
    await settle();
    assert.deepEqual(log, ['start slow']);
    // Its place went back: the gate still runs the next one.
    assert.deepEqual(await gate([async () => 'next'], 10_000), ['next']);
  });

  it('drops a waiting job once its time-out has fired, whatever the clock says', async (t) => {
    // The time-out fires on the timer's clock; here it fires with no time passed on any other clock.
    mock.timers.enable({ apis: ['setTimeout'] });
    t.after(() => mock.timers.reset());
    const log: string[] = [];
    const gate = createHashGate({ running: 1, waiting: 4 });
    const slow = held('slow', log);
    const running = gate([slow.job], 10_000);
    const waited = gate([held('late', log).job], 30).catch((error: unknown) => error);
    mock.timers.tick(30);
    assert.ok((await waited) instanceof DependencyTimeout);
    slow.finish();
    await running;
    await settle();
    assert.deepEqual(log, ['start slow']);
  });

  it('frees a place when a job fails', async () => {
    const gate = createHashGate({ running: 1, waiting: 0 });
    await assert.rejects(gate([() => Promise.reject(new Error('broken'))], 10_000), /broken/);
    assert.deepEqual(await gate([async () => 'after'], 10_000), ['after']);
  });

  it('hashes with scrypt at the given cost', async () => {
    const params = { N: 2 ** 10, r: 8, p: 1, keyLength: 16 };
    const salt = Buffer.alloc(16, 1);
    const one = await scryptHash('answer', salt, params);
    assert.equal(one.length, 16);
    assert.deepEqual(await scryptHash('answer', salt, params), one);
    assert.notDeepEqual(await scryptHash('answer', Buffer.alloc(16, 2), params), one);
  });
});
