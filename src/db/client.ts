import { join } from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { lockDataDir, privateDataDir, tightenModes } from './data-dir-lock';

// No schema object: areas own their tables and query them with the query builder (the relational
// `db.query` API is not used), so the database type needs no import of every area.
/** What every store function takes: the database or a transaction opened by a service. */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = PgTransaction<PgQueryResultHKT>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** The raw client, for migrations and COPY in benchmarks. */
  raw: { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; pool: pg.Pool };
}

export interface DatabaseOptions {
  url?: string;
  /** PGlite data folder; `memory` keeps it in memory (tests). */
  dataDir: string | 'memory';
  /** In memory only: start from this `dumpDataDir` tarball instead of an empty cluster (tests). */
  snapshot?: Blob;
}

/**
 * PostgreSQL's settings inside PGlite. WebAssembly memory never shrinks, so what the embedded
 * server ever touched stays resident: its default 128 MB of shared_buffers (zeroed at start, so
 * resident at once) made the process ~140 MB bigger at rest and at the peak of a 100,000-row
 * import than with 16 MB, for the same CPU time of that import (measured: 10.4 s against 10.3 s),
 * since evicted pages go to the operating system's file cache, not to a disk wait. The rest of the
 * WASM heap (catalog caches, WAL buffers, work_mem) stays within its initial 128 MB.
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // An idle client losing its connection (server restart, dropped database) must not crash the process;
    // the pool replaces it and the next query reports the error where it can be handled.
    pool.on('error', (error) => console.error(`PostgreSQL: ${error.message}`));
    // Fail fast with the server's own message rather than on the first request.
    await pool.query('select 1');
    const db = drizzlePg(pool) as unknown as Db;
    return { db, kind: 'postgres', raw: { kind: 'postgres', pool }, close: () => pool.end() };
  }
  let client: PGlite;
  let unlock = () => {};
  if (options.dataDir === 'memory') {
    client = new PGlite({
      startParams: PGLITE_START_PARAMS,
      ...(options.snapshot ? { loadDataDir: options.snapshot } : {}),
    });
  } else {
    // The folder holds the signing keys and every learner's data: private before anything is written.
    privateDataDir(options.dataDir);
    unlock = lockDataDir(options.dataDir);
    client = new PGlite(join(options.dataDir, 'pglite'), { startParams: PGLITE_START_PARAMS });
  }
  await client.waitReady;
  if (options.dataDir !== 'memory') tightenModes(join(options.dataDir, 'pglite'));
  const db = drizzlePglite(client) as unknown as Db;
  const close = async () => {
    await client.close();
    unlock();
  };
  return { db, kind: 'pglite', raw: { kind: 'pglite', client }, close };
}

/**
 * The PGlite client under `db` (not inside a transaction), or undefined on PostgreSQL: for a hot
 * statement sent straight to it. PGlite runs in the server's own thread, and drizzle's path costs
 * each statement ~0.2 ms more CPU there (it merges its parsers over PGlite's whole table each time).
 */
export function pgliteClientOf(db: Db): PGlite | undefined {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  return client instanceof PGlite ? client : undefined;
}

/** Rows of a raw SQL statement; both drivers answer `{ rows }`. */
export async function queryRows<T>(db: Db, statement: SQL): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown as { rows: T[] };
  return result.rows;
}
