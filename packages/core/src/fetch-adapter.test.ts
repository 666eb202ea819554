import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createFetchAdapter } from './fetch-adapter.js';
import { SecurityInfoError } from './errors.js';

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

function adapterWith(handler: Handler, extra: Partial<Parameters<typeof createFetchAdapter>[0]> = {}) {
  const requests: { url: string; init: RequestInit }[] = [];
  const adapter = createFetchAdapter({
    baseUrl: 'https://id.example/api/security-info/',
    fetch: async (input, init = {}) => {
      requests.push({ url: String(input), init });
      return handler(String(input), init);
    },
    ...extra,
  });
  return { adapter, requests };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const signal = () => new AbortController().signal;

async function rejection(promise: Promise<unknown>): Promise<SecurityInfoError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof SecurityInfoError, `not a SecurityInfoError: ${String(error)}`);
    return error;
  }
  throw new Error('resolved');
}

describe('createFetchAdapter', () => {
  it('sends a code with a JSON POST and reads the challenge', async () => {
    const { adapter, requests } = adapterWith(() =>
      json(201, { challengeId: 'c1', codeLength: 6, expiresInSeconds: 300, resendInSeconds: 30, confirmation: 'code' }),
    );
    const challenge = await adapter.sendCode({ phoneNumber: '+31612345678', channel: 'sms' }, { signal: signal() });
    assert.deepEqual(challenge, {
      challengeId: 'c1',
      codeLength: 6,
      expiresInSeconds: 300,
      resendInSeconds: 30,
      confirmation: 'code',
    });
    assert.equal(requests[0]!.url, 'https://id.example/api/security-info/phone/challenges');
    assert.equal(requests[0]!.init.method, 'POST');
    assert.equal(new Headers(requests[0]!.init.headers).get('content-type'), 'application/json');
    assert.deepEqual(JSON.parse(String(requests[0]!.init.body)), { phoneNumber: '+31612345678', channel: 'sms' });
  });

  it('resends and verifies on the challenge routes, escaping the id', async () => {
    const { adapter, requests } = adapterWith((url) =>
      url.endsWith('/verify') ? new Response(null, { status: 204 }) : json(200, { challengeId: 'c/2' }),
    );
    await adapter.resendCode({ challengeId: 'c/2', channel: 'voice' }, { signal: signal() });
    await adapter.verifyCode({ challengeId: 'c/2', code: '123456' }, { signal: signal() });
    assert.deepEqual(
      requests.map((r) => r.url.replace('https://id.example/api/security-info', '')),
      ['/phone/challenges/c%2F2/resend', '/phone/challenges/c%2F2/verify'],
    );
  });

  it('reads and checks the policy', async () => {
    const { adapter } = adapterWith(() => json(200, { methods: [{ id: 'phone', purposes: ['mfa'] }] }));
    assert.deepEqual(await adapter.getPolicy({ signal: signal() }), { methods: [{ id: 'phone', purposes: ['mfa'] }] });
    const broken = adapterWith(() => json(200, { nonsense: true })).adapter;
    assert.equal((await rejection(broken.getPolicy({ signal: signal() }))).code, 'unknown');
  });

  it('turns the error body into a SecurityInfoError with its details', async () => {
    const { adapter } = adapterWith(() => json(422, { error: 'invalid-code', message: 'Wrong', attemptsRemaining: 2 }));
    const error = await rejection(adapter.verifyCode({ challengeId: 'c', code: '1' }, { signal: signal() }));
    assert.equal(error.code, 'invalid-code');
    assert.equal(error.attemptsRemaining, 2);
  });

  it('takes the wait of a 429 from Retry-After when the body has none', async () => {
    const { adapter } = adapterWith(() => new Response('slow down', { status: 429, headers: { 'retry-after': '42' } }));
    const error = await rejection(adapter.sendCode({ phoneNumber: '+1', channel: 'sms' }, { signal: signal() }));
    assert.equal(error.code, 'rate-limited');
    assert.equal(error.retryAfterSeconds, 42);
  });

  it('treats a body that is not the contract as unknown', async () => {
    for (const response of [
      json(201, { ok: true }),
      new Response('<html>', { status: 201 }),
      json(500, { error: 'boom' }),
    ]) {
      const { adapter } = adapterWith(() => response);
      const error = await rejection(adapter.sendCode({ phoneNumber: '+1', channel: 'sms' }, { signal: signal() }));
      assert.equal(error.code, 'unknown');
    }
  });

  it('turns a failed fetch into network, and lets aborts through', async () => {
    const failed = adapterWith(() => {
      throw new TypeError('Failed to fetch');
    }).adapter;
    assert.equal((await rejection(failed.getPolicy({ signal: signal() }))).code, 'network');
    const controller = new AbortController();
    const aborted = adapterWith(() => {
      controller.abort();
      throw new DOMException('aborted', 'AbortError');
    }).adapter;
    await assert.rejects(aborted.getPolicy({ signal: controller.signal }), { name: 'AbortError' });
  });

  it('adds the host headers and credentials to every request', async () => {
    const { adapter, requests } = adapterWith(() => json(200, { methods: [] }), {
      headers: async () => ({ 'x-csrf-token': 't0k3n' }),
      credentials: 'include',
    });
    await adapter.getPolicy({ signal: signal() });
    assert.equal(new Headers(requests[0]!.init.headers).get('x-csrf-token'), 't0k3n');
    assert.equal(requests[0]!.init.credentials, 'include');
  });
});
