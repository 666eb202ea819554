/**
 * What every store must do, written once and run on each: the memory store, PGlite (in memory) and a real
 * PostgreSQL server. The databases take seconds to start, so each starts once for this file, at once, and the
 * tests share it: every test uses its own users, keys and challenge ids.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { createMemoryStore } from './memory-store.js';
import { openPGliteStore } from './pglite-store.js';
import { openPostgresStore, postgresClient } from './postgres-store.js';
import { MIGRATIONS, migrate } from './sql-schema.js';
import {
  CHALLENGE_GRACE_MS,
  FAILURE_MEMORY_MS,
  NO_FAILURES,
  type AuditEntry,
  type RateCharge,
  type SecurityInfoStore,
  type StoredChallenge,
  type StoredMethod,
} from './store.js';
import { startPostgres, type TestPostgres } from './test-postgres.js';

const T = Date.UTC(2026, 0, 1);
const MINUTE = 60_000;

let counter = 0;
/** A name no other test uses, as the tests share a database. */
const unique = (what: string) => `${what}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

const challenge = (overrides: Partial<StoredChallenge> = {}): StoredChallenge => ({
  id: unique('challenge'),
  userId: unique('user'),
  purpose: 'enroll',
  kind: 'phone',
  phoneNumber: '+31612345678',
  region: 'NL',
  channel: 'sms',
  methodId: null,
  codeHash: new Uint8Array([1, 2, 3, 250, 0, 255]),
  createdAt: T,
  expiresAt: T + 5 * MINUTE,
  resendAt: T + 30_000,
  sends: 1,
  attemptsLeft: 5,
  verified: false,
  data: {},
  ...overrides,
});

const method = (userId: string, overrides: Partial<StoredMethod> = {}): StoredMethod => ({
  id: unique('method'),
  userId,
  kind: 'phone',
  addedAt: T,
  lastUsedAt: null,
  phoneNumber: '+31612345678',
  channel: 'sms',
  data: {},
  ...overrides,
});

const auditEntry = (userId: string, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  userId,
  action: 'method-added',
  at: T,
  actor: 'user',
  client: 'address:192.0.2.1',
  methodId: null,
  kind: null,
  ...overrides,
});

/** The fields a caller reads, so that an entry compares the same whatever the store does with absent ones. */
const plainAudit = ({ id: _id, replacedMethodId, ...entry }: AuditEntry) => ({
  ...entry,
  replacedMethodId: replacedMethodId ?? null,
});

const perMinute = (key: string, max: number): RateCharge => ({ key, windows: [{ max, windowSeconds: 60 }] });

/** Resolves when `count` callers have arrived, or after `ms` for a store that runs one transaction at a time. */
function meeting(count: number, ms: number) {
  let arrived = 0;
  let release!: () => void;
  const all = new Promise<void>((resolve) => (release = resolve));
  return () => {
    if (++arrived === count) release();
    return Promise.race([all, new Promise<void>((resolve) => setTimeout(resolve, ms))]);
  };
}

interface Fixture {
  open(): Promise<SecurityInfoStore>;
  /** How many rate events of a key the database holds, where the test can look. */
  rateEvents?(key: string): Promise<number>;
}

/** The contract: every store runs it. */
function storeContract(name: string, fixture: Fixture) {
  describe(name, () => {
    let store: SecurityInfoStore;
    before(async () => {
      store = await fixture.open();
    });
    after(() => store?.close());

    describe('challenges', () => {
      it('keeps a challenge as it was put, code hash included', async () => {
        const put = challenge({ purpose: 'sign-in', methodId: 'm1', channel: 'voice', verified: true });
        await store.transaction((tx) => tx.putChallenge(put));
        const got = await store.transaction((tx) => tx.getChallenge(put.id));
        assert.deepEqual(got, put);
        assert.equal(Object.getPrototypeOf(got!.codeHash), Uint8Array.prototype);
      });

      it('keeps the kind and data of an email challenge and of an authenticator app challenge', async () => {
        const email = challenge({
          kind: 'email',
          phoneNumber: '',
          region: '',
          channel: 'email',
          data: { email: 'ana@example.com' },
        });
        const app = challenge({
          kind: 'authenticator-app',
          phoneNumber: '',
          region: '',
          codeHash: null,
          data: { secret: { v: 1, box: 'AAECAw' }, nested: [1, 'two', null] },
        });
        await store.transaction(async (tx) => {
          await tx.putChallenge(email);
          await tx.putChallenge(app);
        });
        assert.deepEqual(await store.transaction((tx) => tx.getChallenge(email.id)), email);
        assert.deepEqual(await store.transaction((tx) => tx.getChallenge(app.id)), app);
      });

      it('replaces the data of a challenge put again', async () => {
        const first = challenge({ kind: 'authenticator-app', data: { secret: 'one', extra: true } });
        await store.transaction((tx) => tx.putChallenge(first));
        const second = { ...first, data: { secret: 'two' } };
        await store.transaction((tx) => tx.putChallenge(second));
        assert.deepEqual(await store.transaction((tx) => tx.getChallenge(first.id)), second);
      });

      it('hands out data a caller can change without changing what is stored', async () => {
        const put = challenge({ kind: 'email', channel: 'email', data: { email: 'ana@example.com' } });
        await store.transaction((tx) => tx.putChallenge(put));
        const got = await store.transaction((tx) => tx.getChallenge(put.id));
        got!.data.email = 'mallory@example.com';
        assert.deepEqual((await store.transaction((tx) => tx.getChallenge(put.id)))!.data, {
          email: 'ana@example.com',
        });
      });

      it('keeps a challenge without a usable code', async () => {
        const put = challenge({ codeHash: null });
        await store.transaction((tx) => tx.putChallenge(put));
        assert.deepEqual(await store.transaction((tx) => tx.getChallenge(put.id)), put);
      });

      it('answers undefined for an unknown id', async () => {
        assert.equal(await store.transaction((tx) => tx.getChallenge(unique('challenge'))), undefined);
      });

      it('replaces a challenge put again under its id', async () => {
        const first = challenge();
        await store.transaction((tx) => tx.putChallenge(first));
        const second = { ...first, sends: 2, attemptsLeft: 3, resendAt: T + MINUTE, codeHash: new Uint8Array([9]) };
        await store.transaction((tx) => tx.putChallenge(second));
        assert.deepEqual(await store.transaction((tx) => tx.getChallenge(first.id)), second);
      });

      it('keeps a used enrollment challenge as its check leaves it: verified, its code hash and method kept', async () => {
        // A verify that succeeded writes its challenge used, then, once the method is registered, with what a
        // retry of it is known by: the code's hash and the method's id, in the same transaction.
        const put = challenge();
        await store.transaction((tx) => tx.putChallenge(put));
        const kept = { ...put, verified: true, data: { registered: 'm1' } };
        await store.transaction(async (tx) => {
          const current = await tx.getChallenge(put.id);
          await tx.putChallenge({ ...current!, verified: true, codeHash: null });
          await tx.putChallenge(kept);
        });
        assert.deepEqual(await store.transaction((tx) => tx.getChallenge(put.id)), kept);
      });

      it('sees its own writes inside the transaction', async () => {
        const put = challenge();
        const seen = await store.transaction(async (tx) => {
          await tx.putChallenge(put);
          return tx.getChallenge(put.id);
        });
        assert.deepEqual(seen, put);
      });
    });

    describe('transactions', () => {
      it('leave nothing behind when the work throws, and pass its error on', async () => {
        const userId = unique('user');
        const put = challenge({ userId });
        const failure = new Error('the work failed');
        await assert.rejects(
          store.transaction(async (tx) => {
            await tx.putChallenge(put);
            await tx.putFailures(userId, { count: 3, lockedUntil: 0, lastFailureAt: T });
            await tx.lockUser(userId);
            await tx.putMethod(method(userId, { id: 'm1' }));
            await tx.setDefaultMethod(userId, 'm1');
            await tx.addAudit(auditEntry(userId));
            throw failure;
          }),
          (error) => error === failure,
        );
        await store.transaction(async (tx) => {
          assert.equal(await tx.getChallenge(put.id), undefined);
          assert.deepEqual(await tx.getFailures(userId), NO_FAILURES);
          assert.deepEqual(await tx.listMethods(userId), []);
          assert.equal(await tx.getDefaultMethod(userId), null);
          assert.deepEqual(await tx.listAudit({ userId, limit: 10 }), []);
        });
      });

      it('answer what the work answers', async () => {
        assert.deepEqual(await store.transaction(async () => ({ answer: 42 })), { answer: 42 });
      });
    });

    describe('consume', () => {
      const consume = (charges: RateCharge[], at: number) => store.transaction((tx) => tx.consume(charges, at));

      it('allows max events in a window and says when the oldest leaves it', async () => {
        const key = unique('key');
        for (const at of [0, 10_000, 20_000])
          assert.deepEqual(await consume([perMinute(key, 3)], T + at), { allowed: true });
        assert.deepEqual(await consume([perMinute(key, 3)], T + 30_000), {
          allowed: false,
          key,
          retryAfterSeconds: 30,
        });
        // The window slides: at 60.001 s the first event has left it.
        assert.deepEqual(await consume([perMinute(key, 3)], T + 60_001), { allowed: true });
        assert.equal((await consume([perMinute(key, 3)], T + 60_002)).allowed, false);
      });

      it('checks every window: a short burst and a longer total', async () => {
        const key = unique('key');
        const charge: RateCharge = {
          key,
          windows: [
            { max: 2, windowSeconds: 60 },
            { max: 3, windowSeconds: 3600 },
          ],
        };
        assert.equal((await consume([charge], T)).allowed, true);
        assert.equal((await consume([charge], T + 1000)).allowed, true);
        assert.deepEqual(await consume([charge], T + 2000), { allowed: false, key, retryAfterSeconds: 58 });
        assert.equal((await consume([charge], T + 61_000)).allowed, true);
        assert.deepEqual(await consume([charge], T + 122_000), { allowed: false, key, retryAfterSeconds: 3478 });
      });

      it('says when every full window has room, the longest wait of all of them', async () => {
        const person: RateCharge = {
          key: unique('person'),
          windows: [
            { max: 2, windowSeconds: 60 },
            { max: 3, windowSeconds: 3600 },
          ],
        };
        const number = perMinute(unique('number'), 1);
        assert.equal((await consume([person], T)).allowed, true);
        assert.equal((await consume([person], T + 61_000)).allowed, true);
        assert.equal((await consume([person, number], T + 62_000)).allowed, true);
        // The person's minute is full until 121 s and its hour until 3,600 s; the number's minute until 122 s.
        assert.deepEqual(await consume([number, person], T + 63_000), {
          allowed: false,
          key: number.key,
          retryAfterSeconds: 3537,
        });
        assert.equal((await consume([number, person], T + 3_599_999)).allowed, false);
        assert.equal((await consume([number, person], T + 3_600_000)).allowed, true);
      });

      it('charges all keys or none', async () => {
        const full = perMinute(unique('full'), 1);
        const other = perMinute(unique('other'), 1);
        await consume([full], T);
        assert.deepEqual(await consume([other, full], T + 1000), {
          allowed: false,
          key: full.key,
          retryAfterSeconds: 59,
        });
        // The refused call spent nothing of the other key's budget.
        assert.deepEqual(await consume([other], T + 2000), { allowed: true });
        assert.equal((await consume([other], T + 3000)).allowed, false);
      });

      it('names the first full charge, in the order given', async () => {
        const a = perMinute(unique('a'), 1);
        const b = perMinute(unique('b'), 1);
        await consume([a, b], T);
        assert.deepEqual(await consume([b, a], T + 1000), { allowed: false, key: b.key, retryAfterSeconds: 59 });
      });

      it('waits at least a second', async () => {
        const key = unique('key');
        await consume([perMinute(key, 1)], T);
        assert.deepEqual(await consume([perMinute(key, 1)], T + 59_999), { allowed: false, key, retryAfterSeconds: 1 });
      });

      it('refuses a window with max 0 for the whole window, counting nothing', async () => {
        const open = perMinute(unique('open'), 1);
        const closed: RateCharge = { key: unique('closed'), windows: [{ max: 0, windowSeconds: 900 }] };
        assert.deepEqual(await consume([open, closed], T), { allowed: false, key: closed.key, retryAfterSeconds: 900 });
        assert.deepEqual(await consume([open], T + 1), { allowed: true });
      });

      it('counts a window with max 0 among the full ones, whatever comes after it', async () => {
        const closed: RateCharge = { key: unique('closed'), windows: [{ max: 0, windowSeconds: 10 }] };
        const full = perMinute(unique('full'), 1);
        await consume([full], T);
        assert.deepEqual(await consume([closed, full], T + 1000), {
          allowed: false,
          key: closed.key,
          retryAfterSeconds: 59,
        });
      });

      it('allows a call with no charges', async () => {
        assert.deepEqual(await consume([], T), { allowed: true });
      });
    });

    describe('failures', () => {
      it('start at none', async () => {
        assert.deepEqual(await store.transaction((tx) => tx.getFailures(unique('user'))), NO_FAILURES);
      });

      it('keep what was put, and a count of zero is none', async () => {
        const userId = unique('user');
        const state = { count: 4, lockedUntil: T + 15 * MINUTE, lastFailureAt: T };
        await store.transaction((tx) => tx.putFailures(userId, state));
        assert.deepEqual(await store.transaction((tx) => tx.getFailures(userId)), state);
        await store.transaction((tx) => tx.putFailures(userId, { count: 5, lockedUntil: 0, lastFailureAt: T + 1 }));
        assert.deepEqual(await store.transaction((tx) => tx.getFailures(userId)), {
          count: 5,
          lockedUntil: 0,
          lastFailureAt: T + 1,
        });
        await store.transaction((tx) => tx.putFailures(userId, { count: 0, lockedUntil: 0, lastFailureAt: T + 2 }));
        assert.deepEqual(await store.transaction((tx) => tx.getFailures(userId)), NO_FAILURES);
      });

      it('keep each client’s count and last right answer apart from the others’ and from the shared count', async () => {
        const userId = unique('user');
        const known = { count: 3, lockedUntil: T + MINUTE, lastFailureAt: T, lastSuccessAt: T - MINUTE };
        await store.transaction(async (tx) => {
          await tx.putFailures(userId, { count: 7, lockedUntil: 0, lastFailureAt: T });
          await tx.putFailures(userId, known, '203.0.113.7');
          await tx.putFailures(
            userId,
            { count: 0, lockedUntil: 0, lastFailureAt: 0, lastSuccessAt: T },
            '2001:db8:1::/48',
          );
        });
        await store.transaction(async (tx) => {
          assert.equal((await tx.getFailures(userId)).count, 7);
          assert.equal((await tx.getFailures(userId, '')).count, 7);
          assert.deepEqual(await tx.getFailures(userId, '203.0.113.7'), known);
          // No count, but a right answer: kept, for the address to stay known.
          assert.equal((await tx.getFailures(userId, '2001:db8:1::/48')).lastSuccessAt, T);
          assert.deepEqual(await tx.getFailures(userId, '198.51.100.1'), NO_FAILURES);
          assert.deepEqual(await tx.getFailures(unique('user'), '203.0.113.7'), NO_FAILURES);
        });
        await store.transaction((tx) => tx.putFailures(userId, NO_FAILURES, '203.0.113.7'));
        await store.transaction(async (tx) => {
          assert.deepEqual(await tx.getFailures(userId, '203.0.113.7'), NO_FAILURES);
          assert.equal((await tx.getFailures(userId)).count, 7);
          assert.equal((await tx.getFailures(userId, '2001:db8:1::/48')).lastSuccessAt, T);
        });
      });
    });

    describe('methods', () => {
      it('list a user’s methods oldest first, and only theirs', async () => {
        const userId = unique('user');
        const newer = method(userId, { addedAt: T + 2000 });
        const older = method(userId, { addedAt: T + 1000, kind: 'authenticator-app' });
        const sameTimeB = method(userId, { id: `${unique('m')}-b`, addedAt: T + 3000 });
        const sameTimeA = { ...sameTimeB, id: sameTimeB.id.replace(/-b$/, '-a') };
        await store.transaction(async (tx) => {
          for (const m of [newer, sameTimeB, older, sameTimeA]) await tx.putMethod(m);
          await tx.putMethod(method(unique('other-user')));
        });
        assert.deepEqual(await store.transaction((tx) => tx.listMethods(userId)), [older, newer, sameTimeA, sameTimeB]);
      });

      it('keep every field, JSON data included', async () => {
        const userId = unique('user');
        const put = method(userId, {
          kind: 'passkey',
          lastUsedAt: T + 5000,
          phoneNumber: null,
          channel: null,
          data: { credentialId: 'abc', counter: 7, transports: ['usb', 'nfc'], nested: { flag: true, none: null } },
        });
        await store.transaction((tx) => tx.putMethod(put));
        assert.deepEqual(await store.transaction((tx) => tx.listMethods(userId)), [put]);
      });

      it('replace a method put again under its id', async () => {
        const userId = unique('user');
        const put = method(userId);
        await store.transaction((tx) => tx.putMethod(put));
        const changed = { ...put, lastUsedAt: T + 9000, channel: 'voice' as const };
        await store.transaction((tx) => tx.putMethod(changed));
        assert.deepEqual(await store.transaction((tx) => tx.listMethods(userId)), [changed]);
      });

      it('find a passkey by its credential id, whoever holds it, and only a passkey', async () => {
        const [holder, other] = [unique('user'), unique('user')];
        const credentialId = unique('credential');
        const passkey = method(holder, {
          kind: 'passkey',
          phoneNumber: null,
          channel: null,
          data: { credentialId, counter: 0 },
        });
        await store.transaction(async (tx) => {
          await tx.putMethod(passkey);
          // Another kind that happens to carry the same field is not a passkey.
          await tx.putMethod(method(other, { kind: 'authenticator-app', data: { credentialId: `${credentialId}-x` } }));
        });
        assert.deepEqual(await store.transaction((tx) => tx.findPasskey(credentialId)), passkey);
        assert.equal(await store.transaction((tx) => tx.findPasskey(`${credentialId}-x`)), undefined);
        assert.equal(await store.transaction((tx) => tx.findPasskey(unique('credential'))), undefined);
        // A passkey put in the same transaction is found there.
        const staged = method(other, { kind: 'passkey', data: { credentialId: `${credentialId}-new` } });
        const found = await store.transaction(async (tx) => {
          await tx.putMethod(staged);
          return tx.findPasskey(`${credentialId}-new`);
        });
        assert.deepEqual(found, staged);
      });

      it('delete one method and say whether there was one', async () => {
        const userId = unique('user');
        const [kept, removed] = [method(userId), method(userId, { addedAt: T + 1 })];
        await store.transaction(async (tx) => {
          await tx.putMethod(kept);
          await tx.putMethod(removed);
        });
        assert.equal(await store.transaction((tx) => tx.deleteMethod(userId, removed.id)), true);
        assert.equal(await store.transaction((tx) => tx.deleteMethod(userId, removed.id)), false);
        assert.equal(await store.transaction((tx) => tx.deleteMethod(unique('user'), kept.id)), false);
        assert.deepEqual(await store.transaction((tx) => tx.listMethods(userId)), [kept]);
      });
    });

    describe('default method', () => {
      it('is none, then set, changed and cleared', async () => {
        const userId = unique('user');
        const get = () => store.transaction((tx) => tx.getDefaultMethod(userId));
        assert.equal(await get(), null);
        await store.transaction((tx) => tx.setDefaultMethod(userId, 'm1'));
        assert.equal(await get(), 'm1');
        await store.transaction((tx) => tx.setDefaultMethod(userId, 'm2'));
        assert.equal(await get(), 'm2');
        await store.transaction((tx) => tx.setDefaultMethod(userId, null));
        assert.equal(await get(), null);
        assert.equal(await store.transaction((tx) => tx.getDefaultMethod(unique('user'))), null);
      });
    });

    describe('audit', () => {
      it('keeps entries in order with increasing ids, pages with after, filters by user', async () => {
        const [alice, bob] = [unique('alice'), unique('bob')];
        const entries = [
          auditEntry(alice, { methodId: 'm1', kind: 'phone' }),
          auditEntry(bob, { action: 'default-changed', at: T + 1, actor: 'service:hr' }),
          auditEntry(alice, { action: 'method-replaced', at: T + 2, methodId: 'm2', replacedMethodId: 'm1' }),
          auditEntry(alice, { action: 'method-removed', at: T + 3, methodId: 'm2' }),
        ];
        await store.transaction(async (tx) => {
          for (const entry of entries) await tx.addAudit(entry);
        });
        const mine = await store.transaction((tx) => tx.listAudit({ userId: alice, limit: 10 }));
        assert.deepEqual(
          mine.map(plainAudit),
          [entries[0], entries[2], entries[3]].map((e) => plainAudit(e!)),
        );
        const ids = mine.map((entry) => entry.id!);
        assert.ok(
          ids.every((id, i) => Number.isInteger(id) && (i === 0 || id > ids[i - 1]!)),
          String(ids),
        );

        const page = await store.transaction((tx) => tx.listAudit({ userId: alice, after: ids[0], limit: 1 }));
        assert.deepEqual(page.map(plainAudit), [plainAudit(entries[2]!)]);

        // Without a user: everyone's entries after a point, in order.
        const all = await store.transaction((tx) => tx.listAudit({ after: ids[0], limit: 1000 }));
        const ours = all.filter((entry) => entry.userId === alice || entry.userId === bob);
        assert.deepEqual(ours.map(plainAudit), entries.slice(1).map(plainAudit));
        assert.equal((await store.transaction((tx) => tx.listAudit({ after: ids[0], limit: 2 }))).length, 2);
      });

      it('lists an entry to the transaction that added it', async () => {
        const userId = unique('user');
        const entry = auditEntry(userId);
        const listed = await store.transaction(async (tx) => {
          await tx.addAudit(entry);
          return tx.listAudit({ userId, limit: 10 });
        });
        assert.deepEqual(listed.map(plainAudit), [plainAudit(entry)]);
        assert.equal(typeof listed[0]?.id, 'number');
      });
    });

    describe('deleteUser', () => {
      it('removes everything of that user and nothing of others', async () => {
        const [gone, kept] = [unique('gone'), unique('kept')];
        const fill = (userId: string) =>
          store.transaction(async (tx) => {
            const m = method(userId);
            await tx.putMethod(m);
            await tx.setDefaultMethod(userId, m.id);
            await tx.putFailures(userId, { count: 2, lockedUntil: 0, lastFailureAt: T });
            await tx.putFailures(userId, { count: 2, lockedUntil: 0, lastFailureAt: T }, '203.0.113.7');
            const c = challenge({ userId });
            await tx.putChallenge(c);
            await tx.addAudit(auditEntry(userId, { methodId: m.id }));
            return c.id;
          });
        const gonesChallenge = await fill(gone);
        const keptsChallenge = await fill(kept);
        await store.transaction((tx) => tx.deleteUser(gone));
        await store.transaction(async (tx) => {
          assert.deepEqual(await tx.listMethods(gone), []);
          assert.equal(await tx.getDefaultMethod(gone), null);
          assert.deepEqual(await tx.getFailures(gone), NO_FAILURES);
          assert.deepEqual(await tx.getFailures(gone, '203.0.113.7'), NO_FAILURES);
          assert.equal(await tx.getChallenge(gonesChallenge), undefined);
          assert.deepEqual(await tx.listAudit({ userId: gone, limit: 10 }), []);

          assert.equal((await tx.listMethods(kept)).length, 1);
          assert.notEqual(await tx.getDefaultMethod(kept), null);
          assert.equal((await tx.getFailures(kept)).count, 2);
          assert.equal((await tx.getFailures(kept, '203.0.113.7')).count, 2);
          assert.equal((await tx.getChallenge(keptsChallenge))?.userId, kept);
          assert.equal((await tx.listAudit({ userId: kept, limit: 10 })).length, 1);
        });
      });

      it('is seen by the rest of its transaction, and what that writes after it stays', async () => {
        const userId = unique('user');
        const credentialId = unique('credential');
        const old = method(userId, { kind: 'passkey', phoneNumber: null, channel: null, data: { credentialId } });
        const c = challenge({ userId });
        await store.transaction(async (tx) => {
          await tx.putMethod(old);
          await tx.setDefaultMethod(userId, old.id);
          await tx.putFailures(userId, { count: 2, lockedUntil: 0, lastFailureAt: T });
          await tx.putFailures(userId, { count: 2, lockedUntil: 0, lastFailureAt: T }, '203.0.113.7');
          await tx.putChallenge(c);
          await tx.addAudit(auditEntry(userId));
        });
        const fresh = method(userId);
        const entry = auditEntry(userId, { action: 'user-erased' });
        const seen = await store.transaction(async (tx) => {
          await tx.deleteUser(userId);
          const inside = {
            methods: await tx.listMethods(userId),
            passkey: await tx.findPasskey(credentialId),
            defaultMethod: await tx.getDefaultMethod(userId),
            failures: await tx.getFailures(userId),
            clientFailures: await tx.getFailures(userId, '203.0.113.7'),
            challenge: await tx.getChallenge(c.id),
            audit: await tx.listAudit({ userId, limit: 10 }),
          };
          await tx.putMethod(fresh);
          await tx.addAudit(entry);
          return inside;
        });
        assert.deepEqual(seen, {
          methods: [],
          passkey: undefined,
          defaultMethod: null,
          failures: NO_FAILURES,
          clientFailures: NO_FAILURES,
          challenge: undefined,
          audit: [],
        });
        await store.transaction(async (tx) => {
          assert.deepEqual(await tx.listMethods(userId), [fresh]);
          assert.deepEqual((await tx.listAudit({ userId, limit: 10 })).map(plainAudit), [plainAudit(entry)]);
        });
      });
    });

    describe('deleteChallenges', () => {
      it('removes every challenge of that user, of every kind and purpose, and nothing else', async () => {
        const [reset, kept] = [unique('reset'), unique('kept')];
        const fill = (userId: string) =>
          store.transaction(async (tx) => {
            await tx.putMethod(method(userId));
            await tx.putFailures(userId, { count: 2, lockedUntil: 0, lastFailureAt: T });
            const made = [
              challenge({ userId }),
              challenge({ userId, purpose: 'sign-in', methodId: unique('method') }),
              challenge({
                userId,
                kind: 'email',
                phoneNumber: '',
                region: '',
                channel: 'email',
                data: { email: 'a@b.test' },
              }),
              challenge({ userId, kind: 'authenticator-app', phoneNumber: '', region: '', data: { secret: 'sealed' } }),
              challenge({
                userId,
                kind: 'passkey',
                phoneNumber: '',
                region: '',
                codeHash: null,
                data: { challenge: 'c' },
              }),
            ];
            for (const c of made) await tx.putChallenge(c);
            return made.map((c) => c.id);
          });
        const resets = await fill(reset);
        const keeps = await fill(kept);
        await store.transaction((tx) => tx.deleteChallenges(reset));
        await store.transaction(async (tx) => {
          for (const id of resets) assert.equal(await tx.getChallenge(id), undefined);
          for (const id of keeps) assert.equal((await tx.getChallenge(id))?.userId, kept);
          assert.equal((await tx.listMethods(reset)).length, 1);
          assert.equal((await tx.getFailures(reset)).count, 2);
        });
      });

      it('is seen by the rest of its transaction, and a challenge put after it stays', async () => {
        const userId = unique('user');
        const [before, within, later] = [challenge({ userId }), challenge({ userId }), challenge({ userId })];
        await store.transaction((tx) => tx.putChallenge(before));
        const seen = await store.transaction(async (tx) => {
          await tx.putChallenge(within);
          await tx.deleteChallenges(userId);
          const inside = [await tx.getChallenge(before.id), await tx.getChallenge(within.id)];
          await tx.putChallenge(later);
          return inside;
        });
        assert.deepEqual(seen, [undefined, undefined]);
        await store.transaction(async (tx) => {
          assert.equal(await tx.getChallenge(before.id), undefined);
          assert.equal(await tx.getChallenge(within.id), undefined);
          assert.deepEqual(await tx.getChallenge(later.id), later);
        });
      });

      it('leaves nothing deleted when its transaction fails', async () => {
        const c = challenge();
        await store.transaction((tx) => tx.putChallenge(c));
        await assert.rejects(
          store.transaction(async (tx) => {
            await tx.deleteChallenges(c.userId);
            throw new Error('stop');
          }),
          /stop/,
        );
        assert.deepEqual(await store.transaction((tx) => tx.getChallenge(c.id)), c);
      });
    });

    describe('sweep', () => {
      // Far after every other test's times, so that what this test sweeps is its own.
      const LATER = T + 400 * 24 * 3600 * 1000;

      it('drops a challenge only once its grace after expiry has passed', async () => {
        const c = challenge({ expiresAt: LATER });
        await store.transaction((tx) => tx.putChallenge(c));
        await store.sweep(LATER + CHALLENGE_GRACE_MS);
        assert.deepEqual(await store.transaction((tx) => tx.getChallenge(c.id)), c);
        await store.sweep(LATER + CHALLENGE_GRACE_MS + 1);
        assert.equal(await store.transaction((tx) => tx.getChallenge(c.id)), undefined);
      });

      it('keeps send counts while their window lasts and drops them after', async () => {
        const key = unique('key');
        const charge: RateCharge = {
          key,
          windows: [
            { max: 1, windowSeconds: 60 },
            { max: 5, windowSeconds: 3600 },
          ],
        };
        assert.equal((await store.transaction((tx) => tx.consume([charge], LATER))).allowed, true);
        await store.sweep(LATER + 61_000);
        // Past the minute but inside the hour: the event still counts, one of five.
        for (let i = 0; i < 4; i++) {
          assert.equal((await store.transaction((tx) => tx.consume([charge], LATER + 61_000 * (i + 1)))).allowed, true);
        }
        assert.equal((await store.transaction((tx) => tx.consume([charge], LATER + 300_000))).allowed, false);
        const held = async (count: number) => {
          if (fixture.rateEvents) assert.equal(await fixture.rateEvents(key), count);
        };
        await held(5);
        // Each event goes when its key's longest window has passed over it.
        await store.sweep(LATER + 3600_000 + 183_000);
        await held(1);
        await store.sweep(LATER + 3600_000 + 244_000 - 1);
        await held(1);
        await store.sweep(LATER + 3600_000 + 244_000);
        await held(0);
        assert.equal((await store.transaction((tx) => tx.consume([charge], LATER + 3600_000 + 244_000))).allowed, true);
      });

      it('forgets a count of wrong codes after 30 days, but not while it locks', async () => {
        const [plain, locked] = [unique('user'), unique('user')];
        const until = LATER + FAILURE_MEMORY_MS + 1;
        // A client's count as the shared one: the client's address is kept no longer.
        for (const client of ['', '203.0.113.7'])
          await store.transaction(async (tx) => {
            await tx.putFailures(plain, { count: 2, lockedUntil: 0, lastFailureAt: LATER }, client);
            await tx.putFailures(locked, { count: 9, lockedUntil: until, lastFailureAt: LATER }, client);
          });
        const count = (userId: string, client: string) =>
          store.transaction(async (tx) => (await tx.getFailures(userId, client)).count);
        const counts = async (userId: string) => [await count(userId, ''), await count(userId, '203.0.113.7')];
        await store.sweep(LATER + FAILURE_MEMORY_MS - 1);
        assert.deepEqual(await counts(plain), [2, 2]);
        await store.sweep(LATER + FAILURE_MEMORY_MS);
        assert.deepEqual(await counts(plain), [0, 0]);
        assert.deepEqual(await counts(locked), [9, 9]);
        await store.sweep(LATER + FAILURE_MEMORY_MS + 1);
        assert.deepEqual(await counts(locked), [0, 0]);
      });

      it('forgets a known address 30 days after the last right answer there', async () => {
        const userId = unique('user');
        const right = LATER + 10 * MINUTE;
        await store.transaction((tx) =>
          tx.putFailures(
            userId,
            { count: 1, lockedUntil: 0, lastFailureAt: LATER, lastSuccessAt: right },
            '203.0.113.7',
          ),
        );
        const known = () =>
          store.transaction(async (tx) => (await tx.getFailures(userId, '203.0.113.7')).lastSuccessAt);
        await store.sweep(right + FAILURE_MEMORY_MS - 1);
        assert.equal(await known(), right);
        await store.sweep(right + FAILURE_MEMORY_MS);
        assert.equal(await known(), undefined);
      });
    });

    describe('concurrency', () => {
      it('loses no update: 50 transactions each take one attempt of a challenge', async () => {
        const c = challenge({ attemptsLeft: 1000 });
        await store.transaction((tx) => tx.putChallenge(c));
        await Promise.all(
          Array.from({ length: 50 }, () =>
            store.transaction(async (tx) => {
              const current = (await tx.getChallenge(c.id))!;
              await tx.putChallenge({ ...current, attemptsLeft: current.attemptsLeft - 1 });
            }),
          ),
        );
        assert.equal((await store.transaction((tx) => tx.getChallenge(c.id)))!.attemptsLeft, 950);
      });

      it('lets one of 10 registrations of the same passkey at once find it free, the others find it taken', async () => {
        const credentialId = unique('credential');
        const outcomes = await Promise.all(
          Array.from({ length: 10 }, () =>
            store.transaction(async (tx) => {
              if (await tx.findPasskey(credentialId)) return 'taken';
              // Long enough for the others to look meanwhile, were nothing to stop them.
              await new Promise((resolve) => setTimeout(resolve, 20));
              const holder = unique('user');
              await tx.putMethod(
                method(holder, { kind: 'passkey', phoneNumber: null, channel: null, data: { credentialId } }),
              );
              return 'registered';
            }),
          ),
        );
        assert.deepEqual(
          outcomes.filter((outcome) => outcome === 'registered'),
          ['registered'],
        );
      });

      it('lets exactly max of 20 parallel sends through', async () => {
        const key = unique('key');
        const decisions = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            store.transaction((tx) => tx.consume([perMinute(unique('caller'), 10), perMinute(key, 5)], T + i)),
          ),
        );
        assert.equal(decisions.filter((decision) => decision.allowed).length, 5);
      });

      it('counts every first wrong code of a user who had none', async () => {
        const userId = unique('user');
        await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            store.transaction(async (tx) => {
              const state = await tx.getFailures(userId);
              await tx.putFailures(userId, { ...state, count: state.count + 1, lastFailureAt: T + i });
            }),
          ),
        );
        assert.equal((await store.transaction((tx) => tx.getFailures(userId))).count, 20);
      });

      it('runs again a transaction the database chose to abort to break a deadlock', async () => {
        const [a, b] = [unique('user'), unique('user')];
        const meet = meeting(2, 300);
        let runs = 0;
        const crossing = (first: string, second: string) =>
          store.transaction(async (tx) => {
            runs++;
            await tx.lockUser(first);
            await meet();
            await tx.lockUser(second);
            await tx.putMethod(method(first));
          });
        await Promise.all([crossing(a, b), crossing(b, a)]);
        const listed = await store.transaction(async (tx) => [await tx.listMethods(a), await tx.listMethods(b)]);
        assert.deepEqual(
          listed.map((list) => list.length),
          [1, 1],
        );
        assert.ok(runs >= 2);
      });
    });

    it('answers a ping', async () => {
      await store.ping();
    });
  });
}

// Both databases start now, side by side; each suite waits for its own.
const pglite = openPGliteStore();
const postgres: Promise<TestPostgres> = startPostgres();
// Their failures are reported by the suites that await them, not as unhandled rejections.
pglite.catch(() => undefined);
postgres.catch(() => undefined);

storeContract('the memory store', { open: async () => createMemoryStore() });

storeContract('the PGlite store (in memory)', { open: () => pglite });

describe('on PostgreSQL', () => {
  let server: TestPostgres;
  let pool: pg.Pool;
  before(async () => {
    server = await postgres;
    pool = new pg.Pool({ connectionString: server.connectionString, max: 2 });
  });
  after(async () => {
    await pool?.end();
    await server?.stop();
  });

  storeContract('the PostgreSQL store', {
    open: async () => openPostgresStore({ connectionString: server.connectionString, max: 10 }),
    rateEvents: async (key) => {
      const { rows } = await pool.query('select count(*)::int as n from rate_events where key = $1', [key]);
      return rows[0].n;
    },
  });

  describe('migration', () => {
    it('runs once when several instances start together', async () => {
      await pool.query('create database migrating');
      const connectionString = server.connectionString.replace(/\/postgres$/, '/migrating');
      const pools = Array.from({ length: 3 }, () => new pg.Pool({ connectionString, max: 1 }));
      try {
        const applied = await Promise.all(pools.map((each) => migrate(postgresClient(each, false))));
        const all = MIGRATIONS.map((migration) => migration.version);
        assert.deepEqual(applied.map((versions) => versions.join(',')).sort(), ['', '', all.join(',')]);
        assert.deepEqual(await migrate(postgresClient(pools[0]!, false)), []);
        const { rows } = await pools[0]!.query('select version from schema_migrations order by version');
        assert.deepEqual(
          rows,
          all.map((version) => ({ version })),
        );
      } finally {
        await Promise.all(pools.map((each) => each.end()));
      }
    });

    it("reads a challenge kept before challenges had kinds as a phone's, with no data", async () => {
      await pool.query('create database upgrading');
      const connectionString = server.connectionString.replace(/\/postgres$/, '/upgrading');
      const old = new pg.Pool({ connectionString, max: 1 });
      try {
        await old.query('create table schema_migrations (version integer primary key, applied_at bigint not null)');
        await old.query(MIGRATIONS.find((migration) => migration.version === 1)!.sql);
        await old.query('insert into schema_migrations values (1, $1)', [T]);
        const before = challenge();
        await old.query(
          `insert into challenges (id, user_id, purpose, phone_number, region, channel, method_id, code_hash,
             created_at, expires_at, resend_at, sends, attempts_left, verified)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
          [
            before.id,
            before.userId,
            before.purpose,
            before.phoneNumber,
            before.region,
            before.channel,
            before.methodId,
            before.codeHash,
            before.createdAt,
            before.expiresAt,
            before.resendAt,
            before.sends,
            before.attemptsLeft,
            before.verified,
          ],
        );
        const store = await openPostgresStore({ connectionString, max: 1 });
        try {
          assert.deepEqual(await store.transaction((tx) => tx.getChallenge(before.id)), before);
        } finally {
          await store.close();
        }
      } finally {
        await old.end();
      }
    });
  });
});
