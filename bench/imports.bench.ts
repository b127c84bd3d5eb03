// Imports end to end: the Zoom report uploaded over HTTP to the server as `npm start` runs it, beside
// the floor measured in the same run (papaparse alone + COPY of the same rows into plain tables).
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { buildServices } from '../src/platform';
import { copyIntoBareTables, copyIntoSchema, generateReport, parseOnly, ROWS } from './import-baselines';
import { login, serverConfig, startServer } from './server-process';
import { forEachTarget, type Target } from './targets';
import { upload } from './upload';
import { measure, table } from './measure';

const SMALL = 10_000;

export function reports() {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-bench-'));
  const big = join(dir, 'zoom-100k.csv');
  const small = join(dir, 'zoom-10k.csv');
  generateReport(big);
  // Other people than the big file's: both files create all their learners.
  generateReport(small, SMALL, ROWS);
  return { big, small };
}

async function importsOn(target: Target, files: ReturnType<typeof reports>, parseMs: number) {
  // The floor, on the same database: COPY into bare tables and into ours (then emptied for the import).
  const floor = await target.use(async (database) => {
    const services = await buildServices(serverConfig(), { database });
    services.mailer.close();
    const bare = await measure(() => copyIntoBareTables(database));
    const ours = await measure(() => copyIntoSchema(database));
    await database.db.execute(sql`drop table bench_learners, bench_attendance`);
    await database.db.execute(sql`truncate learners, attendance cascade`);
    return { bare: bare.ms, ours: ours.ms };
  });
  const server = await startServer(target.server);
  try {
    const token = await login(server.url);
    const small = await upload(server.url, token, 'webinaire-1', files.small);
    const restMb = server.rssMb();
    server.resetPeak();
    const big = await upload(server.url, token, 'webinaire-1', files.big);
    const peakMb = server.peakRssMb();
    for (const [u, n] of [
      [small, SMALL],
      [big, ROWS],
    ] as const)
      if (u.status !== 201 || u.body.learnersCreated !== n)
        throw new Error(`import: ${u.status} ${JSON.stringify(u.body)}`);
    const plain = parseMs + floor.bare;
    const s = (ms: number) => (ms / 1000).toFixed(2);
    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
    return [
      {
        database: target.label,
        what: `POST …/imports, ${ROWS.toLocaleString('en')} rows`,
        seconds: big.ms / 1000,
        floor: `${s(plain)} s = parse ${s(parseMs)} + COPY ${s(floor.bare)}`,
        ratio: `${(big.ms / plain).toFixed(2)}× (target ≤ 2×: ${verdict(big.ms <= 2 * plain)})`,
        'vs COPY into our tables': `${(big.ms / (parseMs + floor.ours)).toFixed(2)}× (${s(floor.ours)} s)`,
        'server peak RSS MB': `${Math.round(peakMb)} (at rest ${Math.round(restMb)}; < 300: ${verdict(peakMb < 300)})`,
      },
      {
        database: target.label,
        what: `POST …/imports, ${SMALL.toLocaleString('en')} rows`,
        seconds: small.ms / 1000,
        floor: '',
        ratio: target.label === 'PostgreSQL' ? `target ≤ 1 s: ${verdict(small.ms <= 1000)}` : '',
        'vs COPY into our tables': '',
        'server peak RSS MB': '',
      },
    ];
  } finally {
    await server.stop();
  }
}

export async function runImportsBench() {
  const files = reports();
  console.log(
    `\n## Imports, end to end: a Zoom report of ${ROWS.toLocaleString('en')} rows ` +
      `(${(statSync(files.big).size / 1_048_576).toFixed(1)} MB) uploaded to the server (npm start), after one of ` +
      `${SMALL.toLocaleString('en')} rows`,
  );
  // The parser alone is cheap: best of three, so a noisy moment does not flatter the ratio.
  let parseMs = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) parseMs = Math.min(parseMs, (await measure(() => parseOnly(files.big))).ms);
  const rows: Array<Record<string, string | number>> = [];
  await forEachTarget(async (target) => {
    rows.push(...(await importsOn(target, files, parseMs)));
  });
  table(rows);
  console.log('Where the time goes inside the server: `npm run bench -- import-breakdown` (in-process, per step).');
}
