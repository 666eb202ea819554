// The command's server on its own, in this process: how it treats slow and malformed clients.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { configFromEnv, type ServiceConfig } from './config.js';
import { HEADERS_TIMEOUT_MS, startService, type RunningService } from './service.js';

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
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'security-info-service-'));
    const config = configFromEnv({
      NODE_ENV: 'development',
      SECURITY_INFO_AUTH: 'dev',
      SECURITY_INFO_SENDER: 'console',
      SECURITY_INFO_DATA_DIR: dir,
      SECURITY_INFO_BODY_TIMEOUT_MS: '120000',
      PORT: '0',
    }) as ServiceConfig;
    const slow = await startService(config, { info() {}, error() {} });
    try {
      assert.ok(slow.server.requestTimeout >= HEADERS_TIMEOUT_MS + 120_000, String(slow.server.requestTimeout));
      assert.equal(service.server.requestTimeout, 30_000, 'the default body time-out keeps the 30 s');
    } finally {
      await slow.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
