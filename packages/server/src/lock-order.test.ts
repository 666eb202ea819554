/**
 * The order in which transactions take their locks, on a real PostgreSQL server: a check holds its challenge's row and
 * the person's counts of wrong answers when it takes the person's lock, so every transaction that takes both takes
 * them in that order. Taken the other way, PostgreSQL finds a deadlock after a second and aborts one side, which the
 * store then runs again: no request fails, but one waits a second and runs twice, and these tests count the runs.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SecurityInfoPolicy } from '@security-info/core';
import { openPostgresStore, type PostgresStore } from './postgres-store.js';
import type { SecurityInfoStore, StoreTransaction } from './store.js';
import { startPostgres, type TestPostgres } from './test-postgres.js';
import { requester, setup } from './test-support.js';

const TOKEN = 'sign-in-service-credential-of-32-characters-or-more';
const POLICY: SecurityInfoPolicy = {
  methods: [{ id: 'phone', purposes: ['mfa', 'password-reset'] }],
  recoveryCodes: true,
};

/**
 * `store`, with every transaction and every run of one's work counted, and, once armed, the race set up: a check's
 * transaction stops where it would take the person's lock, holding what it read before (its challenge, the person's
 * counts of wrong answers), until the helpdesk's transaction has done its first step, or for half a second when that
 * step waits for the check. Each then goes on to take what it needs, which the other may hold.
 */
function racing(store: SecurityInfoStore) {
  const state = { transactions: 0, runs: 0, armed: false };
  let held!: () => void;
  let stepped!: () => void;
  const holding = new Promise<void>((resolve) => (held = resolve));
  const helpdeskStepped = new Promise<void>((resolve) => (stepped = resolve));
  const pausing = (tx: StoreTransaction): StoreTransaction => {
    const calls: string[] = [];
    return new Proxy(tx, {
      get(target, name: string) {
        const original = Reflect.get(target, name) as (...args: unknown[]) => Promise<unknown>;
        return async (...args: unknown[]) => {
          if (state.armed && name === 'lockUser' && calls.includes('getFailures') && !calls.includes('lockUser')) {
            held();
            await Promise.race([helpdeskStepped, new Promise((resolve) => setTimeout(resolve, 500))]);
          }
          const result = await original.apply(target, args);
          calls.push(name);
          if (state.armed && calls.length === 1 && ['lockUser', 'deleteUser', 'deleteChallenges'].includes(name))
            stepped();
          return result;
        };
      },
    });
  };
  const watched: SecurityInfoStore = Object.assign(Object.create(store) as SecurityInfoStore, {
    transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
      state.transactions++;
      return store.transaction((tx) => {
        state.runs++;
        return work(pausing(tx));
      });
    },
  });
  return { store: watched, state, holding };
}

describe('locks on PostgreSQL: a helpdesk reset or an erasure racing a check', () => {
  let postgres: TestPostgres;
  let store: PostgresStore;
  before(async () => {
    postgres = await startPostgres();
    store = await openPostgresStore({ connectionString: postgres.connectionString, max: 6 });
  });
  after(async () => {
    await store?.close();
    await postgres?.stop();
  });

  function server() {
    const watched = racing(store);
    const server = setup({ store: watched.store, policy: POLICY, serviceCredentials: { 'sign-in': TOKEN } });
    const call = requester(server.handler);
    const service = (method: string, path: string, json?: unknown) =>
      call(method, `/service${path}`, json, { user: null, headers: { authorization: `Bearer ${TOKEN}` } });
    const methods = async (user: string) =>
      ((await (await call('GET', '/methods', undefined, { user })).json()) as { methods: unknown[] }).methods;
    /**
     * Runs `check` and, once it would take the person's lock, the helpdesk's `removal`: the check answers one of
     * `checkStatus`, the removal 204, and no transaction runs twice.
     */
    async function race(check: () => Promise<Response>, removal: () => Promise<Response>, ...checkStatus: number[]) {
      Object.assign(watched.state, { armed: true, transactions: 0, runs: 0 });
      const checking = check();
      await watched.holding;
      const [checked, removed] = await Promise.all([checking, removal()]);
      watched.state.armed = false;
      assert.ok(checkStatus.includes(checked.status), `${checked.status}: ${await checked.clone().text()}`);
      assert.equal(removed.status, 204, await removed.clone().text());
      const { transactions, runs } = watched.state;
      assert.equal(runs, transactions, 'a transaction was aborted to break a deadlock, and run again');
    }
    return { ...server, call, service, methods, race };
  }

  const removals = [
    ['an erasure', (user: string) => `/users/${user}`],
    ['a helpdesk reset', (user: string) => `/users/${user}/methods`],
  ] as const;

  for (const [what, path] of removals) {
    it(`lets ${what} and a right code's check meet without a deadlock, each run once`, async () => {
      const user = `phone-${what.length}`;
      const s = server();
      const challengeId = await s.start('+31612345678', 'sms', { user });
      const code = s.lastCode();
      // The check held its challenge first: it registers the phone, and the helpdesk, waiting for that row, then
      // removes it.
      await s.race(
        () => s.verify(challengeId, code, { user }),
        () => s.service('DELETE', path(user)),
        204,
      );
      assert.deepEqual(await s.methods(user), []);
    });

    it(`lets ${what} and a recovery code's check, with wrong answers counted, meet without a deadlock`, async () => {
      const user = `recovery-${what.length}`;
      const s = server();
      const generated = await s.post('/recovery-codes', {}, { user });
      assert.equal(generated.status, 201, await generated.clone().text());
      const { codes, method } = (await generated.json()) as { codes: string[]; method: { id: string } };
      const use = (code: string) => s.service('POST', `/users/${user}/methods/${method.id}/verify`, { code });
      // A wrong code first: the person's count of wrong answers has a row, which the check then holds.
      assert.equal((await use('AAAAA-AAAAA-AAAAA')).status, 422);
      // Which of the two takes the person's lock first is not fixed: the code is used, or was removed meanwhile.
      await s.race(
        () => use(codes[0]!),
        () => s.service('DELETE', path(user)),
        200,
        409,
      );
      assert.deepEqual(await s.methods(user), []);
    });
  }
});
