/** The handler's answers and how it reads request bodies: JSON only, bounded in size and in time. */
import type {
  PasskeyFailureReason,
  PasskeyLimitReason,
  SecurityInfoErrorCode,
  SecurityInfoErrorReason,
} from '@security-info/core';
import { readBounded } from './bounded-read.js';

export interface RefusalDetails {
  retryAfterSeconds?: number;
  attemptsRemaining?: number;
  /**
   * What the code alone does not say: a landline's `channel-unavailable`, a passkey's `invalid-code`, a passkey
   * beyond the person's most (`unknown`).
   */
  reason?: SecurityInfoErrorReason | PasskeyFailureReason | PasskeyLimitReason;
}

/** The methods the service answers; anything else is 405 before a route is looked at (the Node adapters too). */
export const KNOWN_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** The `Allow` header of a 405 for a method the service does not know. */
export const ALLOW_KNOWN = [...KNOWN_METHODS].join(', ');

/** A failure the contract knows, answered as `{ error, message, ... }`. Never carries a code or a whole number. */
export class Refusal {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 408 | 409 | 410 | 413 | 415 | 422 | 429 | 503,
    readonly code: SecurityInfoErrorCode,
    readonly message: string,
    readonly details: RefusalDetails = {},
    readonly headers: Record<string, string> = {},
  ) {}
}

export function respond(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  if (body === undefined) return new Response(null, { status, headers: { 'cache-control': 'no-store', ...headers } });
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/** The longest wait the contract's `retryAfterSeconds` says: one day, the most a client believes. */
const MAX_RETRY_AFTER_SECONDS = 86_400;

export function refuse(refusal: Refusal): Response {
  // A longer wait (a wrong-code lock doubled round after round) is said as one day; asked again then, the service
  // says what is left.
  const wait = refusal.details.retryAfterSeconds;
  const retry = wait === undefined ? undefined : Math.min(wait, MAX_RETRY_AFTER_SECONDS);
  return respond(
    refusal.status,
    {
      error: refusal.code,
      message: refusal.message,
      ...refusal.details,
      ...(retry !== undefined ? { retryAfterSeconds: retry } : {}),
    },
    { ...(retry !== undefined ? { 'retry-after': String(retry) } : {}), ...refusal.headers },
  );
}

export const badRequest = (message: string) => new Refusal(400, 'unknown', message);

/**
 * The JSON object in a request body. Refuses another content type, a declared or actual size over `maxBytes`,
 * invalid UTF-8 or JSON, anything but an object, and a body that does not arrive within `timeoutMs`.
 */
export async function readJson(
  request: Request,
  maxBytes: number,
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type))
    throw new Refusal(415, 'unknown', 'Send the request body as application/json.');
  const declared = Number(request.headers.get('content-length'));
  if (declared > maxBytes) throw new Refusal(413, 'unknown', 'The request body is too large.');
  const text = await readLimited(request, maxBytes, timeoutMs);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

/** Reads at most `limit` bytes of a body; more is refused without reading it all, and so is a body too slow to come. */
async function readLimited(request: Request, limit: number, timeoutMs: number): Promise<string> {
  if (!request.body) return '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Refusal(408, 'timeout', 'The request body took too long to arrive.')),
      timeoutMs,
    );
  });
  let all: Uint8Array | undefined;
  try {
    all = await readBounded(request.body, limit, late);
  } catch (error) {
    if (error instanceof Refusal) throw error;
    // The client went away or the stream broke: nothing to answer that anyone will read, but answer anyway.
    throw badRequest('The request body could not be read.');
  } finally {
    clearTimeout(timer);
  }
  if (!all) throw new Refusal(413, 'unknown', 'The request body is too large.');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(all);
  } catch {
    throw badRequest('The request body is not valid UTF-8.');
  }
}
