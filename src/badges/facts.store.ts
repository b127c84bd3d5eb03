import { eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client';
import { attendance } from '../attendance/attendance.tables';
import { events } from '../events/events.tables';
import { bestAttempts } from '../quizzes/learner-quizzes.service';
import { listAwardsOf, type Award } from './awards.store';
import type { AttemptFact, AttendanceFact, Facts } from './rules';

/** What the rules read about one learner, plus the award rows behind `held`. */
export interface LearnerRecord {
  facts: Facts;
  awards: Award[];
}

// Three statements per chunk, whatever the number of learners: never one query per learner.
const CHUNK = 1000;

export async function loadFacts(db: Db, learnerIds: readonly string[]): Promise<Map<string, LearnerRecord>> {
  const ids = [...new Set(learnerIds)];
  const attendanceOf = new Map(ids.map((id) => [id, new Map<string, AttendanceFact>()]));
  const attemptsOf = new Map(ids.map((id) => [id, new Map<string, AttemptFact>()]));
  const awardsOf = new Map(ids.map((id) => [id, [] as Award[]]));
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await attendanceRows(db, chunk);
    for (const r of rows) attendanceOf.get(r.learnerId)?.set(r.eventKey, toAttendanceFact(r));
    for (const a of await bestAttempts(db, chunk)) {
      attemptsOf.get(a.learnerId)?.set(a.quizKey, {
        attemptId: a.id,
        percent: a.percent,
        score: a.score,
        maxScore: a.maxScore,
        complete: a.complete,
        submittedAt: a.submittedAt.toISOString(),
      });
    }
    for (const award of await listAwardsOf(db, chunk)) awardsOf.get(award.learnerId)?.push(award);
  }
  return new Map(
    ids.map((id) => {
      const own = awardsOf.get(id)!;
      // A revoked badge is not held: a meta-badge cannot rest on it.
      const held = new Set(own.filter((a) => a.revokedAt === null).map((a) => a.badgeKey));
      return [
        id,
        { facts: { attendance: attendanceOf.get(id)!, bestAttempts: attemptsOf.get(id)!, held }, awards: own },
      ];
    }),
  );
}

function attendanceRows(db: Db, learnerIds: string[]) {
  return db
    .select({
      learnerId: attendance.learnerId,
      eventKey: attendance.eventKey,
      status: attendance.status,
      minutes: attendance.minutes,
      firstSeenAt: attendance.firstSeenAt,
      updatedAt: attendance.updatedAt,
      source: attendance.source,
      startsAt: events.startsAt,
    })
    .from(attendance)
    .leftJoin(events, eq(events.key, attendance.eventKey))
    .where(inArray(attendance.learnerId, learnerIds));
}

type AttendanceRow = Awaited<ReturnType<typeof attendanceRows>>[number];

/**
 * The date shown for a session: when the person was seen, else (a replay recorded by hand) when
 * it was recorded, else when the session started.
 */
function toAttendanceFact(r: AttendanceRow): AttendanceFact {
  const date = r.firstSeenAt ?? (r.status === 'replay' ? r.updatedAt : (r.startsAt ?? r.updatedAt));
  const minutes = r.minutes === null ? null : Math.round(r.minutes * 10) / 10;
  return { status: r.status, minutes, date: date.toISOString(), source: r.source };
}

/**
 * Learners named by their ids, or the learners whose attendance an import wrote (its rows carry
 * its id): a 100,000-row import no longer sends its 100,000 ids back and forth to say which.
 */
export type LearnerSet = readonly string[] | { importId: string };

/**
 * Of `learners`, those with at least `min` facts in all: events attended (not absent),
 * questionnaires completed, badges held. One statement for any number of learners (the ids
 * travel as one array parameter), so an import of 100,000 people is filtered in one round trip.
 */
export async function learnersWithFacts(db: Db, learners: LearnerSet, min: number): Promise<string[]> {
  const byImport = 'importId' in learners;
  if (!byImport && (learners.length === 0 || min <= 0)) return [...learners];
  const ids = byImport
    ? sql`select learner_id as id from attendance where import_id = ${learners.importId}`
    : sql`select unnest(${`{${learners.join(',')}}`}::uuid[]) as id`;
  if (min <= 0) return (await queryRows<{ id: string }>(db, ids)).map((r) => r.id);
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    with ids as (${ids}),
    facts as (
      select learner_id from attendance where status <> 'absent' and learner_id in (select id from ids)
      union all
      select learner_id from quiz_attempts where complete and learner_id in (select id from ids)
      group by learner_id, quiz_key
      union all
      select learner_id from awards where revoked_at is null and learner_id in (select id from ids))
    select learner_id as id from facts group by learner_id having count(*) >= ${min}`,
  );
  return rows.map((r) => r.id);
}
