import { readFileSync } from 'node:fs';
import { openDatabase, type Database } from '../../src/db/client';
import { adminQuery, serverDatabaseUrl, uniqueDatabaseName } from './db-server';

export interface ScratchDatabase {
  database: Database;
  /** The scratch database's URL on a server (another process can open it); none for PGlite. */
  url?: string;
  drop(): Promise<void>;
}

/**
 * A fresh database on the server at `serverUrl`, dropped by `drop()` (tests and benchmarks);
 * a copy of `template` when given.
 */
export async function createServerDatabase(
  serverUrl: string,
  prefix = 'parcours_test',
  template?: string,
): Promise<ScratchDatabase> {
  const name = uniqueDatabaseName(prefix);
  await adminQuery(serverUrl, `create database ${name}${template ? ` template ${template}` : ''}`);
  const url = serverDatabaseUrl(serverUrl, name);
  const database = await openDatabase({ url, dataDir: 'memory' });
  return {
    database,
    url,
    async drop() {
      await database.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

// The migrated cluster made by global-setup.ts, read once per test process (files share the process).
let snapshot: Blob | undefined;
function migratedSnapshot(path: string): Blob {
  snapshot ??= new Blob([readFileSync(path)]);
  return snapshot;
}

/**
 * A database of its own for each test file, already migrated: PGlite in memory, or — when
 * DATABASE_URL is set (CI) — a fresh database created on that server and dropped afterwards.
 */
export async function createTestDatabase(): Promise<ScratchDatabase> {
  // Imported here: the benchmarks use createServerDatabase outside vitest.
  const { inject } = await import('vitest');
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) return createServerDatabase(serverUrl, 'parcours_test', inject('templateDatabase'));
  const database = await openDatabase({ dataDir: 'memory', snapshot: migratedSnapshot(inject('pgliteSnapshot')) });
  return { database, drop: () => database.close() };
}
