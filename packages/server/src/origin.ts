/**
 * Cross-origin rules. State-changing requests from a browser must come from the service's own origin or one the
 * configuration allows (against cross-site request forgery with cookie sessions); portals on an allowed origin get
 * CORS answers, every other origin none.
 */
import { Refusal } from './http.js';

export interface OriginRules {
  /** Origins (`https://portal.example.com`) whose pages may call the service besides its own. */
  allowedOrigins: readonly string[];
  /** The origin people reach the service on, when it differs from the request's URL (behind a TLS proxy). */
  publicOrigin: string | undefined;
  /** Proxy hops trusted to say the scheme and host the browser used (`X-Forwarded-Proto`, `X-Forwarded-Host`). */
  trustProxy: number;
}

/** `https://Example.com:443/` -> `https://example.com`; anything that is not an http(s) origin -> `undefined`. */
export function normalizeOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

const lastOf = (header: string | null, hops: number): string | undefined => {
  if (!header) return undefined;
  const values = header.split(',').map((part) => part.trim());
  return values[values.length - hops] || undefined;
};

/** The origin a browser addressed this request to. */
function ownOrigin(request: Request, rules: OriginRules): string | undefined {
  if (rules.publicOrigin) return rules.publicOrigin;
  const url = new URL(request.url);
  if (rules.trustProxy > 0) {
    const proto = lastOf(request.headers.get('x-forwarded-proto'), 1);
    const host = lastOf(request.headers.get('x-forwarded-host'), 1);
    return normalizeOrigin(`${proto ?? url.protocol.slice(0, -1)}://${host ?? url.host}`);
  }
  return url.origin;
}

export function createOriginPolicy(rules: OriginRules) {
  const allowed = new Set(rules.allowedOrigins);

  /** The caller's origin when it is one that may call: its own or an allowed one. */
  function permitted(request: Request): string | undefined {
    const origin = request.headers.get('origin');
    if (origin === null) return undefined;
    const normalized = normalizeOrigin(origin);
    if (normalized && (allowed.has(normalized) || normalized === ownOrigin(request, rules))) return normalized;
    return undefined;
  }

  return {
    /** Headers that let an allowed origin read the answer (nothing for the service's own origin or others). */
    corsHeaders(request: Request): Record<string, string> {
      const origin = permitted(request);
      if (!origin || !allowed.has(origin)) return { vary: 'Origin' };
      return { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' };
    },

    /** The answer to a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`). */
    preflight(request: Request, methods: readonly string[]): Response {
      const origin = permitted(request);
      const method = request.headers.get('access-control-request-method') ?? '';
      const asked = (request.headers.get('access-control-request-headers') ?? '')
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter(Boolean);
      const headersOk = asked.every((name) => /^[a-z0-9-]{1,64}$/.test(name)) && asked.length <= 20;
      if (!origin || !allowed.has(origin) || !methods.includes(method) || !headersOk) {
        return new Response(null, { status: 403, headers: { vary: 'Origin', 'cache-control': 'no-store' } });
      }
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-origin': origin,
          'access-control-allow-credentials': 'true',
          'access-control-allow-methods': methods.join(', '),
          ...(asked.length ? { 'access-control-allow-headers': asked.join(', ') } : {}),
          'access-control-max-age': '600',
          vary: 'Origin',
          'cache-control': 'no-store',
        },
      });
    },

    /**
     * Refuses a state-changing request that a browser sent from a page of another origin. Requests without
     * `Origin` (server-to-server clients, tools with bearer tokens) pass: browsers send it with every POST.
     */
    checkStateChange(request: Request): void {
      const origin = request.headers.get('origin');
      const site = request.headers.get('sec-fetch-site');
      if (origin === null && (site === null || site === 'same-origin' || site === 'none')) return;
      if (origin !== null && permitted(request)) return;
      throw new Refusal(403, 'unknown', 'Requests from this origin are not allowed.');
    },
  };
}
