import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { learners } from '../learners/learners.tables';
import { attendance, imports, unmatchedRows } from './attendance.tables';

export type AttendanceRow = typeof attendance.$inferSelect;
export type AttendanceStatus = AttendanceRow['status'];
export type AttendanceValues = Omit<typeof attendance.$inferInsert, 'id' | 'updatedAt'>;

export async function findImportByHash(db: Db, eventKey: string, fileHash: string) {
  const [row] = await db.select().from(imports).where(and(eq(imports.eventKey, eventKey), eq(imports.fileHash, fileHash)));
  return row;
}

export async function findImport(db: Db, id: string) {
  const [row] = await db.select().from(imports).where(eq(imports.id, id));
  return row;
}

export async function listImports(db: Db, eventKey: string) {
  return db.select().from(imports).where(eq(imports.eventKey, eventKey)).orderBy(desc(imports.importedAt));
}

export async function insertImport(db: Db, values: typeof imports.$inferInsert) {
  const [row] = await db.insert(imports).values(values).returning();
  return row!;
}

export async function updateImportCounts(db: Db, id: string, counts: Record<string, number>) {
  await db.update(imports).set({ counts }).where(eq(imports.id, id));
}

/** Learners by e-mail in one statement; blanks (name, organisation) are filled, known values kept. */
export async function upsertLearnersBatch(db: Db, people: Array<{ email: string; name: string | null; organisation: string | null }>) {
  if (people.length === 0) return [];
  return db
    .insert(learners)
    .values(people)
    .onConflictDoUpdate({
      target: learners.email,
      set: {
        name: sql`coalesce(${learners.name}, excluded.name)`,
        organisation: sql`coalesce(${learners.organisation}, excluded.organisation)`,
      },
    })
    .returning({ id: learners.id, email: learners.email, created: sql<boolean>`(xmax = 0)` });
}

/**
 * An import only ever improves attendance: absent → attended, or more minutes for the same status
 * (a later, fuller report). It never downgrades what an earlier file or an organiser recorded.
 * Returns the rows it wrote; a row not returned was left unchanged.
 */
export async function upsertImportedAttendance(db: Db, rows: AttendanceValues[]) {
  if (rows.length === 0) return [];
  return db
    .insert(attendance)
    .values(rows)
    .onConflictDoUpdate({
      target: [attendance.learnerId, attendance.eventKey],
      set: {
        status: sql`excluded.status`,
        minutes: sql`excluded.minutes`,
        firstSeenAt: sql`excluded.first_seen_at`,
        lastSeenAt: sql`excluded.last_seen_at`,
        source: sql`excluded.source`,
        importId: sql`excluded.import_id`,
        reason: sql`excluded.reason`,
        updatedBy: sql`excluded.updated_by`,
        updatedAt: sql`now()`,
      },
      setWhere: sql`(${attendance.status} = 'absent' and excluded.status <> 'absent')
        or (${attendance.status} = excluded.status and ${attendance.source} <> 'manual'
            and coalesce(excluded.minutes, 0) > coalesce(${attendance.minutes}, 0) + 0.01)`,
    })
    .returning({ learnerId: attendance.learnerId, created: sql<boolean>`(xmax = 0)` });
}

/** An organiser's word is final: manual attendance replaces whatever was there. */
export async function setAttendance(db: Db, values: AttendanceValues) {
  const [row] = await db
    .insert(attendance)
    .values(values)
    .onConflictDoUpdate({
      target: [attendance.learnerId, attendance.eventKey],
      set: { status: values.status, minutes: values.minutes ?? null, source: values.source, importId: values.importId ?? null, reason: values.reason ?? null, note: values.note ?? null, updatedBy: values.updatedBy, updatedAt: sql`now()` },
    })
    .returning();
  return row!;
}

export async function listAttendanceOfLearner(db: Db, learnerId: string) {
  return db.select().from(attendance).where(eq(attendance.learnerId, learnerId));
}

export async function insertUnmatched(db: Db, importId: string, rows: Array<{ line: number; name: string; minutes: number }>) {
  if (rows.length === 0) return;
  await db.insert(unmatchedRows).values(rows.map((r) => ({ importId, ...r }))).onConflictDoNothing();
}

export async function findUnmatched(db: Db, id: string) {
  const [row] = await db.select().from(unmatchedRows).where(eq(unmatchedRows.id, id));
  return row;
}

export async function listUnmatched(db: Db, importId: string) {
  return db.select().from(unmatchedRows).where(eq(unmatchedRows.importId, importId)).orderBy(unmatchedRows.line);
}

export async function markUnmatchedMatched(db: Db, id: string, learnerId: string) {
  await db.update(unmatchedRows).set({ matchedLearnerId: learnerId, matchedAt: sql`now()` }).where(eq(unmatchedRows.id, id));
}
