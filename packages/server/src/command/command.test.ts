// The security-info-server command as operators run it: a process of its own, configured by environment, on the
// embedded database or PostgreSQL, with health, readiness, its lock on the data folder and a clean stop.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { startPostgres, type TestPostgres } from '../test-postgres.js';
import { LOCK_FILE } from './lock.js';
import { VARIABLES } from './config.js';
import { describePostgresFailure } from './service.js';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const DEVELOPMENT = {
  NODE_ENV: 'development',
  SECURITY_INFO_AUTH: 'dev',
  SECURITY_INFO_SENDER: 'console',
  PORT: '0',
};

interface Command {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Runs the command from this repository's source, with only the variables given (and PATH). */
function run(env: Record<string, string>, args: string[] = []): Command {
  const child = spawn(process.execPath, ['--conditions=@security-info/source', '--import', 'tsx', MAIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Resolves once `pattern` shows in the stream, or rejects when the process exits first. */
function waitFor(command: Command, stream: 'stdout' | 'stderr', pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const look = () => {
      const found = pattern.exec(command[stream]());
      if (!found) return false;
      command.child[stream]!.removeListener('data', look);
      resolve(found);
      return true;
    };
    if (look()) return;
    command.child[stream]!.on('data', look);
    command.exited.then((code) => {
      if (!look()) reject(new Error(`exited (${code}) before ${pattern}: ${command.stdout()}${command.stderr()}`));
    });
  });
}

/** Starts the command and resolves with its origin once it listens. */
async function start(env: Record<string, string>): Promise<Command & { origin: string }> {
  const command = run(env);
  const [, origin] = await waitFor(command, 'stdout', /security-info-server listening on (http:\/\/\S+)/);
  return { ...command, origin: origin! };
}

/** A GET by node:http, whose answer shows its Connection header. */
function get(url: string): Promise<{ status: number; connection: string | undefined; text: string }> {
  return new Promise((resolve, reject) => {
    request(url, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, connection: response.headers.connection, text }),
      );
    })
      .on('error', reject)
      .end();
  });
}

/** A port of 127.0.0.1 nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// The groups run side by side (the databases start meanwhile); each group's tests run in order.
const inOrder = { concurrency: false };

describe('security-info-server', { concurrency: true }, () => {
  describe('on the embedded database', inOrder, () => {
    let dataDir: string;
    let service: Awaited<ReturnType<typeof start>>;
    const api = (route: string) => `${service.origin}/api/security-info${route}`;
    const post = (route: string, body: unknown) =>
      fetch(api(route), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    before(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'security-info-command-'));
      service = await start({ ...DEVELOPMENT, SECURITY_INFO_DATA_DIR: dataDir });
    });

    after(async () => {
      service?.child.kill('SIGKILL');
      await service?.exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('answers /healthz and /readyz', async () => {
      const health = await fetch(`${service.origin}/healthz`);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { status: 'ok' });
      const ready = await fetch(`${service.origin}/readyz`);
      assert.equal(ready.status, 200);
      assert.deepEqual(await ready.json(), { status: 'ready' });
    });

    it('says on stderr that dev auth signs every request in, as whom, and where', async () => {
      // Written with the line that says where it listens, which start() waited for.
      const port = new URL(service.origin).port;
      const warned = waitFor(
        service,
        'stderr',
        new RegExp(`SECURITY_INFO_AUTH=dev signs every request in as demo-user.*:${port}`),
      );
      const late = new Promise((_, reject) => setTimeout(() => reject(new Error(service.stderr())), 5_000).unref());
      await Promise.race([warned, late]);
    });

    it('enrolls a phone end to end, the code read from the console', async () => {
      const sent = await post('/phone/challenges', { phoneNumber: '+31612345678', channel: 'sms' });
      assert.equal(sent.status, 201);
      const { challengeId } = (await sent.json()) as { challengeId: string };
      const [, code] = await waitFor(service, 'stderr', /\[security-info\] sms code for \+31•••••5678: (\d{6})/);
      assert.equal((await post(`/phone/challenges/${challengeId}/verify`, { code })).status, 204);
      const methods = (await (await fetch(api('/methods'))).json()) as {
        methods: { phone?: { phoneNumber: string } }[];
      };
      assert.deepEqual(
        methods.methods.map((method) => method.phone?.phoneNumber),
        ['+31612345678'],
      );
    });

    it('serves metrics of what it did', async () => {
      const metrics = await (await fetch(`${service.origin}/metrics`)).text();
      assert.match(metrics, /security_info_codes_sent_total\{channel="sms",country="NL",outcome="delivered"\} 1/);
      assert.match(metrics, /security_info_code_checks_total\{purpose="enroll",outcome="verified"\} 1/);
      assert.match(
        metrics,
        /security_info_request_duration_seconds_count\{route="send",method="POST",status="201"\} 1/,
      );
    });

    it('refuses to start a second process on the same folder, naming the first', async () => {
      const second = run({ ...DEVELOPMENT, SECURITY_INFO_DATA_DIR: dataDir });
      assert.equal(await second.exited, 1);
      assert.match(second.stderr(), new RegExp(`data folder .* is in use by process ${service.child.pid}`));
      assert.doesNotMatch(second.stderr(), /\n\s+at /, 'no stack trace');
    });

    it('finishes a request in flight on SIGTERM, then exits 0 and releases the folder', async () => {
      const body = JSON.stringify({ phoneNumber: '+31612345679', channel: 'sms' });
      const url = new URL(api('/phone/challenges'));
      // Expect: 100-continue tells the test when the service has the request, so the stop comes while it is running.
      const pending = request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': body.length, expect: '100-continue' },
      });
      const answered = new Promise<{ status: number; connection: string | undefined; text: string }>(
        (resolve, reject) => {
          pending.on('error', reject);
          pending.on('response', (response) => {
            let text = '';
            response.on('data', (chunk) => (text += chunk));
            response.on('end', () =>
              resolve({ status: response.statusCode!, connection: response.headers.connection, text }),
            );
          });
        },
      );
      await new Promise((resolve) => pending.once('continue', resolve));
      pending.write(body.slice(0, 10));
      service.child.kill('SIGTERM');
      await waitFor(service, 'stdout', /SIGTERM: stopping/);
      assert.equal(
        (await fetch(`${service.origin}/healthz`).catch(() => undefined))?.status,
        undefined,
        'not accepting',
      );
      pending.end(body.slice(10));
      const response = await answered;
      assert.equal(response.status, 201, response.text);
      assert.equal(response.connection, 'close');
      assert.equal(await service.exited, 0);
      assert.equal(fs.existsSync(path.join(dataDir, LOCK_FILE)), false);
    });
  });

  describe('with SECURITY_INFO_STOP_DELAY_MS', inOrder, () => {
    let dataDir: string;
    let service: Awaited<ReturnType<typeof start>>;

    before(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'security-info-command-'));
      service = await start({ ...DEVELOPMENT, SECURITY_INFO_DATA_DIR: dataDir, SECURITY_INFO_STOP_DELAY_MS: '2000' });
    });

    after(async () => {
      service?.child.kill('SIGKILL');
      await service?.exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('on SIGTERM fails readiness but goes on answering for the delay, then exits 0', async () => {
      const signalled = Date.now();
      service.child.kill('SIGTERM');
      await waitFor(service, 'stdout', /SIGTERM: stopping, readiness failing; still serving for 2000 ms/);
      // New connections are still accepted: a load balancer's probes and the requests it still sends are answered.
      const ready = await get(`${service.origin}/readyz`);
      assert.equal(ready.status, 503);
      assert.deepEqual(JSON.parse(ready.text), { status: 'stopping' });
      assert.equal((await get(`${service.origin}/healthz`)).status, 200, 'alive all the same');
      const policy = await get(`${service.origin}/api/security-info/policy`);
      assert.equal(policy.status, 200, policy.text);
      assert.equal(policy.connection, 'close', 'each connection closes after its answer');
      assert.equal(await service.exited, 0);
      assert.ok(Date.now() - signalled >= 2000, 'not before the delay');
      assert.equal(fs.existsSync(path.join(dataDir, LOCK_FILE)), false);
    });
  });

  describe('with SECURITY_INFO_MANAGEMENT_PORT', inOrder, () => {
    let dataDir: string;
    let service: Awaited<ReturnType<typeof start>>;
    let management: string;

    before(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'security-info-command-'));
      service = await start({
        ...DEVELOPMENT,
        SECURITY_INFO_DATA_DIR: dataDir,
        SECURITY_INFO_MANAGEMENT_PORT: '0',
        SECURITY_INFO_STOP_DELAY_MS: '1000',
      });
      const said = /health, readiness and metrics on (http:\/\/\S+), not on the public port/;
      management = (await waitFor(service, 'stdout', said))[1]!;
    });

    after(async () => {
      service?.child.kill('SIGKILL');
      await service?.exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('serves health, readiness and metrics on the management port only', async () => {
      assert.notEqual(management, service.origin);
      for (const route of ['/healthz', '/readyz', '/metrics']) {
        assert.equal((await get(`${management}${route}`)).status, 200, route);
        assert.equal((await get(`${service.origin}${route}`)).status, 404, route);
      }
      assert.equal((await get(`${service.origin}/api/security-info/policy`)).status, 200);
    });

    it('on SIGTERM fails readiness there for the delay, then closes it with the rest and exits 0', async () => {
      service.child.kill('SIGTERM');
      await waitFor(service, 'stdout', /SIGTERM: stopping/);
      const ready = await get(`${management}/readyz`);
      assert.equal(ready.status, 503);
      assert.deepEqual(JSON.parse(ready.text), { status: 'stopping' });
      assert.equal(await service.exited, 0);
      await assert.rejects(get(`${management}/healthz`), /ECONNREFUSED/);
    });
  });

  describe('with access tokens and SECURITY_INFO_RECENT_SIGN_IN', inOrder, () => {
    const ISSUER = 'https://id.example.test';
    let keys: Server;
    let dataDir: string;
    let service: Awaited<ReturnType<typeof start>>;
    let sign: (authTime?: number) => Promise<string>;

    before(async () => {
      const { privateKey, publicKey } = await generateKeyPair('ES256');
      const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }] });
      keys = createServer((_request, response) => response.setHeader('content-type', 'application/json').end(jwks));
      await new Promise<void>((resolve) => keys.listen(0, '127.0.0.1', resolve));
      sign = (authTime) => {
        const now = Math.floor(Date.now() / 1000);
        return new SignJWT({
          iss: ISSUER,
          aud: 'security-info',
          sub: 'alice',
          ...(authTime ? { auth_time: authTime } : {}),
        })
          .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'at+jwt' })
          .setIssuedAt(now)
          .setExpirationTime(now + 300)
          .sign(privateKey);
      };
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'security-info-command-'));
      service = await start({
        ...DEVELOPMENT,
        SECURITY_INFO_AUTH: 'jwt',
        SECURITY_INFO_JWKS_URL: `http://127.0.0.1:${(keys.address() as AddressInfo).port}/jwks`,
        SECURITY_INFO_ISSUER: ISSUER,
        SECURITY_INFO_AUDIENCE: 'security-info',
        SECURITY_INFO_RECENT_SIGN_IN: '600',
        SECURITY_INFO_DATA_DIR: dataDir,
      });
    });

    after(async () => {
      service?.child.kill('SIGKILL');
      await service?.exited;
      keys?.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    const send = async (phoneNumber: string, token: string) =>
      fetch(`${service.origin}/api/security-info/phone/challenges`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ phoneNumber, channel: 'sms' }),
      });

    it('asks for a sign-in this recent, by the token’s auth_time, before a second method', async () => {
      const now = Math.floor(Date.now() / 1000);
      // The first method needs no recent sign-in: there is nothing else to prove oneself with.
      const first = await send('+31612345678', await sign());
      assert.equal(first.status, 201, await first.clone().text());
      const { challengeId } = (await first.json()) as { challengeId: string };
      const [, code] = await waitFor(service, 'stderr', /sms code for \+31•••••5678: (\d{6})/);
      const verified = await fetch(`${service.origin}/api/security-info/phone/challenges/${challengeId}/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await sign()}` },
        body: JSON.stringify({ code }),
      });
      assert.equal(verified.status, 204);
      // A second: a token with no auth_time, or an hour-old one, is asked to sign in again; a fresh one is not.
      for (const token of [await sign(), await sign(now - 3600)]) {
        const refused = await send('+31687654321', token);
        assert.equal(refused.status, 403);
        assert.equal(((await refused.json()) as { error: string }).error, 'reauthentication-required');
      }
      // The operator is told, once, why a token without auth_time is never a recent sign-in.
      await waitFor(service, 'stderr', /an access token without auth_time/);
      assert.equal((await send('+31687654321', await sign())).status, 403);
      assert.equal(service.stderr().match(/without auth_time/g)?.length, 1);
      assert.equal((await send('+31687654321', await sign(now - 60))).status, 201);
    });
  });

  describe('without starting', inOrder, () => {
    it('--help exits 0 listing every variable', async () => {
      const help = run({}, ['--help']);
      assert.equal(await help.exited, 0);
      for (const { name } of VARIABLES) assert.ok(help.stdout().includes(name), name);
    });

    it('a malformed PORT and an unknown SECURITY_INFO_ variable exit 2, each named, without a stack trace', async () => {
      const command = run({ ...DEVELOPMENT, PORT: 'eighty', SECURITY_INFO_SECRETS: 'x' });
      assert.equal(await command.exited, 2);
      assert.match(command.stderr(), /PORT must be a port number from 0 to 65535, not "eighty"/);
      assert.match(command.stderr(), /SECURITY_INFO_SECRETS is not a variable/);
      assert.doesNotMatch(command.stderr(), /\n\s+at /);
    });

    it('exits 2 naming SECURITY_INFO_MANAGEMENT_PORT, without a stack trace', async () => {
      const command = run({ ...DEVELOPMENT, PORT: '8787', SECURITY_INFO_MANAGEMENT_PORT: '8787' });
      assert.equal(await command.exited, 2);
      assert.match(command.stderr(), /security-info-server: SECURITY_INFO_MANAGEMENT_PORT is PORT's, 8787/);
      assert.doesNotMatch(command.stderr(), /\n\s+at /);
    });
  });

  describe('on PostgreSQL that does not answer', inOrder, () => {
    it('exits 1 naming PostgreSQL, DATABASE_URL without its password, and what to check', async () => {
      const port = await closedPort();
      const command = run({ ...DEVELOPMENT, DATABASE_URL: `postgres://app:s3cret-pw@127.0.0.1:${port}/security` });
      assert.equal(await command.exited, 1);
      assert.match(
        command.stderr(),
        new RegExp(
          `security-info-server: not started: could not reach PostgreSQL at DATABASE_URL \\(app@127\\.0\\.0\\.1:${port}/` +
            `security, password not shown\\): connect ECONNREFUSED 127\\.0\\.0\\.1:${port}; check that it runs`,
        ),
      );
      assert.doesNotMatch(command.stdout() + command.stderr(), /s3cret-pw/);
      assert.doesNotMatch(command.stderr(), /\n\s+at /, 'no stack trace');
    });

    it('masks the password in any reason the driver gives', () => {
      const url = 'postgres://app:p%40ss@db.internal/security?sslmode=require';
      const message = describePostgresFailure(url, new Error('bad URL postgres://app:p%40ss@db.internal and p@ss'));
      assert.doesNotMatch(message, /p%40ss|p@ss/);
      assert.match(message, /^could not open PostgreSQL at DATABASE_URL \(app@db\.internal:5432\/security, /);
      assert.match(message, /check the user, password and database in DATABASE_URL/);
    });
  });

  describe('on PostgreSQL', inOrder, () => {
    let postgres: TestPostgres;
    let service: Awaited<ReturnType<typeof start>>;

    before(async () => {
      postgres = await startPostgres();
      service = await start({ ...DEVELOPMENT, DATABASE_URL: postgres.connectionString });
    });

    after(async () => {
      service?.child.kill('SIGKILL');
      await service?.exited;
      await postgres?.stop().catch(() => undefined);
    });

    it('is ready while the database answers, and not once it is gone', async () => {
      assert.equal((await fetch(`${service.origin}/readyz`)).status, 200);
      await postgres.stop();
      const unready = await fetch(`${service.origin}/readyz`);
      assert.equal(unready.status, 503);
      assert.equal((await unready.json()).status, 'unavailable');
      assert.equal((await fetch(`${service.origin}/healthz`)).status, 200, 'alive all the same');
    });

    it('stops cleanly on SIGTERM with the database gone', async () => {
      service.child.kill('SIGTERM');
      assert.equal(await service.exited, 0);
    });
  });
});
