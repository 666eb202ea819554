import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MAX_BACKEND_SECONDS, readChallenge } from './challenge.js';
import { createFetchAdapter } from './fetch-adapter.js';
import { SecurityInfoError } from './errors.js';
import { readRegistrations } from './registrations.js';

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
const sms = { phoneNumber: '+31612345678', channel: 'sms' } as const;
const verify = { challengeId: 'c1', code: '123456' };

/** A fetch that never answers, but rejects with the signal's reason when it aborts, as the platform's does. */
const hanging: Handler = (_url, init) =>
  new Promise<Response>((_resolve, reject) => {
    const { signal } = init;
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

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
      url.endsWith('/verify') ? new Response(null, { status: 204 }) : json(200, { challengeId: 'c-3' }),
    );
    await adapter.resendCode({ challengeId: 'c/2', channel: 'voice' }, { signal: signal() });
    await adapter.verifyCode({ challengeId: 'c/2', code: '123456' }, { signal: signal() });
    assert.deepEqual(
      requests.map((r) => r.url.replace('https://id.example/api/security-info', '')),
      ['/phone/challenges/c%2F2/resend', '/phone/challenges/c%2F2/verify'],
    );
  });

  it('reads whether the policy offers recovery codes, and passkeys among its methods', async () => {
    const policy = { methods: [{ id: 'passkey', purposes: ['mfa', 'password-reset'] }], recoveryCodes: true };
    const { adapter } = adapterWith(() => json(200, policy));
    assert.deepEqual(await adapter.getPolicy({ signal: signal() }), policy);
    const odd = adapterWith(() => json(200, { methods: [], recoveryCodes: 'yes' })).adapter;
    assert.deepEqual(await odd.getPolicy({ signal: signal() }), { methods: [] });
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

  it('never follows a redirect: the code and the host headers stay with the backend', async () => {
    const moved = () => new Response(null, { status: 307, headers: { location: 'https://elsewhere.example/steal' } });
    const { adapter, requests } = adapterWith(moved, { headers: { 'x-csrf-token': 'token' } });
    const error = await rejection(adapter.verifyCode(verify, { signal: signal() }));
    assert.equal(error.code, 'unknown');
    assert.match(error.message, /redirect/);
    // The browser is told to stop at it, so the request is never sent on.
    assert.equal(requests[0]!.init.redirect, 'manual');
    // A host's own fetch that followed anyway: its answer is not believed.
    const followed = adapterWith(() => {
      const answer = new Response(null, { status: 204 });
      Object.defineProperty(answer, 'redirected', { value: true });
      return answer;
    }).adapter;
    assert.equal((await rejection(followed.verifyCode(verify, { signal: signal() }))).code, 'unknown');
  });

  it('stops at a redirect to another server, which hears nothing (Node’s fetch, as a browser’s)', async (t) => {
    const { createServer } = await import('node:http');
    const heard: string[] = [];
    const listen = (handler: Parameters<typeof createServer>[1]) =>
      new Promise<{ url: string; close: () => void }>((resolve) => {
        const server = createServer(handler).listen(0, '127.0.0.1', () => {
          const { port } = server.address() as { port: number };
          resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() });
        });
      });
    const elsewhere = await listen((request, response) => {
      heard.push(`${request.method} ${request.url}`);
      response.writeHead(204, { 'access-control-allow-origin': '*' }).end();
    });
    const backend = await listen((_request, response) =>
      response.writeHead(308, { location: `${elsewhere.url}/steal` }).end(),
    );
    t.after(() => {
      elsewhere.close();
      backend.close();
    });
    const adapter = createFetchAdapter({ baseUrl: `${backend.url}/api/security-info` });
    assert.equal((await rejection(adapter.verifyCode(verify, { signal: signal() }))).code, 'unknown');
    assert.deepEqual(heard, []);
  });

  it('refuses an id of dots alone, which a URL would resolve to another route, before asking', async () => {
    const { adapter, requests } = adapterWith(() => new Response(null, { status: 204 }));
    for (const id of ['.', '..'])
      assert.equal((await rejection(adapter.removeMethod({ id }, { signal: signal() }))).code, 'unknown');
    assert.equal(requests.length, 0);
    // Nor is one taken from the backend.
    const odd = adapterWith(() =>
      json(201, { challengeId: '..', codeLength: 6, expiresInSeconds: 300, resendInSeconds: 30, confirmation: 'code' }),
    ).adapter;
    assert.equal((await rejection(odd.sendCode(sms, { signal: signal() }))).code, 'unknown');
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

describe('createFetchAdapter accepts only the documented answer', () => {
  it('refuses an HTML page with 200 as the answer to verify', async () => {
    const { adapter } = adapterWith(
      () => new Response('<!doctype html><p>Signed in', { status: 200, headers: { 'content-type': 'text/html' } }),
    );
    assert.equal((await rejection(adapter.verifyCode(verify, { signal: signal() }))).code, 'unknown');
  });

  it('refuses a 200 where sending a code answers 201', async () => {
    const { adapter } = adapterWith(() => json(200, { challengeId: 'c1' }));
    assert.equal((await rejection(adapter.sendCode(sms, { signal: signal() }))).code, 'unknown');
  });

  it('refuses a 201 where resending a code answers 200', async () => {
    const { adapter } = adapterWith(() => json(201, { challengeId: 'c1' }));
    const resend = adapter.resendCode({ challengeId: 'c1', channel: 'sms' }, { signal: signal() });
    assert.equal((await rejection(resend)).code, 'unknown');
  });

  it('refuses JSON sent with another content type', async () => {
    const policy = JSON.stringify({ methods: [{ id: 'phone', purposes: ['mfa'] }] });
    for (const type of ['text/html', 'text/plain', 'application/jsonp', undefined]) {
      const { adapter } = adapterWith(
        () => new Response(policy, { status: 200, headers: type ? { 'content-type': type } : {} }),
      );
      assert.equal((await rejection(adapter.getPolicy({ signal: signal() }))).code, 'unknown', String(type));
    }
  });

  it('accepts a JSON content type with a charset', async () => {
    const { adapter } = adapterWith(
      () =>
        new Response(JSON.stringify({ challengeId: 'c1' }), {
          status: 201,
          headers: { 'content-type': 'Application/JSON; charset=utf-8' },
        }),
    );
    assert.deepEqual(await adapter.sendCode(sms, { signal: signal() }), { challengeId: 'c1' });
  });

  it('refuses a challenge with a malformed field rather than dropping the field', async () => {
    const { adapter } = adapterWith(() => json(201, { challengeId: 'c1', codeLength: 99 }));
    assert.equal((await rejection(adapter.sendCode(sms, { signal: signal() }))).code, 'unknown');
  });
});

describe('createFetchAdapter reads the error body', () => {
  it('carries reason landline from the error body', async () => {
    const { adapter } = adapterWith(() =>
      json(422, { error: 'channel-unavailable', message: 'No texts to a landline', reason: 'landline' }),
    );
    const error = await rejection(adapter.sendCode(sms, { signal: signal() }));
    assert.equal(error.code, 'channel-unavailable');
    assert.equal(error.reason, 'landline');
  });

  it('leaves out a reason it does not know', async () => {
    const { adapter } = adapterWith(() => json(422, { error: 'channel-unavailable', reason: 'satellite' }));
    assert.equal((await rejection(adapter.sendCode(sms, { signal: signal() }))).reason, undefined);
  });

  it('makes a 401 unauthenticated whatever the body says', async () => {
    const { adapter } = adapterWith(() => json(401, { error: 'invalid-code', attemptsRemaining: 3 }));
    assert.equal((await rejection(adapter.verifyCode(verify, { signal: signal() }))).code, 'unauthenticated');
  });

  it('makes a 429 without a known code rate-limited', async () => {
    const { adapter } = adapterWith(() => json(429, { error: 'slow-down' }));
    assert.equal((await rejection(adapter.sendCode(sms, { signal: signal() }))).code, 'rate-limited');
  });

  it('reads an HTTP-date Retry-After as the seconds from now', async (t: TestContext) => {
    t.mock.method(Date, 'now', () => Date.UTC(2026, 10, 25, 10, 0, 0));
    const { adapter } = adapterWith(
      () => new Response('', { status: 429, headers: { 'retry-after': 'Wed, 25 Nov 2026 10:01:30 GMT' } }),
    );
    assert.equal((await rejection(adapter.sendCode(sms, { signal: signal() }))).retryAfterSeconds, 90);
  });

  it('reads the two obsolete HTTP-date forms of Retry-After', async (t: TestContext) => {
    t.mock.method(Date, 'now', () => Date.UTC(2026, 10, 25, 10, 0, 0));
    for (const date of ['Wednesday, 25-Nov-26 10:01:30 GMT', 'Wed Nov 25 10:01:30 2026']) {
      const { adapter } = adapterWith(() => new Response('', { status: 429, headers: { 'retry-after': date } }));
      assert.equal((await rejection(adapter.sendCode(sms, { signal: signal() }))).retryAfterSeconds, 90, date);
    }
  });

  it('reads a Retry-After date in the past as no wait', async (t: TestContext) => {
    t.mock.method(Date, 'now', () => Date.UTC(2026, 10, 25, 10, 0, 0));
    const { adapter } = adapterWith(
      () => new Response('', { status: 429, headers: { 'retry-after': 'Wed, 25 Nov 2026 09:00:00 GMT' } }),
    );
    assert.equal((await rejection(adapter.sendCode(sms, { signal: signal() }))).retryAfterSeconds, 0);
  });

  it('prefers the body retryAfterSeconds to Retry-After', async () => {
    const { adapter } = adapterWith(() =>
      json(429, { error: 'rate-limited', retryAfterSeconds: 12 }, { 'retry-after': '60' }),
    );
    assert.equal((await rejection(adapter.sendCode(sms, { signal: signal() }))).retryAfterSeconds, 12);
  });

  it('clamps a retryAfterSeconds of 1e308 to one day', async () => {
    const { adapter } = adapterWith(() => json(429, { error: 'rate-limited', retryAfterSeconds: 1e308 }));
    assert.equal((await rejection(adapter.sendCode(sms, { signal: signal() }))).retryAfterSeconds, 86_400);
  });

  it('clamps a Retry-After of more than a day to one day', async (t: TestContext) => {
    t.mock.method(Date, 'now', () => Date.UTC(2026, 10, 25, 10, 0, 0));
    for (const wait of ['99999999999999999999', 'Fri, 31 Dec 9999 23:59:59 GMT']) {
      const { adapter } = adapterWith(() => new Response('', { status: 429, headers: { 'retry-after': wait } }));
      assert.equal((await rejection(adapter.sendCode(sms, { signal: signal() }))).retryAfterSeconds, 86_400, wait);
    }
  });

  it('ignores a negative or infinite body wait and falls back on Retry-After', async () => {
    for (const wait of ['-5', '1e999']) {
      const { adapter } = adapterWith(
        () =>
          new Response(`{"error":"rate-limited","retryAfterSeconds":${wait}}`, {
            status: 429,
            headers: { 'content-type': 'application/json', 'retry-after': '7' },
          }),
      );
      assert.equal((await rejection(adapter.sendCode(sms, { signal: signal() }))).retryAfterSeconds, 7, wait);
    }
  });

  it('ignores a Retry-After that is neither seconds nor an HTTP date', async () => {
    for (const wait of ['-5', 'NaN', '1e3', 'tomorrow', 'Wed, 31 Feb 2026 10:00:00 GMT']) {
      const { adapter } = adapterWith(() => new Response('', { status: 429, headers: { 'retry-after': wait } }));
      assert.equal((await rejection(adapter.sendCode(sms, { signal: signal() }))).retryAfterSeconds, undefined, wait);
    }
  });

  it('keeps attemptsRemaining a whole number from 0 to 1000', async () => {
    for (const [sent, kept] of [
      [2.7, 2],
      [1e308, 1000],
      [-1, undefined],
      ['3', undefined],
    ] as const) {
      const { adapter } = adapterWith(() => json(422, { error: 'invalid-code', attemptsRemaining: sent }));
      const error = await rejection(adapter.verifyCode(verify, { signal: signal() }));
      assert.equal(error.attemptsRemaining, kept, String(sent));
    }
  });
});

describe('createFetchAdapter time-out', () => {
  it('rejects with timeout when the backend does not answer in time', { timeout: 2000 }, async () => {
    const { adapter, requests } = adapterWith(hanging, { timeout: 20 });
    const error = await rejection(adapter.sendCode(sms, { signal: signal() }));
    assert.equal(error.code, 'timeout');
    assert.equal(requests[0]!.init.signal?.aborted, true, 'the request was aborted');
  });

  it('rejects with timeout even when the fetch ignores its signal', { timeout: 2000 }, async () => {
    const { adapter } = adapterWith(() => new Promise<Response>(() => {}), { timeout: 20 });
    assert.equal((await rejection(adapter.getPolicy({ signal: signal() }))).code, 'timeout');
  });

  it("rejects with the caller's abort reason when the caller aborts", { timeout: 2000 }, async () => {
    const controller = new AbortController();
    const { adapter } = adapterWith(hanging, { timeout: 10_000 });
    const call = adapter.verifyCode(verify, { signal: controller.signal });
    controller.abort();
    await assert.rejects(call, (error: unknown) => error === controller.signal.reason);
    await assert.rejects(call, { name: 'AbortError' });
  });

  it("times out, and passes the caller's abort on, where AbortSignal.any is missing", { timeout: 2000 }, async () => {
    const any = Object.getOwnPropertyDescriptor(AbortSignal, 'any')!;
    Object.defineProperty(AbortSignal, 'any', { value: undefined, configurable: true });
    try {
      const timed = adapterWith(hanging, { timeout: 20 }).adapter;
      assert.equal((await rejection(timed.sendCode(sms, { signal: signal() }))).code, 'timeout');
      const controller = new AbortController();
      const call = adapterWith(hanging, { timeout: 10_000 }).adapter.sendCode(sms, { signal: controller.signal });
      controller.abort();
      await assert.rejects(call, (error: unknown) => error === controller.signal.reason);
    } finally {
      Object.defineProperty(AbortSignal, 'any', any);
    }
  });

  it('refuses a time-out that is not a positive number', () => {
    for (const timeout of [0, -1, Number.NaN]) {
      assert.throws(() => createFetchAdapter({ baseUrl: '/api', timeout }), RangeError, String(timeout));
    }
  });
});

describe('createFetchAdapter refresh after a 401', () => {
  /** A backend that takes only the current token, and a refresh that moves on to the next one. */
  function tokenBackend(answer: () => Response = () => new Response(null, { status: 204 })) {
    let token = 1;
    let accepted = 1;
    let refreshes = 0;
    const { adapter, requests } = adapterWith(
      (_url, init) =>
        new Headers(init.headers).get('authorization') === `Bearer ${accepted}`
          ? answer()
          : json(401, { error: 'unauthenticated' }),
      {
        headers: () => ({ authorization: `Bearer ${token}` }),
        refresh: async () => {
          refreshes++;
          token++;
          return true;
        },
      },
    );
    return {
      adapter,
      requests,
      expire: () => void accepted++,
      get refreshes() {
        return refreshes;
      },
    };
  }

  it('retries once with fresh headers when refresh resolves true', async () => {
    const backend = tokenBackend();
    backend.expire();
    await backend.adapter.verifyCode(verify, { signal: signal() });
    assert.equal(backend.refreshes, 1);
    assert.deepEqual(
      backend.requests.map((r) => new Headers(r.init.headers).get('authorization')),
      ['Bearer 1', 'Bearer 2'],
    );
  });

  it('rejects with unauthenticated when the retry answers 401 as well', async () => {
    const { adapter, requests } = adapterWith(() => json(401, {}), { refresh: () => true });
    assert.equal((await rejection(adapter.verifyCode(verify, { signal: signal() }))).code, 'unauthenticated');
    assert.equal(requests.length, 2);
  });

  it('rejects with unauthenticated without a retry when refresh resolves false', async () => {
    const { adapter, requests } = adapterWith(() => json(401, {}), { refresh: async () => false });
    assert.equal((await rejection(adapter.verifyCode(verify, { signal: signal() }))).code, 'unauthenticated');
    assert.equal(requests.length, 1);
  });

  it('rejects with unauthenticated when refresh throws', async () => {
    const { adapter, requests } = adapterWith(() => json(401, {}), {
      refresh: () => {
        throw new Error('the identity provider is down');
      },
    });
    assert.equal((await rejection(adapter.verifyCode(verify, { signal: signal() }))).code, 'unauthenticated');
    assert.equal(requests.length, 1);
  });

  it('shares one refresh between calls that get a 401 at the same time', async () => {
    const backend = tokenBackend(() => json(201, { challengeId: 'c1' }));
    backend.expire();
    const calls = [1, 2, 3].map(() => backend.adapter.sendCode(sms, { signal: signal() }));
    assert.equal((await Promise.all(calls)).length, 3);
    assert.equal(backend.refreshes, 1);
  });

  it('retries without another refresh a request sent before the last refresh', async () => {
    let token = 1;
    let refreshes = 0;
    let answerSlow: (response: Response) => void = () => {};
    const { adapter, requests } = adapterWith(
      (url, init) => {
        if (requests.length === 1) return new Promise<Response>((resolve) => (answerSlow = resolve));
        if (new Headers(init.headers).get('authorization') !== 'Bearer 2') return json(401, {});
        return url.endsWith('/policy') ? json(200, { methods: [] }) : new Response(null, { status: 204 });
      },
      {
        headers: () => ({ authorization: `Bearer ${token}` }),
        refresh: () => {
          refreshes++;
          token++;
          return true;
        },
      },
    );
    const slow = adapter.getPolicy({ signal: signal() }); // sent with token 1, answered below
    await adapter.verifyCode(verify, { signal: signal() }); // 401, refresh to token 2, retried
    answerSlow(json(401, {})); // the slow request's token had expired as well
    assert.deepEqual(await slow, { methods: [] });
    assert.equal(refreshes, 1);
  });

  it('rejects with unauthenticated on a 401 when there is no refresh', async () => {
    const { adapter, requests } = adapterWith(() => json(401, { error: 'unauthenticated' }));
    assert.equal((await rejection(adapter.getPolicy({ signal: signal() }))).code, 'unauthenticated');
    assert.equal(requests.length, 1);
  });
});

describe('createFetchAdapter sends replaces and locale', () => {
  const sentBody = (requests: { init: RequestInit }[]) => JSON.parse(String(requests[0]!.init.body)) as unknown;

  it('adds replaces and locale to a send when given', async () => {
    const { adapter, requests } = adapterWith(() => json(201, { challengeId: 'c1' }));
    await adapter.sendCode({ ...sms, replaces: 'm-1', locale: 'nl-NL' }, { signal: signal() });
    assert.deepEqual(sentBody(requests), { ...sms, replaces: 'm-1', locale: 'nl-NL' });
  });

  it('leaves replaces and locale out of a send when not given', async () => {
    const { adapter, requests } = adapterWith(() => json(201, { challengeId: 'c1' }));
    await adapter.sendCode({ ...sms, replaces: undefined, locale: undefined }, { signal: signal() });
    assert.deepEqual(sentBody(requests), sms);
  });

  it('adds locale to a resend only when given', async () => {
    const { adapter, requests } = adapterWith(() => json(200, { challengeId: 'c1' }));
    await adapter.resendCode({ challengeId: 'c1', channel: 'voice', locale: 'fr' }, { signal: signal() });
    await adapter.resendCode({ challengeId: 'c1', channel: 'sms' }, { signal: signal() });
    assert.deepEqual(
      requests.map((request) => JSON.parse(String(request.init.body)) as unknown),
      [{ channel: 'voice', locale: 'fr' }, { channel: 'sms' }],
    );
  });
});

describe('createFetchAdapter and the registered methods', () => {
  const phone = {
    id: 'm-1',
    kind: 'phone',
    addedAt: '2026-11-25T10:00:00.000Z',
    lastUsedAt: null,
    purposes: ['mfa', 'password-reset'],
    removable: false,
    notRemovableReason: 'method-required',
    phone: { phoneNumber: '+31612345678', channel: 'sms' },
  };
  const registrations = { methods: [phone], defaultMethodId: 'm-1' };
  const noContent = () => new Response(null, { status: 204 });

  it('lists the methods with a GET and reads them', async () => {
    const { adapter, requests } = adapterWith(() => json(200, registrations));
    assert.deepEqual(await adapter.listMethods({ signal: signal() }), registrations);
    assert.equal(requests[0]!.url, 'https://id.example/api/security-info/methods');
    assert.equal(requests[0]!.init.method, 'GET');
    assert.equal(requests[0]!.init.body, undefined);
  });

  it('reads an empty list with no default', async () => {
    const { adapter } = adapterWith(() => json(200, { methods: [], defaultMethodId: null }));
    assert.deepEqual(await adapter.listMethods({ signal: signal() }), { methods: [], defaultMethodId: null });
  });

  it('leaves out fields of the list the contract does not name', async () => {
    const { adapter } = adapterWith(() =>
      json(200, { ...registrations, extra: 1, methods: [{ ...phone, secret: 'x' }] }),
    );
    assert.deepEqual(await adapter.listMethods({ signal: signal() }), registrations);
  });

  it('refuses a list answered with 204, or with a body that is not JSON', async () => {
    for (const response of [
      noContent(),
      new Response(JSON.stringify(registrations), { status: 200, headers: { 'content-type': 'text/html' } }),
    ]) {
      const { adapter } = adapterWith(() => response);
      assert.equal((await rejection(adapter.listMethods({ signal: signal() }))).code, 'unknown');
    }
  });

  it('refuses a list with a malformed field rather than dropping it, naming the field', async () => {
    const broken: [string, unknown, string][] = [
      ['no object', [], 'without registrations'],
      ['no methods', { defaultMethodId: null }, 'methods'],
      ['methods not a list', { methods: {}, defaultMethodId: null }, 'methods'],
      ['no default', { methods: [] }, 'defaultMethodId'],
      ['a default that is none of the methods', { methods: [phone], defaultMethodId: 'm-2' }, 'defaultMethodId'],
      ['a default of the wrong type', { methods: [phone], defaultMethodId: 1 }, 'defaultMethodId'],
      ['a method that is not an object', { methods: ['m-1'], defaultMethodId: null }, 'methods[0]'],
      ['two methods with one id', { methods: [phone, phone], defaultMethodId: null }, 'method ids'],
    ];
    const methods: [string, Record<string, unknown>, string][] = [
      ['a method without an id', { id: undefined }, 'id'],
      ['an id with a slash', { id: 'm/1' }, 'id'],
      ['an empty id', { id: '' }, 'id'],
      ['a kind it does not know', { kind: 'carrier-pigeon' }, 'kind'],
      ['addedAt that is not a date', { addedAt: 'yesterday' }, 'addedAt'],
      ['addedAt without a zone', { addedAt: '2026-11-25T10:00:00' }, 'addedAt'],
      ['addedAt on 31 February', { addedAt: '2026-02-31T10:00:00Z' }, 'addedAt'],
      ['addedAt at 24:00', { addedAt: '2026-11-25T24:00:00Z' }, 'addedAt'],
      ['lastUsedAt missing', { lastUsedAt: undefined }, 'lastUsedAt'],
      ['lastUsedAt a number', { lastUsedAt: 1764000000000 }, 'lastUsedAt'],
      ['a purpose it does not know', { purposes: ['mfa', 'sso'] }, 'purposes'],
      ['purposes not a list', { purposes: 'mfa' }, 'purposes'],
      ['removable a string', { removable: 'no' }, 'removable'],
      ['a reason it does not know', { notRemovableReason: 'tired' }, 'notRemovableReason'],
      ['a reason on a removable method', { removable: true }, 'notRemovableReason'],
      ['a phone number that is not E.164', { phone: { phoneNumber: '0612345678', channel: 'sms' } }, 'phoneNumber'],
      ['a phone channel it does not know', { phone: { phoneNumber: '+31612345678', channel: 'fax' } }, 'channel'],
      ['phone details on an authenticator app', { kind: 'authenticator-app' }, 'phone'],
    ];
    for (const [name, change, field] of methods)
      broken.push([name, { methods: [{ ...phone, ...change }], defaultMethodId: null }, field]);
    for (const [name, body, field] of broken) {
      const { adapter } = adapterWith(() => json(200, body));
      const error = await rejection(adapter.listMethods({ signal: signal() }));
      assert.equal(error.code, 'unknown', name);
      assert.ok(error.message.includes(field), `${name}: ${error.message}`);
    }
  });

  it('reads times with an offset or fractions, and a phone method without phone details', async () => {
    const method = { ...phone, addedAt: '2026-11-25T11:00:00+01:00', lastUsedAt: '2026-11-26T08:30:00.123456Z' };
    const { phone: _details, ...bare } = method;
    const body = { methods: [method, { ...bare, id: 'm-2' }], defaultMethodId: null };
    const { adapter } = adapterWith(() => json(200, body));
    assert.deepEqual(await adapter.listMethods({ signal: signal() }), body);
  });

  it('removes a method with a DELETE of its escaped id', async () => {
    const { adapter, requests } = adapterWith(noContent);
    await adapter.removeMethod({ id: 'm/1 ?' }, { signal: signal() });
    assert.equal(requests[0]!.url, 'https://id.example/api/security-info/methods/m%2F1%20%3F');
    assert.equal(requests[0]!.init.method, 'DELETE');
    assert.equal(requests[0]!.init.body, undefined);
    assert.equal(new Headers(requests[0]!.init.headers).has('content-type'), false);
  });

  it('sets the default method with a PUT of its id', async () => {
    const { adapter, requests } = adapterWith(noContent);
    await adapter.setDefaultMethod({ id: 'm-2' }, { signal: signal() });
    assert.equal(requests[0]!.url, 'https://id.example/api/security-info/methods/default');
    assert.equal(requests[0]!.init.method, 'PUT');
    assert.deepEqual(JSON.parse(String(requests[0]!.init.body)), { id: 'm-2' });
  });

  it('refuses a 200 where removing or setting the default answers 204', async () => {
    const { adapter } = adapterWith(() => json(200, registrations));
    assert.equal((await rejection(adapter.removeMethod({ id: 'm-1' }, { signal: signal() }))).code, 'unknown');
    assert.equal((await rejection(adapter.setDefaultMethod({ id: 'm-1' }, { signal: signal() }))).code, 'unknown');
  });

  it('keeps method-required from a 409', async () => {
    const { adapter } = adapterWith(() => json(409, { error: 'method-required', message: 'Add another first' }));
    const error = await rejection(adapter.removeMethod({ id: 'm-1' }, { signal: signal() }));
    assert.equal(error.code, 'method-required');
    assert.equal(error.message, 'Add another first');
  });

  it('keeps reauthentication-required from a 403, on every change', async () => {
    const { adapter, requests } = adapterWith(() => json(403, { error: 'reauthentication-required' }), {
      refresh: () => true,
    });
    const changes = [
      adapter.removeMethod({ id: 'm-1' }, { signal: signal() }),
      adapter.setDefaultMethod({ id: 'm-1' }, { signal: signal() }),
      adapter.sendCode({ ...sms, replaces: 'm-1' }, { signal: signal() }),
      adapter.verifyCode(verify, { signal: signal() }),
    ];
    for (const change of changes) assert.equal((await rejection(change)).code, 'reauthentication-required');
    assert.equal(requests.length, 4, 'a 403 is not a 401: no refresh, no retry');
  });

  it('reads a 404 for a method that is not the person’s as unknown', async () => {
    const { adapter } = adapterWith(() => json(404, { error: 'unknown', message: 'No such method.' }));
    assert.equal((await rejection(adapter.removeMethod({ id: 'm-9' }, { signal: signal() }))).code, 'unknown');
  });

  it('renews the credentials after a 401 on the methods routes as on the others', async () => {
    let token = 1;
    const { adapter, requests } = adapterWith(
      (_url, init) =>
        new Headers(init.headers).get('authorization') === 'Bearer 2'
          ? json(200, registrations)
          : json(401, { error: 'unauthenticated' }),
      { headers: () => ({ authorization: `Bearer ${token}` }), refresh: () => Boolean(token++) },
    );
    assert.deepEqual(await adapter.listMethods({ signal: signal() }), registrations);
    assert.equal(requests.length, 2);
  });
});

describe('createFetchAdapter waits for a call to be confirmed', () => {
  /** Lets the adapter go on until it has made `count` requests (it then waits on a timer, or has settled). */
  async function untilRequests(requests: unknown[], count: number) {
    for (let turn = 0; turn < 100 && requests.length < count; turn++) await new Promise(setImmediate);
    for (let turn = 0; turn < 10; turn++) await new Promise(setImmediate);
    assert.equal(requests.length, count);
  }

  /** A backend that answers each question with the next of `answers`. */
  function backend(...answers: (() => Response)[]) {
    let next = 0;
    return adapterWith(() => answers[Math.min(next++, answers.length - 1)]!());
  }

  it('asks the confirmation route until the call is confirmed, waiting as long as the backend says', async (t: TestContext) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const { adapter, requests } = backend(
      () => json(200, { confirmed: false, retryAfterSeconds: 3 }),
      () => json(200, { confirmed: false }),
      () => json(200, { confirmed: true }),
    );
    let confirmed = false;
    const waiting = adapter
      .awaitCallConfirmation({ challengeId: 'c/1' }, { signal: signal() })
      .then(() => (confirmed = true));
    await untilRequests(requests, 1);
    assert.equal(requests[0]!.url, 'https://id.example/api/security-info/phone/challenges/c%2F1/confirmation');
    assert.equal(requests[0]!.init.method, 'GET');
    assert.equal(requests[0]!.init.body, undefined);
    t.mock.timers.tick(2999);
    await untilRequests(requests, 1);
    t.mock.timers.tick(1);
    await untilRequests(requests, 2);
    t.mock.timers.tick(2000); // no retryAfterSeconds: two seconds
    await untilRequests(requests, 3);
    await waiting;
    assert.equal(confirmed, true);
  });

  it('holds the wait between questions within 1 and 10 seconds', async (t: TestContext) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const { adapter, requests } = backend(
      () => json(200, { confirmed: false, retryAfterSeconds: 0 }),
      () => json(200, { confirmed: false, retryAfterSeconds: 3600 }),
      () => json(200, { confirmed: true }),
    );
    const waiting = adapter.awaitCallConfirmation({ challengeId: 'c1' }, { signal: signal() });
    await untilRequests(requests, 1);
    t.mock.timers.tick(999);
    await untilRequests(requests, 1);
    t.mock.timers.tick(1);
    await untilRequests(requests, 2);
    t.mock.timers.tick(9999);
    await untilRequests(requests, 2);
    t.mock.timers.tick(1);
    await untilRequests(requests, 3);
    await waiting;
  });

  it("ends the wait with the caller's abort reason, asking nothing more", async (t: TestContext) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const { adapter, requests } = backend(() => json(200, { confirmed: false }));
    const controller = new AbortController();
    const waiting = adapter.awaitCallConfirmation({ challengeId: 'c1' }, { signal: controller.signal });
    await untilRequests(requests, 1);
    const reason = new DOMException('The person went back.', 'AbortError');
    controller.abort(reason);
    await assert.rejects(waiting, (error) => error === reason);
    t.mock.timers.tick(60_000);
    await untilRequests(requests, 1);
  });

  it('passes on what the backend refuses: an expired call, a challenge that is not there', async () => {
    for (const status of [404, 410]) {
      const { adapter } = backend(() => json(status, { error: 'code-expired', message: 'start again' }));
      const error = await rejection(adapter.awaitCallConfirmation({ challengeId: 'c1' }, { signal: signal() }));
      assert.equal(error.code, 'code-expired', String(status));
    }
  });

  it('refuses an answer that is not a confirmation rather than waiting on it', async () => {
    for (const answer of [
      () => json(200, { confirmed: 'yes' }),
      () => json(200, {}),
      () => json(200, { confirmed: false, retryAfterSeconds: 'soon' }),
      () => json(200, { confirmed: false, retryAfterSeconds: -1 }),
      () => new Response(null, { status: 204 }),
      () => new Response('<html>Signed in</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    ]) {
      const { adapter } = backend(answer);
      const error = await rejection(adapter.awaitCallConfirmation({ challengeId: 'c1' }, { signal: signal() }));
      assert.equal(error.code, 'unknown');
    }
  });
});

/** What the adapter sent, without the base URL: method, path, the JSON body and the headers that matter. */
function sent(request: { url: string; init: RequestInit }) {
  const headers = new Headers(request.init.headers);
  return {
    method: request.init.method,
    path: request.url.replace('https://id.example/api/security-info', ''),
    body: request.init.body === undefined ? undefined : (JSON.parse(String(request.init.body)) as unknown),
    contentType: headers.get('content-type'),
    accept: headers.get('accept'),
  };
}
const noContent = () => new Response(null, { status: 204 });

describe('createFetchAdapter and email codes', () => {
  const emailChallenge = { challengeId: 'e1', codeLength: 6, expiresInSeconds: 600, resendInSeconds: 60 };

  it('sends a code by email with a JSON POST and reads the challenge', async () => {
    const { adapter, requests } = adapterWith(() => json(201, emailChallenge));
    const challenge = await adapter.sendEmailCode(
      { email: 'jan@bücher.example', channel: 'email', replaces: 'm-2', locale: 'de' },
      { signal: signal() },
    );
    assert.deepEqual(challenge, emailChallenge);
    assert.deepEqual(sent(requests[0]!), {
      method: 'POST',
      path: '/email/challenges',
      body: { email: 'jan@bücher.example', replaces: 'm-2', locale: 'de' },
      contentType: 'application/json',
      accept: 'application/json',
    });
  });

  it('leaves replaces and locale out when not given, and what only a call has out of the answer', async () => {
    const { adapter, requests } = adapterWith(() => json(201, { challengeId: 'e1', confirmation: 'keypress' }));
    const challenge = await adapter.sendEmailCode({ email: 'jan@example.com', channel: 'email' }, { signal: signal() });
    assert.deepEqual(challenge, { challengeId: 'e1' });
    assert.deepEqual(sent(requests[0]!).body, { email: 'jan@example.com' });
  });

  it('resends on the email route with the language only, escaping the id', async () => {
    const { adapter, requests } = adapterWith(() => json(200, { ...emailChallenge, challengeId: 'e2' }));
    const again = await adapter.resendCode(
      { challengeId: 'e/1', channel: 'email', locale: 'nl' },
      { signal: signal() },
    );
    await adapter.resendCode({ challengeId: 'e2', channel: 'email' }, { signal: signal() });
    assert.deepEqual(again, { ...emailChallenge, challengeId: 'e2' });
    assert.deepEqual(
      requests.map((request) => [sent(request).path, sent(request).body]),
      [
        ['/email/challenges/e%2F1/resend', { locale: 'nl' }],
        ['/email/challenges/e2/resend', {}],
      ],
    );
  });

  it('verifies on the route of the method, the phone’s when none is named', async () => {
    const { adapter, requests } = adapterWith(noContent);
    await adapter.verifyCode({ challengeId: 'e1', code: '123456', method: 'email' }, { signal: signal() });
    await adapter.verifyCode({ challengeId: 'a1', code: '654321', method: 'authenticator-app' }, { signal: signal() });
    await adapter.verifyCode({ challengeId: 'p1', code: '111111', method: 'phone' }, { signal: signal() });
    await adapter.verifyCode({ challengeId: 'p2', code: '222222' }, { signal: signal() });
    assert.deepEqual(
      requests.map((request) => [sent(request).method, sent(request).path, sent(request).body]),
      [
        ['POST', '/email/challenges/e1/verify', { code: '123456' }],
        ['POST', '/authenticator-app/challenges/a1/verify', { code: '654321' }],
        ['POST', '/phone/challenges/p1/verify', { code: '111111' }],
        ['POST', '/phone/challenges/p2/verify', { code: '222222' }],
      ],
    );
  });

  it('refuses to verify for a method it does not know, sending nothing', async () => {
    const { adapter, requests } = adapterWith(noContent);
    const request = { challengeId: 'x', code: '1', method: 'carrier-pigeon' as 'phone' };
    await assert.rejects(adapter.verifyCode(request, { signal: signal() }), TypeError);
    assert.equal(requests.length, 0);
  });

  it('passes on the refusals of a code by email as it does a phone’s', async () => {
    const cases: [Response, string, Partial<SecurityInfoError>][] = [
      [
        json(429, { error: 'rate-limited', message: 'Wait', retryAfterSeconds: 30 }),
        'rate-limited',
        { retryAfterSeconds: 30 },
      ],
      [json(400, { error: 'unknown', message: 'Not an address' }), 'unknown', {}],
      [json(403, { error: 'reauthentication-required', message: 'Sign in again' }), 'reauthentication-required', {}],
    ];
    for (const [response, code, details] of cases) {
      const { adapter } = adapterWith(() => response);
      const error = await rejection(
        adapter.sendEmailCode({ email: 'a@b.example', channel: 'email' }, { signal: signal() }),
      );
      assert.equal(error.code, code);
      for (const [key, value] of Object.entries(details)) assert.equal(error[key as keyof SecurityInfoError], value);
    }
    const wrong = adapterWith(() =>
      json(422, { error: 'invalid-code', message: 'Wrong', attemptsRemaining: 4 }),
    ).adapter;
    const error = await rejection(
      wrong.verifyCode({ challengeId: 'e1', code: '1', method: 'email' }, { signal: signal() }),
    );
    assert.equal(error.code, 'invalid-code');
    assert.equal(error.attemptsRemaining, 4);
  });

  it('accepts only a 201 with a valid challenge for a code by email, and a 200 for a resend', async () => {
    for (const [response, call] of [
      [json(200, emailChallenge), 'send'],
      [json(201, { challengeId: 'a b' }), 'send'],
      [json(201, { challengeId: 'e1', codeLength: 3 }), 'send'],
      [json(201, emailChallenge), 'resend'],
      [new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } }), 'resend'],
    ] as const) {
      const { adapter } = adapterWith(() => response);
      const pending =
        call === 'send'
          ? adapter.sendEmailCode({ email: 'a@b.example', channel: 'email' }, { signal: signal() })
          : adapter.resendCode({ challengeId: 'e1', channel: 'email' }, { signal: signal() });
      assert.equal((await rejection(pending)).code, 'unknown');
    }
  });
});

describe('createFetchAdapter and the authenticator app', () => {
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  const otpauthUri = `otpauth://totp/Contoso:jan%40contoso.example?secret=${secret}&issuer=Contoso&algorithm=SHA1&digits=6&period=30`;
  const setup = { challengeId: 'a1', otpauthUri, secret, codeLength: 6, expiresInSeconds: 600 };

  it('starts with a POST and reads the secret, its URI and the challenge', async () => {
    const { adapter, requests } = adapterWith(() => json(201, { ...setup, issuer: 'Contoso' }));
    assert.deepEqual(await adapter.startAuthenticatorApp({}, { signal: signal() }), setup);
    assert.deepEqual(sent(requests[0]!), {
      method: 'POST',
      path: '/authenticator-app/challenges',
      body: {},
      contentType: 'application/json',
      accept: 'application/json',
    });
  });

  it('names the app it replaces when given', async () => {
    const { adapter, requests } = adapterWith(() => json(201, setup));
    await adapter.startAuthenticatorApp({ replaces: 'm-3' }, { signal: signal() });
    await adapter.startAuthenticatorApp({ replaces: undefined }, { signal: signal() });
    assert.deepEqual(
      requests.map((request) => sent(request).body),
      [{ replaces: 'm-3' }, {}],
    );
  });

  it('reads a setup without its optional fields, and a secret of 26 or 128 characters', async () => {
    for (const key of ['A'.repeat(26), '7'.repeat(128)]) {
      const body = { challengeId: 'a1', otpauthUri: `otpauth://totp/X:y?secret=${key}`, secret: key };
      const { adapter } = adapterWith(() => json(201, body));
      assert.deepEqual(await adapter.startAuthenticatorApp({}, { signal: signal() }), body);
    }
  });

  it('accepts a secret written in the URI in lower case or with padding', async () => {
    const uri = `otpauth://totp/X:y?issuer=X&secret=${secret.toLowerCase()}%3D%3D`;
    const { adapter } = adapterWith(() => json(201, { ...setup, otpauthUri: uri }));
    assert.equal((await adapter.startAuthenticatorApp({}, { signal: signal() })).otpauthUri, uri);
  });

  it('refuses a setup that is not one, naming the field', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['no secret', { secret: undefined }, 'secret'],
      ['a secret of 25 characters (less than 128 bits)', { secret: 'A'.repeat(25) }, 'secret'],
      ['a secret of 129 characters', { secret: 'A'.repeat(129) }, 'secret'],
      ['a secret with a 1', { secret: `${secret.slice(1)}1` }, 'secret'],
      ['a secret in lower case', { secret: secret.toLowerCase() }, 'secret'],
      ['a secret with padding', { secret: `${secret}====` }, 'secret'],
      ['no URI', { otpauthUri: undefined }, 'otpauthUri'],
      ['a URI for counter-based codes', { otpauthUri: otpauthUri.replace('totp', 'hotp') }, 'otpauthUri'],
      ['a web address', { otpauthUri: `https://example.com/?secret=${secret}` }, 'otpauthUri'],
      ['a URI without the secret', { otpauthUri: 'otpauth://totp/Contoso:jan?issuer=Contoso' }, 'otpauthUri'],
      ['a URI with another secret', { otpauthUri: otpauthUri.replace(secret, 'A'.repeat(32)) }, 'otpauthUri'],
      ['no challenge id', { challengeId: undefined }, 'challenge id'],
      ['an expiry of a year', { expiresInSeconds: 31_536_000 }, 'expiresInSeconds'],
      ['codes of 4 digits', { codeLength: 4 }, 'codeLength'],
      ['a URI longer than a QR code holds', { otpauthUri: `${otpauthUri}&image=${'x'.repeat(2048)}` }, 'otpauthUri'],
    ];
    for (const [name, change, field] of cases) {
      const { adapter } = adapterWith(() => json(201, { ...setup, ...change }));
      const error = await rejection(adapter.startAuthenticatorApp({}, { signal: signal() }));
      assert.equal(error.code, 'unknown', name);
      assert.ok(error.message.includes(field), `${name}: ${error.message}`);
    }
  });

  it('refuses a 200 where starting answers 201', async () => {
    const { adapter } = adapterWith(() => json(200, setup));
    assert.equal((await rejection(adapter.startAuthenticatorApp({}, { signal: signal() }))).code, 'unknown');
  });

  it('does not send the start again after it times out, and maps the time-out', { timeout: 2000 }, async () => {
    const { adapter, requests } = adapterWith(hanging, { timeout: 20 });
    assert.equal((await rejection(adapter.startAuthenticatorApp({}, { signal: signal() }))).code, 'timeout');
    assert.equal(requests.length, 1);
  });
});

describe('createFetchAdapter and security questions', () => {
  const answers = [
    { questionId: 'first-pet', answer: 'Rex' },
    { questionId: 'org_1', answer: ' The  Blue Team ' },
  ];

  it('puts the answers as typed, and what they replace when given', async () => {
    const { adapter, requests } = adapterWith(noContent);
    await adapter.setSecurityQuestions({ answers, replaces: 'm-4' }, { signal: signal() });
    await adapter.setSecurityQuestions({ answers }, { signal: signal() });
    assert.deepEqual(sent(requests[0]!), {
      method: 'PUT',
      path: '/security-questions',
      body: { answers, replaces: 'm-4' },
      contentType: 'application/json',
      accept: 'application/json',
    });
    assert.deepEqual(sent(requests[1]!).body, { answers });
  });

  it('sends nothing with an answer but its question and its text', async () => {
    const { adapter, requests } = adapterWith(noContent);
    const withHint = { ...answers[0]!, hint: 'the dog' };
    const extra: typeof answers = [withHint];
    await adapter.setSecurityQuestions({ answers: extra }, { signal: signal() });
    assert.deepEqual(sent(requests[0]!).body, { answers: [answers[0]] });
  });

  it('accepts only a 204, and passes on a refusal', async () => {
    const cases: [Response, string][] = [
      [json(200, {}), 'unknown'],
      [json(400, { error: 'unknown', message: 'An answer repeats its question' }), 'unknown'],
      [json(403, { error: 'reauthentication-required', message: 'Sign in again' }), 'reauthentication-required'],
      [json(401, { error: 'unauthenticated', message: 'Signed out' }), 'unauthenticated'],
    ];
    for (const [response, code] of cases) {
      const { adapter } = adapterWith(() => response);
      assert.equal((await rejection(adapter.setSecurityQuestions({ answers }, { signal: signal() }))).code, code);
    }
  });

  it('renews the credentials after a 401 and puts the answers once more', async () => {
    let signedIn = false;
    const { adapter, requests } = adapterWith(
      () => (signedIn ? noContent() : json(401, { error: 'unauthenticated', message: 'Signed out' })),
      { refresh: () => (signedIn = true) },
    );
    await adapter.setSecurityQuestions({ answers }, { signal: signal() });
    assert.equal(requests.length, 2);
    assert.deepEqual(sent(requests[1]!).body, { answers });
  });

  it("rejects with the caller's abort reason", { timeout: 2000 }, async () => {
    const controller = new AbortController();
    const { adapter } = adapterWith(hanging);
    const pending = adapter.setSecurityQuestions({ answers }, { signal: controller.signal });
    controller.abort(new DOMException('Cancelled', 'AbortError'));
    await assert.rejects(pending, { name: 'AbortError', message: 'Cancelled' });
  });
});

describe('createFetchAdapter and passkeys', () => {
  const options = {
    challenge: 'Y2hhbGxlbmdlLW9mLTMyLWJ5dGVzLWZvci10aGUtdGVzdA',
    rp: { id: 'id.example', name: 'Example' },
    user: { id: 'dXNlci1oYW5kbGUtb2YtMzItYnl0ZXMtZm9yLXRoZS10ZXN0', name: 'alice@example.com', displayName: 'alice' },
    pubKeyCredParams: [
      { type: 'public-key', alg: -7 },
      { type: 'public-key', alg: -257 },
    ],
    timeout: 300000,
    excludeCredentials: [{ id: 'Y3JlZGVudGlhbA', type: 'public-key', transports: ['internal'] }],
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
    attestation: 'none',
  };
  const passkey = {
    id: 'm-1',
    kind: 'passkey',
    addedAt: '2026-12-01T10:00:00.000Z',
    lastUsedAt: null,
    purposes: ['mfa', 'password-reset'],
    removable: true,
    passkey: { name: 'Laptop', backedUp: true, transports: ['internal'] },
  };
  const response = {
    id: 'Y3JlZA',
    rawId: 'Y3JlZA',
    type: 'public-key' as const,
    response: { clientDataJSON: 'e30', attestationObject: 'oA', transports: ['internal'] },
    clientExtensionResults: {},
  };

  it('asks for creation options with an empty POST and hands them on', async () => {
    const { adapter, requests } = adapterWith(() => json(201, { challengeId: 'p-1', options }));
    assert.deepEqual(await adapter.startPasskey({ signal: signal() }), { challengeId: 'p-1', options });
    assert.equal(requests[0]!.url, 'https://id.example/api/security-info/passkey/registration-options');
    assert.equal(requests[0]!.init.method, 'POST');
    assert.deepEqual(JSON.parse(String(requests[0]!.init.body)), {});
  });

  it('refuses creation options the browser could not use', async () => {
    for (const broken of [
      { options },
      { challengeId: 'p 1', options },
      { challengeId: 'p-1' },
      { challengeId: 'p-1', options: { ...options, challenge: 'short' } },
      { challengeId: 'p-1', options: { ...options, rp: {} } },
      { challengeId: 'p-1', options: { ...options, user: { ...options.user, id: 'not base64url!!!!!!' } } },
      { challengeId: 'p-1', options: { ...options, pubKeyCredParams: [{ type: 'password', alg: -7 }] } },
      { challengeId: 'p-1', options: { ...options, excludeCredentials: [{}] } },
    ]) {
      const { adapter } = adapterWith(() => json(201, broken));
      assert.equal(
        (await rejection(adapter.startPasskey({ signal: signal() }))).code,
        'unknown',
        JSON.stringify(broken),
      );
    }
  });

  it('posts the browser’s answer and the name, and reads the registered passkey', async () => {
    const { adapter, requests } = adapterWith(() => json(201, { ...passkey, credentialId: 'never kept' }));
    const method = await adapter.finishPasskey({ challengeId: 'p-1', response, name: 'Laptop' }, { signal: signal() });
    assert.deepEqual(method, passkey);
    assert.equal(requests[0]!.url, 'https://id.example/api/security-info/passkeys');
    assert.deepEqual(JSON.parse(String(requests[0]!.init.body)), { challengeId: 'p-1', response, name: 'Laptop' });
    const unnamed = adapterWith(() => json(201, passkey));
    await unnamed.adapter.finishPasskey({ challengeId: 'p-1', response }, { signal: signal() });
    assert.deepEqual(JSON.parse(String(unnamed.requests[0]!.init.body)), { challengeId: 'p-1', response });
  });

  it('refuses a registration that is not a passkey’s', async () => {
    for (const broken of [
      {},
      { ...passkey, kind: 'phone' },
      { ...passkey, passkey: { name: '' } },
      { ...passkey, id: '' },
    ]) {
      const { adapter } = adapterWith(() => json(201, broken));
      const error = await rejection(adapter.finishPasskey({ challengeId: 'p-1', response }, { signal: signal() }));
      assert.equal(error.code, 'unknown', JSON.stringify(broken));
    }
  });

  it('keeps the backend’s reason for refusing an answer, and only a passkey reason', async () => {
    const refused = (reason: string, status = 422) =>
      adapterWith(() => json(status, { error: 'invalid-code', message: 'no', reason })).adapter;
    const call = (adapter: ReturnType<typeof refused>) =>
      rejection(adapter.finishPasskey({ challengeId: 'p-1', response }, { signal: signal() }));
    const exists = await call(refused('already-registered', 409));
    assert.equal(exists.code, 'invalid-code');
    assert.equal((exists as { reason?: string }).reason, 'already-registered');
    assert.equal(((await call(refused('origin'))) as { reason?: string }).reason, 'origin');
    assert.equal(((await call(refused('something else'))) as { reason?: string }).reason, undefined);
    const expired = adapterWith(() => json(410, { error: 'code-expired', message: 'again' })).adapter;
    assert.equal((await call(expired)).code, 'code-expired');
  });

  it('passes on a passkey refused beyond the person’s most (reason method-limit), at the options and at the answer', async () => {
    // The server's 409: without the reason the step could only say that something went wrong.
    const full = () =>
      adapterWith(() =>
        json(409, {
          error: 'unknown',
          message: 'You have 20 passkeys, the most there can be.',
          reason: 'method-limit',
        }),
      ).adapter;
    const options = await rejection(full().startPasskey({ signal: signal() }));
    assert.deepEqual([options.code, options.reason], ['unknown', 'method-limit']);
    const answer = await rejection(full().finishPasskey({ challengeId: 'p-1', response }, { signal: signal() }));
    assert.deepEqual([answer.code, answer.reason], ['unknown', 'method-limit']);
  });

  it('renames a method with a PATCH of its escaped id', async () => {
    const { adapter, requests } = adapterWith(() => new Response(null, { status: 204 }));
    await adapter.renameMethod({ id: 'm/1', name: 'Phone' }, { signal: signal() });
    assert.equal(requests[0]!.url, 'https://id.example/api/security-info/methods/m%2F1');
    assert.equal(requests[0]!.init.method, 'PATCH');
    assert.deepEqual(JSON.parse(String(requests[0]!.init.body)), { name: 'Phone' });
    const wrong = adapterWith(() => json(200, {})).adapter;
    assert.equal((await rejection(wrong.renameMethod({ id: 'm', name: 'x' }, { signal: signal() }))).code, 'unknown');
  });
});

describe('createFetchAdapter and recovery codes', () => {
  const codes = Array.from({ length: 10 }, (_, i) => `ABCDE-FGHJK-MNPQ${i + 2}`);
  const method = {
    id: 'r-1',
    kind: 'recovery-codes',
    addedAt: '2026-12-01T10:00:00.000Z',
    lastUsedAt: null,
    purposes: [],
    removable: true,
    recoveryCodes: { remaining: 10, total: 10 },
  };

  it('asks for a new set with an empty POST and reads the codes and their registration', async () => {
    const { adapter, requests } = adapterWith(() => json(201, { codes, method }));
    assert.deepEqual(await adapter.generateRecoveryCodes({ signal: signal() }), { codes, method });
    assert.equal(requests[0]!.url, 'https://id.example/api/security-info/recovery-codes');
    assert.equal(requests[0]!.init.method, 'POST');
  });

  it('refuses codes that are missing, repeated, not printable, or not the set the registration counts', async () => {
    for (const broken of [
      { method },
      { codes: [], method },
      { codes: [...codes.slice(1), codes[1]], method },
      { codes: [...codes.slice(1), '<b>code</b>'], method },
      { codes: codes.slice(1), method },
      { codes, method: { ...method, kind: 'passkey' } },
      { codes },
    ]) {
      const { adapter } = adapterWith(() => json(201, broken));
      assert.equal((await rejection(adapter.generateRecoveryCodes({ signal: signal() }))).code, 'unknown');
    }
  });

  it('passes on reauthentication-required', async () => {
    const { adapter } = adapterWith(() => json(403, { error: 'reauthentication-required', message: 'Sign in again.' }));
    assert.equal(
      (await rejection(adapter.generateRecoveryCodes({ signal: signal() }))).code,
      'reauthentication-required',
    );
  });
});

describe('createFetchAdapter and the OpenAPI file', () => {
  const yaml = readFileSync(new URL('../../../docs/http-contract.openapi.yaml', import.meta.url), 'utf8');

  /** The lines of a schema under components, after its name. */
  function block(name: string): string[] {
    const lines = yaml.split('\n');
    const start = lines.indexOf(`    ${name}:`);
    assert.ok(start > 0, `no schema ${name}`);
    const end = lines.findIndex((line, index) => index > start && /^ {0,4}\S/.test(line));
    return lines.slice(start + 1, end);
  }

  /** The text of a property of a schema under components, its lines joined, with a `$ref` followed. */
  function property(schema: string, field: string): string {
    const lines = block(schema);
    const start = lines.findIndex((text) => text.startsWith(`        ${field}:`));
    assert.ok(start >= 0, `${schema} has no ${field}`);
    const end = lines.findIndex((text, index) => index > start && !/^ {9}/.test(text));
    const text = lines.slice(start, end < 0 ? undefined : end).join(' ');
    const ref = /\$ref: '#\/components\/schemas\/(\w+)'/.exec(text)?.[1];
    return ref ? block(ref).join(' ') : text;
  }

  const ANSWERS_READ = ['Challenge', 'EmailChallenge', 'AuthenticatorAppSetup', 'PasskeySetup'];
  const IDS = [
    'Kq1xP0aLw2sV7dR4yZ8mTg',
    'a.b~c_d-e',
    'x'.repeat(256),
    'x'.repeat(257),
    '.',
    '..',
    '',
    'a/b',
    'a:b',
    'é',
  ];

  it('allows in an answer exactly the ids the adapter takes', () => {
    const method = { kind: 'email', addedAt: '2026-11-25T10:00:00Z', lastUsedAt: null, purposes: [], removable: true };
    const takes = (field: string, id: string) => {
      try {
        if (field === 'id') readRegistrations({ methods: [{ ...method, id }], defaultMethodId: null });
        else readChallenge({ challengeId: id });
        return true;
      } catch {
        return false;
      }
    };
    const fields = [...ANSWERS_READ.map((schema) => [schema, 'challengeId']), ['RegisteredMethod', 'id']];
    for (const [schema, field] of fields) {
      const pattern = /pattern: '((?:[^']|'')*)'/.exec(property(schema!, field!))?.[1]?.replace(/''/g, "'");
      assert.ok(pattern, `${schema}.${field} has no pattern`);
      for (const id of IDS)
        assert.equal(
          new RegExp(pattern, 'u').test(id),
          takes(field!, id),
          `${schema}.${field} and the adapter on "${id}"`,
        );
    }
  });

  it('bounds each wait of a challenge as the adapter does', () => {
    for (const schema of ANSWERS_READ.slice(0, 3))
      for (const field of ['expiresInSeconds', 'resendInSeconds'].slice(0, schema === 'AuthenticatorAppSetup' ? 1 : 2))
        assert.match(property(schema, field), new RegExp(`maximum: ${MAX_BACKEND_SECONDS}\\b`), `${schema}.${field}`);
  });
});
