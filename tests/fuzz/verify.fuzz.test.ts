import { deflateSync } from 'node:zlib';
import extractChunks from 'png-chunks-extract';
import encodeChunks from 'png-chunks-encode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCredentialsService } from '../../src/credentials/credentials.service';
import { buildTestApp, type TestContext } from '../helpers/app';
import { FUZZ_SEED, fuzzRuns, seededRandom, type Random } from '../helpers/fuzz';
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
  // A rate limit that fuzzing cannot reach; the limit itself is tested in tests/credentials/verify-public.test.ts.
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

type Case = { kind: string; body: string | Buffer; type: string };

// — JSON of every shape —
const KEYS = [
  '@context',
  'id',
  'type',
  'issuer',
  'name',
  'url',
  'email',
  'validFrom',
  'validUntil',
  'credentialSubject',
  'achievement',
  'identifier',
  'credentialStatus',
  'statusListCredential',
  'statusListIndex',
  'statusPurpose',
  'proof',
  'cryptosuite',
  'verificationMethod',
  'proofValue',
  'proofPurpose',
  'created',
  'evidence',
  'endorsement',
  'credentialSchema',
  '__proto__',
  'constructor',
  'toString',
  '',
];
const STRINGS = [
  '',
  'did:web:127.0.0.1',
  'did:key:z',
  `did:key:z6Mk${'x'.repeat(50)}`,
  'https://[::7f00:1]/x',
  'https://169.254.169.254/latest',
  'http://parcours.test/status/1',
  'VerifiableCredential',
  'OpenBadgeCredential',
  'BitstringStatusListEntry',
  '1EdTechRevocationList',
  'DataIntegrityProof',
  'eddsa-rdfc-2022',
  'Profile',
  '2024-13-45T99:99:99Z',
  '9999-12-31T23:59:59Z',
  'revocation',
  '\u0000',
  '\ud800',
  '🎓🔏',
  'é'.repeat(100),
  '<script>alert(1)</script>',
  '{"a":',
  '../../etc/passwd',
  'https://www.w3.org/ns/credentials/v2',
  '-1',
  '1e999',
];

function randomValue(r: Random, depth: number): unknown {
  const roll = r.int(depth > 5 ? 6 : 9);
  switch (roll) {
    case 0:
      return null;
    case 1:
      return r.next() < 0.5;
    case 2:
      return r.pick([0, -0, 1, -1, 2 ** 53, 1e308, -1e-308, 131071, 0.5, 4294967296]);
    case 3:
      return r.pick(STRINGS);
    case 4:
      return String.fromCodePoint(
        ...Array.from({ length: r.int(20) }, () => r.int(0x10ffff + 1)).filter((c) => c < 0xd800 || c > 0xdfff),
      );
    case 5:
      return 'x'.repeat(r.int(3) === 0 ? 100_000 : 10);
    case 6:
    case 7: {
      const o: Record<string, unknown> = {};
      for (let i = r.int(6); i > 0; i--) o[r.pick(KEYS)] = randomValue(r, depth + 1);
      return o;
    }
    default:
      return Array.from({ length: r.int(5) }, () => randomValue(r, depth + 1));
  }
}

function jsonCase(r: Random): Case {
  const roll = r.int(8);
  let body: string;
  if (roll === 0)
    body = `${'['.repeat(20_000 + r.int(100_000))}${']'.repeat(r.int(2) ? 120_000 : 0)}`; // deep, maybe unbalanced
  else if (roll === 1)
    body = JSON.stringify({ credentialSubject: Array.from({ length: 30_000 }, () => ({ id: 'x' })) }); // huge array
  else if (roll === 2)
    body = JSON.stringify({
      ...json,
      credentialStatus: Array.from({ length: 1 + r.int(3000) }, (_, i) => ({
        id: `https://h${i}.example/l`,
        type: r.pick(['1EdTechRevocationList', 'BitstringStatusListEntry']),
        statusListCredential: `https://h${i}.example/s`,
        statusListIndex: String(i),
        statusPurpose: 'revocation',
      })),
    });
  else if (roll === 3) body = JSON.stringify(randomValue(r, 0));
  else if (roll === 4)
    body = `{${Array.from({ length: 500 }, (_, i) => `"k${i}":${JSON.stringify(randomValue(r, 2))}`).join(',')}}`;
  else if (roll === 5)
    body = JSON.stringify(json).slice(0, r.int(JSON.stringify(json).length)); // truncated
  else {
    const o = randomValue(r, 0);
    body = JSON.stringify(
      o && typeof o === 'object' && !Array.isArray(o)
        ? o
        : { issuer: o, proof: randomValue(r, 1), credentialStatus: randomValue(r, 1) },
    );
  }
  return {
    kind: `json-shape-${roll}`,
    body,
    type: r.pick(['application/json', 'application/vc+ld+json', 'text/plain', 'application/octet-stream']),
  };
}

// — mutations of a real, issued credential —
type Path = Array<string | number>;
function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  }
  return out;
}
function mutate(r: Random, original: Record<string, unknown>): unknown {
  const copy = structuredClone(original) as Record<string, unknown>;
  for (let n = 1 + r.int(3); n > 0; n--) {
    const all = paths(copy).filter((p) => p.length > 0);
    const path = r.pick(all);
    const parent = path
      .slice(0, -1)
      .reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], copy) as Record<string | number, unknown>;
    const key = path[path.length - 1]!;
    const op = r.int(6);
    if (op === 0) {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (op === 1) parent[key] = randomValue(r, 3);
    else if (op === 2) parent[key] = [parent[key], parent[key]];
    else if (op === 3 && typeof parent[key] === 'string') {
      const s = parent[key] as string;
      const at = r.int(s.length + 1);
      parent[key] = s.slice(0, at) + String.fromCharCode(32 + r.int(95)) + s.slice(at + 1);
    } else if (op === 4) parent[r.pick(KEYS)] = structuredClone(parent[key]);
    else parent[key] = typeof parent[key] === 'string' ? Number(parent[key]) || {} : String(parent[key]);
  }
  return copy;
}
function mutationCase(r: Random): Case {
  return { kind: 'json-mutation', body: JSON.stringify(mutate(r, json)), type: 'application/json' };
}

// — broken JWTs —
const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
function jwtCase(r: Random): Case {
  const [h, p, s] = jwt.split('.') as [string, string, string];
  const header = JSON.parse(Buffer.from(h, 'base64url').toString());
  const roll = r.int(10);
  let token: string;
  if (roll === 0) token = `${h}.${p}.${s.slice(0, r.int(s.length))}`;
  else if (roll === 1) {
    const alg = r.pick(['none', 'HS256', 'ES256K', 'RS256', 'EdDSA', '', null, 42]);
    token = `${b64({ ...header, alg })}.${p}.${r.int(2) ? '' : s}`;
  } else if (roll === 2)
    token = `${b64({ ...header, x: 'y'.repeat(200_000) })}.${p}.${s}`; // huge header
  else if (roll === 3) token = `${b64('not json')}.${p}.${s}`;
  else if (roll === 4) token = `${h}.${b64(r.pick(['[]', 'null', '"s"', '{"vc":1}', '{']))}.${s}`;
  else if (roll === 5) token = `${b64({ ...header, kid: r.pick(STRINGS), jwk: randomValue(r, 3) })}.${p}.${s}`;
  else if (roll === 6) token = `${h}.${b64(mutate(r, JSON.parse(Buffer.from(p, 'base64url').toString())))}.${s}`;
  else if (roll === 7) token = `${h}.${p}`;
  else if (roll === 8) token = `${h}.${p}.${s}.${s}`;
  else token = `${h}.${p}.${s}`.replace(/[A-Za-z]/, '%');
  return {
    kind: `jwt-${roll}`,
    body: token,
    type: r.pick(['text/plain', 'application/jwt', 'application/octet-stream']),
  };
}

// — PNG and SVG —
let bombChunk: Buffer | undefined;
function withItxt(data: Buffer): Buffer {
  const chunks = extractChunks(png).filter((c) => c.name !== 'iTXt');
  chunks.splice(chunks.length - 1, 0, { name: 'iTXt', data });
  return Buffer.from(encodeChunks(chunks));
}
function pngCase(r: Random): Case {
  const roll = r.int(8);
  let body: Buffer;
  const head = Buffer.from('openbadgecredential\0', 'latin1');
  if (roll === 0) {
    body = Buffer.from(png);
    for (let i = r.int(20) + 1; i > 0; i--) body[8 + r.int(body.length - 8)] = r.int(256);
  } else if (roll === 1) body = png.subarray(0, 8 + r.int(png.length - 8));
  else if (roll === 2)
    body = withItxt(
      Buffer.concat([head, Buffer.from([1, 0, 0, 0]), (bombChunk ??= deflateSync(Buffer.alloc(64 * 1_048_576, 0x20)))]),
    );
  else if (roll === 3) body = withItxt(Buffer.concat([head, Buffer.from([1, 0, 0, 0]), Buffer.from(r.bytes(200))]));
  else if (roll === 4)
    body = withItxt(Buffer.concat([head, Buffer.from([r.int(256), r.int(256)]), Buffer.from(r.bytes(r.int(50)))]));
  else if (roll === 5)
    body = withItxt(Buffer.concat([head, Buffer.from([1, 0, 0, 0]), deflateSync(JSON.stringify(mutate(r, json)))]));
  else if (roll === 6) {
    const chunks = extractChunks(png);
    body = Buffer.from(encodeChunks([...chunks.slice(0, -1), ...chunks.slice(1, -1), chunks.at(-1)!]));
  } // duplicated chunks
  else body = Buffer.concat([png.subarray(0, 8), Buffer.from(r.bytes(r.int(5000)))]);
  return { kind: `png-${roll}`, body, type: 'image/png' };
}
function svgCase(r: Random): Case {
  const roll = r.int(8);
  let body: string;
  if (roll === 0) body = svg.slice(0, r.int(svg.length));
  else if (roll === 1) {
    const a = [...svg];
    for (let i = r.int(20) + 1; i > 0; i--) a[r.int(a.length)] = String.fromCharCode(r.int(128));
    body = a.join('');
  } else if (roll === 2)
    body =
      `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "${'a'.repeat(1000)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>` +
      svg.replace('<svg', '<svg data-x="&b;"');
  else if (roll === 3) body = svg.replace('</svg>', `${'<g>'.repeat(5000 + r.int(50_000))}</svg>`);
  else if (roll === 4) body = svg.replace(/<!\[CDATA\[[\s\S]*?\]\]>/, `<![CDATA[${JSON.stringify(mutate(r, json))}]]>`);
  else if (roll === 5)
    body = svg
      .replace(/<!\[CDATA\[[\s\S]*?\]\]>/, '')
      .replace(
        '<openbadges:credential',
        `<openbadges:credential verify="${r.pick([jwt, `${jwt}x`, 'a.b.c', jwt.slice(0, 50)])}"`,
      );
  else if (roll === 6) body = svg.replace(']]>', '');
  else
    body =
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">' +
      `${'<openbadges:credential/>'.repeat(r.int(30_000))}</svg>`;
  return { kind: `svg-${roll}`, body, type: r.pick(['image/svg+xml', 'text/plain', 'application/octet-stream']) };
}

function caseFor(r: Random): Case {
  const make = r.pick([
    jsonCase,
    jsonCase,
    mutationCase,
    mutationCase,
    mutationCase,
    jwtCase,
    jwtCase,
    pngCase,
    svgCase,
  ]);
  return make(r);
}

describe(`POST /api/verify under fuzzing (FUZZ_SEED=${FUZZ_SEED}, ${RUNS} cases)`, () => {
  it('never answers a 5xx, answers every request, within 5 s each; the platform is healthy afterwards', async () => {
    const r = seededRandom(FUZZ_SEED);
    const cases = Array.from({ length: RUNS }, () => caseFor(r));
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
