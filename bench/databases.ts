import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client';
import type { Config } from '../src/config';

export const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function benchConfig(): Config {
  return {
    env: 'test', port: 0, host: '127.0.0.1', publicUrl: 'http://localhost:3000',
    database: { dataDir: 'memory' }, mail: { from: 'bench@parcours.test' },
    auth: { jwtSecret: 'bench-secret-bench-secret-bench-secret-00' },
    paths: { badgesDir: resolve('badges'), quizzesDir: resolve('quizzes') }, logLevel: 'silent',
  };
}

/** Runs `body` with a factory of fresh databases on the PostgreSQL server, or says why it is skipped. */
export async function withServerDatabase(body: (open: () => Promise<{ database: Database; done(): Promise<void> }>) => Promise<void>) {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`(PostgreSQL skipped: ${(error as Error).message})`);
    return;
  }
  await admin.end();
  await body(async () => {
    const name = `parcours_bench_${randomBytes(4).toString('hex')}`;
    const client = new pg.Client({ connectionString: SERVER_URL });
    await client.connect();
    await client.query(`create database ${name}`);
    await client.end();
    const url = new URL(SERVER_URL);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString(), dataDir: 'memory' });
    return {
      database,
      async done() {
        await database.close();
        const c = new pg.Client({ connectionString: SERVER_URL });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  });
}
