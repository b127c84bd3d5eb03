import { pgTable, uuid, text, timestamp, index } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export const learners = pgTable(
  'learners',
  {
    // Time-ordered (UUIDv7, migrations/0012): an import's new rows land at the right edge of the key's
    // index instead of on random pages — a random key cost a third of the import's insert time.
    id: uuid('id').primaryKey().default(sql`parcours_uuid_v7()`),
    // Trimmed, lower-cased, NFC-normalised: one person under two spellings is one learner.
    email: text('email').notNull().unique(),
    name: text('name'),
    organisation: text('organisation'),
    lang: text('lang', { enum: ['fr', 'en'] })
      .notNull()
      .default('fr'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // Set by an erasure (art. 17): the row stays, emptied, so the credentials it holds still verify.
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  // Organisers search the cohort by organisation.
  (t) => [index('learners_organisation_idx').on(t.organisation)],
);
