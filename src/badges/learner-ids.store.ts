import { asc, count, gt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { learners } from '../learners/learners.tables';

export async function countLearners(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(learners);
  return row?.n ?? 0;
}

/** Learner ids in id order after `after`: keyset pages stay fast and stable while others are added. */
export async function learnerIdsAfter(db: Db, after: string | null, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: learners.id })
    .from(learners)
    .where(after ? gt(learners.id, after) : undefined)
    .orderBy(asc(learners.id))
    .limit(limit);
  return rows.map((r) => r.id);
}
