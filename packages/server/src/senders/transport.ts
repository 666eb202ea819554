/** What the senders share on the wire: which endpoints they may reach, and one request that gives up in time. */
import { readBounded } from '../bounded-read.js';
import { ConfigurationError } from '../options.js';

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** Whether a host name is this machine's: the one place a code may travel in clear text. */
export const isLoopback = (hostname: string) => LOOPBACK.test(hostname) || hostname === '::1';

/**
 * An endpoint a code may be sent to: `https:`, or `http:` on a loopback address (a local fake, a sidecar). Codes
 * in clear text on a network could be read on the way.
 */
export function checkEndpoint(value: string, name: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(`${name} is not a URL.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname)))
    throw new ConfigurationError(
      `${name} must be an https: URL (http: only on a loopback address): codes travel in it.`,
    );
  return url;
}

/** How an attempt ended without an answer: one phrase, with nothing of the message in it. */
export function describeFailure(error: unknown, ms: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${ms} ms`;
  // `fetch` fails with a TypeError whose cause names the network error; anything else is named, not described.
  if (!(error instanceof TypeError)) return `failed (${error instanceof Error ? error.name : typeof error})`;
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^[A-Z_]+$/.test(code) ? `network error (${code})` : 'network error';
}

/**
 * One request and its answer's body, given up after `ms`. Redirects are not followed: a POST redirected would be
 * a GET, and a code should not go anywhere it was not configured to go. At most `bodyBytes` of the body are read:
 * `body` is `undefined` past them, the rest cancelled rather than read (an answer that is huge or never ends must
 * not fill the memory, nor take the time a status already answered); 0 reads none of it.
 */
export async function request(
  fetcher: typeof fetch,
  url: URL,
  init: RequestInit,
  ms: number,
  bodyBytes: number,
): Promise<{ response: Response; body: string | undefined }> {
  const signal = AbortSignal.timeout(Math.max(1, Math.ceil(ms)));
  const response = await fetcher(url, { ...init, redirect: 'manual', signal });
  if (!response.body) return { response, body: '' };
  if (bodyBytes <= 0) {
    void response.body.cancel().catch(() => undefined);
    return { response, body: undefined };
  }
  const bytes = await readBounded(response.body, bodyBytes);
  return { response, body: bytes && new TextDecoder().decode(bytes) };
}
