// The databases the end-to-end benchmarks run on: PGlite in a data folder (the default embedded
// database, which the server's process opens after the benchmark has seeded it) and PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../src/db/client';
import { withServerDatabase } from './databases';

export interface Target {
  label: 'PGlite' | 'PostgreSQL';
  /** How the server's process finds this database. */
  server: { url?: string; dataDir?: string };
  /** Runs `fn` on this database in the benchmark's process (PGlite: closed again for the server). */
  use<T>(fn: (database: Database) => Promise<T>): Promise<T>;
  done(): Promise<void>;
}

export async function pgliteTarget(): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parcours-bench-db-'));
  return {
    label: 'PGlite',
    server: { dataDir },
    async use(fn) {
      const database = await openDatabase({ dataDir });
      try {
        return await fn(database);
      } finally {
        await database.close();
      }
    },
    async done() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `body` on a fresh PGlite folder, then on a fresh PostgreSQL database (skipped with a note when none). */
export async function forEachTarget(body: (target: Target) => Promise<void>, only?: Target['label']) {
  if (only !== 'PostgreSQL') {
    const target = await pgliteTarget();
    try {
      await body(target);
    } finally {
      await target.done();
    }
  }
  if (only === 'PGlite') return;
  await withServerDatabase(async (open) => {
    const scratch = await open();
    try {
      await body({
        label: 'PostgreSQL',
        server: { url: scratch.url },
        use: (fn) => fn(scratch.database),
        done: scratch.done,
      });
    } finally {
      await scratch.done();
    }
  });
}
