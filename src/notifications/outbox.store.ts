import { and, asc, desc, eq, inArray, lte, or, lt, sql, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { outbox, outboxAttempts } from './outbox.tables';
import type { RenderedMail } from './templates/layout';

export type OutboxMessage = typeof outbox.$inferSelect;

/** Written in the caller's transaction: the message exists exactly when what caused it does. */
export async function enqueueMail(db: Db, to: string, template: string, mail: RenderedMail) {
  const [row] = await db.insert(outbox).values({ to, template, subject: mail.subject, text: mail.text, html: mail.html }).returning({ id: outbox.id });
  return row!.id;
}

/**
 * Claims due messages with SKIP LOCKED and leases them, so two instances never take the same one.
 * A lease that ran out (instance died mid-send) makes the message due again.
 */
export async function claimDue(db: Db, now: Date, leaseMs: number, limit: number): Promise<OutboxMessage[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(or(
      and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)),
      and(eq(outbox.status, 'sending'), or(isNull(outbox.lockedUntil), lt(outbox.lockedUntil, now))),
    ))
    .orderBy(asc(outbox.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(outbox)
    .set({ status: 'sending', lockedUntil: new Date(now.getTime() + leaseMs) })
    .where(inArray(outbox.id, due))
    .returning();
}

export async function markSent(db: Db, id: string, transport: string, now: Date) {
  await db.transaction(async (tx) => {
    await tx.update(outbox).set({ status: 'sent', sentAt: now, lockedUntil: null, lastError: null, attempts: sql`${outbox.attempts} + 1` }).where(eq(outbox.id, id));
    await tx.insert(outboxAttempts).values({ messageId: id, at: now, ok: true, transport });
  });
}

export async function markFailed(db: Db, id: string, transport: string, error: string, nextAttemptAt: Date | null, now: Date) {
  await db.transaction(async (tx) => {
    await tx
      .update(outbox)
      .set({ status: nextAttemptAt ? 'pending' : 'failed', nextAttemptAt: nextAttemptAt ?? now, lockedUntil: null, lastError: error, attempts: sql`${outbox.attempts} + 1` })
      .where(eq(outbox.id, id));
    await tx.insert(outboxAttempts).values({ messageId: id, at: now, ok: false, transport, error });
  });
}

export async function listOutbox(db: Db, status: OutboxMessage['status'] | undefined, limit: number, offset: number) {
  return db.select().from(outbox).where(status ? eq(outbox.status, status) : undefined).orderBy(desc(outbox.createdAt)).limit(limit).offset(offset);
}

export async function listAttempts(db: Db, messageId: string) {
  return db.select().from(outboxAttempts).where(eq(outboxAttempts.messageId, messageId)).orderBy(asc(outboxAttempts.id));
}

/** An organiser's retry: a failed message becomes due now. */
export async function retryMessage(db: Db, id: string, now: Date) {
  const rows = await db.update(outbox).set({ status: 'pending', nextAttemptAt: now }).where(and(eq(outbox.id, id), inArray(outbox.status, ['failed', 'pending']))).returning({ id: outbox.id });
  return rows.length > 0;
}
