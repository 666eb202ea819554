/**
 * The cookie-session example of docs/authentication.md, complete: an Express 5 portal whose users are known by an
 * `express-session` cookie, with a CSRF token on every POST, and the security-info routes mounted on it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import express, {
  type Express,
  type NextFunction,
  type Request as ExpressRequest,
  type Response as ExpressResponse,
} from 'express';
import session, { type SessionData } from 'express-session';
import { parseCookie } from 'cookie';
import { unsign } from 'cookie-signature';
import { createSecurityInfoMiddleware, type CodeSender, type VerifiedPhone } from '@security-info/server';

declare module 'express-session' {
  interface SessionData {
    /** Set by the sign-in. */
    userId?: string;
    /** The CSRF token of this session, made at sign-in. */
    csrfToken?: string;
  }
}

export interface SessionAppOptions {
  /** Signs the session cookie. A list when rotating: the first signs, each one is accepted. */
  sessionSecret: string | string[];
  /** Where sessions live. Default: express-session's MemoryStore, which is for one process and for examples only. */
  sessionStore?: session.Store;
  /** The handler's key of the code hashes: at least 32 bytes, the same on every instance. */
  secret: string | Uint8Array;
  /** Delivers the codes. */
  sender: CodeSender;
  /** Told once a verified number is registered (a notice after the commit); see `onVerified` of the handler. */
  onVerified?: (verified: VerifiedPhone) => void | Promise<void>;
  /** Checks a password, and answers the user id, or null. Your sign-in: this example has none of its own. */
  checkPassword: (username: string, password: string) => string | null | Promise<string | null>;
  /**
   * Marks the session cookie `Secure`. Default true; express-session then sets it only on a request that came over
   * HTTPS (`req.secure`), so false only for plain HTTP on a loopback address, as in the tests.
   */
  secureCookie?: boolean;
}

export const SESSION_COOKIE = 'sid';
export const CSRF_HEADER = 'x-csrf-token';

function promised(work: (done: (error?: unknown) => void) => void): Promise<void> {
  return new Promise((resolve, reject) => work((error) => (error ? reject(error) : resolve())));
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A session-bound CSRF token (the synchronizer pattern, not double-submit): sign-in keeps a random token in the
 * session, the page carries it in a `<meta>` tag, and every POST of a signed-in session must send it back in
 * `x-csrf-token`. Another site's page can make the browser send the cookie, but cannot read the token.
 *
 * A POST without a signed-in session is let through: it has no one to act for, so the security-info handler
 * answers it 401 `unauthenticated`, which tells the wizard that the session ended (a 403 here would not).
 */
function csrfProtection(request: ExpressRequest, response: ExpressResponse, next: NextFunction): void {
  const expected = request.session.csrfToken;
  if (request.method !== 'POST' || !request.session.userId || !expected) return next();
  const given = request.get(CSRF_HEADER);
  if (given !== undefined && sameToken(given, expected)) return next();
  // The body of the HTTP contract, so the wizard shows its message for an unknown failure.
  response.status(403).json({ error: 'unknown', message: 'This page is out of date. Reload it and try again.' });
}

/** The page that hosts the wizard, with the CSRF token where `createFetchAdapter`'s `headers` looks for it. */
function enrollmentPage(csrfToken: string): string {
  return `<!doctype html>
<html lang="en">
  <meta charset="utf-8" />
  <meta name="csrf-token" content="${csrfToken}" />
  <title>Security info</title>
  <security-info-wizard></security-info-wizard>
</html>
`;
}

export function createSessionApp(options: SessionAppOptions): Express {
  const secrets = [options.sessionSecret].flat();
  const sessions = options.sessionStore ?? new session.MemoryStore();

  /** The handler's `authenticate`: it sees a web `Request`, so it reads the session as express-session would. */
  async function sessionUser(request: Request): Promise<string | null> {
    const cookie = parseCookie(request.headers.get('cookie') ?? '')[SESSION_COOKIE];
    if (!cookie?.startsWith('s:')) return null;
    let sessionId: string | false = false;
    for (const secret of secrets) {
      sessionId = unsign(cookie.slice(2), secret);
      if (sessionId !== false) break;
    }
    if (sessionId === false) return null; // altered or forged
    // A store error rejects: the handler answers 503, not 401.
    const data = await new Promise<SessionData | null | undefined>((resolve, reject) =>
      sessions.get(sessionId, (error, value) => (error ? reject(error) : resolve(value))),
    );
    return data?.userId ?? null;
  }

  const app = express();
  app.use(
    session({
      name: SESSION_COOKIE,
      secret: secrets,
      store: sessions,
      resave: false,
      saveUninitialized: false,
      cookie: { httpOnly: true, secure: options.secureCookie ?? true, sameSite: 'lax' },
    }),
  );
  app.use(csrfProtection);
  // Before any body parser: the handler reads the request body itself, with its own size and time limits.
  app.use(
    createSecurityInfoMiddleware({
      authenticate: sessionUser,
      sender: options.sender,
      secret: options.secret,
      development: false,
      ...(options.onVerified ? { onVerified: options.onVerified } : {}),
    }),
  );
  app.use(express.json({ limit: '2kb' }));

  app.post('/sign-in', async (request, response) => {
    const { username, password } = (request.body ?? {}) as Record<string, unknown>;
    if (typeof username !== 'string' || typeof password !== 'string') {
      response.status(400).json({ message: 'Give a username and a password.' });
      return;
    }
    const userId = await options.checkPassword(username, password);
    if (!userId) {
      response.status(401).json({ message: 'That username and password do not match.' });
      return;
    }
    // A new session id at sign-in, so that an id planted in the browser before it is worth nothing after.
    await promised((done) => request.session.regenerate(done));
    request.session.userId = userId;
    request.session.csrfToken = randomBytes(32).toString('base64url');
    response.status(204).end();
  });

  app.post('/sign-out', async (request, response) => {
    await promised((done) => request.session.destroy(done));
    response.clearCookie(SESSION_COOKIE).status(204).end();
  });

  app.get('/', (request, response) => {
    const token = request.session.csrfToken;
    if (!request.session.userId || !token) {
      response.status(401).type('text').send('Sign in first.');
      return;
    }
    response.type('html').set('cache-control', 'no-store').send(enrollmentPage(token));
  });

  return app;
}
