import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, setup } from './test-support.js';

const PORTAL = 'https://portal.example.com';

function preflight(origin: string, method = 'POST', headers = 'content-type, x-csrf-token') {
  return new Request(`${BASE}/phone/challenges`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers },
  });
}

describe('cross-site requests', () => {
  it('refuses a state-changing request from a page of another origin', async () => {
    const server = setup();
    const response = await server.sendCode('+31612345678', 'sms', { headers: { origin: 'https://evil.example' } });
    assert.equal(response.status, 403);
    assert.equal(server.sent.length, 0);
  });

  it('refuses an opaque origin and a cross-site request without Origin', async () => {
    const server = setup();
    assert.equal((await server.sendCode('+31612345678', 'sms', { headers: { origin: 'null' } })).status, 403);
    assert.equal(
      (await server.sendCode('+31612345678', 'sms', { headers: { 'sec-fetch-site': 'cross-site' } })).status,
      403,
    );
  });

  it('accepts its own origin, and requests without Origin from clients that are not browsers', async () => {
    const server = setup();
    assert.equal(
      (await server.sendCode('+31612345678', 'sms', { headers: { origin: 'http://portal.test' } })).status,
      201,
    );
    assert.equal((await server.sendCode('+31612345679')).status, 201);
  });

  it('compares with the public origin behind a TLS-terminating proxy', async () => {
    const server = setup({ publicOrigin: 'https://portal.test' });
    assert.equal(
      (await server.sendCode('+31612345678', 'sms', { headers: { origin: 'https://portal.test' } })).status,
      201,
    );
    assert.equal(
      (await server.sendCode('+31612345679', 'sms', { headers: { origin: 'http://portal.test' } })).status,
      403,
    );
  });

  it('believes X-Forwarded-Proto and -Host only from trusted proxy hops', async () => {
    const forwarded = {
      origin: 'https://id.example.com',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'id.example.com',
    };
    assert.equal((await setup().sendCode('+31612345678', 'sms', { headers: forwarded })).status, 403);
    assert.equal((await setup({ trustProxy: 1 }).sendCode('+31612345678', 'sms', { headers: forwarded })).status, 201);
  });
});

describe('CORS', () => {
  it('answers the preflight of an allowed origin', async () => {
    const server = setup({ allowedOrigins: [PORTAL] });
    const response = await server.handler(preflight(PORTAL));
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), PORTAL);
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    assert.equal(response.headers.get('access-control-allow-methods'), 'POST');
    assert.equal(response.headers.get('access-control-allow-headers'), 'content-type, x-csrf-token');
    assert.match(response.headers.get('vary') ?? '', /Origin/);
  });

  it('gives other origins, and methods a route does not serve, no CORS answer', async () => {
    const server = setup({ allowedOrigins: [PORTAL] });
    for (const request of [
      preflight('https://evil.example'),
      preflight(PORTAL, 'PUT'),
      preflight(PORTAL, 'POST', 'a b'),
    ]) {
      const response = await server.handler(request);
      assert.equal(response.status, 403);
      assert.equal(response.headers.get('access-control-allow-origin'), null);
    }
  });

  it('lets an allowed origin read answers, errors included', async () => {
    const server = setup({ allowedOrigins: [PORTAL] });
    const ok = await server.sendCode('+31612345678', 'sms', { headers: { origin: PORTAL } });
    assert.equal(ok.status, 201);
    assert.equal(ok.headers.get('access-control-allow-origin'), PORTAL);
    const refused = await server.sendCode('+449012345678', 'sms', { headers: { origin: PORTAL } });
    assert.equal(refused.status, 422);
    assert.equal(refused.headers.get('access-control-allow-origin'), PORTAL);
  });

  it('refuses to start with an allowed origin that is not one', async () => {
    assert.throws(() => setup({ allowedOrigins: ['portal.example.com'] }), /not an origin/);
  });
});
