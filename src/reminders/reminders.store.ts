import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { reminderOptOuts, reminderSends } from './reminders.tables';

export type ReminderSend = typeof reminderSends.$inferSelect;

/** Every reminder key already written for these learners: `learner|rule|subject|occurrence`. */
export async function sentKeys(db: Db, learnerIds: readonly string[]): Promise<Set<string>> {
  if (learnerIds.length === 0) return new Set();
  const rows = await db
    .select({
      learnerId: reminderSends.learnerId,
      ruleKey: reminderSends.ruleKey,
      subject: reminderSends.subject,
      occurrence: reminderSends.occurrence,
    })
    .from(reminderSends)
    .where(inArray(reminderSends.learnerId, [...learnerIds]));
  return new Set(rows.map((r) => sendKey(r.learnerId, r.ruleKey, r.subject, r.occurrence)));
}

export const sendKey = (learnerId: string, ruleKey: string, subject: string, occurrence: string) =>
  `${learnerId}|${ruleKey}|${subject}|${occurrence}`;

/**
 * Claims a reminder: true for the one transaction (of any instance) whose row went in. A second
 * claim of the same key waits for the first to commit, then finds the row and returns false.
 */
export async function claimSend(
  db: Db,
  values: { learnerId: string; ruleKey: string; subject: string; occurrence: string; dueAt: Date } & {
    manual?: boolean;
    createdBy?: string | null;
  },
): Promise<string | null> {
  const rows = await db.insert(reminderSends).values(values).onConflictDoNothing().returning({ id: reminderSends.id });
  return rows[0]?.id ?? null;
}

export async function attachOutbox(db: Db, id: string, outboxId: string) {
  await db.update(reminderSends).set({ outboxId }).where(eq(reminderSends.id, id));
}

export async function findSendByOutbox(db: Db, outboxId: string): Promise<ReminderSend | undefined> {
  const [row] = await db.select().from(reminderSends).where(eq(reminderSends.outboxId, outboxId));
  return row;
}

export async function cancelSend(db: Db, id: string) {
  await db.update(reminderSends).set({ status: 'cancelled' }).where(eq(reminderSends.id, id));
}

export async function recentSends(db: Db, limit: number): Promise<ReminderSend[]> {
  return db.select().from(reminderSends).orderBy(desc(reminderSends.createdAt)).limit(limit);
}

/** learner id → kinds they turned off (a rule key, or `all`). */
export async function optOutsOf(db: Db, learnerIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const result = new Map<string, Set<string>>();
  if (learnerIds.length === 0) return result;
  const rows = await db
    .select()
    .from(reminderOptOuts)
    .where(inArray(reminderOptOuts.learnerId, [...learnerIds]));
  for (const r of rows) result.set(r.learnerId, (result.get(r.learnerId) ?? new Set()).add(r.kind));
  return result;
}

export async function addOptOut(db: Db, learnerId: string, kind: string) {
  await db.insert(reminderOptOuts).values({ learnerId, kind }).onConflictDoNothing();
}

export async function hasOptOut(db: Db, learnerId: string, kinds: readonly string[]): Promise<boolean> {
  const rows = await db
    .select({ kind: reminderOptOuts.kind })
    .from(reminderOptOuts)
    .where(and(eq(reminderOptOuts.learnerId, learnerId), inArray(reminderOptOuts.kind, [...kinds])));
  return rows.length > 0;
}
