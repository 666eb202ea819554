// @ts-check
// What the reader brings, declared for every code block the docs test type-checks.

/**
 * What the reader brings, declared for every block: their page's wizard and adapter, their sign-in and dialogs,
 * their server's options and sender, and other runtimes' globals as far as the blocks use them.
 */
export const PRELUDE = `
import type { SecurityInfoAdapter } from '@security-info/core';
import type { SecurityInfoWizard } from '@security-info/elements';
import type { CodeSender, SecurityInfoHandlerOptions } from '@security-info/server';
import type { RequestHandler } from 'express';
import type { Store } from 'express-session';

declare global {
  /** The page's <security-info-wizard>. */
  const wizard: SecurityInfoWizard;
  /** An adapter the page made (docs/adapter.md). */
  const myAdapter: SecurityInfoAdapter;
  const adapter: SecurityInfoAdapter;
  /** The page's own sign-in, dialogs and messages. */
  function signIn(): Promise<string>;
  function signInAgain(): Promise<void>;
  function renewToken(): Promise<string | null>;
  function getAccessToken(): Promise<string>;
  function closeDialog(): void;
  function showMessage(text: string): void;
  function onDone(detail: unknown): void;
  /** The server's own options and parts (docs/server.md, docs/authentication.md). */
  const options: SecurityInfoHandlerOptions;
  const mySmsAndVoiceSender: CodeSender;
  const mySessionStore: Store;
  const csrfProtection: RequestHandler;
  function tellThePerson(notice: unknown): void;
  function myTextOrCallGateway(phoneNumber: string, channel: string, code: string, locale?: string): Promise<void>;
  const mailer: { tellAboutChange(userId: string, action: string, kind: string | null): Promise<void> };
  function signedInAt(request: Request): Promise<number>;
  function findSession(cookie: string | null): Promise<{ userId: string } | null>;
  /** Other runtimes, as far as docs/server.md uses them. */
  const Deno: {
    serve(handler: (request: Request, info: { remoteAddr: { hostname: string } }) => Promise<Response>): unknown;
  };
  const Bun: {
    serve(options: {
      fetch(request: Request, server: { requestIP(request: Request): { address: string } | null }): Promise<Response>;
    }): unknown;
  };
}
`;
