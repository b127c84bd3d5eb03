// Beyond one machine, measured on this one: two instances of the server (npm start) on one
// PostgreSQL database against one instance, for credential reads and for imports.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateReport } from './import-baselines';
import { seedCredentials } from './seed';
import { login, startServer, type ServerProcess } from './server-process';
import { forEachTarget, type Target } from './targets';
import { rate } from './http-load';
import { upload } from './upload';
import { table } from './measure';

const ROWS = 20_000;

async function twoAgainstOne(target: Target) {
  const [id] = await target.use((database) => seedCredentials(database, 1));
  const dir = mkdtempSync(join(tmpdir(), 'parcours-scale-'));
  const files = [0, 1, 2, 3].map((k) => {
    const file = join(dir, `zoom-${k}.csv`);
    generateReport(file, ROWS, 200_000 + k * ROWS);
    return file;
  });
  const a = await startServer(target.server);
  const b = await startServer(target.server);
  try {
    const path = `/credentials/${id}`;
    // Both instances warmed up (JIT) before either is measured.
    await Promise.all([rate(a.url, path), rate(b.url, path)]);
    const one = await rate(a.url, path);
    const both = await Promise.all([rate(a.url, path), rate(b.url, path)]);
    const imports = async (servers: ServerProcess[], pair: string[]) => {
      const tokens = await Promise.all(servers.map((s) => login(s.url)));
      const start = performance.now();
      const done = await Promise.all(
        pair.map((file, i) =>
          upload(servers[i % servers.length]!.url, tokens[i % servers.length]!, 'webinaire-1', file),
        ),
      );
      if (done.some((u) => u.status !== 201))
        throw new Error(`scale import: ${JSON.stringify(done.map((u) => u.body))}`);
      return (performance.now() - start) / 1000;
    };
    const oneImports = await imports([a], files.slice(0, 2));
    const twoImports = await imports([a, b], files.slice(2, 4));
    const perSecond = both[0]!.perSecond + both[1]!.perSecond;
    return [
      {
        what: 'GET /credentials/:id, req/s',
        'one instance': Math.round(one.perSecond),
        'two instances': Math.round(perSecond),
        'two / one': `${(perSecond / one.perSecond).toFixed(2)}×`,
      },
      {
        what: `two imports of ${ROWS.toLocaleString('en')} rows at once, rows/s`,
        'one instance': Math.round((2 * ROWS) / oneImports),
        'two instances': Math.round((2 * ROWS) / twoImports),
        'two / one': `${(oneImports / twoImports).toFixed(2)}×`,
      },
    ];
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
}

export async function runScaleBench() {
  console.log('\n## Two instances on one PostgreSQL against one (same machine: the instances, PostgreSQL and the');
  console.log('   load client share its cores, so this shows that instances share nothing but the database)');
  await forEachTarget(async (target) => table(await twoAgainstOne(target)), 'PostgreSQL');
}
