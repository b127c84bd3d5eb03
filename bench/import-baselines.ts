// The import benchmark's data and baselines: the Zoom report it imports, papaparse alone, and COPY of
// the same rows into the platform's tables and into bare ones.
import { createReadStream, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import copyStreams from 'pg-copy-streams';
import type { Database } from '../src/db/client';

export const ROWS = 100_000;

/** The benchmark's people: the report and both COPY baselines are written from the same values. */
function agent(i: number) {
  const minute = String(i % 50).padStart(2, '0');
  return {
    email: `agent${i}@commune${i % 500}.example`,
    name: `Agent Numéro${i}`,
    organisation: `Commune ${i % 500}`,
    joinedAt: `2026-03-12T09:${minute}:12Z`,
    leftAt: `2026-03-12T10:${minute}:40Z`,
    zoomJoin: `Mar 12, 2026 10:${minute}:12`,
    zoomLeave: `Mar 12, 2026 11:${minute}:40`,
  };
}

/** A Zoom webinar attendee report as Zoom writes it, 100,000 attendee rows (~17 MB) unless told. */
export function generateReport(file: string, rows = ROWS, first = 0) {
  const head = [
    'Attendee Report,',
    'Report Generated:,"Mar 12, 2026 12:30 PM"',
    'Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered,# Cancelled,' +
      'Unique Viewers,Total Users,Max Concurrent Views',
    `Webinaire #1,812-345-678,"Mar 12, 2026 09:58:02",124,${rows},0,${rows},${rows},${rows}`,
    'Host Details,',
    'Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),' +
      'Is Guest,Country/Region Name',
    'Attendee Details,',
    'Attended,User Name (Original Name),First Name,Last Name,Email,Phone,Registration Time,Approval Status,' +
      'Join Time,Leave Time,Time in Session (minutes),Is Guest,Collectivité,Country/Region Name',
  ];
  const lines: string[] = [];
  for (let i = first; i < first + rows; i++) {
    const a = agent(i);
    lines.push(
      `Yes,${a.name},Agent,Numéro${i},${a.email},,"Mar 01, 2026 09:14:03",approved,` +
        `"${a.zoomJoin}","${a.zoomLeave}",61,Yes,${a.organisation},France`,
    );
  }
  writeFileSync(file, `\uFEFF${head.join('\r\n')}\r\n${lines.join('\r\n')}\r\n`);
}

export async function parseOnly(file: string) {
  let n = 0;
  await new Promise<void>((resolve, reject) => {
    Papa.parse(createReadStream(file, 'utf8') as never, {
      step: () => {
        n++;
      },
      complete: () => resolve(),
      error: reject,
    });
  });
  return n;
}

async function copyCsv(database: Database, target: string, csv: string) {
  if (database.raw.kind === 'pglite') {
    await database.raw.client.query(`copy ${target} from '/dev/blob' with (format csv)`, [], { blob: new Blob([csv]) });
    return;
  }
  const client = await database.raw.pool.connect();
  try {
    await pipeline(Readable.from([csv]), client.query(copyStreams.from(`copy ${target} from stdin with (format csv)`)));
  } finally {
    client.release();
  }
}

const csvOf = (rows: unknown[][]) => Papa.unparse(rows, { newline: '\n' });

/**
 * The floor for storing the same rows: COPY of the learners and their attendance into the
 * platform's own tables (their keys, unique indexes and foreign keys), ids made beforehand.
 */
export async function copyIntoSchema(database: Database) {
  const ids = Array.from({ length: ROWS }, () => randomUUID());
  const learners = csvOf(
    ids.map((id, i) => {
      const a = agent(i);
      return [id, a.email, a.name, a.organisation];
    }),
  );
  const attendance = csvOf(
    ids.map((id, i) => {
      const a = agent(i);
      return [
        id,
        'webinaire-1',
        'present',
        61.5,
        a.joinedAt,
        a.leftAt,
        'import:zoom-webinar',
        'Présent 61,5 min sur 90 min (seuil : 45 min).',
      ];
    }),
  );
  await copyCsv(database, 'learners (id, email, name, organisation)', learners);
  await copyCsv(
    database,
    'attendance (learner_id, event_key, status, minutes, first_seen_at, last_seen_at, source, reason)',
    attendance,
  );
}

/** The same rows into two bare tables without keys or indexes: what COPY costs with nothing to check. */
export async function copyIntoBareTables(database: Database) {
  const ddl =
    'create table bench_learners (email text, name text, organisation text); ' +
    'create table bench_attendance (email text, event text, status text, minutes real)';
  if (database.raw.kind === 'pglite') await database.raw.client.exec(ddl);
  else await database.raw.pool.query(ddl);
  await copyCsv(
    database,
    'bench_learners',
    csvOf(
      Array.from({ length: ROWS }, (_, i) => {
        const a = agent(i);
        return [a.email, a.name, a.organisation];
      }),
    ),
  );
  await copyCsv(
    database,
    'bench_attendance',
    csvOf(Array.from({ length: ROWS }, (_, i) => [agent(i).email, 'webinaire-1', 'present', 61])),
  );
}
