/**
 * The reports' reads of the learners table: the cohort (filtered, ordered in SQL) and its size. Reports
 * are read models across areas: this store reads another area's table (a named exception in
 * .dependency-cruiser.cjs).
 */
import { asc, count, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { learners } from '../learners/learners.tables';

/** The cohort in a stable order (organisation, name, e-mail), optionally one organisation only. */
export async function listCohort(db: Db, organisation?: string) {
  return db
    .select({ id: learners.id, email: learners.email, name: learners.name, organisation: learners.organisation })
    .from(learners)
    .where(organisation ? eq(learners.organisation, organisation) : undefined)
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
  const [row] = await db.select({ n: count() }).from(learners);
  return row?.n ?? 0;
}
