import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client';
import { copyRows } from '../db/copy';
import type { ImportedPerson } from './importers/types';

/**
 * A commit stages the file's people with COPY into a temporary table, then writes learners and
 * attendance with two set-based statements: far faster than row-by-row or VALUES lists, and still
 * one transaction. The table disappears at commit or rollback.
 */
export async function createStaging(tx: Db) {
  // The import's joins and the badges' count per learner hash 100,000 keys: at the default 4 MB they
  // spilled to disk in batches. For this transaction only, one backend at a time per import.
  await tx.execute(sql`set local work_mem = '32MB'`);
  // No key: the parser already made e-mails unique, and an index would only slow the COPY down.
  await tx.execute(sql`create temp table import_people (
    email text not null, name text, organisation text, status text not null, minutes real,
    first_seen_at timestamptz, last_seen_at timestamptz, reason text) on commit drop`);
}

/**
 * Temporary tables have no statistics until analysed: without them the joins below may loop. The
 * row count and the joined column are what the plans need; the other columns' statistics are not.
 */
export async function analyseStaging(tx: Db) {
  await tx.execute(sql`analyze import_people (email)`);
}

const COLUMNS = ['email', 'name', 'organisation', 'status', 'minutes', 'first_seen_at', 'last_seen_at', 'reason'];

/**
 * The people, in one COPY: their CSV is made as PostgreSQL reads it, a chunk at a time. `staged`
 * is told each time another `every` people have been read (progress reporting, failure tests).
 */
export async function stagePeople(tx: Db, people: ImportedPerson[], every: number, staged: (count: number) => void) {
  function* rows() {
    for (let i = 0; i < people.length; i++) {
      if (i > 0 && i % every === 0) staged(i);
      const p = people[i]!;
      yield [
        p.email,
        p.name,
        p.organisation,
        p.attended ? 'present' : 'absent',
        p.minutes,
        p.firstSeenAt,
        p.lastSeenAt,
        p.reason.message,
      ];
    }
    staged(people.length);
  }
  await copyRows(tx, 'import_people', COLUMNS, rows());
}

/** Creates missing learners and fills blanks of known ones; returns how many were created. */
export async function upsertStagedLearners(tx: Db): Promise<number> {
  const rows = await queryRows<{ created: number }>(
    tx,
    sql`
    with written as (
      insert into learners (email, name, organisation)
      select email, name, organisation from import_people
      on conflict (email) do update set
        name = coalesce(learners.name, excluded.name),
        organisation = coalesce(learners.organisation, excluded.organisation)
      -- A known learner with nothing blank to fill is left as it is, not rewritten (a row version and
      -- its index entries each) by every file that names them again.
      where (learners.name is null and excluded.name is not null)
         or (learners.organisation is null and excluded.organisation is not null)
      returning (xmax = 0) as created)
    select count(*) filter (where created)::int as created from written`,
  );
  return Number(rows[0]?.created ?? 0);
}

/**
 * An import only ever improves attendance: absent → attended, or more minutes for the same status
 * (a later, fuller report). It never downgrades what an earlier file or an organiser recorded.
 * Returns how many rows were written and how many of them are new; the others were left unchanged.
 * Which learners were written need not travel: the rows written carry the import's id, and the
 * badges are re-evaluated from it (100,000 ids were 3.6 MB each way, parsed twice).
 */
export async function upsertStagedAttendance(
  tx: Db,
  input: { eventKey: string; source: string; importId: string; updatedBy: string },
): Promise<{ written: number; created: number }> {
  const [row] = await queryRows<{ written: number; created: number }>(
    tx,
    sql`
    with written as (
      insert into attendance (learner_id, event_key, status, minutes, first_seen_at, last_seen_at, source, import_id,
                              reason, updated_by)
      select l.id, ${input.eventKey}, p.status, p.minutes, p.first_seen_at, p.last_seen_at, ${input.source},
             ${input.importId}::uuid, p.reason, ${input.updatedBy}
      from import_people p join learners l on l.email = p.email
      on conflict (learner_id, event_key) do update set
        status = excluded.status, minutes = excluded.minutes, first_seen_at = excluded.first_seen_at,
        last_seen_at = excluded.last_seen_at, source = excluded.source, import_id = excluded.import_id,
        reason = excluded.reason, updated_by = excluded.updated_by, updated_at = now()
      where (attendance.status = 'absent' and excluded.status <> 'absent')
         or (attendance.status = excluded.status and attendance.source <> 'manual'
             and coalesce(excluded.minutes, 0) > coalesce(attendance.minutes, 0) + 0.01)
      returning (xmax = 0) as created)
    select count(*)::int as written, (count(*) filter (where created))::int as created from written`,
  );
  return { written: Number(row?.written ?? 0), created: Number(row?.created ?? 0) };
}
