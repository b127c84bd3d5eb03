import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { openDatabase, type Database, type Db } from '../src/db/client';
import { startPlatform, type Platform } from '../src/platform';
import { credentials } from '../src/credentials/credentials.tables';
import { signAndStoreCredential, signAndStoreCredentials, issueCredentials } from '../src/credentials/issue.service';
import { signDataIntegrity } from '../src/ob3/sign-data-integrity';
import { benchConfig, withServerDatabase } from './databases';
import { table } from './measure';
import { load } from './load';
import { best, combined, seedAwards, timed, type Rate } from './credentials-helpers';

const ISSUED = 100;
const ROUNDS = 3;
const WARM_UP = 50;

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
