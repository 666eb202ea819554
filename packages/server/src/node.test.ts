import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { createFetchAdapter, SecurityInfoError } from '@security-info/core';
import { addressKey, forwardedFor } from './client.js';
import { createSecurityInfoListener, createSecurityInfoMiddleware, type NodeHandlerOptions } from './node.js';
import type { CodeMessage } from './senders.js';
import { SECRET } from './test-support.js';

function options(sent: CodeMessage[] = [], extra: Partial<NodeHandlerOptions> = {}): NodeHandlerOptions {
  return {
    authenticate: (request) => request.headers.get('x-test-user') ?? 'alice',
    secret: SECRET,
    sender: { send: async (message) => void sent.push(message) },
    logger: { warn() {}, error() {} },
    ...extra,
  };
}

async function listening(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Sends bytes as they are, for requests `fetch` refuses to make; resolves with the status line. */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
    socket.setTimeout(3000, () => socket.destroy(new Error('no answer')));
  });
}

/** Sends bytes as they are and resolves with everything the server wrote, once it closes (or "hung" after 3 s). */
function exchange(port: number, ...parts: (string | Buffer)[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      for (const part of parts) socket.write(part);
    });
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(3000, () => {
      answer += '<hung>';
      socket.destroy();
    });
  });
}

describe('the node:http listener', () => {
  it('answers TRACE and other methods it does not serve with 405 and stays up', async () => {
    const server = createServer(createSecurityInfoListener(options()));
    const port = await listening(server);
    try {
      for (const method of ['TRACE', 'PROPFIND', 'PURGE']) {
        const line = await raw(port, `${method} /api/security-info/x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n`);
        assert.match(line, / 405 /, method);
      }
      assert.equal((await fetch(`http://127.0.0.1:${port}/api/security-info/policy`)).status, 200);
    } finally {
      server.close();
    }
  });

  it('hands a PATCH its body (a passkey’s new name)', async () => {
    const server = createServer(createSecurityInfoListener(options()));
    const port = await listening(server);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/security-info/methods/m-1`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Laptop' }),
      });
      // The body was read: the name is fine, and there is no such method.
      assert.equal(response.status, 404);
      assert.equal(((await response.json()) as { message: string }).message, 'No such method.');
    } finally {
      server.close();
    }
  });

  it('never leaves a keep-alive connection stuck behind a body it did not read', async () => {
    const server = createServer(createSecurityInfoListener(options()));
    const port = await listening(server);
    const next = 'GET /api/security-info/policy HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n';
    try {
      // Refused before reading (declared too large, an unknown route) and refused half way (chunked, over the limit).
      const declared = await exchange(
        port,
        'POST /api/security-info/phone/challenges HTTP/1.1\r\nHost: a\r\ncontent-type: application/json\r\n' +
          'content-length: 300000\r\n\r\n',
        Buffer.alloc(300_000, 0x20),
        next,
      );
      const unknown = await exchange(
        port,
        'POST /api/security-info/nothing-here HTTP/1.1\r\nHost: a\r\ncontent-type: application/json\r\n' +
          'content-length: 300000\r\n\r\n',
        Buffer.alloc(300_000, 0x20),
        next,
      );
      const chunked = await exchange(
        port,
        'POST /api/security-info/phone/challenges HTTP/1.1\r\nHost: a\r\ncontent-type: application/json\r\n' +
          'transfer-encoding: chunked\r\n\r\n',
        `1000\r\n${' '.repeat(4096)}\r\n`.repeat(60) + '0\r\n\r\n',
        next,
      );
      for (const [answer, status] of [
        [declared, 413],
        [unknown, 404],
        [chunked, 413],
      ] as const) {
        assert.match(answer, new RegExp(`^HTTP/1.1 ${status} `), answer.slice(0, 80));
        assert.doesNotMatch(answer, /<hung>/, `${status}: the connection hung after its answer`);
        // Either the connection was closed after the refusal, or the request after it was answered too.
        const first = answer.split('\r\n\r\n')[0]!;
        if (!/\r\nconnection: close/i.test(first)) assert.match(answer, /HTTP\/1.1 200 /);
      }
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('answers a malformed Host with 400 and stays up', async () => {
    const server = createServer(createSecurityInfoListener(options()));
    const port = await listening(server);
    try {
      for (const host of ['a b', 'a/b', '[::1', 'exa mple.com:80']) {
        const line = await raw(
          port,
          `GET /api/security-info/policy HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
        );
        assert.match(line, / 400 /, host);
      }
      assert.equal((await fetch(`http://127.0.0.1:${port}/api/security-info/policy`)).status, 200);
    } finally {
      server.close();
    }
  });

  it('ignores a client-set x-security-info-client header: the socket address is the client', async () => {
    const sent: CodeMessage[] = [];
    const server = createServer(
      createSecurityInfoListener(options(sent, { limits: { sendsPerClient: [{ max: 10, windowSeconds: 60 }] } })),
    );
    const port = await listening(server);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) {
        const response = await fetch(`http://127.0.0.1:${port}/api/security-info/phone/challenges`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-test-user': `user${i}`,
            'x-security-info-client': `203.0.113.${i}`,
          },
          body: JSON.stringify({ phoneNumber: `+316123456${String(10 + i)}`, channel: 'sms' }),
        });
        statuses.push(response.status);
      }
      assert.equal(statuses.filter((status) => status === 201).length, 10);
      assert.equal(sent.length, 10);
    } finally {
      server.close();
    }
  });

  it('serves the contract to createFetchAdapter, end to end', async () => {
    const sent: CodeMessage[] = [];
    const server = createServer(createSecurityInfoListener(options(sent)));
    const port = await listening(server);
    try {
      const adapter = createFetchAdapter({ baseUrl: `http://127.0.0.1:${port}/api/security-info` });
      const signal = new AbortController().signal;
      const policy = await adapter.getPolicy({ signal });
      assert.ok(policy.methods.some((m) => m.id === 'phone'));
      const challenge = await adapter.sendCode({ phoneNumber: '+31612345678', channel: 'sms' }, { signal });
      await assert.rejects(
        adapter.verifyCode(
          { challengeId: challenge.challengeId, code: sent[0]!.code === '000000' ? '111111' : '000000' },
          { signal },
        ),
        (error: unknown) =>
          error instanceof SecurityInfoError && error.code === 'invalid-code' && error.attemptsRemaining === 4,
      );
      await adapter.verifyCode({ challengeId: challenge.challengeId, code: sent[0]!.code }, { signal });
    } finally {
      server.close();
    }
  });

  it('answers a body cut off half way with 400 and stays up', async () => {
    const server = createServer(createSecurityInfoListener(options()));
    const port = await listening(server);
    try {
      await new Promise<void>((resolve) => {
        const req = httpRequest({
          port,
          host: '127.0.0.1',
          method: 'POST',
          path: '/api/security-info/phone/challenges',
          headers: { 'content-type': 'application/json', 'content-length': '100' },
        });
        req.on('error', () => resolve());
        req.write('{"phoneNumber":"+3161');
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 50);
      });
      assert.equal((await fetch(`http://127.0.0.1:${port}/api/security-info/policy`)).status, 200);
    } finally {
      server.close();
    }
  });
});

describe('the Connect/Express middleware', () => {
  it('answers its routes, passes other paths on, and answers TRACE with 405 without a stack trace', async () => {
    const middleware = createSecurityInfoMiddleware(options());
    const server = createServer((req, res) =>
      middleware(req, res, () => {
        res.statusCode = 299;
        res.end('next');
      }),
    );
    const port = await listening(server);
    try {
      assert.equal((await fetch(`http://127.0.0.1:${port}/other`)).status, 299);
      assert.equal((await fetch(`http://127.0.0.1:${port}/api/security-info/policy`)).status, 200);
      const trace = await raw(port, 'TRACE /api/security-info/policy HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n');
      assert.match(trace, / 405 /);
    } finally {
      server.close();
    }
  });
});

describe('client addresses', () => {
  it('count IPv6 per /64 and IPv4-mapped IPv6 as IPv4', () => {
    assert.equal(addressKey('2001:db8:1:2:aaaa::1'), addressKey('2001:db8:1:2:bbbb::9'));
    assert.notEqual(addressKey('2001:db8:1:2::1'), addressKey('2001:db8:1:3::1'));
    assert.equal(addressKey('::ffff:198.51.100.7'), '198.51.100.7');
    assert.equal(addressKey('::ffff:c633:6407'), '198.51.100.7');
    assert.equal(addressKey('[2001:db8::1]'), '2001:db8:0:0::/64');
    assert.equal(addressKey('not an address'), undefined);
    assert.equal(addressKey('999.1.1.1'), undefined);
  });

  it('behind trusted proxies, read only the entry the nearest untrusted hop wrote', () => {
    const request = new Request('http://x/', { headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.0.0.2' } });
    assert.equal(forwardedFor(2)(request, { remoteAddress: '10.0.0.3' }), '198.51.100.7');
    assert.equal(forwardedFor(0)(request, { remoteAddress: '10.0.0.3' }), '10.0.0.3');
    assert.equal(forwardedFor(5)(request, { remoteAddress: '10.0.0.3' }), undefined);
  });
});
