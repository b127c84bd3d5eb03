// POST /api/verify of our own credentials, end to end: each request from another client address
// (the budget is per address), the server's CPU time read from /proc to give a rate per core.
import { credentials } from '../src/credentials/credentials.tables';
import { inArray } from 'drizzle-orm';
import { seedCredentials } from './seed';
import { startServer } from './server-process';
import { forEachTarget, type Target } from './targets';
import { LOAD_SECONDS, rate } from './http-load';
import { table } from './measure';

const DISTINCT = 20;
const TARGET_PER_CORE = 150;

async function verifyOn(target: Target, rows: Array<Record<string, string | number>>) {
  const bodies = await target.use(async (database) => {
    const ids = await seedCredentials(database, DISTINCT);
    const rows = await database.db.select().from(credentials).where(inArray(credentials.id, ids));
    return rows.map((r) => r.json);
  });
  const server = await startServer(target.server);
  try {
    const headers = { 'content-type': 'application/json' };
    // A cold process compiles the schema and the JSON-LD contexts first: on a loaded machine the
    // first answers may pass the verification's time budget, so the check allows a few tries.
    let answer: { valid?: boolean; issuedByThisPlatform?: boolean } = {};
    for (let i = 0; i < 5 && !answer.valid; i++) {
      const res = await fetch(`${server.url}/api/verify`, { method: 'POST', headers, body: bodies[0] });
      answer = (await res.json()) as typeof answer;
    }
    if (!answer.valid || !answer.issuedByThisPlatform) throw new Error(`verify: ${JSON.stringify(answer)}`);
    const load = await rate(server.url, '/api/verify', {
      method: 'POST',
      headers,
      bodies,
      fresh: true,
      pid: server.pid,
    });
    // Per core: verifications per CPU second of the server's process (all its threads).
    const { cpu } = load;
    const perCore = (load.perSecond * LOAD_SECONDS) / cpu;
    rows.push({
      database: target.label,
      'verified/s (wall)': Math.round(load.perSecond),
      'server CPU s': Math.round(cpu * 10) / 10,
      'verified per CPU-second': Math.round(perCore),
      target: perCore >= TARGET_PER_CORE ? '≥ 150 per core met' : '≥ 150 per core MISSED',
      failed: load.failed,
    });
  } finally {
    await server.stop();
  }
}

export async function runVerifyBench(only?: 'PGlite' | 'PostgreSQL') {
  console.log(
    `\n## POST /api/verify, end to end (${DISTINCT} of our credentials in turn; ` +
      'status list and DID document read locally)',
  );
  const rows: Array<Record<string, string | number>> = [];
  await forEachTarget((target) => verifyOn(target, rows), only);
  table(rows);
}
