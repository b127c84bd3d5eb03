import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
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
  const filters: SQL[] = [];
  if (search.q) {
    const pattern = `%${escapeLike(search.q.trim())}%`;
    filters.push(
      or(ilike(learners.name, pattern), ilike(learners.email, pattern), ilike(learners.organisation, pattern))!,
    );
  }
  if (search.organisation) filters.push(eq(learners.organisation, search.organisation));
  const where = filters.length ? and(...filters) : undefined;
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
