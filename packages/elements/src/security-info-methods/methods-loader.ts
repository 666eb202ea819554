/**
 * The person's registrations for the Security info page: asked for when the adapter is given, again after each
 * change, and again by itself once the browser is back online after a load failed for want of a connection. A
 * load refused for a sign-in asks the host to sign the person in (sign-in.ts) and, once it has, loads once more.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  failureCode,
  isSignInReason,
  readRegistrations,
  type Registrations,
  type SecurityInfoAdapter,
  type SecurityInfoErrorCode,
  type SignInReason,
} from '@security-info/core';
import { callAdapter, type CallFailure } from './call.js';

export type LoadStatus = 'loading' | 'ready' | 'failed';

export interface MethodsLoaderOptions {
  adapter(): SecurityInfoAdapter | undefined;
  timeout(): number;
  /** Each time a load brings the registrations. */
  loaded?(registrations: Registrations): void;
  /** Each time a load fails (the failure and Try again show in place of the list). */
  failed?(): void;
}

export class MethodsLoader implements ReactiveController {
  status: LoadStatus = 'loading';
  /** The last registrations loaded; kept while they load again after a change. */
  registrations: Registrations | undefined;
  /** Why the last load failed; `undefined` after a failure the host said it takes care of. */
  error: SecurityInfoErrorCode | undefined;
  /** The host is signing the person in again; the list loads once more when it has. */
  signingIn = false;
  private controller: AbortController | undefined;
  /** Numbers each load, so an answer to an earlier one (or to a sign-in for it) changes nothing. */
  private attempt = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: MethodsLoaderOptions,
  ) {
    host.addController(this);
  }

  /** Asks for the registrations, dropping a load under way. */
  load(afterSignIn = false): void {
    const adapter = this.options.adapter();
    if (!adapter || !this.host.isConnected) return;
    this.controller?.abort(new DOMException('Asked again.', 'AbortError'));
    const controller = (this.controller = new AbortController());
    const attempt = ++this.attempt;
    this.signingIn = false;
    if (this.status === 'failed') this.status = 'loading';
    this.host.requestUpdate();
    callAdapter(
      (signal) =>
        adapter.listMethods
          ? adapter.listMethods({ signal }).then(readRegistrations)
          : Promise.reject(new TypeError('The adapter has no listMethods.')),
      controller,
      this.options.timeout(),
    ).then(
      (registrations) => {
        if (attempt !== this.attempt) return;
        this.controller = undefined;
        this.registrations = registrations;
        this.status = 'ready';
        this.error = undefined;
        this.host.requestUpdate();
        this.options.loaded?.(registrations);
      },
      ({ error, context }: CallFailure) => {
        if (attempt !== this.attempt) return;
        const code = failureCode(error, context);
        this.controller = undefined;
        this.status = 'failed';
        this.error = code;
        this.host.requestUpdate();
        this.options.failed?.();
        // When the sign-in's code cannot load, the message stays: signing in elsewhere and Try again still work.
        if (isSignInReason(code) && !afterSignIn) this.signIn(code, attempt).catch(() => undefined);
      },
    );
  }

  private async signIn(reason: SignInReason, attempt: number): Promise<void> {
    // Rare, so loaded when it happens rather than with the list.
    const { askToSignIn } = await import('./sign-in.js');
    const outcome = await askToSignIn(this.host, reason, () => {
      this.signingIn = true;
      this.host.requestUpdate();
    });
    // Try again was pressed meanwhile, or the element left the page: that load is the one that counts.
    if (attempt !== this.attempt || !this.host.isConnected) return;
    this.signingIn = false;
    if (outcome === 'signed-in') return this.load(true);
    if (outcome === 'handled') this.error = undefined;
    this.host.requestUpdate();
  }

  hostConnected(): void {
    globalThis.addEventListener?.('online', this.onOnline);
    // Back on the page after a load was cut short: ask again.
    if (this.attempt > 0 && this.status === 'loading' && !this.controller) this.load();
  }

  hostDisconnected(): void {
    globalThis.removeEventListener?.('online', this.onOnline);
    this.controller?.abort(new DOMException('The page was left.', 'AbortError'));
    this.controller = undefined;
    this.attempt++;
    this.signingIn = false;
  }

  private readonly onOnline = () => {
    if (this.status === 'failed' && this.error === 'network') this.load();
  };
}
