import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { ConfigurationError, type ServerLogger } from '../options.js';
import type { CodeMessage } from '../senders.js';
import { body, setup } from '../test-support.js';
import { createWebhookSender, type WebhookSenderOptions } from './webhook.js';
import { rejection } from '../test-support.js';

const NUMBER = '+31612345678';
const CODE = '482913';
const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const MESSAGE: CodeMessage = { phoneNumber: NUMBER, channel: 'sms', code: CODE, locale: 'nl-NL' };

interface Received {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  /** `performance.now()` when it arrived. */
  at: number;
}

/** `endless`: the status and headers at once, then a body that never ends. */
type Answer = { status: number; headers?: Record<string, string>; endless?: true } | 'hang';

/** A receiver on 127.0.0.1 that keeps every request and answers the nth with `answer(n)`. */
async function receiver(t: TestContext, answer: (n: number) => Answer = () => ({ status: 204 })) {
  const received: Received[] = [];
  const server = createServer(async (request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) headers[name] = String(value);
    received.push({
      method: request.method ?? '',
      path: request.url ?? '',
      headers,
      body: Buffer.concat(chunks).toString('utf8'),
      at: performance.now(),
    });
    const reply = answer(received.length);
    if (reply === 'hang') return;
    response.writeHead(reply.status, reply.headers);
    if (!reply.endless) return void response.end();
    const dribble = setInterval(() => response.write('.'), 20);
    response.on('close', () => clearInterval(dribble));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/codes?tenant=a`, received };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function logger(): ServerLogger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, warn: (line) => lines.push(line), error: (line) => lines.push(line) };
}

/** Log lines and error messages may say what failed, never what was sent. */
function assertNothingSecret(texts: string[]) {
  assert.ok(texts.length > 0, 'something was said');
  for (const text of texts) {
    for (const secret of [CODE, NUMBER, NUMBER.slice(1), NUMBER.slice(-9)])
      assert.ok(!text.includes(secret), `"${text}" holds ${secret}`);
  }
}

function sender(url: string, options: Partial<WebhookSenderOptions> = {}) {
  return createWebhookSender({ url, secret: SECRET, retryDelayMs: 10, logger: logger(), ...options });
}

describe('the webhook sender', () => {
  it('POSTs the code as JSON, signed the Standard Webhooks way', async (t) => {
    const fake = await receiver(t);
    await sender(fake.url, { otpHost: 'portal.example.com' }).send(MESSAGE);

    assert.equal(fake.received.length, 1);
    const [request] = fake.received as [Received];
    assert.equal(request.method, 'POST');
    assert.equal(request.path, '/hooks/codes?tenant=a');
    assert.equal(request.headers['content-type'], 'application/json');
    assert.match(request.headers['webhook-id']!, /^msg_[0-9a-f]{32}$/);
    assert.ok(Math.abs(Number(request.headers['webhook-timestamp']) - Date.now() / 1000) < 5);
    assert.deepEqual(new Webhook(SECRET).verify(request.body, request.headers), {
      channel: 'sms',
      to: NUMBER,
      code: CODE,
      locale: 'nl-NL',
      otpLine: '@portal.example.com #482913',
    });
    assert.throws(
      () => new Webhook(`whsec_${randomBytes(32).toString('base64')}`).verify(request.body, request.headers),
      'another secret does not verify it',
    );
  });

  it('signs "id.timestamp.body" with HMAC-SHA256 under the decoded secret, at the clock’s time', async (t) => {
    const fake = await receiver(t);
    const at = Date.parse('2026-03-01T12:00:00.900Z');
    await sender(fake.url, { clock: () => at }).send(MESSAGE);

    const { headers, body: sent } = fake.received[0]!;
    assert.equal(headers['webhook-timestamp'], String(Math.floor(at / 1000)));
    const key = Buffer.from(SECRET.slice('whsec_'.length), 'base64');
    const mac = createHmac('sha256', key).update(`${headers['webhook-id']}.${Math.floor(at / 1000)}.${sent}`);
    assert.equal(headers['webhook-signature'], `v1,${mac.digest('base64')}`);
  });

  it('leaves out the locale when unknown, and the one-time-code line for calls or without otpHost', async (t) => {
    const fake = await receiver(t);
    await sender(fake.url, { otpHost: 'portal.example.com' }).send({ ...MESSAGE, channel: 'voice', locale: undefined });
    await sender(fake.url).send(MESSAGE);

    assert.deepEqual(JSON.parse(fake.received[0]!.body), { channel: 'voice', to: NUMBER, code: CODE });
    assert.deepEqual(JSON.parse(fake.received[1]!.body), { channel: 'sms', to: NUMBER, code: CODE, locale: 'nl-NL' });
  });

  it('carries an email code with the channel email and the address in to, signed and retried the same way', async (t) => {
    const fake = await receiver(t, (n) => ({ status: n === 1 ? 503 : 204 }));
    const send = sender(fake.url, { otpHost: 'portal.example.com' });
    await send.sendEmail({ email: 'jan@例え.テスト', code: CODE, locale: 'ja' });
    await send.sendEmail({ email: 'jan@example.com', code: CODE });

    assert.equal(fake.received.length, 3);
    assert.equal(fake.received[0]!.headers['webhook-id'], fake.received[1]!.headers['webhook-id']);
    // No one-time-code line: it binds codes typed from text messages, not from an inbox.
    assert.deepEqual(new Webhook(SECRET).verify(fake.received[1]!.body, fake.received[1]!.headers), {
      channel: 'email',
      to: 'jan@例え.テスト',
      code: CODE,
      locale: 'ja',
    });
    assert.deepEqual(JSON.parse(fake.received[2]!.body), { channel: 'email', to: 'jan@example.com', code: CODE });
  });

  it('gives every message its own id', async (t) => {
    const fake = await receiver(t);
    const send = sender(fake.url);
    await send.send(MESSAGE);
    await send.send(MESSAGE);
    assert.notEqual(fake.received[0]!.headers['webhook-id'], fake.received[1]!.headers['webhook-id']);
  });

  it('retries a 500 under the same webhook-id, signed again, and resolves on the 2xx after it', async (t) => {
    const fake = await receiver(t, (n) => ({ status: n === 1 ? 500 : 200 }));
    const log = logger();
    await sender(fake.url, { logger: log }).send(MESSAGE);

    assert.equal(fake.received.length, 2);
    const [first, second] = fake.received as [Received, Received];
    assert.equal(second.headers['webhook-id'], first.headers['webhook-id']);
    assert.equal(second.body, first.body);
    assert.ok(new Webhook(SECRET).verify(second.body, second.headers));
    assertNothingSecret(log.lines);
    assert.match(log.lines[0]!, /answered 500 \(attempt 1\); retrying/);
  });

  it('retries 408, 429 and every 5xx, and rejects when the retries are used up', async (t) => {
    for (const status of [408, 429, 502, 503, 504]) {
      const fake = await receiver(t, () => ({ status }));
      const log = logger();
      const error = await rejection(sender(fake.url, { retries: 2, logger: log }).send(MESSAGE));
      assert.equal(fake.received.length, 3, `${status}: the first attempt and two retries`);
      assert.match(error.message, new RegExp(`answered ${status} \\(attempt 3, no retries left\\)`));
      assertNothingSecret([...log.lines, error.message]);
    }
  });

  it('does not retry other answers: a 4xx or a redirect rejects at once', async (t) => {
    for (const status of [400, 401, 403, 404, 410, 422, 302]) {
      const fake = await receiver(t, () => ({ status, headers: { location: 'http://127.0.0.1:9/elsewhere' } }));
      const log = logger();
      const error = await rejection(sender(fake.url, { logger: log }).send(MESSAGE));
      assert.equal(fake.received.length, 1, `${status} is not retried`);
      assert.match(error.message, new RegExp(`answered ${status}, not retried`));
      assertNothingSecret([...log.lines, error.message]);
    }
  });

  it('waits as long as a 429’s Retry-After says, within the budget', async (t) => {
    const fake = await receiver(t, (n) =>
      n === 1 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 204 },
    );
    await sender(fake.url, { timeoutMs: 3000 }).send(MESSAGE);

    assert.equal(fake.received.length, 2);
    const waited = fake.received[1]!.at - fake.received[0]!.at;
    assert.ok(waited >= 950 && waited < 2000, `waited ${waited} ms`);
  });

  it('reads a Retry-After date against its clock', async (t) => {
    const fake = await receiver(t, (n) =>
      n === 1 ? { status: 503, headers: { 'retry-after': 'Sun, 01 Mar 2026 12:00:01 GMT' } } : { status: 204 },
    );
    const log = logger();
    await sender(fake.url, { clock: () => Date.parse('2026-03-01T12:00:00.700Z'), logger: log }).send(MESSAGE);

    assert.equal(fake.received.length, 2);
    assert.match(log.lines[0]!, /retrying in 300 ms/);
  });

  it('gives up at once when Retry-After is past the budget', async (t) => {
    const fake = await receiver(t, () => ({ status: 429, headers: { 'retry-after': '30' } }));
    const log = logger();
    const started = performance.now();
    const error = await rejection(sender(fake.url, { timeoutMs: 2000, logger: log }).send(MESSAGE));

    assert.ok(performance.now() - started < 1000, 'not after waiting');
    assert.equal(fake.received.length, 1);
    assert.match(error.message, /answered 429 \(attempt 1\); a retry in 30000 ms would be past the budget/);
    assertNothingSecret([...log.lines, error.message]);
  });

  it('rejects within its budget when the receiver never answers, each attempt timed out', async (t) => {
    const fake = await receiver(t, () => 'hang');
    const log = logger();
    const started = performance.now();
    const error = await rejection(
      sender(fake.url, { timeoutMs: 400, attemptTimeoutMs: 120, retries: 10, logger: log }).send(MESSAGE),
    );
    const took = performance.now() - started;

    // It may give up early, when a retry could not finish within the budget, but never late.
    assert.ok(took < 800, `took ${took} ms`);
    assert.ok(fake.received.length >= 2, `${fake.received.length} attempts`);
    assert.match(log.lines[0]!, /no answer within 120 ms \(attempt 1\)/);
    assert.match(error.message, /not delivered/);
    assertNothingSecret([...log.lines, error.message]);
  });

  it('takes a 2xx as delivered when it arrives, whatever its body does after', async (t) => {
    // The status is the receiver's answer: a body that never ends must not turn it into a failure, and a retry
    // would send the message twice.
    const fake = await receiver(t, () => ({ status: 200, endless: true }));
    const log = logger();
    const started = performance.now();
    await sender(fake.url, { timeoutMs: 3000, attemptTimeoutMs: 1000, logger: log }).send(MESSAGE);

    assert.ok(performance.now() - started < 800, `took ${Math.round(performance.now() - started)} ms`);
    assert.equal(fake.received.length, 1);
    assert.deepEqual(log.lines, []);
  });

  it('retries network errors and then rejects', async () => {
    const log = logger();
    const url = `http://127.0.0.1:${await closedPort()}/hooks/codes`;
    const error = await rejection(sender(url, { retries: 2, logger: log }).send(MESSAGE));

    assert.match(error.message, /network error \(ECONNREFUSED\) \(attempt 3, no retries left\)/);
    assert.equal(log.lines.filter((line) => line.includes('retrying')).length, 2);
    assertNothingSecret([...log.lines, error.message]);
  });

  it('refuses at creation a secret that is not whsec_ and base64 of 24 bytes or more, and a clear-text URL', () => {
    const url = 'https://hooks.example.com/codes';
    for (const secret of [
      randomBytes(32).toString('base64'),
      `whsec_${randomBytes(16).toString('base64')}`,
      `whsec_${randomBytes(32).toString('base64url')}!`,
      'whsec_not base64 at all, not at all',
      '',
    ])
      assert.throws(
        () => createWebhookSender({ url, secret }),
        (error: Error) => {
          assert.ok(error instanceof ConfigurationError);
          assert.match(error.message, /whsec_.*base64 of at least 24 random bytes/);
          return true;
        },
      );
    assert.throws(() => createWebhookSender({ url: 'http://hooks.example.com/codes', secret: SECRET }), /https:/);
    assert.throws(() => createWebhookSender({ url: 'hooks.example.com', secret: SECRET }), /not a URL/);
    assert.throws(() => createWebhookSender({ url, secret: SECRET, otpHost: 'https://portal.example.com' }), /host/);
    assert.throws(() => createWebhookSender({ url, secret: SECRET, retries: -1 }), /retries/);
    assert.ok(createWebhookSender({ url, secret: `whsec_${randomBytes(24).toString('base64')}` }));
  });
});

describe('the webhook sender in the handler', () => {
  it('delivers a code the person can then verify', async (t) => {
    const fake = await receiver(t);
    const server = setup({ sender: sender(fake.url) });
    const id = await server.start(NUMBER);
    const { code } = JSON.parse(fake.received[0]!.body) as { code: string };
    assert.equal((await server.verify(id, code)).status, 204);
  });

  it('answers channel-unavailable when the receiver refuses, and logs neither the code nor the number', async (t) => {
    const fake = await receiver(t, () => ({ status: 400 }));
    const log = logger();
    const server = setup({ sender: sender(fake.url, { logger: log }) });
    const response = await server.sendCode(NUMBER);
    assert.equal(response.status, 422);
    assert.equal((await body(response)).error, 'channel-unavailable');
    const { code } = JSON.parse(fake.received[0]!.body) as { code: string };
    assert.ok(
      [...log.lines, ...server.logged].every((line) => !line.includes(code) && !line.includes(NUMBER.slice(1))),
    );
  });
});
