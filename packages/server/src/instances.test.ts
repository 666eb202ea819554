// Several instances of the service on one real PostgreSQL, and instances killed mid-work: what an organization
// running more than one process, or losing one, relies on. Each instance is a process of its own (test-instance.ts).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Registrations } from '@security-info/core';
import pg from 'pg';
import { openPGliteStore } from './pglite-store.js';
import type { CodeMessage } from './senders.js';
import { startPostgres, type TestPostgres } from './test-postgres.js';

const INSTANCE = fileURLToPath(new URL('./test-instance.ts', import.meta.url));

interface Instance {
  url: string;
  child: ChildProcess;
  exited: Promise<void>;
}

/** Starts one instance and resolves once it serves. */
function startInstance(env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, ['--conditions=@security-info/source', '--import', 'tsx', INSTANCE], {
    env: { ...process.env, ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the instance did not start: ${errors}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      const port = /listening (\d+)/.exec(chunk.toString())?.[1];
      if (!port) return;
      clearTimeout(timer);
      resolve({ url: `http://127.0.0.1:${port}/api/security-info`, child, exited });
    });
    child.once('exit', (code) => reject(new Error(`the instance exited (${code}): ${errors}`)));
  });
}

/** Where instances deliver codes: the test reads them as a person reads a message. */
function startSink(): Promise<{ url: string; messages: CodeMessage[]; server: Server }> {
  const messages: CodeMessage[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      messages.push(JSON.parse(text) as CodeMessage);
      res.end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, messages, server }),
    ),
  );
}

const post = (instance: Instance, path: string, user: string, body: unknown) =>
  fetch(`${instance.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-user': user },
    body: JSON.stringify(body),
  });

async function methodsOf(instance: Instance, user: string): Promise<Registrations> {
  const response = await fetch(`${instance.url}/methods`, { headers: { 'x-test-user': user } });
  assert.equal(response.status, 200);
  return (await response.json()) as Registrations;
}

let numberSeed = 10_000_000;
/** A Dutch mobile number no other test has used. */
const freshNumber = () => `+316${String(numberSeed++).padStart(8, '0')}`;

describe('several instances on one PostgreSQL', () => {
  let postgres: TestPostgres;
  let sink: Awaited<ReturnType<typeof startSink>>;
  let a: Instance;
  let b: Instance;
  const codeFor = (phoneNumber: string) => sink.messages.findLast((m) => m.phoneNumber === phoneNumber)!.code;

  async function startChallenge(instance: Instance, user: string, phoneNumber = freshNumber()) {
    const response = await post(instance, '/phone/challenges', user, { phoneNumber, channel: 'sms' });
    assert.equal(response.status, 201, await response.clone().text());
    const { challengeId } = (await response.json()) as { challengeId: string };
    return { challengeId, code: codeFor(phoneNumber), phoneNumber };
  }

  before(async () => {
    [postgres, sink] = await Promise.all([startPostgres(), startSink()]);
    const env = { DATABASE_URL: postgres.connectionString, SINK_URL: sink.url };
    [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
  });

  after(async () => {
    for (const instance of [a, b]) instance?.child.kill('SIGKILL');
    await Promise.all([a?.exited, b?.exited]);
    sink?.server.close();
    await postgres?.stop();
  });

  it('verifies on one instance a challenge created on the other', async () => {
    const { challengeId, code, phoneNumber } = await startChallenge(a, 'alice');
    const verified = await post(b, `/phone/challenges/${challengeId}/verify`, 'alice', { code });
    assert.equal(verified.status, 204);
    const { methods } = await methodsOf(a, 'alice');
    assert.deepEqual(
      methods.map((method) => method.phone?.phoneNumber),
      [phoneNumber],
    );
  });

  it('holds the per-number limit of 3 a minute across both', async () => {
    const phoneNumber = freshNumber();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await post(i % 2 ? b : a, '/phone/challenges', `user${i}`, { phoneNumber, channel: 'sms' });
      statuses.push(response.status);
    }
    assert.deepEqual([...statuses].sort(), [201, 201, 201, 429, 429, 429]);
  });

  it('lets exactly one of 50 parallel verifies of one challenge, spread over both, register; the rest are its retries', async () => {
    const { challengeId, code } = await startChallenge(a, 'carol');
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post(i % 2 ? b : a, `/phone/challenges/${challengeId}/verify`, 'carol', { code }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    assert.ok(
      statuses.every((status) => status === 204),
      statuses.join(' '),
    );
    assert.equal((await methodsOf(b, 'carol')).methods.length, 1);
    const client = new pg.Client({ connectionString: postgres.connectionString });
    await client.connect();
    try {
      const { rows } = await client.query<{ action: string }>('select action from audit_entries where user_id = $1', [
        'carol',
      ]);
      assert.deepEqual(
        rows.map((row) => row.action),
        ['method-added'],
        'one registration, audited once',
      );
    } finally {
      await client.end();
    }
  });

  it('loses nothing that was answered when one instance is killed mid-burst, and the other goes on', async () => {
    const users = Array.from({ length: 40 }, (_, i) => `burst${i}`);
    const challenges = await Promise.all(users.map((user, i) => startChallenge(i % 2 ? b : a, user)));
    const answered: string[] = [];
    const verifies = users.map(async (user, i) => {
      try {
        const response = await post(i % 2 ? b : a, `/phone/challenges/${challenges[i]!.challengeId}/verify`, user, {
          code: challenges[i]!.code,
        });
        if (response.status === 204) answered.push(user);
      } catch {
        // The killed instance's connections break: those requests were never answered.
      }
    });
    setTimeout(() => a.child.kill('SIGKILL'), 15);
    await Promise.all(verifies);
    await a.exited;
    assert.ok(answered.length > 0);
    for (const user of answered) assert.equal((await methodsOf(b, user)).methods.length, 1, user);
    const after = await startChallenge(b, 'dave');
    assert.equal(
      (await post(b, `/phone/challenges/${after.challengeId}/verify`, 'dave', { code: after.code })).status,
      204,
    );
  });
});

describe('the embedded database', () => {
  it('keeps a registration answered 204 when the instance is killed right after', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'security-info-pglite-'));
    const sink = await startSink();
    try {
      const instance = await startInstance({ PGLITE_DIR: dataDir, SINK_URL: sink.url });
      const phoneNumber = freshNumber();
      const sent = await post(instance, '/phone/challenges', 'erin', { phoneNumber, channel: 'sms' });
      const { challengeId } = (await sent.json()) as { challengeId: string };
      const code = sink.messages.at(-1)!.code;
      const verified = await post(instance, `/phone/challenges/${challengeId}/verify`, 'erin', { code });
      assert.equal(verified.status, 204);
      instance.child.kill('SIGKILL');
      await instance.exited;
      const store = await openPGliteStore({ dataDir });
      try {
        const methods = await store.transaction((tx) => tx.listMethods('erin'));
        assert.deepEqual(
          methods.map((method) => method.phoneNumber),
          [phoneNumber],
        );
      } finally {
        await store.close();
      }
    } finally {
      sink.server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
