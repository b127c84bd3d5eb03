import { count } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { learners } from '../../learners/learners.tables';
import { outbox } from '../../notifications/outbox.tables';

export type OutboxStatus = (typeof outbox.status.enumValues)[number];

/** Messages per status, every status present (0 when none). */
export async function countOutbox(db: Db): Promise<Record<OutboxStatus, number>> {
  const rows = await db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status);
  const counts = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

export async function countLearners(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(learners);
  return row?.n ?? 0;
}
