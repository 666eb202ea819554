/**
 * The store on PGlite: PostgreSQL compiled to WebAssembly, inside this process, its data in a folder (or in
 * memory). For one instance that must keep registrations across restarts without running a database server.
 *
 * Durability, as read in PGlite 0.5's source: `relaxedDurability` (off by default, and off here) only decides
 * whether a query waits for `syncToFs`, which copies an in-memory file system out to IndexedDB or OPFS; for a
 * folder in Node it does nothing, because PGlite's Node file system writes through to the real files with
 * `fs.writeSync` as PostgreSQL writes. So a commit has reached the operating system when its promise resolves and
 * survives the process dying; but nothing makes it reach the disk: PGlite starts PostgreSQL with `-F`
 * (fsync off), Emscripten's Node file system has no `fsync` (the call succeeds doing nothing), and its
 * `fdatasync`, PostgreSQL's default `wal_sync_method` on Linux, is a no-op too. A power cut could lose committed
 * registrations, or corrupt the folder after a checkpoint. For a folder this store therefore gives that file
 * system an `fsync` that calls Node's `fs.fsyncSync`, starts PostgreSQL without `-F` and with
 * `wal_sync_method=fsync`, so each commit is flushed to the disk before its promise resolves (checkpoints flush
 * the data files the same way), and flushes the files of a new folder once, as PGlite writes them without
 * PostgreSQL knowing. Also, PostgreSQL in single-user mode, as PGlite runs it, never checkpoints by itself (only
 * when closed), so its write-ahead log would only grow: the sweep ends with a `checkpoint`.
 *
 * Concurrency: PGlite is one connection. Its `transaction` holds a lock that its `query` and `exec` also take,
 * so transactions and single statements of concurrent callers run one after another, never interleaved.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { migrate } from './sql-schema.js';
import { createSqlStore, type SqlClient, type SqlQueryable } from './sql-store.js';
import type { SecurityInfoStore } from './store.js';

export interface PGliteStoreOptions {
  /** The folder of the database, created when missing; in memory (lost on close) without one. */
  dataDir?: string;
}

/** Emscripten's errno for an I/O error: PostgreSQL treats a failed fsync as fatal, as it must. */
const EIO = 29;

type Init = NodeFS['init'];
type EmscriptenModule = { NODEFS?: { stream_ops?: Record<string, unknown> } };

/** PGlite's Node file system with an `fsync` that reaches the disk. */
class FlushingNodeFS extends NodeFS {
  override async init(...args: Parameters<Init>): ReturnType<Init> {
    const { emscriptenOpts } = await super.init(...args);
    const giveFsync = (module: EmscriptenModule) => {
      const streamOps = module.NODEFS?.stream_ops;
      if (!streamOps) throw new Error('PGlite changed: its Node file system is not where this store expects it');
      streamOps.fsync = (stream: { nfd?: number }) => {
        try {
          if (stream.nfd !== undefined) fs.fsyncSync(stream.nfd);
          return 0;
        } catch {
          return EIO;
        }
      };
    };
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), giveFsync] } };
  }
}

/** Flushes every file of a folder, then the folders themselves (their entries), to the disk. */
function flushTree(folder: string): void {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const inner = path.join(folder, entry.name);
    if (entry.isDirectory()) flushTree(inner);
    else if (entry.isFile()) flush(inner);
  }
  // A folder cannot be opened on Windows; there, files' metadata is flushed with them.
  if (process.platform !== 'win32') flush(folder);
}

function flush(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

async function openPGlite(dataDir: string | undefined): Promise<PGlite> {
  if (dataDir === undefined) return PGlite.create({ relaxedDurability: false });
  const folder = path.resolve(dataDir);
  const isNew = !fs.existsSync(path.join(folder, 'PG_VERSION'));
  const startParams = [...PGlite.defaultStartParams.filter((param) => param !== '-F'), '-c', 'wal_sync_method=fsync'];
  const db = await PGlite.create({ fs: new FlushingNodeFS(folder), relaxedDurability: false, startParams });
  if (isNew) flushTree(folder);
  return db;
}

const queryable = (target: PGlite | Transaction): SqlQueryable => ({
  async query<Row>(text: string, params?: readonly unknown[]) {
    if (params && params.length > 0) return { rows: (await target.query<Row>(text, [...params])).rows };
    const results = await target.exec(text);
    return { rows: (results[results.length - 1]?.rows ?? []) as Row[] };
  },
});

/** PGlite as the store's driver; its own `transaction` runs one at a time and rolls back on a throw. */
export function pgliteClient(db: PGlite): SqlClient {
  return {
    ...queryable(db),
    transaction: (work) => db.transaction((tx) => work(queryable(tx))),
    close: () => db.close(),
  };
}

/** Opens (or creates) the database, brings its schema up to date and answers the store. */
export async function openPGliteStore(options: PGliteStoreOptions = {}): Promise<SecurityInfoStore> {
  const db = await openPGlite(options.dataDir);
  const client = pgliteClient(db);
  try {
    await migrate(client);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return createSqlStore(client, { afterSweep: (sweeping) => sweeping.query('checkpoint').then(() => undefined) });
}
