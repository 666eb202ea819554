// The command's server on its own, in this process: how it treats slow and malformed clients.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { configFromEnv, type ServiceConfig } from './config.js';
import { HEADERS_TIMEOUT_MS, MANAGEMENT_MAX_CONNECTIONS, startService, type RunningService } from './service.js';

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

describe('the command’s management listener (SECURITY_INFO_MANAGEMENT_PORT)', () => {
  /** The service with a management listener on a free port of its own; `management` is its origin. */
  async function managed(env: Record<string, string> = {}) {
    const service = await serviceWith({ SECURITY_INFO_MANAGEMENT_PORT: '0', ...env });
    assert.ok(service.management, 'a management listener');
    return { ...service, management: service.management.origin };
  }

  it('answers health, readiness and metrics there, and 404 on the public port as any unknown path', async () => {
    const service = await managed();
    try {
      assert.notEqual(service.management, service.origin);
      const health = await fetch(`${service.management}/healthz`);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { status: 'ok' });
      const ready = await fetch(`${service.management}/readyz`);
      assert.equal(ready.status, 200);
      assert.deepEqual(await ready.json(), { status: 'ready' });
      const metrics = await fetch(`${service.management}/metrics`);
      assert.equal(metrics.status, 200);
      assert.match(await metrics.text(), /process_cpu_user_seconds_total/);
      // The public port knows them no more than any other path outside the base path.
      const unknown = await fetch(`${service.origin}/no-such-path`);
      const unknownBody = await unknown.text();
      assert.equal(unknown.status, 404);
      for (const path of ['/healthz', '/readyz', '/metrics']) {
        const publicly = await fetch(`${service.origin}${path}`);
        assert.equal(publicly.status, 404, path);
        assert.equal(await publicly.text(), unknownBody, path);
      }
      assert.equal((await fetch(`${service.origin}/api/security-info/policy`)).status, 200, 'the contract is public');
    } finally {
      await service.stop();
    }
  });

  it('answers anything else there 404 or 405, never the contract, and stays up', async () => {
    const errors: string[] = [];
    const service = await serviceWith({ SECURITY_INFO_MANAGEMENT_PORT: '0' }, errors);
    const management = service.management!.origin;
    try {
      const contract = await fetch(`${management}/api/security-info/policy`);
      assert.equal(contract.status, 404);
      assert.deepEqual(await contract.json(), { error: 'unknown', message: 'Not found.' });
      assert.equal((await fetch(`${management}/`)).status, 404);
      const posted = await fetch(`${management}/metrics`, { method: 'POST', body: '{}' });
      assert.equal(posted.status, 405);
      assert.equal(posted.headers.get('allow'), 'GET, HEAD');
      assert.equal((await fetch(`${management}/readyz`, { method: 'HEAD' })).status, 200);
      // What fetch cannot send: a method Node does not parse, a path that is no path, headers too large. Each asks the
      // server to close after its answer, as the test waits for the close: kept alive, it would wait for a minute.
      for (const raw of [
        'TRACE /healthz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n',
        'GET http://[bad HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n',
        'BREW /healthz HTTP/1.1\r\nHost: a\r\n\r\n',
        `GET /healthz HTTP/1.1\r\nHost: a\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`,
      ]) {
        const client = open(Number(new URL(management).port), raw);
        await client.closed.catch(() => undefined);
        await until(() => client.received.length > 0 || client.closedByServer, raw);
        assert.match(client.received, /^HTTP\/1.1 (?:4\d\d) /, raw.slice(0, 30));
        client.close();
      }
      assert.equal((await fetch(`${management}/healthz`)).status, 200, 'still up');
      assert.deepEqual(errors, []);
    } finally {
      await service.stop();
    }
  });

  it('is not counted in SECURITY_INFO_MAX_CONNECTIONS, nor kept out by a flood of the public port', async () => {
    const service = await managed({ SECURITY_INFO_MAX_CONNECTIONS: '2' });
    const port = Number(new URL(service.management).port);
    const flood = Array.from({ length: 10 }, () => open(service.port));
    const probes = Array.from({ length: 3 }, () => open(port));
    try {
      await Promise.all([...flood, ...probes].map((each) => each.connected));
      await until(() => flood.filter((each) => each.closedByServer).length >= 8, 'the flood was cut to the cap');
      assert.equal((await fetch(`${service.management}/readyz`)).status, 200, 'answered all the same');
      assert.ok(
        probes.every((each) => !each.closedByServer),
        'connections to the management port are none of the cap',
      );
      assert.ok((await openConnections(service.server)) <= 2);
    } finally {
      for (const each of [...flood, ...probes]) each.close();
      await service.stop();
    }
  });

  it('holds a cap of its own: a flood of the management port is cut, and a probe still gets in', async () => {
    const errors: string[] = [];
    const service = await serviceWith({ SECURITY_INFO_MANAGEMENT_PORT: '0' }, errors);
    const management = service.management!;
    const flood = Array.from({ length: MANAGEMENT_MAX_CONNECTIONS + 20 }, () =>
      open(Number(new URL(management.origin).port)),
    );
    try {
      await Promise.all(flood.map((each) => each.connected));
      await until(
        () => flood.filter((each) => each.closedByServer).length >= 20,
        'the flood was cut to the management cap',
      );
      assert.ok((await openConnections(management.server)) <= MANAGEMENT_MAX_CONNECTIONS, 'no more than its cap');
      const probe = await fetch(`${management.origin}/healthz`, { headers: { connection: 'close' } });
      assert.equal(probe.status, 200, 'a probe closes an idle connection to get its place');
      assert.equal((await fetch(`${service.origin}/api/security-info/policy`)).status, 200, 'the public port is free');
      const said = errors.filter((line) => line.includes('the management port'));
      assert.equal(said.length, 1, 'said once, not once a connection');
      assert.match(said[0]!, new RegExp(`\\(${MANAGEMENT_MAX_CONNECTIONS}\\) open at once`));
    } finally {
      for (const each of flood) each.close();
      await service.stop();
    }
  });

  it('fails readiness there for the stop delay, then closes with the rest', async () => {
    const service = await managed({ SECURITY_INFO_STOP_DELAY_MS: '1000' });
    const stopped = service.stop();
    try {
      const ready = await fetch(`${service.management}/readyz`);
      assert.equal(ready.status, 503);
      assert.deepEqual(await ready.json(), { status: 'stopping' });
      assert.equal(ready.headers.get('connection'), 'close', 'each connection closes after its answer');
      assert.equal((await fetch(`${service.management}/healthz`)).status, 200, 'alive all the same');
    } finally {
      await stopped;
    }
    for (const origin of [service.management, service.origin])
      await assert.rejects(fetch(`${origin}/healthz`), TypeError, `${origin} closed`);
  });
});
