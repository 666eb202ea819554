/** A handler on a clock the test moves, with a sender that keeps what it was given: for the server's tests. */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import { createSecurityInfoHandler } from './handler.js';
import type { SecurityInfoHandlerOptions } from './options.js';
import type { CodeMessage } from './senders.js';
import { createMemoryStore } from './memory-store.js';
import type { SecurityInfoStore, StoreTransaction } from './store.js';

export const BASE = 'http://portal.test/api/security-info';
export const SECRET = 'a test secret of more than thirty-two bytes';

export interface Call {
  user?: string | null;
  client?: string;
  headers?: Record<string, string>;
}

/**
 * Requests to `handler` as a person's browser makes them: as `user` (`null`: signed out), with a JSON body when one is
 * given, and any other headers.
 */
export function requester(handler: (request: Request) => Promise<Response>) {
  return (method: string, path: string, json?: unknown, { user = 'alice', headers = {} }: Call = {}) =>
    handler(
      new Request(`${BASE}${path}`, {
        method,
        headers: {
          ...(user === null ? {} : { 'x-test-user': user }),
          ...(json === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      }),
    );
}

export function setup(options: Partial<SecurityInfoHandlerOptions> = {}) {
  let time = Date.parse('2026-11-25T10:00:00Z');
  const sent: CodeMessage[] = [];
  const logged: string[] = [];
  const store = options.store ?? createMemoryStore();
  const handler = createSecurityInfoHandler({
    // Tests name the user and the client per request; a real host reads its session and the socket.
    authenticate: (request) => request.headers.get('x-test-user'),
    clientKey: (request) => request.headers.get('x-test-client') ?? '192.0.2.1',
    clock: () => time,
    store,
    secret: SECRET,
    sender: { send: async (message) => void sent.push(message) },
    logger: { warn: (line) => logged.push(line), error: (line) => logged.push(line) },
    ...options,
  });
  const headersOf = ({ user = 'alice', client, headers = {} }: Call) => ({
    'content-type': 'application/json',
    ...(user === null ? {} : { 'x-test-user': user }),
    ...(client ? { 'x-test-client': client } : {}),
    ...headers,
  });
  const post = (path: string, body: unknown, call: Call = {}) =>
    handler(
      new Request(`${BASE}${path}`, {
        method: 'POST',
        headers: headersOf(call),
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  const sendCode = (phoneNumber = '+31612345678', channel = 'sms', call: Call = {}) =>
    post('/phone/challenges', { phoneNumber, channel }, call);
  const resend = (id: string, channel = 'sms', call: Call = {}) =>
    post(`/phone/challenges/${id}/resend`, { channel }, call);
  const verify = (id: string, code: string, call: Call = {}) => post(`/phone/challenges/${id}/verify`, { code }, call);
  const confirmation = (id: string, call: Call = {}) =>
    handler(new Request(`${BASE}/phone/challenges/${id}/confirmation`, { headers: headersOf(call) }));
  const lastCode = () => sent.at(-1)!.code;
  return {
    handler,
    store,
    sent,
    logged,
    post,
    sendCode,
    resend,
    verify,
    confirmation,
    lastCode,
    /** A code that is not the last one sent. */
    wrongCode: () => (lastCode() === '000000' ? '111111' : '000000'),
    advance: (seconds: number) => (time += seconds * 1000),
    now: () => time,
    async start(phoneNumber?: string, channel?: string, call: Call = {}): Promise<string> {
      const response = await sendCode(phoneNumber, channel, call);
      if (response.status !== 201) throw new Error(`send answered ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { challengeId: string }).challengeId;
    },
  };
}

export async function body(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof Error);
    return error;
  }
  assert.fail('the promise was expected to reject');
}

/**
 * Counts the slow hashes (scrypt) begun, and those begun while a transaction of `store` was open: a store that runs
 * one transaction at a time (the memory store, PGlite) would hold every other request for each of those. Hand
 * `watched.store` to the handler; `restore()` puts scrypt back.
 */
export function watchHashing(store: SecurityInfoStore = createMemoryStore()) {
  const counts = { hashes: 0, inTransaction: 0 };
  let open = 0;
  const original = crypto.scrypt;
  crypto.scrypt = ((...args: Parameters<typeof original>) => {
    counts.hashes++;
    if (open > 0) counts.inTransaction++;
    return (original as (...all: unknown[]) => void)(...args);
  }) as typeof original;
  syncBuiltinESMExports();
  const watched: SecurityInfoStore = Object.assign(Object.create(store) as SecurityInfoStore, {
    async transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
      open++;
      try {
        return await store.transaction(work);
      } finally {
        open--;
      }
    },
  });
  return {
    counts,
    store: watched,
    restore() {
      crypto.scrypt = original;
      syncBuiltinESMExports();
    },
  };
}
