import { eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { learners } from './learners.tables';

export type Learner = typeof learners.$inferSelect;

export async function findLearnerByEmail(db: Db, email: string): Promise<Learner | undefined> {
  const [row] = await db.select().from(learners).where(eq(learners.email, email));
  return row;
}

export async function findLearnersByIds(db: Db, ids: readonly string[]): Promise<Learner[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(learners)
    .where(inArray(learners.id, [...ids]));
}

export async function findLearnerById(db: Db, id: string): Promise<Learner | undefined> {
  const [row] = await db.select().from(learners).where(eq(learners.id, id));
  return row;
}

/**
 * Creates the learner or returns the existing one, filling blanks (name, organisation) without
 * overwriting what is known. Safe under concurrency: the unique e-mail decides.
 */
export async function upsertLearner(
  db: Db,
  values: { email: string; name?: string | null; organisation?: string | null; lang?: 'fr' | 'en' },
): Promise<{ learner: Learner; created: boolean }> {
  const [row] = await db
    .insert(learners)
    .values({
      email: values.email,
      name: values.name ?? null,
      organisation: values.organisation ?? null,
      lang: values.lang ?? 'fr',
    })
    .onConflictDoUpdate({
      target: learners.email,
      set: {
        name: sql`coalesce(${learners.name}, excluded.name)`,
        organisation: sql`coalesce(${learners.organisation}, excluded.organisation)`,
      },
    })
    // xmax = 0 only for a freshly inserted row: tells "created" from "updated" in one statement.
    .returning({ ...getTableColumns(learners), inserted: sql<boolean>`(xmax = 0)` });
  const { inserted, ...learner } = row!;
  return { learner, created: Boolean(inserted) };
}
