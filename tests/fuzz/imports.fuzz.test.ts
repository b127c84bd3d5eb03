import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/app';
import { FUZZ_SEED, fuzzRuns, seededRandom, type Random } from '../helpers/fuzz';
import { listen } from '../helpers/browser';
import { keepAliveClient } from '../imports/keep-alive-client';

/**
 * Mutated attendance exports of every format, sent through the HTTP API (preview and commit,
 * raw body, multipart, streamed progress) of a listening server on keep-alive connections:
 * never a 5xx, every request answered within 5 s, the platform healthy afterwards.
 * Reproducible: FUZZ_SEED=<seed> FUZZ_RUNS=<n> npx vitest run tests/fuzz/imports.fuzz.test.ts
 */
const FIXTURES = [
  'zoom-webinar-2020-excel.csv',
  'zoom-webinar-2025.csv',
  'zoom-meeting-2021.csv',
  'zoom-meeting-2025.csv',
  'teams-en-utf16le.csv',
  'teams-fr-utf16be.csv',
  'teams-legacy-2020-utf16le.csv',
  'teams-sections-1-2-utf16le.csv',
  'google-meet.csv',
  'livestorm.csv',
  'livestorm-fr.xlsx',
  'feuille-emargement-cp1252.csv',
  'feuille-emargement-utf8-bom.csv',
  'feuille-emargement.xlsx',
  'export-inconnu.csv',
  'export-inconnu.xlsx',
].map((name) => ({ name, bytes: readFileSync(join(import.meta.dirname, '..', 'fixtures', 'attendance', name)) }));
const EVENTS = ['webinaire-1', 'webinaire-2', 'atelier-juridique', 'atelier-admin', 'atelier-management'];
const BOMS = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0xff, 0xfe, 0x00, 0x00],
  [0x00, 0x00, 0xfe, 0xff],
  [0x2b, 0x2f, 0x76],
];
const MAPPINGS = [
  { email: 'Adresse', name: 'Nom' },
  { email: 'Courriel', minutes: 'Durée' },
  { email: '', name: '', present: '' },
  { email: 'Email', joinedAt: 'Join Time', leftAt: 'Leave Time' },
  { present: 'Présent', email: 'E-mail' },
];

const FILE_NAMES = [
  'rapport.csv',
  'nul\u0000.csv',
  '..\\..\\etc/passwd',
  'ligne\r\nSet-Cookie: x=1.csv',
  '\u202egnp.csv',
  `${'é'.repeat(300)}.csv`,
  '',
  '\ud800.csv',
  '😀.xlsx',
];

type Mutation = { name: string; apply(b: Buffer, r: Random): Buffer };
const lines = (b: Buffer) => b.toString('latin1').split(/(?<=\n)/);
const fromLines = (l: string[]) => Buffer.from(l.join(''), 'latin1');
const MUTATIONS: Mutation[] = [
  {
    name: 'flip bytes',
    apply: (b, r) => {
      const c = Buffer.from(b);
      for (let i = 0, n = 1 + r.int(8); i < n && c.length; i++) c[r.int(c.length)] = r.int(256);
      return c;
    },
  },
  { name: 'truncate', apply: (b, r) => b.subarray(0, r.int(b.length + 1)) },
  {
    name: 'duplicate a slice',
    apply: (b, r) => {
      const s = r.int(b.length + 1);
      const e = s + r.int(b.length - s + 1);
      return Buffer.concat([b.subarray(0, e), b.subarray(s, e), b.subarray(e)]);
    },
  },
  {
    name: 'swap delimiters',
    apply: (b, r) => {
      const [from, to] = [r.pick([',', ';', '\t']), r.pick([',', ';', '\t', '|'])];
      return Buffer.from(b.toString('latin1').split(from).join(to), 'latin1');
    },
  },
  {
    name: 'insert quotes',
    apply: (b, r) => {
      const c = b.toString('latin1').split('');
      for (let i = 0, n = 1 + r.int(5); i < n; i++)
        c.splice(r.int(c.length + 1), 0, r.pick(['"', '""', '"\n', "'", '"\r']));
      return Buffer.from(c.join(''), 'latin1');
    },
  },
  {
    name: '200 KB line',
    apply: (b, r) => {
      const l = lines(b);
      l.splice(r.int(l.length + 1), 0, `${r.pick(['x', 'a,', 'é;', '"', '\0'] as const).repeat(200_000 / 2)}\n`);
      return fromLines(l);
    },
  },
  {
    name: 'wrong BOM',
    apply: (b, r) => Buffer.concat([Buffer.from(r.pick(BOMS)), r.next() < 0.5 ? b : b.subarray(Math.min(3, b.length))]),
  },
  {
    name: 'shuffle lines',
    apply: (b, r) => {
      const l = lines(b);
      for (let i = l.length - 1; i > 0; i--) {
        const j = r.int(i + 1);
        [l[i], l[j]] = [l[j]!, l[i]!];
      }
      return fromLines(l);
    },
  },
  { name: 'drop lines', apply: (b, r) => fromLines(lines(b).filter(() => r.next() > 0.3)) },
  {
    name: 'random bytes',
    apply: (b, r) => {
      const at = r.int(b.length + 1);
      return Buffer.concat([b.subarray(0, at), Buffer.from(r.bytes(1 + r.int(300))), b.subarray(at)]);
    },
  },
  {
    name: 'many rows',
    apply: (b, r) => {
      const l = lines(b);
      const row = l[Math.min(l.length - 1, 1 + r.int(Math.max(1, l.length - 1)))] ?? '';
      return fromLines([
        ...l,
        ...Array.from({ length: Math.min(2000, Math.ceil(4_000_000 / (row.length + 1))) }, () => row),
      ]);
    },
  },
];

interface Case {
  index: number;
  fixture: string;
  fileName?: string;
  mutations: string[];
  event: string;
  dryRun: boolean;
  multipart: boolean;
  ndjson: boolean;
  mapping?: string;
  body: Buffer;
}

function makeCase(index: number, r: Random): Case {
  const fixture = r.pick(FIXTURES);
  let body: Buffer = fixture.bytes;
  const mutations: string[] = [];
  for (let i = 0, n = 1 + r.int(3); i < n; i++) {
    const m = r.pick(MUTATIONS);
    mutations.push(m.name);
    body = m.apply(body, r);
  }
  const mapping = r.next() < 0.2 ? (r.next() < 0.1 ? '{"email":' : JSON.stringify(r.pick(MAPPINGS))) : undefined;
  const fileName = r.next() < 0.3 ? r.pick(FILE_NAMES) : undefined;
  return {
    index,
    fixture: fixture.name,
    fileName,
    mutations,
    event: r.pick(EVENTS),
    dryRun: r.next() < 0.7,
    multipart: r.next() < 0.25,
    ndjson: r.next() < 0.15,
    mapping,
    body,
  };
}

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
