import { createReadStream } from 'node:fs';
import { openDatabase } from '../src/db/client';
import { buildServices } from '../src/platform';
import { importAttendance } from '../src/attendance/import.service';
import { benchConfig } from './databases';

/**
 * One import in a process of its own: its peak resident memory is the platform's plus the
 * import's, not the benchmark's generated data and baselines. Prints one JSON line.
 * Usage: import-child.ts FILE [DATABASE_URL]  (no URL: PGlite in memory, inside this process).
 */
const [file, url] = process.argv.slice(2);
const database = await openDatabase(url ? { url, dataDir: 'memory' } : { dataDir: 'memory' });
const core = await buildServices(benchConfig(), { database });
global.gc?.();
const platformRssMb = process.memoryUsage().rss / 1_048_576;
const steps: Record<string, number> = {};
let peakHeapMb = 0;
const sampler = setInterval(() => {
  peakHeapMb = Math.max(peakHeapMb, process.memoryUsage().heapUsed / 1_048_576);
}, 10);
const start = performance.now();
let last = start;
const result = await importAttendance(
  {
    db: database.db,
    awards: core.awards,
    afterStep(step) {
      const now = performance.now();
      const name = step === 'staged' ? 'stage' : step;
      steps[name] = (steps[name] ?? 0) + (now - last);
      last = now;
    },
  },
  { id: 'bench', email: 'bench' },
  {
    eventKey: 'webinaire-1',
    input: createReadStream(file!),
    dryRun: false,
    acceptPartial: false,
    lang: 'fr',
  },
);
const ms = performance.now() - start;
clearInterval(sampler);
await database.close();
console.log(
  JSON.stringify({
    ms,
    steps,
    platformRssMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    people: 'peopleCount' in result ? result.peopleCount : result.people.length,
    learnersCreated: 'learnersCreated' in result ? result.learnersCreated : 0,
    peakHeapMb,
  }),
);
