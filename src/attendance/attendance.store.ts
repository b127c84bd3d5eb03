import { and, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client';
import { attendance, imports, unmatchedRows } from './attendance.tables';

export type AttendanceRow = typeof attendance.$inferSelect;
export type AttendanceStatus = AttendanceRow['status'];
export type AttendanceValues = Omit<typeof attendance.$inferInsert, 'id' | 'updatedAt'>;

export async function findImportByHash(db: Db, eventKey: string, fileHash: string, mapping: string) {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.eventKey, eventKey), eq(imports.fileHash, fileHash), eq(imports.mapping, mapping)));
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

/** An organiser's word is final: manual attendance replaces whatever was there. */
export async function setAttendance(db: Db, values: AttendanceValues) {
  const [row] = await db
    .insert(attendance)
    .values(values)
    .onConflictDoUpdate({
      target: [attendance.learnerId, attendance.eventKey],
      set: {
        status: values.status,
        minutes: values.minutes ?? null,
        source: values.source,
        importId: values.importId ?? null,
        reason: values.reason ?? null,
        note: values.note ?? null,
        updatedBy: values.updatedBy,
        updatedAt: sql`now()`,
      },
    })
    .returning();
  return row!;
}

export async function listAttendanceOfLearner(db: Db, learnerId: string) {
  return db.select().from(attendance).where(eq(attendance.learnerId, learnerId));
}

export async function insertUnmatched(
  db: Db,
  importId: string,
  rows: Array<{ line: number; name: string; minutes: number }>,
) {
  if (rows.length === 0) return;
  await db
    .insert(unmatchedRows)
    .values(rows.map((r) => ({ importId, ...r })))
    .onConflictDoNothing();
}

export async function findUnmatched(db: Db, id: string) {
  const [row] = await db.select().from(unmatchedRows).where(eq(unmatchedRows.id, id));
  return row;
}

export async function listUnmatched(db: Db, importId: string) {
  return db.select().from(unmatchedRows).where(eq(unmatchedRows.importId, importId)).orderBy(unmatchedRows.line);
}

export async function markUnmatchedMatched(db: Db, id: string, learnerId: string) {
  await db
    .update(unmatchedRows)
    .set({ matchedLearnerId: learnerId, matchedAt: sql`now()` })
    .where(eq(unmatchedRows.id, id));
}

const rank = { absent: 0, replay: 1, present: 2 } as const;

/**
 * A duplicate learner's attendance moves to the one kept (a merge, inside its transaction): for each
 * event the better record stays — present over replay over absent, then the longer time.
 */
export async function moveAttendance(tx: Db, fromId: string, intoId: string): Promise<void> {
  const theirs = await tx.select().from(attendance).where(eq(attendance.learnerId, fromId));
  for (const row of theirs) {
    const [mine] = await tx
      .select()
      .from(attendance)
      .where(and(eq(attendance.learnerId, intoId), eq(attendance.eventKey, row.eventKey)));
    const better =
      !mine ||
      rank[row.status] > rank[mine.status] ||
      (row.status === mine.status && (row.minutes ?? 0) > (mine.minutes ?? 0));
    if (mine && better) await tx.delete(attendance).where(eq(attendance.id, mine.id));
    if (better)
      await tx.update(attendance).set({ learnerId: intoId, updatedAt: sql`now()` }).where(eq(attendance.id, row.id));
  }
}

export interface ImportPersonRow {
  learnerId: string;
  email: string;
  name: string | null;
  organisation: string | null;
  status: AttendanceStatus;
  minutes: number | null;
  firstSeenAt: string | null;
  lastSeenAt: string | null;
  reason: string | null;
}

/**
 * The people whose attendance an import wrote, by e-mail, one page at a time (and how many in
 * all). A row a later file or an organiser rewrote belongs to that one from then on.
 */
export async function pageImportPeople(db: Db, importId: string, page: { offset: number; limit: number }) {
  const [rows, total] = await Promise.all([
    queryRows<ImportPersonRow>(
      db,
      sql`select l.id as "learnerId", l.email, l.name, l.organisation, a.status, a.minutes,
                 to_char(a.first_seen_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "firstSeenAt",
                 to_char(a.last_seen_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "lastSeenAt",
                 a.reason
          from attendance a join learners l on l.id = a.learner_id
          where a.import_id = ${importId}::uuid
          order by l.email limit ${page.limit} offset ${page.offset}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from attendance where import_id = ${importId}::uuid`),
  ]);
  return { total: Number(total[0]?.n ?? 0), rows };
}
