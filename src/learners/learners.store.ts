import { eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { learners } from './learners.tables';

/** `erasedAt` optional: pages and fixtures that predate erasure build learners without it. */
export type Learner = Omit<typeof learners.$inferSelect, 'erasedAt'> & { erasedAt?: Date | null };

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

/** Rectification by the learner: name and organisation (null clears). */
export async function updateLearnerIdentity(
  db: Db,
  id: string,
  values: { name?: string | null; organisation?: string | null },
): Promise<Learner | undefined> {
  const [row] = await db
    .update(learners)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(learners.id, id))
    .returning();
  return row;
}

/** A confirmed e-mail change; false when another learner holds the address (the unique index decides). */
export async function changeLearnerEmail(db: Db, id: string, email: string): Promise<boolean> {
  const rows = await db
    .update(learners)
    .set({ email, updatedAt: sql`now()` })
    .where(sql`${learners.id} = ${id} and not exists (select 1 from learners o where o.email = ${email})`)
    .returning({ id: learners.id });
  return rows.length === 1;
}

/**
 * Erasure: the row stays (its awards and credentials hang on it) but holds nothing personal; the
 * e-mail becomes an address under `.invalid` (RFC 2606) that names no one and reaches no one.
 */
export async function emptyLearnerRecord(db: Db, id: string, placeholderEmail: string) {
  await db
    .update(learners)
    .set({ email: placeholderEmail, name: null, organisation: null, erasedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(learners.id, id));
}
