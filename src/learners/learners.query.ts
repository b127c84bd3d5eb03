import { and, asc, count, eq, ilike, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { learners } from './learners.tables';

export interface LearnerSearch {
  q?: string;
  organisation?: string;
  limit: number;
  offset: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function searchLearners(db: Db, search: LearnerSearch) {
  // An erased learner's emptied row (kept for their credentials) is nobody: never listed.
  const filters: SQL[] = [isNull(learners.erasedAt)];
  if (search.q) {
    const pattern = `%${escapeLike(search.q.trim())}%`;
    filters.push(
      or(ilike(learners.name, pattern), ilike(learners.email, pattern), ilike(learners.organisation, pattern))!,
    );
  }
  if (search.organisation) filters.push(eq(learners.organisation, search.organisation));
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(learners)
      .where(where)
      .orderBy(asc(learners.name), asc(learners.email))
      .limit(search.limit)
      .offset(search.offset),
    db.select({ n: count() }).from(learners).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
