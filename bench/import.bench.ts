import { mkdtempSync, statSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { build } from 'esbuild';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../src/db/client';
import { buildServices } from '../src/platform';
import { measure, table } from './measure';
import { benchConfig, withServerDatabase, type BenchDatabase } from './databases';
import { copyIntoBareTables, copyIntoSchema, generateReport, parseOnly, ROWS } from './import-baselines';

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
