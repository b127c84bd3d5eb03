import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { awards } from './awards.tables';

export type Award = typeof awards.$inferSelect;
export type AwardValues = Omit<typeof awards.$inferInsert, 'id' | 'awardedAt'>;

// 10 parameters a row: well under PostgreSQL's 65,535 per statement.
const CHUNK = 1000;

/**
 * Inserts the awards that do not exist yet and returns only those. The unique (learner, badge)
 * constraint decides: a concurrent transaction that inserted the same pair first wins, the
 * other gets nothing back, on one instance or several.
 */
export async function insertAwards(db: Db, rows: readonly AwardValues[]): Promise<Award[]> {
  const inserted: Award[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    inserted.push(
      ...(await db
        .insert(awards)
        .values(chunk)
        .onConflictDoNothing({ target: [awards.learnerId, awards.badgeKey] })
        .returning()),
    );
  }
  return inserted;
}

export async function listAwardsOf(db: Db, learnerIds: readonly string[]): Promise<Award[]> {
  if (learnerIds.length === 0) return [];
  return db
    .select()
    .from(awards)
    .where(inArray(awards.learnerId, [...learnerIds]));
}

const keepFirst = (a: Award, b: Award) =>
  Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || a.awardedAt.getTime() - b.awardedAt.getTime();

/**
 * A merge leaves one award per badge, as the unique constraint requires: a valid one before a
 * revoked one, then the earliest. The other is deleted; the kept one moves to `intoId`.
 */
export async function moveAwards(
  db: Db,
  fromId: string,
  intoId: string,
  beforeDrop?: (awardIds: string[]) => Promise<unknown>,
) {
  const rows = await db
    .select()
    .from(awards)
    .where(inArray(awards.learnerId, [fromId, intoId]));
  const byBadge = new Map<string, Award[]>();
  for (const row of rows) byBadge.set(row.badgeKey, [...(byBadge.get(row.badgeKey) ?? []), row]);
  const dropped: Award[] = [];
  const moved: Award[] = [];
  for (const group of byBadge.values()) {
    const [keep, ...rest] = group.sort(keepFirst);
    dropped.push(...rest);
    if (keep!.learnerId === fromId) moved.push(keep!);
  }
  if (dropped.length) await beforeDrop?.(dropped.map((a) => a.id));
  if (dropped.length)
    await db.delete(awards).where(
      inArray(
        awards.id,
        dropped.map((a) => a.id),
      ),
    );
  if (moved.length)
    await db
      .update(awards)
      .set({ learnerId: intoId })
      .where(
        inArray(
          awards.id,
          moved.map((a) => a.id),
        ),
      );
  return { moved: moved.map((a) => a.id), dropped: dropped.map((a) => a.id) };
}
