import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/app';
import { FUZZ_SEED, fuzzRuns, seededRandom } from '../helpers/fuzz';
import { listen } from '../helpers/browser';
import { keepAliveClient } from '../imports/keep-alive-client';
import { type Case, FIXTURES, makeCase } from './imports.fuzz.cases';

/**
 * Mutated attendance exports of every format, sent through the HTTP API (preview and commit,
 * raw body, multipart, streamed progress) of a listening server on keep-alive connections:
 * never a 5xx, every request answered within 5 s, the platform healthy afterwards.
 * Reproducible: FUZZ_SEED=<seed> FUZZ_RUNS=<n> npx vitest run tests/fuzz/imports.fuzz.test.ts
 */

let ctx: TestContext;
let base: string;
let auth: { authorization: string };
beforeAll(async () => {
  ctx = await buildTestApp();
  auth = await ctx.adminAuth();
  base = await listen(ctx.app);
});
afterAll(async () => {
  ctx?.app.server.closeAllConnections();
  await ctx?.close();
});

async function send(client: ReturnType<typeof keepAliveClient>, c: Case) {
  const query = new URLSearchParams({
    ...(c.dryRun ? { dryRun: 'true' } : { acceptPartial: String(c.index % 2 === 0) }),
    ...(c.mapping ? { mapping: c.mapping } : {}),
    ...(c.fileName !== undefined && !c.multipart ? { fileName: c.fileName } : {}),
  });
  const headers: Record<string, string> = { ...auth, ...(c.ndjson ? { accept: 'application/x-ndjson' } : {}) };
  let body = c.body;
  if (c.multipart) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(c.body)]), c.fileName ?? c.fixture);
    const encoded = new Request('http://form.invalid/', { method: 'POST', body: form });
    headers['content-type'] = encoded.headers.get('content-type')!;
    body = Buffer.from(await encoded.arrayBuffer());
  } else headers['content-type'] = 'text/csv';
  return client.request('POST', `/api/events/${c.event}/imports?${query}`, { headers, body });
}

describe(`import fuzzing (FUZZ_SEED=${FUZZ_SEED})`, () => {
  it('answers every mutated export with a 2xx or 4xx within 5 s, on keep-alive connections', async () => {
    const r = seededRandom(FUZZ_SEED);
    const runs = fuzzRuns(150);
    // Two keep-alive connections, each carrying half the cases one after the other.
    const clients = [keepAliveClient(base, 5_000), keepAliveClient(base, 5_000)];
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let slowest = { ms: 0, case: '' };
    const cases = Array.from({ length: runs }, (_, i) => makeCase(i, r));
    try {
      await Promise.all(
        clients.map(async (client, k) => {
          for (const c of cases.filter((x) => x.index % clients.length === k)) {
            const describeCase = [
              `#${c.index} ${c.fixture} [${c.mutations.join(' + ')}] ${c.event} ${c.dryRun ? 'dryRun' : 'commit'}`,
              c.multipart ? ' multipart' : '',
              c.ndjson ? ' ndjson' : '',
              c.mapping ? ` mapping=${c.mapping}` : '',
              c.fileName !== undefined ? ` fileName=${JSON.stringify(c.fileName)}` : '',
              ` (${c.body.length} B)`,
            ].join('');
            try {
              const res = await send(client, c);
              statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
              if (res.ms > slowest.ms) slowest = { ms: res.ms, case: describeCase };
              // Streamed progress: the status is 200, the outcome is the last line.
              const last =
                c.ndjson && res.status === 200
                  ? (JSON.parse(res.body.trim().split('\n').at(-1)!) as { type: string; status?: number })
                  : undefined;
              if (res.status >= 500 || (last?.type === 'error' && (last.status ?? 500) >= 500)) {
                failures.push(`${describeCase}: ${res.status} ${res.body.slice(0, 300)}`);
                // FUZZ_DUMP=<folder>: the failing inputs as files, to replay by hand.
                if (process.env.FUZZ_DUMP)
                  writeFileSync(join(process.env.FUZZ_DUMP, `case-${c.index}-${c.event}.bin`), c.body);
              } else if (res.ms > 5_000) failures.push(`${describeCase}: ${res.ms} ms`);
            } catch (error) {
              failures.push(`${describeCase}: ${(error as Error).message}`);
              if (process.env.FUZZ_DUMP)
                writeFileSync(join(process.env.FUZZ_DUMP, `case-${c.index}-${c.event}.bin`), c.body);
            }
          }
        }),
      );
    } finally {
      for (const c of clients) c.close();
    }
    if (process.env.FUZZ_VERBOSE) console.log(Object.fromEntries(statuses), slowest);
    expect(failures, `replay with FUZZ_SEED=${FUZZ_SEED} FUZZ_RUNS=${runs}`).toEqual([]);
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
  }, 300_000);

  it('is healthy afterwards: /health, and a clean export imports', async () => {
    const client = keepAliveClient(base, 5_000);
    try {
      expect((await client.request('GET', '/health')).status).toBe(200);
      const clean = FIXTURES.find((f) => f.name === 'zoom-webinar-2025.csv')!.bytes;
      const res = await client.request('POST', '/api/events/webinaire-2/imports?acceptPartial=true', {
        headers: { ...auth, 'content-type': 'text/csv' },
        body: clean,
      });
      expect([200, 201], res.body).toContain(res.status);
      expect(JSON.parse(res.body)).toMatchObject({ format: 'zoom-webinar' });
      expect(JSON.parse(res.body).importId).toBeTruthy();
    } finally {
      client.close();
    }
  });
});
