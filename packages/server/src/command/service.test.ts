// The command's server on its own, in this process: how it treats slow and malformed clients.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { configFromEnv, type ServiceConfig } from './config.js';
import { HEADERS_TIMEOUT_MS, startService, type RunningService } from './service.js';

/** Starts the command's server in development on a folder of its own, with `env` added; `stop` removes the folder. */
async function serviceWith(env: Record<string, string>, errors: string[] = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'security-info-service-'));
  const config = configFromEnv({
    NODE_ENV: 'development',
    SECURITY_INFO_AUTH: 'dev',
    SECURITY_INFO_SENDER: 'console',
    SECURITY_INFO_DATA_DIR: dir,
    PORT: '0',
    ...env,
  }) as ServiceConfig;
  const running = await startService(config, { info() {}, error: (line) => void errors.push(line) });
  return {
    ...running,
    port: Number(new URL(running.origin).port),
    async stop() {
      await running.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A connection to `port` that sends `text` once open, and whether the server closed it (rather than `close()`). */
function open(port: number, text = '') {
  let mine = false;
  const socket = connect(port, '127.0.0.1', () => text && socket.write(text));
  const state = {
    socket,
    received: '',
    closedByServer: false,
    connected: new Promise<Socket>((resolve) => socket.once('connect', () => resolve(socket))),
    closed: new Promise<void>((resolve) => socket.once('close', () => resolve())),
    close() {
      mine = true;
      socket.destroy();
    },
  };
  socket.on('data', (chunk) => (state.received += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  socket.on('close', () => (state.closedByServer = !mine));
  return state;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits until `condition` holds, for 5 s at most: what the server does with a socket, its client sees a moment later. */
async function until(condition: () => boolean | Promise<boolean>, what: string) {
  for (const started = performance.now(); !(await condition()); await pause(20))
    if (performance.now() - started > 5000) assert.fail(what);
}
const openConnections = (server: RunningService['server']) =>
  new Promise<number>((resolve, reject) =>
    server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
  );

describe('the command’s server under a flood of connections', () => {
  it('holds at most SECURITY_INFO_MAX_CONNECTIONS, closing idle ones so a request still gets in', async () => {
    const errors: string[] = [];
    const service = await serviceWith({ SECURITY_INFO_MAX_CONNECTIONS: '3' }, errors);
    const flood = Array.from({ length: 20 }, () => open(service.port));
    try {
      await Promise.all(flood.map((each) => each.connected));
      await until(() => flood.filter((each) => each.closedByServer).length >= 17, 'the flood was cut to the cap');
      assert.ok((await openConnections(service.server)) <= 3, 'no more than the cap are kept');
      // A request on a new connection is answered: it closes the longest idle one to get its place.
      for (let i = 0; i < 3; i++) {
        const response = await fetch(`${service.origin}/healthz`, { headers: { connection: 'close' } });
        assert.equal(response.status, 200);
      }
      await until(async () => (await openConnections(service.server)) <= 3, 'no more than the cap are kept');
      const said = errors.filter((line) => line.includes('SECURITY_INFO_MAX_CONNECTIONS'));
      assert.equal(said.length, 1, 'said once, not once a connection');
      assert.match(said[0]!, /SECURITY_INFO_MAX_CONNECTIONS \(3\) open at once/);
    } finally {
      for (const each of flood) each.close();
      await service.stop();
    }
  });

  it('closes a connection over the cap at once while every one of the cap has a request in flight', async () => {
    const service = await serviceWith({ SECURITY_INFO_MAX_CONNECTIONS: '2' });
    // Whole requests whose answers are held back: each is in flight until its answer is let go.
    const held: (() => void)[] = [];
    service.server.prependListener('request', (_req, res) => {
      const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
      res.end = ((...args: unknown[]) => (held.push(() => void end(...args)), res)) as typeof res.end;
    });
    const busy = [0, 1].map(() => open(service.port, 'GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n'));
    try {
      await until(() => held.length === 2, 'both requests were answered, the answers held');
      const extra = open(service.port, 'GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n');
      await extra.closed;
      assert.equal(extra.received, '', 'no answer: closed at once');
      assert.ok(
        busy.every((each) => !each.closedByServer),
        'the requests in flight are left alone',
      );
      for (const release of held) release();
      await until(() => busy.every((each) => each.received.includes('200 OK')), 'the held answers arrived');
    } finally {
      for (const each of busy) each.close();
      await service.stop();
    }
  });

  it('takes a connection whose request is still arriving as idle: unfinished bodies cannot keep everyone out', async () => {
    const service = await serviceWith({ SECURITY_INFO_MAX_CONNECTIONS: '2' });
    // Requests whose bodies never finish, as any signed-in caller can send: they would hold their places until the
    // body time-out, then be sent again.
    const slow = () =>
      open(
        service.port,
        'POST /api/security-info/phone/challenges HTTP/1.1\r\nHost: a\r\ncontent-type: application/json\r\n' +
          'content-length: 100\r\n\r\n{"phoneNumber":',
      );
    let started = 0;
    const bothStarted = new Promise<void>((resolve) =>
      service.server.on('request', () => ++started === 2 && resolve()),
    );
    const flood = [slow(), slow()];
    try {
      await bothStarted;
      const response = await fetch(`${service.origin}/healthz`, { headers: { connection: 'close' } });
      assert.equal(response.status, 200, 'a whole request gets in');
      await until(() => flood.some((each) => each.closedByServer), 'an unfinished request gave way');
    } finally {
      for (const each of flood) each.close();
      await service.stop();
    }
  });
});

describe('the command’s server', () => {
  let dataDir: string;
  let service: RunningService;
  let port: number;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'security-info-service-'));
    const config = configFromEnv({
      NODE_ENV: 'development',
      SECURITY_INFO_AUTH: 'dev',
      SECURITY_INFO_SENDER: 'console',
      SECURITY_INFO_DATA_DIR: dataDir,
      PORT: '0',
    }) as ServiceConfig;
    service = await startService(config, { info() {}, error() {} });
    port = Number(new URL(service.origin).port);
  });

  after(async () => {
    await service?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('closes a connection whose headers trickle in for longer than the headers time-out (slowloris)', async () => {
    const opened = performance.now();
    let answer = '';
    const seconds = await new Promise<number>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('GET /healthz HTTP/1.1\r\nHost: a\r\n'));
      // A header line a second: never idle, never done.
      let line = 0;
      const trickle = setInterval(() => socket.write(`x-${line++}: a\r\n`), 1000);
      socket.on('error', () => undefined);
      socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
      socket.on('close', () => {
        clearInterval(trickle);
        resolve((performance.now() - opened) / 1000);
      });
      setTimeout(() => socket.destroy(), 60_000).unref();
    });
    const limit = HEADERS_TIMEOUT_MS / 1000;
    assert.ok(seconds >= limit - 1 && seconds < limit + 3, `closed after ${seconds.toFixed(1)} s`);
    assert.match(answer, /^HTTP\/1.1 408 /);
  });

  it('refuses headers too large with 431 and the contract’s JSON error, and stays up', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () =>
        socket.write(`GET /api/security-info/policy HTTP/1.1\r\nHost: a\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`),
      );
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('latin1')));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      socket.setTimeout(3000, () => socket.destroy(new Error('no answer')));
    });
    assert.match(answer, /^HTTP\/1.1 431 /);
    const [head, body] = answer.split('\r\n\r\n');
    assert.match(head!, /\r\ncontent-type: application\/json/i);
    assert.equal((JSON.parse(body!) as { error: string }).error, 'unknown');
    assert.equal((await fetch(`${service.origin}/healthz`)).status, 200);
  });

  it('waits for a body as long as SECURITY_INFO_BODY_TIMEOUT_MS allows, past Node’s 30 s', async () => {
    const slow = await serviceWith({ SECURITY_INFO_BODY_TIMEOUT_MS: '120000' });
    try {
      assert.ok(slow.server.requestTimeout >= HEADERS_TIMEOUT_MS + 120_000, String(slow.server.requestTimeout));
      assert.equal(service.server.requestTimeout, 30_000, 'the default body time-out keeps the 30 s');
    } finally {
      await slow.stop();
    }
  });
});
