/**
 * A person's registered methods: what they are, which can be removed now and why not, the default sign-in method,
 * registering a verified method (in the transaction that verified it), removing and replacing methods, and the
 * audit entry and notice every change leaves.
 */
import { methodPurposes, type MethodKind, type Registrations } from '@security-info/core';
import type { Caller } from './challenges.js';
import { randomId } from './codes.js';
import { Refusal } from './http.js';
import { requireAllowed } from './limits.js';
import type { ResolvedOptions, SensitiveOperation } from './options.js';
import { describeError } from './redact.js';
import {
  phoneChannel,
  type AuditAction,
  type AuditEntry,
  type StoreTransaction,
  type StoredChallenge,
  type StoredMethod,
} from './store.js';
import { within } from './timeout.js';

/** The ids of the questions a security-questions method holds answers to. */
export const questionIdsOf = (method: StoredMethod): string[] =>
  (Array.isArray(method.data.answers) ? method.data.answers : []).map((answer: { questionId?: unknown }) =>
    String(answer.questionId),
  );

/** How many codes of a registered set of recovery codes are left (a used one's hash is `null`), of how many. */
export function recoveryCodesLeft(method: StoredMethod): { remaining: number; total: number } {
  const hashes = Array.isArray(method.data.hashes) ? (method.data.hashes as unknown[]) : [];
  return { remaining: hashes.filter((hash) => typeof hash === 'string').length, total: hashes.length };
}

export const notFound = () => new Refusal(404, 'unknown', 'No such method.');

export function createRegistrations(options: ResolvedOptions) {
  const { policy, clock: now } = options;
  const wait = <T>(work: Promise<T> | T, what: string) => within(work, options.dependencyTimeoutMs, what);

  const purposesOf = (kind: MethodKind) => methodPurposes(kind, policy);
  const servesMfa = (method: StoredMethod) => purposesOf(method.kind).includes('mfa');

  /** Whether removing `method` would leave fewer two-step methods than the organization requires. */
  function required(method: StoredMethod, all: readonly StoredMethod[]): boolean {
    if (!servesMfa(method)) return false;
    return all.filter(servesMfa).length <= options.minimumMfaMethods;
  }

  /** The list as the contract answers it. */
  async function view(tx: StoreTransaction, userId: string): Promise<Registrations> {
    const methods = await tx.listMethods(userId);
    const defaultMethodId = await tx.getDefaultMethod(userId);
    return {
      methods: methods.map((method) => {
        const isRequired = required(method, methods);
        return {
          id: method.id,
          kind: method.kind,
          addedAt: new Date(method.addedAt).toISOString(),
          lastUsedAt: method.lastUsedAt === null ? null : new Date(method.lastUsedAt).toISOString(),
          purposes: purposesOf(method.kind),
          removable: !isRequired,
          ...(isRequired ? { notRemovableReason: 'method-required' as const } : {}),
          ...(method.kind === 'phone' && method.phoneNumber && method.channel
            ? { phone: { phoneNumber: method.phoneNumber, channel: method.channel } }
            : {}),
          ...(method.kind === 'email' && typeof method.data.address === 'string'
            ? { email: { address: method.data.address } }
            : {}),
          // Which questions were answered, never the answers' hashes.
          ...(method.kind === 'security-questions' && Array.isArray(method.data.answers)
            ? { securityQuestions: { questionIds: questionIdsOf(method) } }
            : {}),
          // A passkey's name and what it says of itself; never its credential id or public key.
          ...(method.kind === 'passkey'
            ? {
                passkey: {
                  name: typeof method.data.name === 'string' ? method.data.name : 'Passkey',
                  backedUp: method.data.backedUp === true,
                  transports: Array.isArray(method.data.transports) ? method.data.transports.map(String) : [],
                },
              }
            : {}),
          // How many codes are left, never the codes or their hashes.
          ...(method.kind === 'recovery-codes' ? { recoveryCodes: recoveryCodesLeft(method) } : {}),
        };
      }),
      // A default the policy no longer lets serve two-step verification is no default.
      defaultMethodId: methods.some((method) => method.id === defaultMethodId && servesMfa(method))
        ? defaultMethodId
        : null,
    };
  }

  /** Refuses a sensitive operation without a recent sign-in, when the host asks for one. */
  async function requireRecent(caller: Caller, operation: SensitiveOperation, firstMethod = false): Promise<void> {
    if (!options.recentAuthentication || !options.reauthenticate.has(operation) || caller.actor !== 'user') return;
    if (operation === 'add' && firstMethod) return;
    const recent = await wait(options.recentAuthentication(caller.request), 'recentAuthentication');
    if (recent !== true)
      throw new Refusal(403, 'reauthentication-required', 'Sign in again to change your security info.');
  }

  function audit(tx: StoreTransaction, caller: Caller, action: AuditAction, method: StoredMethod | null, extra = {}) {
    const entry: AuditEntry = {
      userId: caller.userId,
      action,
      at: now(),
      actor: caller.actor,
      client: caller.client,
      methodId: method?.id ?? null,
      kind: method?.kind ?? null,
      ...extra,
    };
    return tx.addAudit(entry);
  }

  /**
   * Counts a change that adds no method (a name, the default) in a budget of the person's own, apart from
   * enrollment's: each leaves an audit entry that nothing removes, so uncounted, a session repeating one in a loop
   * would write rows without end. Charged in the change's transaction, after its checks: a refused change costs none.
   */
  async function chargeChange(tx: StoreTransaction, caller: Caller): Promise<void> {
    const charges = [{ key: `change:${caller.userId}`, windows: options.limits.sendsPerUser }];
    requireAllowed(await tx.consume(charges, now()), 'Too many changes: wait before trying again.');
  }

  /** After a commit: tell the host, which tells the person. A notice never undoes the change. */
  function notify(userId: string, action: AuditAction, method: StoredMethod | null): void {
    const onNotice = options.onNotice;
    if (!onNotice) return;
    const notice = { userId, action, methodId: method?.id ?? null, kind: method?.kind ?? null, at: now() };
    wait(
      Promise.resolve().then(() => onNotice(notice)),
      'onNotice',
    ).catch((error) => options.logger.error(`[security-info] onNotice failed: ${describeError(error)}`));
  }

  /** `notify` of a registration of `userId`'s once it is committed: what an enrollment tells after its commit. */
  const tellFor =
    (userId: string) =>
    ({ action, method }: { action: AuditAction; method: StoredMethod }): void =>
      notify(userId, action, method);

  /** Makes the new default the oldest remaining two-step method, when the default is gone or was never set. */
  async function keepDefault(tx: StoreTransaction, userId: string): Promise<void> {
    const methods = await tx.listMethods(userId);
    const current = await tx.getDefaultMethod(userId);
    if (current && methods.some((method) => method.id === current && servesMfa(method))) return;
    await tx.setDefaultMethod(userId, methods.find(servesMfa)?.id ?? null);
  }

  /**
   * Registers a verified method, inside the transaction that verified it: a new method, the same one updated when
   * `same` finds it among the person's (it keeps its id and history), or, with `replaces` (one of the person's
   * methods of the same kind), the new one put in its place in one step, keeping its place as the default.
   */
  async function registerMethod(
    tx: StoreTransaction,
    caller: Caller,
    request: {
      kind: MethodKind;
      replaces: string | null;
      fields: Pick<StoredMethod, 'phoneNumber' | 'channel' | 'data'>;
      same?: (method: StoredMethod) => boolean;
      /** A person has at most one method of this kind: the one they have is replaced, named in `replaces` or not. */
      single?: boolean;
      /** A person has at most this many methods of this kind: with as many, a new one is refused (409). */
      max?: { count: number; refusal: () => Refusal };
    },
  ): Promise<{ method: StoredMethod; replaced: StoredMethod | null; action: AuditAction }> {
    const { kind, replaces, fields } = request;
    await tx.lockUser(caller.userId);
    const methods = await tx.listMethods(caller.userId);
    const replaced = replaces
      ? methods.find((method) => method.id === replaces)
      : request.single
        ? methods.find((method) => method.kind === kind)
        : undefined;
    if (replaces && (!replaced || replaced.kind !== kind))
      throw new Refusal(
        409,
        'unknown',
        `The ${kind === 'phone' ? 'phone' : 'method'} to replace is no longer registered.`,
      );
    const same = request.same && methods.find((method) => method.kind === kind && request.same!(method));
    // Counted under the person's lock: registrations finishing at once cannot all take the last place.
    const { max } = request;
    if (max && !same && !replaced && methods.filter((method) => method.kind === kind).length >= max.count)
      throw max.refusal();
    // Replaced by a number or address registered already as another method, the replaced one is simply removed:
    // one method fewer, so it must not go below what the organization requires, as a removal would not.
    if (caller.actor === 'user' && same && replaced && same.id !== replaced.id && required(replaced, methods))
      throw new Refusal(
        409,
        'method-required',
        'This is registered already as another method: replacing would leave fewer two-step methods than the organization requires.',
      );
    await requireRecent(caller, replaced ? 'replace' : 'add', methods.length === 0);
    const method: StoredMethod = same
      ? { ...same, ...fields }
      : { id: randomId(), userId: caller.userId, kind, addedAt: now(), lastUsedAt: null, ...fields };
    const action: AuditAction = replaced ? 'method-replaced' : 'method-added';
    await tx.putMethod(method);
    if (replaced && replaced.id !== method.id) {
      const wasDefault = (await tx.getDefaultMethod(caller.userId)) === replaced.id;
      await tx.deleteMethod(caller.userId, replaced.id);
      if (wasDefault) await tx.setDefaultMethod(caller.userId, method.id);
    }
    await keepDefault(tx, caller.userId);
    await audit(tx, caller, action, method, replaced ? { replacedMethodId: replaced.id } : {});
    return { method, replaced: replaced ?? null, action };
  }

  /**
   * Registers a verified phone, inside the transaction that used its code up: a new method, the same number's
   * existing method updated, or (with `replaces`) the old number swapped for the new one in one step.
   */
  async function registerPhone(tx: StoreTransaction, caller: Caller, challenge: StoredChallenge) {
    const channel = phoneChannel(challenge);
    // The number already registered keeps its method (and its history); only the channel follows the new choice.
    return registerMethod(tx, caller, {
      kind: 'phone',
      replaces: challenge.methodId,
      fields: { phoneNumber: challenge.phoneNumber, channel, data: {} },
      same: (method) => method.phoneNumber === challenge.phoneNumber,
    });
  }

  /** The caller's methods and the one named `id`, with the user locked for the change; 404 when it is not theirs. */
  async function lockedMethod(tx: StoreTransaction, caller: Caller, id: string) {
    await tx.lockUser(caller.userId);
    const methods = await tx.listMethods(caller.userId);
    const method = methods.find((candidate) => candidate.id === id);
    if (!method) throw notFound();
    return { methods, method };
  }

  async function remove(tx: StoreTransaction, caller: Caller, id: string): Promise<StoredMethod> {
    const { methods, method } = await lockedMethod(tx, caller, id);
    if (caller.actor === 'user' && required(method, methods))
      throw new Refusal(
        409,
        'method-required',
        'Removing this method would leave fewer two-step methods than the organization requires: add another first.',
      );
    await requireRecent(caller, 'remove');
    await tx.deleteMethod(caller.userId, id);
    await keepDefault(tx, caller.userId);
    await audit(tx, caller, 'method-removed', method);
    return method;
  }

  async function setDefault(tx: StoreTransaction, caller: Caller, id: string): Promise<StoredMethod> {
    const { method } = await lockedMethod(tx, caller, id);
    if (!servesMfa(method))
      throw new Refusal(
        422,
        'unknown',
        'This method cannot be the default sign-in method: it cannot serve two-step verification.',
      );
    await requireRecent(caller, 'set-default');
    await chargeChange(tx, caller);
    await tx.setDefaultMethod(caller.userId, id);
    await audit(tx, caller, 'default-changed', method);
    return method;
  }

  /** Renames one of the caller's passkeys (the only methods with a name). */
  async function rename(tx: StoreTransaction, caller: Caller, id: string, name: string): Promise<StoredMethod> {
    const { method } = await lockedMethod(tx, caller, id);
    if (method.kind !== 'passkey') throw new Refusal(422, 'unknown', 'Only a passkey has a name to change.');
    await chargeChange(tx, caller);
    const renamed = { ...method, data: { ...method.data, name } };
    await tx.putMethod(renamed);
    await audit(tx, caller, 'method-renamed', renamed);
    return renamed;
  }

  /**
   * Removes every method of a user (a helpdesk reset through the service API), and every challenge they have under
   * way: a code sent, an app's secret shown or a passkey ceremony begun before the reset, perhaps by whoever the reset
   * shuts out, registers nothing and signs no one in after it. The challenges go first: a check holds its challenge's
   * row while it waits for the user's lock, so the other order could deadlock with it.
   */
  async function reset(tx: StoreTransaction, caller: Caller): Promise<number> {
    await tx.deleteChallenges(caller.userId);
    await tx.lockUser(caller.userId);
    const methods = await tx.listMethods(caller.userId);
    for (const method of methods) await tx.deleteMethod(caller.userId, method.id);
    await tx.setDefaultMethod(caller.userId, null);
    await audit(tx, caller, 'methods-reset', null);
    return methods.length;
  }

  /**
   * Deletes everything kept about a user, and records that it was done. The store takes the user's lock itself, after
   * the user's challenges and counts of wrong answers: a check holds those while it waits for the user's lock, so
   * taking the lock first could deadlock with it.
   */
  async function erase(tx: StoreTransaction, caller: Caller): Promise<void> {
    await tx.deleteUser(caller.userId);
    await audit(tx, caller, 'user-erased', null);
  }

  return {
    view,
    audit,
    registerMethod,
    registerPhone,
    remove,
    rename,
    setDefault,
    reset,
    erase,
    notify,
    tellFor,
    requireRecent,
    servesMfa,
  };
}

export type RegistrationsApi = ReturnType<typeof createRegistrations>;
