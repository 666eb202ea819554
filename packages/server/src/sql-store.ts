/**
 * The store over SQL (PostgreSQL, or PGlite in this process), through a driver small enough to fit any client.
 * Every guarantee comes from the database, so any number of server instances may share one: row locks
 * (`for update`) on what a transaction reads and then writes, transaction-scoped advisory locks where the row to
 * lock may not exist yet (a user's methods, a user's wrong-code count, a rate key), and primary keys that turn a
 * second insert into a replacement. Transactions run at read committed, where each statement sees what committed
 * before it started: a read that follows a lock sees the work of the transaction that held it.
 */
import type { Channel, CodeChannel, MethodKind } from '@security-info/core';
import {
  CHALLENGE_GRACE_MS,
  FAILURE_MEMORY_MS,
  KNOWN_CLIENTS,
  NO_FAILURES,
  type AuditEntry,
  type RateCharge,
  type RateDecision,
  type SecurityInfoStore,
  type StoreTransaction,
  type StoredChallenge,
  type StoredMethod,
} from './store.js';
import { combineRefusals, windowRefusal } from './rate-log.js';

/** What runs a statement: a connection, or a transaction on one. */
export interface SqlQueryable {
  /**
   * Runs one statement with `$1`-style parameters. Without parameters, `text` may hold several statements (the
   * simple query protocol); the rows are the last one's.
   */
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
}

/** The driver a SQL store needs: `pg`'s pool and PGlite each fit it in a few lines. */
export interface SqlClient extends SqlQueryable {
  /**
   * Runs `work` between `begin isolation level read committed` and `commit` on one connection, and rolls back
   * when it throws. Rejects when the commit did not happen.
   */
  transaction<T>(work: (sql: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface SqlStoreOptions {
  /** Awaited before any work: the schema migration, when the store is handed out before it ends. */
  ready?: Promise<unknown>;
  /** Runs after each sweep (PGlite's store checkpoints there). */
  afterSweep?: (client: SqlClient) => Promise<void>;
}

/** How often a transaction is tried when the database aborted it to resolve a conflict. */
const ATTEMPTS = 5;
/** SQLSTATE codes for "try again": a serialization failure and a deadlock the database broke. */
const RETRYABLE = new Set(['40001', '40P01']);

const isRetryable = (error: unknown) =>
  typeof error === 'object' && error !== null && RETRYABLE.has(String((error as { code?: unknown }).code));

/**
 * Takes a lock for the rest of the transaction on a name, whether or not any row carries it. Names are
 * namespaced (`user:`, `failures:`, `rate:`) so that locks of different kinds never meet.
 */
const LOCK = 'select pg_advisory_xact_lock(hashtextextended($1, 0))';

/** int8 arrives as a string from `pg` and as a number (a bigint past 2^53) from PGlite. */
const toNumber = (value: unknown) => Number(value);
const toNullableNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));
/** bytea arrives as a Buffer from `pg`: hand out a plain Uint8Array, as the memory store does. */
const toBytes = (value: unknown) =>
  value === null || value === undefined ? null : new Uint8Array(value as Uint8Array);

const CHALLENGE_COLUMNS = `id, user_id, purpose, phone_number, region, channel, method_id, code_hash, created_at,
  expires_at, resend_at, sends, attempts_left, verified, kind, data`;

interface ChallengeRow {
  id: string;
  user_id: string;
  purpose: StoredChallenge['purpose'];
  phone_number: string;
  region: string;
  channel: CodeChannel;
  method_id: string | null;
  code_hash: unknown;
  created_at: unknown;
  expires_at: unknown;
  resend_at: unknown;
  sends: number;
  attempts_left: number;
  verified: boolean;
  kind: StoredChallenge['kind'];
  data: Record<string, unknown>;
}

const challengeOf = (row: ChallengeRow): StoredChallenge => ({
  id: row.id,
  userId: row.user_id,
  purpose: row.purpose,
  kind: row.kind,
  phoneNumber: row.phone_number,
  region: row.region,
  channel: row.channel,
  methodId: row.method_id,
  codeHash: toBytes(row.code_hash),
  createdAt: toNumber(row.created_at),
  expiresAt: toNumber(row.expires_at),
  resendAt: toNumber(row.resend_at),
  sends: row.sends,
  attemptsLeft: row.attempts_left,
  verified: row.verified,
  data: row.data,
});

const METHOD_COLUMNS = 'id, user_id, kind, added_at, last_used_at, phone_number, channel, data';

interface MethodRow {
  id: string;
  user_id: string;
  kind: MethodKind;
  added_at: unknown;
  last_used_at: unknown;
  phone_number: string | null;
  channel: Channel | null;
  data: Record<string, unknown>;
}

const methodOf = (row: MethodRow): StoredMethod => ({
  id: row.id,
  userId: row.user_id,
  kind: row.kind,
  addedAt: toNumber(row.added_at),
  lastUsedAt: toNullableNumber(row.last_used_at),
  phoneNumber: row.phone_number,
  channel: row.channel,
  data: row.data,
});

interface AuditRow {
  id: unknown;
  user_id: string;
  action: AuditEntry['action'];
  at: unknown;
  actor: string;
  client: string;
  method_id: string | null;
  kind: MethodKind | null;
  replaced_method_id: string | null;
}

const auditOf = (row: AuditRow): AuditEntry => ({
  id: toNumber(row.id),
  userId: row.user_id,
  action: row.action,
  at: toNumber(row.at),
  actor: row.actor,
  client: row.client,
  methodId: row.method_id,
  kind: row.kind,
  ...(row.replaced_method_id === null ? {} : { replacedMethodId: row.replaced_method_id }),
});

/**
 * For each window that has a positive max, the time of the max-th newest event of its key inside it: when there
 * is one, the window is full, and that event is the one whose leaving makes room.
 */
const FULL_WINDOWS = `
  select w.i, (
    select e.at from rate_events e
    where e.key = w.key and e.at > w.since
    order by e.at desc
    offset w.max - 1 limit 1
  ) as oldest
  from unnest($1::text[], $2::bigint[], $3::integer[]) with ordinality as w(key, since, max, i)`;

/** The name of the lock on a user's count of wrong answers under a client key ('' for strangers'). */
const failuresLock = (userId: string, client: string) =>
  client ? `failures:${JSON.stringify([userId, client])}` : `failures:${userId}`;

function createTransaction(sql: SqlQueryable): StoreTransaction {
  const lockUser = async (userId: string) => {
    await sql.query(LOCK, [`user:${userId}`]);
  };

  return {
    async getChallenge(id) {
      const { rows } = await sql.query<ChallengeRow>(
        `select ${CHALLENGE_COLUMNS} from challenges where id = $1 for update`,
        [id],
      );
      return rows[0] && challengeOf(rows[0]);
    },

    async putChallenge(c) {
      await sql.query(
        `insert into challenges (${CHALLENGE_COLUMNS})
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb)
         on conflict (id) do update set
           user_id = excluded.user_id, purpose = excluded.purpose, phone_number = excluded.phone_number,
           region = excluded.region, channel = excluded.channel, method_id = excluded.method_id,
           code_hash = excluded.code_hash, created_at = excluded.created_at, expires_at = excluded.expires_at,
           resend_at = excluded.resend_at, sends = excluded.sends, attempts_left = excluded.attempts_left,
           verified = excluded.verified, kind = excluded.kind, data = excluded.data`,
        [
          c.id,
          c.userId,
          c.purpose,
          c.phoneNumber,
          c.region,
          c.channel,
          c.methodId,
          c.codeHash,
          c.createdAt,
          c.expiresAt,
          c.resendAt,
          c.sends,
          c.attemptsLeft,
          c.verified,
          c.kind,
          JSON.stringify(c.data),
        ],
      );
    },

    async consume(charges, now) {
      if (charges.length === 0) return { allowed: true };
      // Every charge's key is locked, always in the same order, so two callers sharing keys cannot deadlock and
      // the counts read below stay true until this transaction ends.
      for (const key of [...new Set(charges.map((charge) => charge.key))].sort()) {
        await sql.query(LOCK, [`rate:${key}`]);
      }
      const probes = charges.flatMap(({ key, windows }) =>
        windows
          .filter((window) => window.max > 0)
          // Event times are whole milliseconds: "after since" is "after its floor".
          .map((window) => ({ key, since: Math.floor(now - window.windowSeconds * 1000), max: window.max })),
      );
      const oldest = new Map<number, number>();
      if (probes.length > 0) {
        const { rows } = await sql.query<{ i: unknown; oldest: unknown }>(FULL_WINDOWS, [
          probes.map((probe) => probe.key),
          probes.map((probe) => probe.since),
          probes.map((probe) => probe.max),
        ]);
        for (const row of rows) if (row.oldest !== null) oldest.set(toNumber(row.i) - 1, toNumber(row.oldest));
      }
      const refusal = firstRefusal(charges, oldest, now);
      if (refusal) return refusal;
      // Each event keeps the time its key's longest window ends, so the sweep can drop it without the windows.
      await sql.query(
        `insert into rate_events (key, at, expires_at)
         select key, $2::bigint, expires_at from unnest($1::text[], $3::bigint[]) as c(key, expires_at)`,
        [
          charges.map((charge) => charge.key),
          now,
          charges.map((charge) => Math.ceil(now + Math.max(0, ...charge.windows.map((w) => w.windowSeconds)) * 1000)),
        ],
      );
      return { allowed: true };
    },

    async getFailures(userId, client = '') {
      // The advisory lock covers a user with no row yet: two first wrong codes must count two.
      await sql.query(LOCK, [failuresLock(userId, client)]);
      const { rows } = await sql.query<{
        count: number;
        locked_until: unknown;
        last_failure_at: unknown;
        last_success_at?: unknown;
      }>(
        client
          ? `select count, locked_until, last_failure_at, last_success_at from client_failure_counts
             where user_id = $1 and client = $2 for update`
          : 'select count, locked_until, last_failure_at from failure_counts where user_id = $1 for update',
        client ? [userId, client] : [userId],
      );
      const row = rows[0];
      if (!row) return { ...NO_FAILURES };
      return {
        count: row.count,
        lockedUntil: toNumber(row.locked_until),
        lastFailureAt: toNumber(row.last_failure_at),
        // A client's row says when the person last answered right there; the shared count has no such time.
        ...(client ? { lastSuccessAt: toNumber(row.last_success_at) } : {}),
      };
    },

    async putFailures(userId, state, client = '') {
      const none = state.count === 0 && state.lockedUntil === 0;
      if (!client) {
        if (none) await sql.query('delete from failure_counts where user_id = $1', [userId]);
        else
          await sql.query(
            `insert into failure_counts (user_id, count, locked_until, last_failure_at) values ($1, $2, $3, $4)
             on conflict (user_id) do update set
               count = excluded.count, locked_until = excluded.locked_until, last_failure_at = excluded.last_failure_at`,
            [userId, state.count, state.lockedUntil, state.lastFailureAt],
          );
        return;
      }
      if (none && !state.lastSuccessAt) {
        await sql.query('delete from client_failure_counts where user_id = $1 and client = $2', [userId, client]);
        return;
      }
      await sql.query(
        `insert into client_failure_counts (user_id, client, count, locked_until, last_failure_at, last_success_at)
         values ($1, $2, $3, $4, $5, $6)
         on conflict (user_id, client) do update set count = excluded.count, locked_until = excluded.locked_until,
           last_failure_at = excluded.last_failure_at, last_success_at = excluded.last_success_at`,
        [userId, client, state.count, state.lockedUntil, state.lastFailureAt, state.lastSuccessAt ?? 0],
      );
    },

    lockUser,

    async listMethods(userId) {
      // Locked, so that a method removed by a concurrent transaction is not written back by this one.
      const { rows } = await sql.query<MethodRow>(
        `select ${METHOD_COLUMNS} from methods where user_id = $1 order by added_at, id collate "C" for update`,
        [userId],
      );
      return rows.map(methodOf);
    },

    async findPasskey(credentialId) {
      // Registrations of one credential at once queue here, so that only the first finds it free: the others see its
      // row once it commits, rather than all finding none and all but one breaking the unique index (a 503).
      await sql.query(LOCK, [`passkey:${credentialId}`]);
      const { rows } = await sql.query<MethodRow>(
        `select ${METHOD_COLUMNS} from methods where kind = 'passkey' and data->>'credentialId' = $1`,
        [credentialId],
      );
      return rows[0] && methodOf(rows[0]);
    },
    async putMethod(m) {
      await sql.query(
        `insert into methods (${METHOD_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
         on conflict (user_id, id) do update set
           kind = excluded.kind, added_at = excluded.added_at, last_used_at = excluded.last_used_at,
           phone_number = excluded.phone_number, channel = excluded.channel, data = excluded.data`,
        [m.id, m.userId, m.kind, m.addedAt, m.lastUsedAt, m.phoneNumber, m.channel, JSON.stringify(m.data)],
      );
    },

    async deleteMethod(userId, id) {
      const { rows } = await sql.query('delete from methods where user_id = $1 and id = $2 returning id', [userId, id]);
      return rows.length > 0;
    },

    async getDefaultMethod(userId) {
      const { rows } = await sql.query<{ method_id: string }>(
        'select method_id from default_methods where user_id = $1 for update',
        [userId],
      );
      return rows[0]?.method_id ?? null;
    },

    async setDefaultMethod(userId, methodId) {
      if (methodId === null) {
        await sql.query('delete from default_methods where user_id = $1', [userId]);
        return;
      }
      await sql.query(
        `insert into default_methods (user_id, method_id) values ($1, $2)
         on conflict (user_id) do update set method_id = excluded.method_id`,
        [userId, methodId],
      );
    },

    async addAudit(entry) {
      // One writer of the trail at a time, until it commits: ids then follow the order in which entries become
      // visible, and a reader paging with `after` never skips an entry that committed late with a lower id.
      await sql.query(LOCK, ['audit']);
      await sql.query(
        `insert into audit_entries (user_id, action, at, actor, client, method_id, kind, replaced_method_id)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          entry.userId,
          entry.action,
          entry.at,
          entry.actor,
          entry.client,
          entry.methodId,
          entry.kind,
          entry.replacedMethodId ?? null,
        ],
      );
    },

    async listAudit({ userId, after = 0, limit }) {
      const columns = 'id, user_id, action, at, actor, client, method_id, kind, replaced_method_id';
      const { rows } =
        userId === undefined
          ? await sql.query<AuditRow>(`select ${columns} from audit_entries where id > $1 order by id limit $2`, [
              after,
              limit,
            ])
          : await sql.query<AuditRow>(
              `select ${columns} from audit_entries where user_id = $1 and id > $2 order by id limit $3`,
              [userId, after, limit],
            );
      return rows.map(auditOf);
    },

    async deleteChallenges(userId) {
      await sql.query('delete from challenges where user_id = $1', [userId]);
    },

    async deleteUser(userId) {
      // In the order a check takes them: the challenges' rows (a check in progress holds its own, and this waits for
      // it to end), then the counts of wrong answers (an address's own before the shared ones), then the user's lock.
      await sql.query('delete from challenges where user_id = $1', [userId]);
      const { rows } = await sql.query<{ client: string }>(
        'select client from client_failure_counts where user_id = $1 order by client collate "C"',
        [userId],
      );
      const own = rows.map((row) => row.client).filter((client) => client !== KNOWN_CLIENTS);
      for (const client of [...own, KNOWN_CLIENTS, '']) await sql.query(LOCK, [failuresLock(userId, client)]);
      await lockUser(userId);
      // Challenges and counts again: any put since, before the user's lock was taken, go too.
      await sql.query(
        `with
           m as (delete from methods where user_id = $1),
           d as (delete from default_methods where user_id = $1),
           f as (delete from failure_counts where user_id = $1),
           k as (delete from client_failure_counts where user_id = $1),
           c as (delete from challenges where user_id = $1)
         delete from audit_entries where user_id = $1`,
        [userId],
      );
    },
  };
}

/**
 * The refusal, as the memory store answers it (named after the first full window, in the order of the charges and
 * of their windows, with the longest wait of them all), given the oldest counted event of each full window (indexed
 * as the probes: charges' windows with a positive max).
 */
function firstRefusal(
  charges: readonly RateCharge[],
  oldest: ReadonlyMap<number, number>,
  now: number,
): RateDecision | undefined {
  let probe = 0;
  return combineRefusals(
    charges.flatMap(({ key, windows }) =>
      windows.map((window) => windowRefusal(key, window, window.max > 0 ? oldest.get(probe++) : undefined, now)),
    ),
  );
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createSqlStore(client: SqlClient, options: SqlStoreOptions = {}): SecurityInfoStore {
  let closed = false;
  const ready = options.ready ?? Promise.resolve();
  // A failed migration is reported by every call (and by `ping`), not as an unhandled rejection.
  ready.catch(() => undefined);

  const open = async () => {
    if (closed) throw new Error('the store is closed');
    await ready;
  };

  return {
    async transaction(work) {
      await open();
      for (let attempt = 1; ; attempt++) {
        try {
          return await client.transaction((sql) => work(createTransaction(sql)));
        } catch (error) {
          if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
          // The database aborted this one to let another through: try again a little later, spread out.
          await pause(attempt * (5 + Math.random() * 20));
        }
      }
    },

    async sweep(now) {
      await open();
      await client.query('delete from challenges where expires_at < $1', [now - CHALLENGE_GRACE_MS]);
      await client.query('delete from rate_events where expires_at <= $1', [now]);
      // A user's count stays until a success clears it (NIST counts consecutive failures), or for 30 days.
      await client.query('delete from failure_counts where locked_until <= $1 and last_failure_at <= $2', [
        now,
        now - FAILURE_MEMORY_MS,
      ]);
      // A known address is forgotten 30 days after the person's last right answer there, or its last wrong one.
      await client.query(
        `delete from client_failure_counts
         where greatest(last_failure_at, last_success_at) <= $2 and locked_until <= $1`,
        [now, now - FAILURE_MEMORY_MS],
      );
      await options.afterSweep?.(client);
    },

    async ping() {
      await open();
      await client.query('select 1');
    },

    async close() {
      if (closed) return;
      closed = true;
      await client.close();
    },
  };
}
