/**
 * The reference backend: a web-standard `(request) => Promise<Response>` for the HTTP contract in
 * `docs/http-contract.md`. Codes are random, stored only as keyed hashes, compared in constant time, expire,
 * and lock after too many wrong tries; sends are rate-limited per number and per client.
 */
import {
  channelsFor,
  checkPhoneNumber,
  isCountryAllowed,
  loadPhoneMetadata,
  methodServes,
  type Channel,
  type SecurityInfoErrorCode,
  type SecurityInfoPolicy,
} from '@security-info/core';
import { createCodeHasher, equalInConstantTime, randomCode, randomId } from './codes.js';
import { createMemoryStore, type ChallengeStore, type RateWindow, type StoredChallenge } from './store.js';

export interface CodeMessage {
  /** E.164. */
  phoneNumber: string;
  channel: Channel;
  code: string;
}

/** Delivers codes: a text message or a call. A rejection makes the send fail with `channel-unavailable`. */
export interface CodeSender {
  send(message: CodeMessage): Promise<void>;
}

export interface Limits {
  /** Seconds a code stays valid. Default 300. */
  codeTtlSeconds: number;
  /** Wrong codes accepted per challenge before it locks. Default 5. */
  maxAttempts: number;
  /** Seconds between a send and the next resend of a challenge. Default 30. */
  resendAfterSeconds: number;
  /** Sends per phone number. Default 3 a minute and 10 an hour. */
  sendsPerNumber: RateWindow[];
  /** Sends per client (see `clientKey`). Default 10 a minute and 30 an hour. */
  sendsPerClient: RateWindow[];
  /** Largest request body accepted, in bytes. Default 2048. */
  maxBodyBytes: number;
  /** Digits per code. Default 6. */
  codeLength: number;
}

export interface VerifiedPhone {
  phoneNumber: string;
  channel: Channel;
  request: Request;
}

export interface SecurityInfoHandlerOptions {
  /** Where the routes live. Default `/api/security-info`. */
  basePath?: string;
  /** Delivers the codes. Default: prints them on the console, for development. */
  sender?: CodeSender;
  store?: ChallengeStore;
  /** What `GET /policy` answers and what sends are checked against. */
  policy?: SecurityInfoPolicy;
  limits?: Partial<Limits>;
  /** Time in milliseconds since the epoch. Default `Date.now`. */
  clock?: () => number;
  /** Key of the code hashes. Default: random per process (codes then do not survive a restart, as intended). */
  secret?: string | Uint8Array;
  /**
   * Who is asking, for the per-client limits. Default: the address the Node adapters put in
   * `x-security-info-client`, else one shared bucket. Behind a proxy, read your trusted forwarding header here.
   */
  clientKey?: (request: Request) => string;
  /** Called once when a number is verified: register it for the signed-in user here. */
  onVerified?: (verified: VerifiedPhone) => void | Promise<void>;
}

export const DEFAULT_LIMITS: Limits = {
  codeTtlSeconds: 300,
  maxAttempts: 5,
  resendAfterSeconds: 30,
  sendsPerNumber: [
    { max: 3, windowSeconds: 60 },
    { max: 10, windowSeconds: 3600 },
  ],
  sendsPerClient: [
    { max: 10, windowSeconds: 60 },
    { max: 30, windowSeconds: 3600 },
  ],
  maxBodyBytes: 2048,
  codeLength: 6,
};

export const DEFAULT_SERVER_POLICY: SecurityInfoPolicy = {
  methods: [{ id: 'phone', purposes: ['mfa', 'password-reset'] }],
  phone: { channels: ['sms', 'voice'] },
};

/** Prints codes instead of sending them, with the number masked. For development only. */
export const consoleSender: CodeSender = {
  async send({ phoneNumber, channel, code }) {
    console.warn(`[security-info] ${channel} code for ${phoneNumber.slice(0, 3)}…${phoneNumber.slice(-4)}: ${code}`);
  },
};

/** A failure the contract knows, answered as `{ error, message, ... }`. */
class Refusal {
  constructor(
    readonly status: 400 | 404 | 409 | 410 | 422 | 429,
    readonly code: SecurityInfoErrorCode,
    readonly message: string,
    readonly details: { retryAfterSeconds?: number; attemptsRemaining?: number } = {},
  ) {}
}

const CHANNEL_VALUES: readonly string[] = ['sms', 'voice'];

function respond(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  if (body === undefined) return new Response(null, { status, headers: { 'cache-control': 'no-store', ...headers } });
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

function refuse(refusal: Refusal): Response {
  const retry = refusal.details.retryAfterSeconds;
  return respond(
    refusal.status,
    { error: refusal.code, message: refusal.message, ...refusal.details },
    retry !== undefined ? { 'retry-after': String(retry) } : {},
  );
}

export function createSecurityInfoHandler(
  options: SecurityInfoHandlerOptions = {},
): (request: Request) => Promise<Response> {
  const basePath = (options.basePath ?? '/api/security-info').replace(/\/+$/, '');
  const sender = options.sender ?? consoleSender;
  const store = options.store ?? createMemoryStore();
  const policy = options.policy ?? DEFAULT_SERVER_POLICY;
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const now = options.clock ?? Date.now;
  const clientKey =
    options.clientKey ?? ((request: Request) => request.headers.get('x-security-info-client') ?? 'anonymous');
  const hasher = createCodeHasher(options.secret);

  async function readJson(request: Request): Promise<Record<string, unknown>> {
    const type = request.headers.get('content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type))
      throw new Refusal(400, 'unknown', 'Send the request body as application/json.');
    const declared = Number(request.headers.get('content-length'));
    if (declared > limits.maxBodyBytes) throw new Refusal(400, 'unknown', 'The request body is too large.');
    const text = await readLimited(request, limits.maxBodyBytes);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Refusal(400, 'unknown', 'The request body is not valid JSON.');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new Refusal(400, 'unknown', 'The request body must be a JSON object.');
    }
    return body as Record<string, unknown>;
  }

  function readChannel(value: unknown): Channel {
    if (typeof value !== 'string' || !CHANNEL_VALUES.includes(value)) {
      throw new Refusal(400, 'unknown', 'channel must be "sms" or "voice".');
    }
    return value as Channel;
  }

  async function readPhone(value: unknown): Promise<{ phoneNumber: string; region: string }> {
    if (typeof value !== 'string' || !/^\+[1-9]\d{4,14}$/.test(value)) {
      throw new Refusal(422, 'number-rejected', 'phoneNumber must be a phone number in E.164, such as +31612345678.');
    }
    const check = checkPhoneNumber(value, {}, await loadPhoneMetadata());
    if (!check.valid) throw new Refusal(422, 'number-rejected', 'This is not a valid phone number.');
    return { phoneNumber: check.e164, region: check.region };
  }

  function checkPolicy(region: string, channel: Channel): void {
    if (
      !policy.methods.some((method) => method.id === 'phone' && method.purposes.some((p) => methodServes('phone', p)))
    ) {
      throw new Refusal(422, 'number-rejected', 'Phones are not allowed by the policy.');
    }
    if (!isCountryAllowed(policy, region))
      throw new Refusal(422, 'number-rejected', 'Numbers from this region are not allowed.');
    if (!channelsFor(policy, region).includes(channel)) {
      throw new Refusal(422, 'channel-unavailable', 'This channel is not available for this number.');
    }
  }

  async function checkRates(request: Request, phoneNumber: string): Promise<void> {
    const at = now();
    for (const [key, windows] of [
      [`number:${phoneNumber}`, limits.sendsPerNumber],
      [`client:${clientKey(request)}`, limits.sendsPerClient],
    ] as const) {
      const decision = await store.consume(key, windows, at);
      if (!decision.allowed) {
        throw new Refusal(429, 'rate-limited', 'Too many codes were requested.', {
          retryAfterSeconds: decision.retryAfterSeconds,
        });
      }
    }
  }

  function challengeBody(challenge: StoredChallenge) {
    return {
      challengeId: challenge.id,
      codeLength: limits.codeLength,
      expiresInSeconds: limits.codeTtlSeconds,
      resendInSeconds: limits.resendAfterSeconds,
      confirmation: 'code' as const,
    };
  }

  async function deliver(challenge: StoredChallenge, code: string): Promise<void> {
    try {
      await sender.send({ phoneNumber: challenge.phoneNumber, channel: challenge.channel, code });
    } catch {
      // No usable code may remain when it never reached the person.
      await store.update(challenge.id, (current) => ({ next: { ...current, codeHash: null }, result: true }));
      throw new Refusal(422, 'channel-unavailable', 'The code could not be delivered.');
    }
  }

  async function send(request: Request): Promise<Response> {
    const body = await readJson(request);
    const channel = readChannel(body.channel);
    const { phoneNumber, region } = await readPhone(body.phoneNumber);
    checkPolicy(region, channel);
    await checkRates(request, phoneNumber);
    const at = now();
    const id = randomId();
    const code = randomCode(limits.codeLength);
    const challenge: StoredChallenge = {
      id,
      phoneNumber,
      channel,
      codeHash: await (await hasher)(id, code),
      expiresAt: at + limits.codeTtlSeconds * 1000,
      resendAt: at + limits.resendAfterSeconds * 1000,
      attemptsLeft: limits.maxAttempts,
      verified: false,
    };
    await store.create(challenge);
    await deliver(challenge, code);
    return respond(201, challengeBody(challenge));
  }

  async function resend(request: Request, id: string): Promise<Response> {
    const body = await readJson(request);
    const channel = readChannel(body.channel);
    const existing = await store.get(id);
    if (!existing) throw new Refusal(404, 'code-expired', 'No such challenge: ask for a new code.');
    if (existing.verified) throw new Refusal(409, 'unknown', 'This number is already verified.');
    const region = checkPhoneNumber(existing.phoneNumber, {}, await loadPhoneMetadata());
    checkPolicy(region.valid ? region.region : '', channel);
    const wait = Math.ceil((existing.resendAt - now()) / 1000);
    if (wait > 0)
      throw new Refusal(429, 'rate-limited', 'Wait before asking for another code.', { retryAfterSeconds: wait });
    await checkRates(request, existing.phoneNumber);
    const code = randomCode(limits.codeLength);
    const codeHash = await (await hasher)(id, code);
    const at = now();
    const updated = await store.update(id, (current) => {
      const next: StoredChallenge = {
        ...current,
        channel,
        codeHash,
        expiresAt: at + limits.codeTtlSeconds * 1000,
        resendAt: at + limits.resendAfterSeconds * 1000,
        attemptsLeft: limits.maxAttempts,
      };
      return { next, result: next };
    });
    if (!updated) throw new Refusal(404, 'code-expired', 'No such challenge: ask for a new code.');
    await deliver(updated, code);
    return respond(200, challengeBody(updated));
  }

  type Verdict = { ok: true; phoneNumber: string; channel: Channel } | { ok: false; refusal: Refusal };

  async function verify(request: Request, id: string): Promise<Response> {
    const body = await readJson(request);
    if (typeof body.code !== 'string' || body.code.length > 32)
      throw new Refusal(400, 'unknown', 'code must be a string.');
    const code = body.code.replace(/[\s-]/g, '');
    const hash = await (await hasher)(id, code);
    const at = now();
    const verdict = await store.update<Verdict>(id, (current) => {
      const keep = (refusal: Refusal) => ({ next: current, result: { ok: false as const, refusal } });
      if (current.verified) return keep(new Refusal(409, 'unknown', 'This number is already verified.'));
      if (!current.codeHash || at > current.expiresAt)
        return keep(new Refusal(410, 'code-expired', 'The code has expired.'));
      if (current.attemptsLeft <= 0) {
        const retryAfterSeconds = Math.max(0, Math.ceil((current.resendAt - at) / 1000));
        return keep(
          new Refusal(429, 'too-many-attempts', 'Too many wrong codes: ask for a new one.', { retryAfterSeconds }),
        );
      }
      if (equalInConstantTime(hash, current.codeHash)) {
        return {
          next: { ...current, verified: true, codeHash: null },
          result: { ok: true as const, phoneNumber: current.phoneNumber, channel: current.channel },
        };
      }
      const attemptsLeft = current.attemptsLeft - 1;
      const refusal =
        attemptsLeft > 0
          ? new Refusal(422, 'invalid-code', 'The code is not right.', { attemptsRemaining: attemptsLeft })
          : new Refusal(429, 'too-many-attempts', 'Too many wrong codes: ask for a new one.', {
              retryAfterSeconds: Math.max(0, Math.ceil((current.resendAt - at) / 1000)),
            });
      return { next: { ...current, attemptsLeft }, result: { ok: false as const, refusal } };
    });
    if (!verdict) throw new Refusal(404, 'code-expired', 'No such challenge: ask for a new code.');
    if (!verdict.ok) throw verdict.refusal;
    await options.onVerified?.({ phoneNumber: verdict.phoneNumber, channel: verdict.channel, request });
    return respond(204);
  }

  return async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) {
      return respond(404, { error: 'unknown', message: 'Not found.' });
    }
    const route = url.pathname.slice(basePath.length);
    const challengeRoute = /^\/phone\/challenges\/([A-Za-z0-9_-]{1,64})\/(resend|verify)$/.exec(route);
    try {
      if (route === '/policy') {
        if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, undefined, { allow: 'GET' });
        return respond(200, policy);
      }
      if (route === '/phone/challenges') {
        if (request.method !== 'POST') return respond(405, undefined, { allow: 'POST' });
        return await send(request);
      }
      if (challengeRoute) {
        if (request.method !== 'POST') return respond(405, undefined, { allow: 'POST' });
        const [, id, action] = challengeRoute;
        return action === 'resend' ? await resend(request, id!) : await verify(request, id!);
      }
      return refuse(new Refusal(404, 'unknown', 'Not found.'));
    } catch (error) {
      if (error instanceof Refusal) return refuse(error);
      // Our own failure (a store down, say): the contract's unknown, never a stack trace.
      console.error('[security-info] request failed', error instanceof Error ? error.message : error);
      return respond(500, { error: 'unknown', message: 'Something went wrong.' });
    }
  };
}

/** Reads at most `limit` bytes of a body; more is refused without reading it all. */
async function readLimited(request: Request, limit: number): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new Refusal(400, 'unknown', 'The request body is too large.');
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}
