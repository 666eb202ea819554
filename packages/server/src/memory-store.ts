/**
 * The store in this process's memory: the handler's default as a library (edge runtimes, tests). One transaction
 * runs at a time, which makes each atomic within the process; nothing is shared with other processes or survives
 * a restart, so it serves one instance only.
 */
import { createRateLog } from './rate-log.js';
import {
  CHALLENGE_GRACE_MS,
  FAILURE_MEMORY_MS,
  NO_FAILURES,
  type AuditEntry,
  type FailureState,
  type SecurityInfoStore,
  type StoreTransaction,
  type StoredChallenge,
  type StoredMethod,
} from './store.js';

export interface MemoryStore extends SecurityInfoStore {
  /** How many entries it holds: what the sweep keeps flat. */
  stats(): { challenges: number; rateKeys: number; failures: number };
}

const copyChallenge = (challenge: StoredChallenge): StoredChallenge => ({
  ...challenge,
  codeHash: challenge.codeHash && new Uint8Array(challenge.codeHash),
  data: structuredClone(challenge.data),
});
const copyMethod = (method: StoredMethod): StoredMethod => ({ ...method, data: structuredClone(method.data) });

/** A staged failure count's key: its user and client key. */
const failureKey = (userId: string, client: string) => JSON.stringify([userId, client]);

export function createMemoryStore(): MemoryStore {
  const challenges = new Map<string, StoredChallenge>();
  const rates = createRateLog();
  // By user, then by client key ('' for the count strangers share; see challenges.ts).
  const failures = new Map<string, Map<string, FailureState>>();
  const methods = new Map<string, StoredMethod[]>();
  const defaults = new Map<string, string>();
  const audit: AuditEntry[] = [];
  let nextAuditId = 1;
  let closed = false;
  // Transactions run one after another: the tail of the queue.
  let queue: Promise<unknown> = Promise.resolve();

  function begin(): { tx: StoreTransaction; commit(): void } {
    // Writes are staged and applied only when the work succeeds, so a failed transaction leaves nothing behind.
    const staged: (() => void)[] = [];
    const stagedChallenges = new Map<string, StoredChallenge>();
    const stagedMethods = new Map<string, StoredMethod[]>();
    const stagedFailures = new Map<string, FailureState>();
    const stagedDefaults = new Map<string, string | null>();
    // Entries added, with the ids they will have: transactions run one at a time, so no other takes them first.
    const stagedAudit: AuditEntry[] = [];
    let added = 0;
    // Users deleted by this transaction: what it reads of them is only what it wrote after.
    const erased = new Set<string>();
    // Users whose challenges this transaction deleted: it sees only the ones it put after.
    const withoutChallenges = new Set<string>();
    const userMethods = (userId: string) => stagedMethods.get(userId) ?? methods.get(userId) ?? [];
    const tx: StoreTransaction = {
      async getChallenge(id) {
        const staged = stagedChallenges.get(id);
        const committed = challenges.get(id);
        const gone = committed && (erased.has(committed.userId) || withoutChallenges.has(committed.userId));
        const found = staged ?? (gone ? undefined : committed);
        return found && copyChallenge(found);
      },
      async putChallenge(challenge) {
        const copy = copyChallenge(challenge);
        stagedChallenges.set(copy.id, copy);
        staged.push(() => challenges.set(copy.id, copy));
      },
      async consume(charges, now) {
        // The rate log decides and counts at once; a failed transaction after it keeps the count, which errs on
        // the side of refusing.
        return rates.consume(charges, now);
      },
      async getFailures(userId, client = '') {
        const committed = erased.has(userId) ? undefined : failures.get(userId)?.get(client);
        return { ...(stagedFailures.get(failureKey(userId, client)) ?? committed ?? NO_FAILURES) };
      },
      async putFailures(userId, state, client = '') {
        const copy = { ...state };
        stagedFailures.set(failureKey(userId, client), copy);
        staged.push(() => {
          const byClient = failures.get(userId) ?? new Map<string, FailureState>();
          if (copy.count === 0 && copy.lockedUntil === 0 && !copy.lastSuccessAt) byClient.delete(client);
          else byClient.set(client, copy);
          if (byClient.size) failures.set(userId, byClient);
          else failures.delete(userId);
        });
      },
      async lockUser() {
        // One transaction at a time already.
      },
      async listMethods(userId) {
        return userMethods(userId).map(copyMethod);
      },
      async findPasskey(credentialId) {
        const users = new Set([...methods.keys(), ...stagedMethods.keys()]);
        for (const userId of users) {
          const found = userMethods(userId).find(
            (method) => method.kind === 'passkey' && method.data.credentialId === credentialId,
          );
          if (found) return copyMethod(found);
        }
        return undefined;
      },
      async putMethod(method) {
        const list = userMethods(method.userId).filter((existing) => existing.id !== method.id);
        const next = [...list, copyMethod(method)].sort((a, b) => a.addedAt - b.addedAt || (a.id < b.id ? -1 : 1));
        stagedMethods.set(method.userId, next);
        staged.push(() => methods.set(method.userId, next));
      },
      async deleteMethod(userId, id) {
        const list = userMethods(userId);
        const next = list.filter((method) => method.id !== id);
        if (next.length === list.length) return false;
        stagedMethods.set(userId, next);
        staged.push(() => (next.length ? methods.set(userId, next) : methods.delete(userId)));
        return true;
      },
      async getDefaultMethod(userId) {
        return stagedDefaults.has(userId) ? stagedDefaults.get(userId)! : (defaults.get(userId) ?? null);
      },
      async setDefaultMethod(userId, methodId) {
        stagedDefaults.set(userId, methodId);
        staged.push(() => (methodId === null ? defaults.delete(userId) : defaults.set(userId, methodId)));
      },
      async addAudit(entry) {
        const stored = { ...entry, id: nextAuditId + added++ };
        stagedAudit.push(stored);
        staged.push(() => {
          audit.push(stored);
          nextAuditId = stored.id + 1;
        });
      },
      async listAudit({ userId, after = 0, limit }) {
        return [...audit.filter((entry) => !erased.has(entry.userId)), ...stagedAudit]
          .filter((entry) => entry.id! > after && (userId === undefined || entry.userId === userId))
          .slice(0, limit)
          .map((entry) => ({ ...entry }));
      },
      async deleteChallenges(userId) {
        withoutChallenges.add(userId);
        for (const [id, challenge] of stagedChallenges) if (challenge.userId === userId) stagedChallenges.delete(id);
        staged.push(() => {
          for (const [id, challenge] of challenges) if (challenge.userId === userId) challenges.delete(id);
        });
      },
      async deleteUser(userId) {
        // What this transaction wrote of the user before goes too; what it writes after stays.
        erased.add(userId);
        stagedMethods.set(userId, []);
        stagedDefaults.set(userId, null);
        for (const key of stagedFailures.keys()) if (JSON.parse(key)[0] === userId) stagedFailures.delete(key);
        for (const [id, challenge] of stagedChallenges) if (challenge.userId === userId) stagedChallenges.delete(id);
        for (let i = stagedAudit.length - 1; i >= 0; i--)
          if (stagedAudit[i]!.userId === userId) stagedAudit.splice(i, 1);
        staged.push(() => {
          methods.delete(userId);
          defaults.delete(userId);
          failures.delete(userId);
          for (const [id, challenge] of challenges) if (challenge.userId === userId) challenges.delete(id);
          for (let i = audit.length - 1; i >= 0; i--) if (audit[i]!.userId === userId) audit.splice(i, 1);
        });
      },
    };
    return { tx, commit: () => staged.forEach((apply) => apply()) };
  }

  return {
    stats: () => ({ challenges: challenges.size, rateKeys: rates.size(), failures: failures.size }),
    transaction(work) {
      if (closed) return Promise.reject(new Error('the store is closed'));
      const run = queue.then(async () => {
        const { tx, commit } = begin();
        const result = await work(tx);
        commit();
        return result;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    async sweep(now) {
      for (const [id, challenge] of challenges) {
        if (challenge.expiresAt + CHALLENGE_GRACE_MS < now) challenges.delete(id);
      }
      rates.sweep(now);
      // A user's count stays until a success clears it (NIST counts consecutive failures), or for 30 days.
      for (const [userId, byClient] of failures) {
        for (const [client, state] of byClient) {
          const last = Math.max(state.lastFailureAt, state.lastSuccessAt ?? 0);
          if (state.lockedUntil <= now && last + FAILURE_MEMORY_MS <= now) byClient.delete(client);
        }
        if (!byClient.size) failures.delete(userId);
      }
    },
    async ping() {
      if (closed) throw new Error('the store is closed');
    },
    async close() {
      closed = true;
    },
  };
}
