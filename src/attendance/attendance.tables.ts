import { pgTable, uuid, text, timestamp, real, integer, jsonb, boolean, unique, index } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { learners } from '../learners/learners.tables';
import { events } from '../events/events.tables';

/** One row per learner and event: the database makes "one attendance per person per session" a fact. */
export const attendance = pgTable(
  'attendance',
  {
    // Time-ordered (UUIDv7, migrations/0012): an import's new rows land at the right edge of the key's
    // index instead of on random pages — a random key cost a third of the import's insert time.
    id: uuid('id').primaryKey().default(sql`parcours_uuid_v7()`),
    // References learners.id (ON DELETE CASCADE) and, below, events.key and imports.id through
    // statement-level triggers, not foreign keys (migrations/0012): a foreign key checks each row, a
    // query and a lock for each of one file's 100,000 rows. The triggers keep what the keys gave:
    // see tests/imports/import-integrity.test.ts.
    learnerId: uuid('learner_id').notNull(),
    eventKey: text('event_key').notNull(),
    // present: attended live; replay: followed the recording (counts as attended); absent.
    status: text('status', { enum: ['present', 'replay', 'absent'] }).notNull(),
    minutes: real('minutes'),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    // `import:<format>` or `manual`; importId says which file.
    source: text('source').notNull(),
    importId: uuid('import_id'),
    reason: text('reason'),
    note: text('note'),
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('attendance_learner_event_uq').on(t.learnerId, t.eventKey),
    index('attendance_event_idx').on(t.eventKey),
    // An import's people are paged by it (GET /api/imports/:id/people).
    index('attendance_import_idx').on(t.importId),
  ],
);

export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventKey: text('event_key')
      .notNull()
      .references(() => events.key, { onUpdate: 'cascade' }),
    fileHash: text('file_hash').notNull(),
    // The column mapping a `mapped` file was read with ('' otherwise): the same bytes read with
    // other columns are another import, not a repeat.
    mapping: text('mapping').notNull().default(''),
    fileName: text('file_name'),
    format: text('format').notNull(),
    encoding: text('encoding').notNull(),
    acceptPartial: boolean('accept_partial').notNull().default(false),
    counts: jsonb('counts').$type<Record<string, number>>().notNull(),
    importedBy: text('imported_by').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Re-importing the same file for the same event is recognised, not applied twice.
  (t) => [unique('imports_event_hash_mapping_uq').on(t.eventKey, t.fileHash, t.mapping)],
);

/** Rows without an e-mail, kept for an organiser to match to a learner. */
export const unmatchedRows = pgTable(
  'unmatched_rows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    name: text('name').notNull(),
    minutes: real('minutes').notNull(),
    matchedLearnerId: uuid('matched_learner_id').references(() => learners.id, { onDelete: 'set null' }),
    matchedAt: timestamp('matched_at', { withTimezone: true }),
  },
  (t) => [unique('unmatched_import_line_uq').on(t.importId, t.line)],
);
