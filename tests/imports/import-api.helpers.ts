// Inputs, counters and failing imports shared by import-api.test.ts.
import { count } from 'drizzle-orm';
import type { TestContext } from '../helpers/app';
import { zoomWebinarReport } from './zoom-report';
import { attendance, imports } from '../../src/attendance/attendance.tables';
import { learners } from '../../src/learners/learners.tables';
import { importAttendance } from '../../src/attendance/import.service';

type Db = TestContext['database']['db'];

// webinaire-1 runs 10:00–12:00 Paris time: 60 minutes is the threshold at ratio 0.5.
export const report = zoomWebinarReport(
  [
    {
      name: 'Hélène Lefèvre',
      email: 'Helene.Lefevre@Mairie-Valbrune.example',
      join: '10:01:12',
      leave: '11:31:40',
      minutes: 91,
      org: 'Mairie de Valbrune',
    },
    { name: 'Marc Dupont', email: 'marc.dupont@cc-des-lacs.example', join: '10:00:00', leave: '10:30:00', minutes: 30 },
    { name: 'Zoé Martin', email: 'zoe.martin@dept.example', join: '10:00:00', leave: '11:00:00', minutes: 60 },
  ],
  [{ name: 'Animatrice Civiteo', email: 'animation@civiteo.example' }],
);

export const countRows = async (db: Db, table: typeof attendance | typeof learners | typeof imports) =>
  (await db.select({ n: count() }).from(table))[0]!.n;

export const countAll = async (db: Db) => ({
  learners: await countRows(db, learners),
  attendance: await countRows(db, attendance),
  imports: await countRows(db, imports),
});

/** Files no import can read, each refused with an IMPORT_… error. */
export const unreadableFiles: Array<[string, Buffer]> = [
  ['an empty file', Buffer.alloc(0)],
  [
    'a binary file',
    Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6,
    ]),
  ],
  ['a CSV with no recognisable header', Buffer.from('alpha,beta,gamma\n1,2,3\n4,5,6\n')],
  [
    'a truncated UTF-16 file',
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('1. Summary\tx\n', 'utf16le'), Buffer.from([0x41])]),
  ],
];

/** Mappings that are not field → header text, with the reason the API gives. */
export const badMappings = [
  ['{"courriel":"Adresse"}', 'unknown field "courriel"'],
  ['{"email":3}', '"email": expected a header name as text'],
  ['["email"]', 'expected an object'],
  ['{email', 'invalid JSON'],
];

/** A multipart/form-data body holding `content` as the field `file`. */
export const multipartBody = (boundary: string, fileName: string, content: Buffer) =>
  Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ` +
        `text/csv\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);

/** Commits 300 people to atelier-management and fails with « panne simulée » after the attendance step. */
export function importFailingMidway(db: Db) {
  const people = Array.from({ length: 300 }, (_, i) => ({
    name: `Agent ${i}`,
    email: `agent${i}@crash.example`,
    join: '10:00:00',
    leave: '11:30:00',
    minutes: 90,
  }));
  return importAttendance(
    {
      db,
      awards: { reevaluate: async () => {} },
      afterStep: (step) => {
        if (step === 'attendance') throw new Error('panne simulée');
      },
    },
    { id: 't', email: 't@test' },
    {
      eventKey: 'atelier-management',
      input: zoomWebinarReport(people),
      dryRun: false,
      acceptPartial: false,
      lang: 'fr',
    },
  );
}
