import { and, asc, count, desc, eq, inArray, lte, or, lt, sql, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { outbox, outboxAttempts } from './outbox.tables';
import type { RenderedMail } from './templates/layout';

export type OutboxMessage = typeof outbox.$inferSelect;

/**
 * Written in the caller's transaction: the message exists exactly when what caused it does.
 * `options.headers` travel with the message; `options.dueAt` is when it becomes due (a scheduler's clock).
 */
export async function enqueueMail(
  db: Db,
  to: string,
  template: string,
  mail: RenderedMail,
  options: { headers?: Record<string, string>; dueAt?: Date } = {},
) {
  const [row] = await db
    .insert(outbox)
    .values({
      to,
      template,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: options.headers ?? null,
      ...(options.dueAt ? { nextAttemptAt: options.dueAt } : {}),
    })
    .returning({ id: outbox.id });
  return row!.id;
}

/** Many messages at once, in the caller's transaction (a batch of awards): one insert per 100. */
export async function enqueueMails(db: Db, mails: ReadonlyArray<{ to: string; template: string; mail: RenderedMail }>) {
  for (let i = 0; i < mails.length; i += 100) {
    await db.insert(outbox).values(
      mails.slice(i, i + 100).map(({ to, template, mail }) => ({
        to,
        template,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: null,
      })),
    );
  }
}

/**
 * Claims due messages with SKIP LOCKED and leases them, so two instances never take the same one.
 * A lease that ran out (instance died mid-send) makes the message due again.
 */
export async function claimDue(db: Db, now: Date, leaseMs: number, limit: number): Promise<OutboxMessage[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      or(
        and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)),
        and(eq(outbox.status, 'sending'), or(isNull(outbox.lockedUntil), lt(outbox.lockedUntil, now))),
      ),
    )
    .orderBy(asc(outbox.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(outbox)
    .set({ status: 'sending', lockedUntil: new Date(now.getTime() + leaseMs) })
    .where(inArray(outbox.id, due))
    .returning();
}

/** Templates whose body holds a secret (a sign-in link): it is erased from the outbox once sent. */
const SECRET_TEMPLATES = new Set(['magic-link']);
/** What stays in a message once its secret is no longer needed. */
export const ERASED = '[effacé après envoi / erased once sent]';
const eraseSecrets = (body: string) => body.replace(/([?&](?:amp;)?token=)[^&"'<>\s]+/g, `$1${ERASED}`);

/**
 * The body a message keeps once it is sent (or given up): the same, except a sign-in link's
 * token, which only the recipient's mailbox needs. Until then the body stays whole, so every retry
 * sends the working link.
 */
export function bodyAfterDelivery(
  message: Pick<OutboxMessage, 'template' | 'text' | 'html'>,
): { text: string; html: string | null } | undefined {
  if (!SECRET_TEMPLATES.has(message.template)) return undefined;
  return { text: eraseSecrets(message.text), html: message.html === null ? null : eraseSecrets(message.html) };
}

export async function markSent(
  db: Db,
  id: string,
  transport: string,
  now: Date,
  erased?: { text: string; html: string | null },
) {
  await db.transaction(async (tx) => {
    await tx
      .update(outbox)
      .set({
        status: 'sent',
        sentAt: now,
        lockedUntil: null,
        lastError: null,
        attempts: sql`${outbox.attempts} + 1`,
        ...erased,
      })
      .where(eq(outbox.id, id));
    await tx.insert(outboxAttempts).values({ messageId: id, at: now, ok: true, transport });
  });
}

/** `erased`: the body without its secret, when this was the last attempt (the link has long expired by then). */
export async function markFailed(
  db: Db,
  id: string,
  transport: string,
  error: string,
  nextAttemptAt: Date | null,
  now: Date,
  erased?: { text: string; html: string | null },
) {
  await db.transaction(async (tx) => {
    await tx
      .update(outbox)
      .set({
        status: nextAttemptAt ? 'pending' : 'failed',
        nextAttemptAt: nextAttemptAt ?? now,
        lockedUntil: null,
        lastError: error,
        attempts: sql`${outbox.attempts} + 1`,
        ...(nextAttemptAt ? {} : erased),
      })
      .where(eq(outbox.id, id));
    await tx.insert(outboxAttempts).values({ messageId: id, at: now, ok: false, transport, error });
  });
}

export async function listOutbox(db: Db, status: OutboxMessage['status'] | undefined, limit: number, offset: number) {
  return db
    .select()
    .from(outbox)
    .where(status ? eq(outbox.status, status) : undefined)
    .orderBy(desc(outbox.createdAt))
    .limit(limit)
    .offset(offset);
}

export async function listAttempts(db: Db, messageId: string) {
  return db
    .select()
    .from(outboxAttempts)
    .where(eq(outboxAttempts.messageId, messageId))
    .orderBy(asc(outboxAttempts.id));
}

/** An organiser's retry: a failed message becomes due now. */
export async function retryMessage(db: Db, id: string, now: Date) {
  const rows = await db
    .update(outbox)
    .set({ status: 'pending', nextAttemptAt: now })
    .where(and(eq(outbox.id, id), inArray(outbox.status, ['failed', 'pending'])))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

/**
 * Sent messages are kept this long (the organisers' e-mails page shows recent sends), then purged with
 * their attempts.
 */
export const OUTBOX_SENT_KEEP_MS = 30 * 86_400_000;

/** One batch of messages sent more than 30 days ago; returns how many were deleted. Failed and pending ones stay. */
export async function purgeSentOutbox(db: Db, now: Date, batch: number): Promise<number> {
  const old = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'sent'), lt(outbox.sentAt, new Date(now.getTime() - OUTBOX_SENT_KEEP_MS))))
    .limit(batch);
  return (await db.delete(outbox).where(inArray(outbox.id, old)).returning({ id: outbox.id })).length;
}

export type OutboxStatus = (typeof outbox.status.enumValues)[number];

/** A message the sender's guard called off before sending: it is removed, never sent. */
export async function dropMessage(db: Db, id: string) {
  await db.delete(outbox).where(eq(outbox.id, id));
}

/** Status and sending time of the given messages (the reminders page shows what became of each). */
export async function outboxStatuses(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { status: OutboxStatus; sentAt: Date | null }>();
  const rows = await db
    .select({ id: outbox.id, status: outbox.status, sentAt: outbox.sentAt })
    .from(outbox)
    .where(inArray(outbox.id, [...ids]));
  return new Map(rows.map((r) => [r.id, { status: r.status, sentAt: r.sentAt }]));
}

/** Messages per status, every status present (0 when none). */
export async function countOutbox(db: Db): Promise<Record<OutboxStatus, number>> {
  const rows = await db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status);
  const counts = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}
