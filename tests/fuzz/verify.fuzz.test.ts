import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCredentialsService } from '../../src/credentials/credentials.service';
import { buildTestApp, type TestContext } from '../helpers/app';
import { FUZZ_SEED, fuzzRuns, seededRandom } from '../helpers/fuzz';
import { caseFor } from './verify.fuzz.cases';
import { credentialsOf, earnTopic, servicesOf } from '../credentials/app-helpers';

/**
 * Malformed credentials of every kind sent to POST /api/verify through a listening server, over
 * keep-alive connections (Node's fetch reuses them): never a 5xx, every request answered, none
 * longer than 5 s, and the platform healthy afterwards. Seeded: FUZZ_SEED=… replays a failure
 * exactly, FUZZ_RUNS=… runs more cases (the default is a few seconds).
 */
const RUNS = fuzzRuns(160);
const MAX_MS = 5000;

let ctx: TestContext;
let base: string;
let json: Record<string, unknown>;
let jwt: string;
let png: Buffer;
let svg: string;

beforeAll(async () => {
  // A rate limit that fuzzing cannot reach; the limit itself is tested in tests/credentials/verify-rate-limit.test.ts.
  ctx = await buildTestApp({ verifyRateLimit: { max: 1_000_000, windowSeconds: 60 } });
  // No real network from a test: every outside document is a quick 404.
  const fetch = (async () => new Response('not here', { status: 404 })) as unknown as typeof globalThis.fetch;
  const services = servicesOf(ctx);
  services.credentials.verify = buildCredentialsService({
    config: services.config,
    programme: services.programme,
    fetch,
  }).verify;
  const learner = await earnTopic(ctx, 'fuzz-verify@parcours.test', 'juridique');
  const id = (await credentialsOf(ctx, learner, 'fuzz-verify@parcours.test'))[0]!.id;
  json = (await ctx.app.inject({ url: `/credentials/${id}.json` })).json();
  jwt = (await ctx.app.inject({ url: `/credentials/${id}.jwt` })).body;
  png = (await ctx.app.inject({ url: `/credentials/${id}.png` })).rawPayload;
  svg = (await ctx.app.inject({ url: `/credentials/${id}.svg` })).body;
  base = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
}, 60_000);
afterAll(async () => ctx?.close());

describe(`POST /api/verify under fuzzing (FUZZ_SEED=${FUZZ_SEED}, ${RUNS} cases)`, () => {
  it('never answers a 5xx, answers every request, within 5 s each; the platform is healthy afterwards', async () => {
    const r = seededRandom(FUZZ_SEED);
    const samples = { json, jwt, png, svg };
    const cases = Array.from({ length: RUNS }, () => caseFor(r, samples));
    const statuses = new Map<string, number>();
    // Two clients at a time, each on its keep-alive connection(s): fetch (undici) reuses sockets.
    for (let i = 0; i < cases.length; i += 2) {
      await Promise.all(
        cases.slice(i, i + 2).map(async (c, j) => {
          const label = `FUZZ_SEED=${FUZZ_SEED} case ${i + j} (${c.kind}, ${c.body.length} bytes)`;
          const started = performance.now();
          let status: number;
          let text: string;
          try {
            const res = await fetch(`${base}/api/verify`, {
              method: 'POST',
              body: c.body,
              headers: { 'content-type': c.type },
              signal: AbortSignal.timeout(MAX_MS + 5000),
            });
            status = res.status;
            text = await res.text();
          } catch (error) {
            throw new Error(`${label}: no answer (${(error as Error).message})`);
          }
          const elapsed = performance.now() - started;
          expect(status, `${label}: ${text.slice(0, 300)}`).toBeLessThan(500);
          expect(elapsed, `${label}: took ${Math.round(elapsed)} ms`).toBeLessThan(MAX_MS);
          if (status !== 200)
            expect(JSON.parse(text).code, `${label}: ${text.slice(0, 200)}`).toMatch(
              /^(VERIFY_[A-Z_]+|PAYLOAD_TOO_LARGE|BAD_REQUEST)$/,
            );
          statuses.set(
            `${c.kind.split('-')[0]} ${status}`,
            (statuses.get(`${c.kind.split('-')[0]} ${status}`) ?? 0) + 1,
          );
        }),
      );
    }
    expect([...statuses.keys()].some((k) => k.endsWith(' 200'))).toBe(true);

    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    const real = await fetch(`${base}/api/verify`, {
      method: 'POST',
      body: JSON.stringify(json),
      headers: { 'content-type': 'application/json' },
    });
    expect(await real.json()).toMatchObject({ valid: true, issuedByThisPlatform: true });
    const realJwt = await fetch(`${base}/api/verify`, {
      method: 'POST',
      body: jwt,
      headers: { 'content-type': 'text/plain' },
    });
    expect(((await realJwt.json()) as { valid: boolean }).valid).toBe(true);
  }, 120_000);
});
