import { resolve } from 'node:path';
import pg from 'pg';
import type { Database } from '../src/db/client';
import { createServerDatabase } from '../tests/helpers/db';
import type { Config } from '../src/config';

export const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function benchConfig(): Config {
  return {
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    publicUrl: 'http://localhost:3000',
    database: { dataDir: 'memory' },
    mail: { from: 'bench@parcours.test' },
    auth: { jwtSecret: 'bench-secret-bench-secret-bench-secret-00' },
    paths: { badgesDir: resolve('badges'), quizzesDir: resolve('quizzes') },
    logLevel: 'silent',
  };
}

/** Runs `body` with a factory of fresh databases on the PostgreSQL server, or says why it is skipped. */
export interface BenchDatabase {
  database: Database;
  /** Set on the server: a child process opens the same database with it. */
  url?: string;
  done(): Promise<void>;
}

export async function withServerDatabase(body: (open: () => Promise<BenchDatabase>) => Promise<void>) {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  try {
    await admin.connect();
    await admin.end();
  } catch (error) {
    console.log(`(PostgreSQL skipped: ${(error as Error).message})`);
    return;
  }
  await body(async () => {
    const scratch = await createServerDatabase(SERVER_URL, 'parcours_bench');
    return { database: scratch.database, url: scratch.url, done: scratch.drop };
  });
}
