import { and, asc, count, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { learners } from './learners.tables';

/** The cohort in a stable order (organisation, name, e-mail), optionally one organisation only. */
export async function listCohort(db: Db, organisation?: string) {
  return db
    .select({ id: learners.id, email: learners.email, name: learners.name, organisation: learners.organisation })
    .from(learners)
    .where(and(isNull(learners.erasedAt), organisation ? eq(learners.organisation, organisation) : undefined))
    .orderBy(asc(learners.organisation), asc(learners.name), asc(learners.email));
}

export async function listOrganisations(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ organisation: learners.organisation })
    .from(learners)
    .where(isNotNull(learners.organisation))
    .orderBy(asc(learners.organisation));
  return rows.map((r) => r.organisation!);
}

export async function countLearners(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(learners).where(isNull(learners.erasedAt));
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
