/**
 * The changes the Security info page makes itself: removing a method, choosing the default, renaming a passkey and
 * making new recovery codes. One at a time (a
 * second click, or a click elsewhere while one runs, changes nothing); each shows its progress and its failure at
 * the row it concerns, keyed by the method's id (DEFAULT_ROW for the default, FIRST_CODES_ROW for the first recovery codes). A change refused for a sign-in asks
 * the host to sign the person in (sign-in.ts) and is made once more when it has; given up, nothing is changed and
 * the row says so.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  type RecoveryCodes,
  isSignInReason,
  SecurityInfoError,
  toSecurityInfoError,
  type SecurityInfoAdapter,
  type SecurityInfoErrorCode,
} from '@security-info/core';
import { IntentLock } from '../shared/intent-lock.js';
import { callAdapter, type CallFailure } from './call.js';
import { askToSignIn } from './sign-in.js';

export type Operation = 'remove' | 'default' | 'rename' | 'codes';

/**
 * The keys of the rows that are no method's: the default, and the offer of a first set of recovery codes. A colon is
 * in no method's id (registrations.ts), so a method whose id is "default" or "codes" keeps its row to itself.
 */
export const DEFAULT_ROW = ':default';
export const FIRST_CODES_ROW = ':codes';

/** Why a change failed: the adapter's error, or `not-signed-in` when the host's sign-in was given up. */
export type FailureCode = SecurityInfoErrorCode | 'not-signed-in';

export type RowState =
  | { state: 'pending' }
  | { state: 'signing-in' }
  | { state: 'failed'; code: FailureCode; retryAfterSeconds?: number | undefined };

export interface OperationsOptions {
  adapter(): SecurityInfoAdapter | undefined;
  timeout(): number;
  /** The change was made; for `codes`, with the new codes (shown once, then dropped). */
  done(operation: Operation, id: string, codes?: RecoveryCodes): void;
  /** The change was refused in a way that says the list is out of date (`method-required`). */
  stale(operation: Operation, id: string): void;
}

/** New recovery codes as the contract has them: a list of codes, none empty; anything else is a broken backend. */
function readCodes(answer: RecoveryCodes): RecoveryCodes {
  const codes: unknown = answer?.codes;
  if (!Array.isArray(codes) || codes.length === 0 || !codes.every((code) => typeof code === 'string' && code))
    throw new SecurityInfoError('unknown', 'The backend answered without recovery codes.');
  return answer;
}

export class OperationsController implements ReactiveController {
  private readonly rows = new Map<string, RowState>();
  private readonly lock: IntentLock<string>;
  private controller: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: OperationsOptions,
  ) {
    this.lock = new IntentLock({ host });
    host.addController(this);
  }

  /** What is under way or went wrong at a row (a method's id, or one of the keys above). */
  row(key: string): RowState | undefined {
    return this.rows.get(key);
  }

  /** Whether a change is under way anywhere on the page. */
  get busy(): boolean {
    return this.lock.current !== undefined;
  }

  /**
   * Removes the method `id`, makes it the default, renames it (to `name`), or makes new recovery codes (`id` their
   * registration's, or FIRST_CODES_ROW for the first set); nothing while another change runs.
   */
  run(operation: Operation, id: string, name = ''): void {
    const key = operation === 'default' ? DEFAULT_ROW : id;
    if (!this.lock.take(key)) return;
    this.rows.delete(DEFAULT_ROW);
    for (const [row, state] of this.rows) if (state.state === 'failed') this.rows.delete(row);
    void this.perform(operation, id, key, false, name);
  }

  /** Forgets a row's failure, as when the person starts that change again. */
  forget(key: string): void {
    if (this.rows.get(key)?.state === 'failed' && this.rows.delete(key)) this.host.requestUpdate();
  }

  private set(key: string, state: RowState | undefined): void {
    if (state) this.rows.set(key, state);
    else this.rows.delete(key);
    this.host.requestUpdate();
  }

  private async perform(
    operation: Operation,
    id: string,
    key: string,
    afterSignIn: boolean,
    name: string,
  ): Promise<void> {
    const controller = (this.controller = new AbortController());
    const adapter = this.options.adapter()!;
    this.set(key, { state: 'pending' });
    try {
      const answer = await callAdapter<RecoveryCodes | void>(
        (signal) =>
          operation === 'remove'
            ? adapter.removeMethod!({ id }, { signal })
            : operation === 'rename'
              ? adapter.renameMethod!({ id, name }, { signal })
              : operation === 'codes'
                ? adapter.generateRecoveryCodes!({ signal }).then(readCodes)
                : adapter.setDefaultMethod!({ id }, { signal }),
        controller,
        this.options.timeout(),
      );
      if (controller !== this.controller) return;
      this.settle(key);
      this.options.done(operation, id, answer || undefined);
    } catch (caught) {
      if (controller !== this.controller) return;
      const { error, context } = caught as CallFailure;
      const { code, retryAfterSeconds } = toSecurityInfoError(error, context);
      if (isSignInReason(code) && !afterSignIn) {
        const outcome = await askToSignIn(this.host, code, () => this.set(key, { state: 'signing-in' }));
        if (controller !== this.controller) return;
        if (outcome === 'signed-in') return this.perform(operation, id, key, true, name);
        if (outcome !== 'unanswered') return this.settle(key, outcome === 'handled' ? undefined : 'not-signed-in');
      }
      this.settle(key, code, retryAfterSeconds);
      if (code === 'method-required') this.options.stale(operation, id);
    }
  }

  private settle(key: string, code?: FailureCode, retryAfterSeconds?: number): void {
    this.controller = undefined;
    this.lock.release();
    this.set(key, code ? { state: 'failed', code, retryAfterSeconds } : undefined);
  }

  hostDisconnected(): void {
    this.controller?.abort(new DOMException('The page was left.', 'AbortError'));
    this.controller = undefined;
    this.lock.release();
    this.rows.clear();
  }
}
