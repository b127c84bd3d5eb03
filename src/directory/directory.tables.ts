import { pgTable, uuid, text, timestamp, boolean, index } from 'drizzle-orm/pg-core';
import { learners } from '../learners/learners.tables';

/**
 * « Relais data du territoire »: one row per learner who set up their listing. Shown only while
 * `listed` (withdrawal sets it false at once); the contact is what they chose to show, never the
 * sign-in address unless `showSignInEmail`.
 */
export const directoryEntries = pgTable(
  'directory_entries',
  {
    learnerId: uuid('learner_id')
      .primaryKey()
      .references(() => learners.id, { onDelete: 'cascade' }),
    listed: boolean('listed').notNull().default(false),
    collectivite: text('collectivite'),
    department: text('department'),
    contactEmail: text('contact_email'),
    showSignInEmail: boolean('show_sign_in_email').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('directory_department_idx').on(t.department)],
);
