import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client';

export interface ScratchDatabase {
  database: Database;
  /** The scratch database's URL on a server (another process can open it); none for PGlite. */
  url?: string;
  drop(): Promise<void>;
}

async function adminQuery(serverUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh database on the server at `serverUrl`, dropped by `drop()` (tests and benchmarks). */
export async function createServerDatabase(serverUrl: string, prefix = 'parcours_test'): Promise<ScratchDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), dataDir: 'memory' });
  return {
    database,
    url: url.toString(),
    async drop() {
      await database.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * A database of its own for each test file: PGlite in memory, or — when DATABASE_URL is set
 * (CI) — a fresh database created on that server and dropped afterwards.
 */
export async function createTestDatabase(): Promise<ScratchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) return createServerDatabase(serverUrl);
  const database = await openDatabase({ dataDir: 'memory' });
  return { database, drop: () => database.close() };
}
