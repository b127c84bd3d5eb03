import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { learners } from '../learners/learners.tables';
import { quizAttempts, quizOpenings } from './quizzes.tables';

export type AttemptRow = typeof quizAttempts.$inferSelect;
export type AttemptValues = Omit<typeof quizAttempts.$inferInsert, 'id'>;

export async function insertAttempt(db: Db, values: AttemptValues): Promise<AttemptRow> {
  const [row] = await db.insert(quizAttempts).values(values).returning();
  return row!;
}

/**
 * The attempt that counts, per learner and quiz, in one statement: a complete attempt first, then
 * the best percent, the best score, the earliest. This is the rules' `bestAttempts` fact.
 */
export async function bestAttempts(db: Db, learnerIds: readonly string[]) {
  if (learnerIds.length === 0) return [];
  const a = quizAttempts;
  return db
    .selectDistinctOn([a.learnerId, a.quizKey], {
      id: a.id,
      learnerId: a.learnerId,
      quizKey: a.quizKey,
      score: a.score,
      maxScore: a.maxScore,
      percent: a.percent,
      complete: a.complete,
      submittedAt: a.submittedAt,
    })
    .from(a)
    .where(inArray(a.learnerId, [...learnerIds]))
    .orderBy(
      a.learnerId,
      a.quizKey,
      desc(a.complete),
      sql`${a.percent} desc nulls last`,
      desc(a.score),
      asc(a.submittedAt),
    );
}

/** Every attempt at one quiz with who made it, newest first (organisers). */
export async function listQuizAttempts(db: Db, quizKey: string, page: { limit: number; offset: number }) {
  const where = eq(quizAttempts.quizKey, quizKey);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        attempt: quizAttempts,
        email: learners.email,
        name: learners.name,
        organisation: learners.organisation,
      })
      .from(quizAttempts)
      .innerJoin(learners, eq(learners.id, quizAttempts.learnerId))
      .where(where)
      .orderBy(desc(quizAttempts.submittedAt), desc(quizAttempts.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(quizAttempts).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** A merge keeps every attempt of both records: the best still counts. */
export async function moveAttempts(db: Db, fromId: string, intoId: string): Promise<number> {
  const moved = await db
    .update(quizAttempts)
    .set({ learnerId: intoId })
    .where(eq(quizAttempts.learnerId, fromId))
    .returning({ id: quizAttempts.id });
  return moved.length;
}

export async function findOpening(db: Db, quizKey: string) {
  const [row] = await db.select().from(quizOpenings).where(eq(quizOpenings.quizKey, quizKey));
  return row;
}

export async function listOpenings(db: Db) {
  return db.select().from(quizOpenings);
}

/** Opening twice keeps the first opening time: an earlier opening is never pushed back. */
export async function openQuizAt(db: Db, quizKey: string, at: Date, by: string) {
  const [row] = await db
    .insert(quizOpenings)
    .values({ quizKey, openedAt: at, openedBy: by })
    .onConflictDoUpdate({
      target: quizOpenings.quizKey,
      set: { openedAt: sql`least(${quizOpenings.openedAt}, excluded.opened_at)` },
    })
    .returning();
  return row!;
}

export async function attemptsOfLearner(db: Db, learnerId: string, quizKey?: string) {
  const where = quizKey
    ? and(eq(quizAttempts.learnerId, learnerId), eq(quizAttempts.quizKey, quizKey))
    : eq(quizAttempts.learnerId, learnerId);
  return db.select().from(quizAttempts).where(where).orderBy(desc(quizAttempts.submittedAt));
}
