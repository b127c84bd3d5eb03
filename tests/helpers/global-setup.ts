import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client';
import { runMigrations } from '../../src/db/migrate';
import { adminQuery, serverDatabaseUrl, uniqueDatabaseName } from './db-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tarball of a PGlite data folder with every migration applied (PGlite runs). */
    pgliteSnapshot: string;
    /** A database on DATABASE_URL with every migration applied, copied by each test file (PostgreSQL runs). */
    templateDatabase: string;
  }
}

/**
 * Runs every migration once, from scratch, before the test files start; each file then gets its own
 * copy of the migrated database (PGlite: loaded from a dump; PostgreSQL: `create database … template`)
 * instead of running initdb and the migrations again. Test files still start the platform, which
 * checks the migrations against the journal.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = uniqueDatabaseName('parcours_template');
    await adminQuery(serverUrl, `create database ${name}`);
    const database = await openDatabase({ url: serverDatabaseUrl(serverUrl, name), dataDir: 'memory' });
    try {
      await runMigrations(database);
    } finally {
      await database.close();
    }
    project.provide('templateDatabase', name);
    project.provide('pgliteSnapshot', '');
    return () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  }
  const database = await openDatabase({ dataDir: 'memory' });
  const folder = mkdtempSync(join(tmpdir(), 'parcours-snapshot-'));
  try {
    await runMigrations(database);
    if (database.raw.kind !== 'pglite') throw new Error('expected PGlite');
    const dump = await database.raw.client.dumpDataDir('none');
    writeFileSync(join(folder, 'migrated.tar'), new Uint8Array(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
  project.provide('pgliteSnapshot', join(folder, 'migrated.tar'));
  project.provide('templateDatabase', '');
  return () => rmSync(folder, { recursive: true, force: true });
}
