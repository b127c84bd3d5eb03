// The inputs of imports.fuzz.test.ts: fixtures, events, mappings, file names, mutations and the
// seeded case builder (the same seed gives the same cases).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Random } from '../helpers/fuzz';

export const FIXTURES = [
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
export const EVENTS = ['webinaire-1', 'webinaire-2', 'atelier-juridique', 'atelier-admin', 'atelier-management'];
export const BOMS = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0xff, 0xfe, 0x00, 0x00],
  [0x00, 0x00, 0xfe, 0xff],
  [0x2b, 0x2f, 0x76],
];
export const MAPPINGS = [
  { email: 'Adresse', name: 'Nom' },
  { email: 'Courriel', minutes: 'Durée' },
  { email: '', name: '', present: '' },
  { email: 'Email', joinedAt: 'Join Time', leftAt: 'Leave Time' },
  { present: 'Présent', email: 'E-mail' },
];

export const FILE_NAMES = [
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

export type Mutation = { name: string; apply(b: Buffer, r: Random): Buffer };
const lines = (b: Buffer) => b.toString('latin1').split(/(?<=\n)/);
const fromLines = (l: string[]) => Buffer.from(l.join(''), 'latin1');
export const MUTATIONS: Mutation[] = [
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

export interface Case {
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

export function makeCase(index: number, r: Random): Case {
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
