/**
 * The SQL schema of the store, as an ordered list of migrations, and the step that brings a database up to date.
 * The same statements run on PostgreSQL and on PGlite. Times are milliseconds since the epoch in `bigint`s, as
 * the store's rows carry them.
 */
import type { SqlClient } from './sql-store.js';

export interface Migration {
  /** Applied in increasing order; never renumbered or edited once released: a change is a new migration. */
  version: number;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      create table challenges (
        id text primary key,
        user_id text not null,
        purpose text not null,
        phone_number text not null,
        region text not null,
        channel text not null,
        method_id text,
        code_hash bytea,
        created_at bigint not null,
        expires_at bigint not null,
        resend_at bigint not null,
        sends integer not null,
        attempts_left integer not null,
        verified boolean not null
      );
      create index challenges_user_id on challenges (user_id);
      create index challenges_expires_at on challenges (expires_at);

      -- One row per counted send and key; expires_at is the end of the key's longest window.
      create table rate_events (
        id bigint generated always as identity primary key,
        key text not null,
        at bigint not null,
        expires_at bigint not null
      );
      create index rate_events_key_at on rate_events (key, at);
      create index rate_events_expires_at on rate_events (expires_at);

      -- Consecutive wrong codes per user; no row is a count of zero.
      create table failure_counts (
        user_id text primary key,
        count integer not null,
        locked_until bigint not null,
        last_failure_at bigint not null
      );

      create table methods (
        user_id text not null,
        id text not null,
        kind text not null,
        added_at bigint not null,
        last_used_at bigint,
        phone_number text,
        channel text,
        data jsonb not null,
        primary key (user_id, id)
      );

      create table default_methods (
        user_id text primary key,
        method_id text not null
      );

      create table audit_entries (
        id bigint generated always as identity primary key,
        user_id text not null,
        action text not null,
        at bigint not null,
        actor text not null,
        client text not null,
        method_id text,
        kind text,
        replaced_method_id text
      );
      create index audit_entries_user_id on audit_entries (user_id, id);
    `,
  },
  {
    // Challenges of other kinds than a phone's: an email address's, an authenticator app's. Rows from before are
    // phones' and keep nothing else.
    version: 2,
    sql: `
      alter table challenges add column kind text not null default 'phone';
      alter table challenges add column data jsonb not null default '{}'::jsonb;
    `,
  },
  {
    // Passkeys: a WebAuthn credential belongs to one person, whoever registers it first; the index also finds the
    // passkey an assertion names.
    version: 3,
    sql: `
      create unique index methods_passkey_credential on methods ((data->>'credentialId')) where kind = 'passkey';
    `,
  },
  {
    // The addresses where each person answered right (for 30 days after), and, under the client key '*', the count
    // of wrong answers those addresses share, apart from the one every other address shares (failure_counts):
    // strangers guessing make each other wait, not the person at an address they used before. A table of its own:
    // instances of the previous version keep counting everyone in failure_counts, as the new ones count strangers
    // there, while they roll out.
    version: 4,
    sql: `
      create table client_failure_counts (
        user_id text not null,
        client text not null,
        count integer not null,
        locked_until bigint not null,
        last_failure_at bigint not null,
        last_success_at bigint not null,
        primary key (user_id, client)
      );
      create index client_failure_counts_forget on client_failure_counts ((greatest(last_failure_at, last_success_at)));
    `,
  },
];

/**
 * Applies the migrations this database lacks, in one transaction, and answers their versions. Instances that
 * start together queue on one advisory lock, so the first migrates and the others find nothing left to do; a
 * failed migration leaves the database as it was.
 */
export async function migrate(client: SqlClient): Promise<number[]> {
  return client.transaction(async (sql) => {
    await sql.query(`select pg_advisory_xact_lock(hashtextextended('security-info:schema', 0))`);
    await sql.query(`create table if not exists schema_migrations (
      version integer primary key,
      applied_at bigint not null
    )`);
    const { rows } = await sql.query<{ version: number }>('select version from schema_migrations');
    const applied = new Set(rows.map((row) => Number(row.version)));
    const added: number[] = [];
    for (const migration of [...MIGRATIONS].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await sql.query(migration.sql);
      await sql.query('insert into schema_migrations (version, applied_at) values ($1, $2)', [
        migration.version,
        Date.now(),
      ]);
      added.push(migration.version);
    }
    return added;
  });
}
