/**
 * The bearer-token example of docs/authentication.md, complete: an Express 5 API whose callers send an OpenID
 * Connect access token, checked against the issuer's published keys.
 */
import express, { type Express } from 'express';
import {
  createJwtAuthenticator,
  createSecurityInfoMiddleware,
  type CodeSender,
  type VerifiedPhone,
} from '@security-info/server';

export interface BearerAppOptions {
  /** The issuer, exactly as in the tokens' `iss`. */
  issuer: string;
  /** What the issuer puts in `aud` for this API. */
  audience: string | string[];
  /** The `jwks_uri` of the issuer's `/.well-known/openid-configuration`. */
  jwksUrl: string | URL;
  /** The handler's key of the code hashes: at least 32 bytes, the same on every instance. */
  secret: string | Uint8Array;
  /** Delivers the codes. */
  sender: CodeSender;
  /** Told once a verified number is registered (a notice after the commit); see `onVerified` of the handler. */
  onVerified?: (verified: VerifiedPhone) => void | Promise<void>;
  /** Told when the issuer's keys cannot be had (the answer is then 503). Default: the console. */
  onError?: (error: unknown) => void;
}

export function createBearerApp(options: BearerAppOptions): Express {
  const app = express();
  // No CSRF token here: a browser attaches cookies to another site's requests by itself, but never a bearer token.
  app.use(
    createSecurityInfoMiddleware({
      authenticate: createJwtAuthenticator({
        issuer: options.issuer,
        audience: options.audience,
        jwksUrl: options.jwksUrl,
        onError: options.onError ?? ((error) => console.error('[security-info] cannot check tokens:', error)),
      }),
      sender: options.sender,
      secret: options.secret,
      development: false,
      ...(options.onVerified ? { onVerified: options.onVerified } : {}),
    }),
  );
  // The API's other routes, and their body parser, come after the security-info routes, which read the body
  // themselves.
  app.use(express.json({ limit: '16kb' }));
  return app;
}
