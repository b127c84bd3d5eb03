import { createReadStream, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import copyStreams from 'pg-copy-streams';
import { openDatabase, type Database } from '../src/db/client';
import { prepare } from '../src/platform';
import { importAttendance } from '../src/attendance/import.service';
import { measure, table } from './measure';
import { benchConfig, withServerDatabase } from './databases';

const ROWS = 100_000;

/** A Zoom webinar attendee report as Zoom writes it, 100,000 attendee rows (~17 MB). */
function generateReport(file: string) {
  const head = [
    'Attendee Report,', 'Report Generated:,"Mar 12, 2026 12:30 PM"',
    'Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered,# Cancelled,Unique Viewers,Total Users,Max Concurrent Views',
    'Webinaire #1,812-345-678,"Mar 12, 2026 09:58:02",124,100000,0,100000,100000,100000',
    'Host Details,', 'Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name',
    'Attendee Details,',
    'Attended,User Name (Original Name),First Name,Last Name,Email,Phone,Registration Time,Approval Status,Join Time,Leave Time,Time in Session (minutes),Is Guest,Collectivité,Country/Region Name',
  ];
  const rows: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const minute = String(i % 50).padStart(2, '0');
    rows.push(`Yes,Agent Numéro${i},Agent,Numéro${i},agent${i}@commune${i % 500}.example,,"Mar 01, 2026 09:14:03",approved,"Mar 12, 2026 10:${minute}:12","Mar 12, 2026 11:${minute}:40",61,Yes,Commune ${i % 500},France`);
  }
  writeFileSync(file, `\uFEFF${head.join('\r\n')}\r\n${rows.join('\r\n')}\r\n`);
}

async function parseOnly(file: string) {
  let n = 0;
  await new Promise<void>((resolve, reject) => {
    Papa.parse(createReadStream(file, 'utf8') as never, { step: () => { n++; }, complete: () => resolve(), error: reject });
  });
  return n;
}

/** The floor for storing the same rows: COPY into two bare tables (learners, attendance). */
async function copyOnly(database: Database) {
  const learnersCsv = Array.from({ length: ROWS }, (_, i) => `agent${i}@commune${i % 500}.example,Agent Numéro${i},Commune ${i % 500}`).join('\n');
  const attendanceCsv = Array.from({ length: ROWS }, (_, i) => `agent${i}@commune${i % 500}.example,webinaire-1,present,61`).join('\n');
  const ddl = 'create table if not exists bench_learners (email text, name text, organisation text); create table if not exists bench_attendance (email text, event text, status text, minutes real); truncate bench_learners, bench_attendance';
  if (database.raw.kind === 'pglite') {
    const client = database.raw.client;
    await client.exec(ddl);
    await client.query("copy bench_learners from '/dev/blob' with (format csv)", [], { blob: new Blob([learnersCsv]) });
    await client.query("copy bench_attendance from '/dev/blob' with (format csv)", [], { blob: new Blob([attendanceCsv]) });
    return;
  }
  const client = await database.raw.pool.connect();
  try {
    await client.query(ddl);
    await pipeline(Readable.from([learnersCsv]), client.query(copyStreams.from('copy bench_learners from stdin with (format csv)')));
    await pipeline(Readable.from([attendanceCsv]), client.query(copyStreams.from('copy bench_attendance from stdin with (format csv)')));
  } finally {
    client.release();
  }
}

async function importOnce(database: Database, file: string) {
  const core = await prepare(benchConfig(), database);
  return importAttendance(database.db, {
    eventKey: 'webinaire-1', input: createReadStream(file), dryRun: false, acceptPartial: false, lang: 'fr', actor: { id: 'bench', email: 'bench' },
  }, { reevaluate: core.reevaluate });
}

export async function runImportBench() {
  const file = join(mkdtempSync(join(tmpdir(), 'parcours-bench-')), 'zoom-100k.csv');
  generateReport(file);
  console.log(`\n## Import: ${ROWS.toLocaleString('fr-FR')} rows, ${(statSync(file).size / 1_048_576).toFixed(1)} MB Zoom webinar report`);
  const parse = await measure(() => parseOnly(file));
  const results: Array<Record<string, string | number>> = [{ what: 'baseline: papaparse alone', database: '-', seconds: parse.ms / 1000, 'peak RSS MB': parse.peakRssMb, ratio: '' }];
  const run = async (label: string, open: () => Promise<{ database: Database; done(): Promise<void> }>) => {
    const a = await open();
    const copy = await measure(() => copyOnly(a.database));
    await a.done();
    const b = await open();
    const imported = await measure(() => importOnce(b.database, file));
    await b.done();
    const floor = parse.ms + copy.ms;
    results.push({ what: 'baseline: COPY of the same rows', database: label, seconds: copy.ms / 1000, 'peak RSS MB': copy.peakRssMb, ratio: '' });
    results.push({ what: 'Parcours import (parse + commit)', database: label, seconds: imported.ms / 1000, 'peak RSS MB': imported.peakRssMb, ratio: `${(imported.ms / floor).toFixed(2)}× (parse+COPY)` });
  };
  await run('PGlite', async () => {
    const database = await openDatabase({ dataDir: 'memory' });
    return { database, done: () => database.close() };
  });
  await withServerDatabase(async (open) => run('PostgreSQL', open));
  table(results);
}
