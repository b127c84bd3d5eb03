import { createReadStream, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { build } from 'esbuild';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import copyStreams from 'pg-copy-streams';
import { openDatabase, type Database } from '../src/db/client';
import { buildServices } from '../src/platform';
import { measure, table } from './measure';
import { benchConfig, withServerDatabase, type BenchDatabase } from './databases';

const ROWS = 100_000;

/** The benchmark's people: the report and both COPY baselines are written from the same values. */
function agent(i: number) {
  const minute = String(i % 50).padStart(2, '0');
  return {
    email: `agent${i}@commune${i % 500}.example`,
    name: `Agent Numéro${i}`,
    organisation: `Commune ${i % 500}`,
    joinedAt: `2026-03-12T09:${minute}:12Z`,
    leftAt: `2026-03-12T10:${minute}:40Z`,
    zoomJoin: `Mar 12, 2026 10:${minute}:12`,
    zoomLeave: `Mar 12, 2026 11:${minute}:40`,
  };
}

/** A Zoom webinar attendee report as Zoom writes it, 100,000 attendee rows (~17 MB). */
function generateReport(file: string) {
  const head = [
    'Attendee Report,',
    'Report Generated:,"Mar 12, 2026 12:30 PM"',
    'Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered,# Cancelled,' +
      'Unique Viewers,Total Users,Max Concurrent Views',
    'Webinaire #1,812-345-678,"Mar 12, 2026 09:58:02",124,100000,0,100000,100000,100000',
    'Host Details,',
    'Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),' +
      'Is Guest,Country/Region Name',
    'Attendee Details,',
    'Attended,User Name (Original Name),First Name,Last Name,Email,Phone,Registration Time,Approval Status,' +
      'Join Time,Leave Time,Time in Session (minutes),Is Guest,Collectivité,Country/Region Name',
  ];
  const rows: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const a = agent(i);
    rows.push(
      `Yes,${a.name},Agent,Numéro${i},${a.email},,"Mar 01, 2026 09:14:03",approved,` +
        `"${a.zoomJoin}","${a.zoomLeave}",61,Yes,${a.organisation},France`,
    );
  }
  writeFileSync(file, `\uFEFF${head.join('\r\n')}\r\n${rows.join('\r\n')}\r\n`);
}

async function parseOnly(file: string) {
  let n = 0;
  await new Promise<void>((resolve, reject) => {
    Papa.parse(createReadStream(file, 'utf8') as never, {
      step: () => {
        n++;
      },
      complete: () => resolve(),
      error: reject,
    });
  });
  return n;
}

async function copyCsv(database: Database, target: string, csv: string) {
  if (database.raw.kind === 'pglite') {
    await database.raw.client.query(`copy ${target} from '/dev/blob' with (format csv)`, [], { blob: new Blob([csv]) });
    return;
  }
  const client = await database.raw.pool.connect();
  try {
    await pipeline(Readable.from([csv]), client.query(copyStreams.from(`copy ${target} from stdin with (format csv)`)));
  } finally {
    client.release();
  }
}

const csvOf = (rows: unknown[][]) => Papa.unparse(rows, { newline: '\n' });

/**
 * The floor for storing the same rows: COPY of the learners and their attendance into the
 * platform's own tables (their keys, unique indexes and foreign keys), ids made beforehand.
 */
async function copyIntoSchema(database: Database) {
  const ids = Array.from({ length: ROWS }, () => randomUUID());
  const learners = csvOf(
    ids.map((id, i) => {
      const a = agent(i);
      return [id, a.email, a.name, a.organisation];
    }),
  );
  const attendance = csvOf(
    ids.map((id, i) => {
      const a = agent(i);
      return [
        id,
        'webinaire-1',
        'present',
        61.5,
        a.joinedAt,
        a.leftAt,
        'import:zoom-webinar',
        'Présent 61,5 min sur 90 min (seuil : 45 min).',
      ];
    }),
  );
  await copyCsv(database, 'learners (id, email, name, organisation)', learners);
  await copyCsv(
    database,
    'attendance (learner_id, event_key, status, minutes, first_seen_at, last_seen_at, source, reason)',
    attendance,
  );
}

/** The same rows into two bare tables without keys or indexes: what COPY costs with nothing to check. */
async function copyIntoBareTables(database: Database) {
  const ddl =
    'create table bench_learners (email text, name text, organisation text); ' +
    'create table bench_attendance (email text, event text, status text, minutes real)';
  if (database.raw.kind === 'pglite') await database.raw.client.exec(ddl);
  else await database.raw.pool.query(ddl);
  await copyCsv(
    database,
    'bench_learners',
    csvOf(
      Array.from({ length: ROWS }, (_, i) => {
        const a = agent(i);
        return [a.email, a.name, a.organisation];
      }),
    ),
  );
  await copyCsv(
    database,
    'bench_attendance',
    csvOf(Array.from({ length: ROWS }, (_, i) => [agent(i).email, 'webinaire-1', 'present', 61])),
  );
}

interface ChildResult {
  ms: number;
  steps: Record<string, number>;
  platformRssMb: number;
  peakRssMb: number;
  people: number;
  learnersCreated: number;
}

const run = promisify(execFile);

// The child runs bundled, as `npm start` runs the server: its memory is the product's, not tsx's.
const CHILD = 'dist/bench-import-child.mjs';
const bundleChild = () =>
  build({
    entryPoints: ['bench/import-child.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    outfile: CHILD,
    logLevel: 'warning',
  });

async function importInChild(file: string, url?: string): Promise<ChildResult> {
  const { stdout } = await run(process.execPath, ['--expose-gc', CHILD, file, ...(url ? [url] : [])], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildResult;
  if (result.people !== ROWS || result.learnersCreated !== ROWS)
    throw new Error(`import bench: expected ${ROWS} people, got ${stdout}`);
  return result;
}

/** A fresh, migrated database for each measurement: nothing from one leaks into the next. */
async function onFresh<T>(open: () => Promise<BenchDatabase>, body: (database: Database) => Promise<T>) {
  const fresh = await open();
  try {
    await buildServices(benchConfig(), { database: fresh.database });
    return await measure(() => body(fresh.database));
  } finally {
    await fresh.done();
  }
}

export async function runImportBench() {
  const file = join(mkdtempSync(join(tmpdir(), 'parcours-bench-')), 'zoom-100k.csv');
  generateReport(file);
  await bundleChild();
  console.log(
    `\n## Import: ${ROWS.toLocaleString('fr-FR')} rows, ` +
      `${(statSync(file).size / 1_048_576).toFixed(1)} MB Zoom webinar report`,
  );
  // The parser baseline is cheap: best of three, so a noisy moment does not flatter the ratio.
  let parse = await measure(() => parseOnly(file));
  for (let i = 0; i < 2; i++) {
    const again = await measure(() => parseOnly(file));
    if (again.ms < parse.ms) parse = again;
  }
  const results: Array<Record<string, string | number>> = [
    { what: 'baseline: papaparse alone', database: '-', seconds: parse.ms / 1000, 'peak RSS MB': '', ratio: '' },
  ];
  const breakdown: Array<Record<string, string | number>> = [];
  const bench = async (label: string, open: () => Promise<BenchDatabase>) => {
    const bare = await onFresh(open, copyIntoBareTables);
    const schema = await onFresh(open, copyIntoSchema);
    const target = await open();
    let imported: ChildResult;
    try {
      imported = await importInChild(file, target.url);
    } finally {
      await target.done();
    }
    const floor = parse.ms + schema.ms;
    results.push({
      what: 'baseline: COPY into bare tables',
      database: label,
      seconds: bare.ms / 1000,
      'peak RSS MB': '',
      ratio: '',
    });
    results.push({
      what: 'baseline: COPY into our tables',
      database: label,
      seconds: schema.ms / 1000,
      'peak RSS MB': '',
      ratio: '',
    });
    results.push({
      what: 'Parcours import (parse + commit)',
      database: label,
      seconds: imported.ms / 1000,
      'peak RSS MB': imported.peakRssMb,
      ratio:
        `${(imported.ms / floor).toFixed(2)}× parse+COPY ` +
        `(${(imported.ms / (parse.ms + bare.ms)).toFixed(1)}× with bare tables)`,
    });
    breakdown.push({
      database: label,
      ...Object.fromEntries(Object.entries(imported.steps).map(([k, v]) => [k, v / 1000])),
      'platform RSS MB before': imported.platformRssMb,
    });
  };
  await bench('PGlite', async () => {
    const database = await openDatabase({ dataDir: 'memory' });
    return { database, done: () => database.close() };
  });
  await withServerDatabase(async (open) => bench('PostgreSQL', open));
  table(results);
  console.log(
    'Where the import’s time goes (seconds per step; ' +
      'peak RSS measured in a process running only the platform and the import):',
  );
  table(breakdown);
}
