import { pgTable, uuid, text, timestamp, boolean, unique, primaryKey, index } from 'drizzle-orm/pg-core';
import { learners } from '../learners/learners.tables';
import { outbox } from '../notifications/outbox.tables';

/**
 * One row per reminder ever written to the outbox. The unique key (learner, rule, subject,
 * occurrence) is what makes several instances running the scheduler at once send it once: the
 * instance whose insert wins writes the e-mail, in the same transaction.
 */
export const reminderSends = pgTable(
  'reminder_sends',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => learners.id, { onDelete: 'cascade' }),
    ruleKey: text('rule_key').notNull(),
    // `event:<key>`, `attended:<key>` or `answered:<key>`: what the reminder is about.
    subject: text('subject').notNull(),
    // The send's index for the scheduler ('0', '1'…), `manual:<uuid>` for an organiser's send.
    occurrence: text('occurrence').notNull(),
    outboxId: uuid('outbox_id').references(() => outbox.id, { onDelete: 'set null' }),
    // queued: in the outbox (sent or not: the outbox says); cancelled: its condition was met before it left.
    status: text('status', { enum: ['queued', 'cancelled'] })
      .notNull()
      .default('queued'),
    manual: boolean('manual').notNull().default(false),
    createdBy: text('created_by'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('reminder_sends_once_uq').on(t.learnerId, t.ruleKey, t.subject, t.occurrence),
    index('reminder_sends_outbox_idx').on(t.outboxId),
    index('reminder_sends_created_idx').on(t.createdAt),
  ],
);

/** A learner's "no more of these": per rule key, or `all` for every reminder. Award e-mails are not reminders. */
export const reminderOptOuts = pgTable(
  'reminder_opt_outs',
  {
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => learners.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.learnerId, t.kind] })],
);
