/**
 * The store on a PostgreSQL server through `pg`'s pool: what several server instances share. The schema is
 * brought up to date once, when the store is created.
 */
import pg from 'pg';
import { migrate } from './sql-schema.js';
import { createSqlStore, type SqlClient, type SqlQueryable } from './sql-store.js';
import type { SecurityInfoStore } from './store.js';

export type PostgresStoreOptions = (
  | {
      /** `postgresql://user:password@host:5432/database`; the store makes its own pool and ends it on close. */
      connectionString: string;
      pool?: undefined;
    }
  | {
      /** A pool the host owns: the store neither configures nor ends it. */
      pool: pg.Pool;
      connectionString?: undefined;
    }
) & {
  /** The most connections of the store's own pool (`pg`'s default: 10). */
  max?: number;
  /**
   * Errors of idle connections of the store's own pool (a server restart, a network cut). The pool drops such a
   * connection and opens another when needed; without a listener, Node would end the process on them.
   */
  onIdleError?: (error: Error) => void;
};

export interface PostgresStore extends SecurityInfoStore {
  /** Settles when the schema is up to date; rejects with the migration's error (which every call then reports). */
  readonly ready: Promise<void>;
}

const queryable = (target: pg.Pool | pg.PoolClient): SqlQueryable => ({
  async query<Row>(text: string, params?: readonly unknown[]) {
    const result = await target.query(text, params ? [...params] : undefined);
    // Several statements answer one result each; the rows are the last one's.
    const last = Array.isArray(result) ? result[result.length - 1] : result;
    return { rows: (last?.rows ?? []) as Row[] };
  },
});

/** `pg`'s pool as the store's driver. */
export function postgresClient(pool: pg.Pool, ownsPool: boolean): SqlClient {
  return {
    ...queryable(pool),
    async transaction(work) {
      const connection = await pool.connect();
      let broken: Error | undefined;
      try {
        await connection.query('begin isolation level read committed');
        const result = await work(queryable(connection));
        // A transaction that hit an error it then ignored commits nothing: PostgreSQL answers ROLLBACK.
        const commit = await connection.query('commit');
        if (commit.command !== 'COMMIT') throw new Error('the transaction was rolled back');
        return result;
      } catch (error) {
        await connection.query('rollback').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        // A connection that could not roll back is closed rather than handed to the next caller.
        connection.release(broken);
      }
    },
    async close() {
      if (ownsPool) await pool.end();
    },
  };
}

/** The store at once; its calls wait for the migration, which runs once, now. */
export function createPostgresStore(options: PostgresStoreOptions): PostgresStore {
  const ownsPool = !options.pool;
  const pool =
    options.pool ??
    new pg.Pool({ connectionString: options.connectionString, ...(options.max ? { max: options.max } : {}) });
  if (ownsPool) pool.on('error', (error) => options.onIdleError?.(error));
  const client = postgresClient(pool, ownsPool);
  const ready = migrate(client).then(() => undefined);
  return Object.assign(createSqlStore(client, { ready }), { ready });
}

/** The store once its schema is up to date (rejects, and ends its own pool, when the migration fails). */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const store = createPostgresStore(options);
  try {
    await store.ready;
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}
