import { pgTable, uuid, text, timestamp, integer, bigserial, boolean, index, jsonb } from 'drizzle-orm/pg-core';

export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    // Extra headers sent as they are (a reminder's List-Unsubscribe and List-Unsubscribe-Post, RFC 8058).
    headers: jsonb('headers').$type<Record<string, string>>(),
    template: text('template').notNull(),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    // A claimed message is leased: another instance takes it back only once the lease has run out.
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  // The worker's claim query: due messages by status and time.
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt)],
);

export const outboxAttempts = pgTable('outbox_attempts', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  messageId: uuid('message_id')
    .notNull()
    .references(() => outbox.id, { onDelete: 'cascade' }),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  ok: boolean('ok').notNull(),
  transport: text('transport').notNull(),
  error: text('error'),
});
