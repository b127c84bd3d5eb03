import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import Fastify from 'fastify';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { openDatabase, type Database, type Db } from '../src/db/client';
import { startPlatform, type Platform } from '../src/platform';
import { learners } from '../src/learners/learners.tables';
import { awards } from '../src/badges/awards.tables';
import { credentials } from '../src/credentials/credentials.tables';
import type { AwardEvidence } from '../src/badges/evidence';
import { signAndStoreCredential, signAndStoreCredentials, issueCredentials } from '../src/credentials/issue.service';
import { signDataIntegrity } from '../src/ob3/sign-data-integrity';
import { benchConfig, withServerDatabase } from './databases';
import { table } from './measure';

const ISSUED = 100;
const ROUNDS = 3;
const WARM_UP = 50;

// The load client runs in a worker thread (its own event loop), in plain CommonJS: node:http
// with keep-alive, `total` requests, `concurrency` at a time, loopback only.
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, method, body, headers, concurrency, total } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
let sent = 0, errors = 0;
const one = () => new Promise((resolve) => {
  const req = http.request(url, { method, agent, headers }, (res) => {
    res.resume();
    res.on('end', () => { if (res.statusCode !== 200) errors++; resolve(); });
  });
  req.on('error', () => { errors++; resolve(); });
  req.end(body ? Buffer.from(body) : undefined);
});
const loop = async () => { while (sent < total) { sent++; await one(); } };
const start = process.hrtime.bigint();
Promise.all(Array.from({ length: concurrency }, loop)).then(() => {
  agent.destroy();
  parentPort.postMessage({ total, seconds: Number(process.hrtime.bigint() - start) / 1e9, errors });
});`;

interface Load {
  url: string;
  total: number;
  concurrency: number;
  method?: string;
  body?: string;
  headers?: Record<string, string>;
}

async function load(options: Load): Promise<{ perSecond: number; errors: number }> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(options.url)) throw new Error('loopback only');
  const worker = new Worker(CLIENT, { eval: true, workerData: { method: 'GET', headers: {}, ...options } });
  try {
    const r = await new Promise<{ total: number; seconds: number; errors: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    return { perSecond: r.total / r.seconds, errors: r.errors };
  } finally {
    await worker.terminate();
  }
}

interface Rate {
  wall: number;
  cpu: number;
}

/**
 * Operations per second, of wall time and of this process's CPU time (user + system): the
 * machine is shared, and CPU time is what the neighbours disturb least. PGlite runs in this
 * thread, so its work counts; a PostgreSQL server's does not.
 */
async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<Rate> {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (let i = 0; i < n; i += 1) await fn(i);
  const { user, system } = process.cpuUsage(cpu0);
  return { wall: n / ((performance.now() - wall0) / 1000), cpu: n / ((user + system) / 1e6) };
}

const best = (a: Rate, b: Rate): Rate => ({ wall: Math.max(a.wall, b.wall), cpu: Math.max(a.cpu, b.cpu) });
const combined = (a: Rate, b: Rate): Rate => ({
  wall: 1 / (1 / a.wall + 1 / b.wall),
  cpu: 1 / (1 / a.cpu + 1 / b.cpu),
});

/** Learners and awards inserted directly (no hook), so issuance alone is timed below. */
async function seedAwards(platform: Platform, n: number) {
  const { programme } = platform.services;
  const title = (key: string) => programme.events.find((e) => e.key === key)!.title;
  const evidence: AwardEvidence = {
    events: ['webinaire-1', 'webinaire-2', 'atelier-juridique'].map((key) => ({
      key,
      title: title(key),
      date: '2026-03-12T09:05:00Z',
      minutes: 95,
      status: 'present',
      source: 'zoom',
    })),
    attempts: [
      {
        id: '6f1d1a52-4b1e-4d2f-9f3e-2d1c0b9a8e7f',
        quiz: 'quiz-juridique',
        title: programme.quizzes[0]!.title,
        score: 8,
        maxScore: 9,
        percent: 88.9,
        submittedAt: '2026-04-09T11:00:00Z',
      },
    ],
    badges: [],
  };
  const people = await platform.database.db
    .insert(learners)
    .values(
      Array.from({ length: n }, (_, i) => ({ email: `agent.${i}@commune-${i % 37}.example`, name: `Agent ${i}` })),
    )
    .returning({ id: learners.id });
  return platform.database.db
    .insert(awards)
    .values(people.map((p) => ({ learnerId: p.id, badgeKey: 'data-juridique', method: 'rule' as const, evidence })))
    .returning();
}

async function issuance(platform: Platform, label: string) {
  const { db } = platform.database;
  const { deps } = platform.services.credentials;
  const rows = await seedAwards(platform, WARM_UP + ROUNDS * (2 * ISSUED + ISSUED / 4));
  let next = 0;
  // Awards come in batches, in the transaction of what caused them (an import, an evaluation):
  // issuance is timed as it runs there, the whole batch in one transaction. A manual award is
  // one at a time: timed too.
  type Award = (typeof rows)[number];
  type Step = (tx: Db, awards: Award[], d: typeof deps) => Promise<unknown>;
  const oneByOne: Step = async (tx, awards, d) => {
    for (const a of awards) await signAndStoreCredential(tx, a, d);
  };
  const batch = (n: number, step: Step = signAndStoreCredentials) =>
    db.transaction(async (tx) => {
      const awards = rows.slice(next, next + n);
      next += n;
      await step(tx, awards, deps);
    });
  const issued = async (n: number, step: Step = signAndStoreCredentials) => {
    const rate = await timed(1, () => batch(n, step));
    return { wall: rate.wall * n, cpu: rate.cpu * n };
  };

  // The same document, raw: RDFC-1.0 canonicalisation alone, and one Ed25519 signature alone.
  await batch(1);
  const sample = JSON.parse((await db.select().from(credentials).limit(1))[0]!.json);
  const { proof: _proof, ...unsigned } = sample;
  const canonicalise = () =>
    cryptosuite.canonize(unsigned, { documentLoader: deps.documentLoader as never, base: null, safe: true });
  const keys = await deps.keyring.signing(db);
  const signer = (
    await Ed25519Multikey.from({
      ...keys.ed25519,
      type: 'Multikey',
      controller: keys.issuerId,
      id: `${keys.issuerId}#${keys.ed25519.id}`,
    })
  ).signer();
  const digest = createHash('sha256').update(JSON.stringify(unsigned)).digest();
  const sign = () => signer.sign({ data: digest });
  const proofOnly = () => signDataIntegrity(unsigned, { key: keys.ed25519, documentLoader: deps.documentLoader });

  // JSON-LD processing is JIT-heavy: every path is warmed up, then rounds alternate and the
  // best round of each counts, so neither side is measured colder than the other.
  await batch(WARM_UP - 1, issueCredentials);
  await timed(WARM_UP, canonicalise);
  await timed(WARM_UP * 10, sign);
  await timed(WARM_UP, proofOnly);
  const zero = { wall: 0, cpu: 0 };
  let [issue, single, withMail, proof, canon, signed] = [zero, zero, zero, zero, zero, zero];
  for (let round = 0; round < ROUNDS; round += 1) {
    issue = best(issue, await issued(ISSUED));
    single = best(single, await issued(ISSUED / 4, oneByOne));
    withMail = best(withMail, await issued(ISSUED, issueCredentials));
    proof = best(proof, await timed(ISSUED, proofOnly));
    canon = best(canon, await timed(ISSUED, canonicalise));
    signed = best(signed, await timed(ISSUED * 10, sign));
  }
  const raw = combined(canon, signed);
  const row = (what: string, r: Rate) => ({
    database: label,
    what,
    'per s (wall)': r.wall,
    'per s (CPU)': r.cpu,
    'ms CPU each': 1000 / r.cpu,
  });
  table([
    row('issue: build + DI + JWT + store (a batch of awards)', issue),
    row('the same, one award at a time (manual award)', single),
    row('awards hook: the same batch + award e-mails', withMail),
    row('Data Integrity proof alone (2 canonicalisations)', proof),
    row('raw RDFC-1.0 canonicalisation', canon),
    row('raw Ed25519 signature', signed),
    row('raw canonicalise + sign', raw),
  ]);
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  console.log(
    `${label}: issuance costs ${ratio(raw.wall, issue.wall)}× raw canonicalise+sign in wall time, ` +
      `${ratio(raw.cpu, issue.cpu)}× in CPU time (target ≤ 2×); ` +
      `one award at a time ${ratio(raw.wall, single.wall)}×`,
  );
}

async function http(platform: Platform) {
  const { db } = platform.database;
  const row = (await db.select().from(credentials).limit(1))[0]!;
  const base = await platform.app
    .listen({ host: '127.0.0.1', port: 0 })
    .then(() => `http://127.0.0.1:${(platform.app.server.address() as AddressInfo).port}`);
  const bare = Fastify();
  bare.get('/credentials/:id', (_request, reply) => {
    reply.type('application/vc+ld+json').send(row.json);
  });
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const bareBase = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`;
  const get = (root: string, total: number) => load({ url: `${root}/credentials/${row.id}`, total, concurrency: 16 });
  await get(base, 1000);
  await get(bareBase, 1000);
  const ours = await get(base, 10_000);
  const theirs = await get(bareBase, 10_000);
  const verify = {
    url: `${base}/api/verify`,
    method: 'POST',
    body: row.json,
    headers: { 'content-type': 'application/json' },
    concurrency: 4,
  };
  await load({ ...verify, total: 20 });
  const verified = await load({ ...verify, total: 200 });
  table([
    { what: 'GET /credentials/:id', perSecond: ours.perSecond, errors: ours.errors },
    { what: 'bare Fastify route, same bytes', perSecond: theirs.perSecond, errors: theirs.errors },
    { what: 'POST /api/verify (JSON, DI + status list)', perSecond: verified.perSecond, errors: verified.errors },
  ]);
  console.log(
    `GET /credentials/:id reaches ${((100 * ours.perSecond) / theirs.perSecond).toFixed(0)} % ` +
      'of the bare route (target ≥ 40 %)',
  );
  await bare.close();
}

async function onDatabase(database: Database, _label: string, body: (platform: Platform) => Promise<void>) {
  const platform = await startPlatform(benchConfig(), { database, worker: false });
  try {
    await body(platform);
  } finally {
    await platform.stop();
  }
}

/** Credentials: issuance beside raw signing, public GET beside a bare route, verification. */
export async function runCredentialsBench() {
  console.log(`\n== credentials (best of ${ROUNDS} rounds of ${ISSUED} after ${WARM_UP} warm-up) ==`);
  const pglite = await openDatabase({ dataDir: 'memory' });
  try {
    await onDatabase(pglite, 'PGlite', async (platform) => {
      await issuance(platform, 'PGlite');
      await http(platform);
    });
  } finally {
    await pglite.close();
  }
  await withServerDatabase(async (open) => {
    const { database, done } = await open();
    try {
      await onDatabase(database, 'PostgreSQL', (platform) => issuance(platform, 'PostgreSQL'));
    } finally {
      await done();
    }
  });
}
