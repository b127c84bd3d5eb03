// One issuance in a process of its own, bundled like the server: a batch of awards issued in one
// transaction by the awards hook (credentials + e-mails), as a re-evaluation issues them. Run under
// `taskset` to give it one core or two: the signing threads follow (one per core it may use), and on
// PostgreSQL the server process serving the batch's transaction is held to the same cores, so "one
// core" means the platform and its database on one core, not the database on the other one for free.
// Usage: bench-issue-child.mjs AWARDS [DATABASE_URL]   (no URL: PGlite in memory). Prints one JSON line.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../src/db/client';
import { issueCredentials } from '../src/credentials/issue.service';
import { issuanceChild } from './credentials-helpers';

const { n, url, database, deps, awards, close } = await issuanceChild();
/** This process's cores, given to the PostgreSQL backend of `tx` (the bench runs as the machine's administrator). */
async function pinBackend(tx: Db) {
  const cores = /Cpus_allowed_list:\s*(\S+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]!;
  const [row] = await queryRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
  execFileSync('taskset', ['-pc', cores, String(row!.pid)], { stdio: 'ignore' });
}
const start = performance.now();
const ids = await database.db.transaction(async (tx) => {
  if (url) await pinBackend(tx);
  return issueCredentials(tx, awards, deps);
});
const ms = performance.now() - start;
if (ids.length !== n) throw new Error(`issued ${ids.length} of ${n}`);
await close();
console.log(JSON.stringify({ ms, threads: deps.signer?.threads ?? 1 }));
