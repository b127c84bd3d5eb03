// Public reads end to end: the server as `npm start` runs it, autocannon from this process, and a
// bare Fastify route serving the same bytes (its own process) measured in the same run.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedCredentials } from './seed';
import { startServer, type ServerProcess } from './server-process';
import { forEachTarget, type Target } from './targets';
import { rate } from './http-load';
import { table } from './measure';

const TARGET = 0.6;
const ROUNDS = 2;

/** The public documents of one credential, its badge and its status list. */
export const publicPaths = (id: string) => [
  { what: 'GET /credentials/:id (JSON)', path: `/credentials/${id}` },
  { what: 'GET /credentials/:id.jwt', path: `/credentials/${id}.jwt` },
  { what: 'GET /credentials/:id.png (baked)', path: `/credentials/${id}.png` },
  { what: 'GET /credentials/:id.svg (baked)', path: `/credentials/${id}.svg` },
  { what: 'GET /achievements/:key', path: '/achievements/data-juridique' },
  { what: 'GET /status/:listId', path: '/status/1' },
];

/** Starts the bare baseline serving, for each path, the bytes and media type our server answers. */
export async function bareTwin(ours: string, paths: Array<{ path: string }>): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-bare-'));
  const manifest = await Promise.all(
    paths.map(async ({ path }, i) => {
      const res = await fetch(`${ours}${path}`);
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      const file = join(dir, `body-${i}`);
      writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      return { path, type: res.headers.get('content-type'), file };
    }),
  );
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return startServer({}, { BARE_MANIFEST: join(dir, 'manifest.json') }, 'dist/bench-bare-server.mjs');
}

/** Each public document's ETag is honoured: If-None-Match answers 304 without a body. */
async function conditional(base: string, path: string): Promise<string> {
  const first = await fetch(`${base}${path}`);
  const etag = first.headers.get('etag');
  const again = await fetch(`${base}${path}`, { headers: etag ? { 'if-none-match': etag } : {} });
  return `${again.status} · ${first.headers.get('cache-control')}`;
}

async function readsOn(target: Target, rows: Array<Record<string, string | number>>) {
  const [id] = await target.use((database) => seedCredentials(database, 1));
  const server = await startServer(target.server);
  const paths = publicPaths(id!);
  const bare = await bareTwin(server.url, paths);
  try {
    // Both processes warmed up on every path first (JIT), then ours and the bare route alternate,
    // best of ROUNDS each: a neighbour's burst on this shared machine flatters neither side.
    for (const { path } of paths) await Promise.all([rate(server.url, path), rate(bare.url, path)]);
    for (const { what, path } of paths) {
      let [ours, theirs] = [
        { perSecond: 0, failed: 0 },
        { perSecond: 0, failed: 0 },
      ];
      for (let round = 0; round < ROUNDS; round++) {
        const a = await rate(server.url, path, { warmUp: 0 });
        const b = await rate(bare.url, path, { warmUp: 0 });
        ours = a.perSecond > ours.perSecond ? a : ours;
        theirs = b.perSecond > theirs.perSecond ? b : theirs;
      }
      rows.push({
        database: target.label,
        what,
        'req/s': Math.round(ours.perSecond),
        'bare route req/s': Math.round(theirs.perSecond),
        ratio: `${Math.round((100 * ours.perSecond) / theirs.perSecond)} %`,
        target: ours.perSecond >= TARGET * theirs.perSecond ? '≥ 60 % met' : '≥ 60 % MISSED',
        'If-None-Match': await conditional(server.url, path),
        failed: ours.failed + theirs.failed,
      });
    }
  } finally {
    await bare.stop();
    await server.stop();
  }
}

export async function runReadsBench(only?: Target['label']) {
  console.log('\n## Reads, end to end (npm start in its own process; autocannon, 10 connections, keep-alive)');
  const rows: Array<Record<string, string | number>> = [];
  await forEachTarget((target) => readsOn(target, rows), only);
  table(rows);
}
