import { pgTable, uuid, text, timestamp, boolean, index } from 'drizzle-orm/pg-core';
import { learners } from '../learners/learners.tables';

/**
 * Requests a learner confirms from a link e-mailed to them: an e-mail change (the link goes to the
 * new address) or the erasure of their account. Only the token's SHA-256 is stored.
 */
export const privacyRequests = pgTable(
  'privacy_requests',
  {
    tokenHash: text('token_hash').primaryKey(),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => learners.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['email-change', 'erasure'] }).notNull(),
    newEmail: text('new_email'),
    revokeCredentials: boolean('revoke_credentials').notNull().default(false),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('privacy_requests_learner_idx').on(t.learnerId)],
);

/**
 * The suppression list: the SHA-256 of each erased e-mail under a fixed label (suppression.service.ts),
 * so that a later import of an old file does not silently recreate the person. No name, no address:
 * a hash and a date.
 */
export const erasedIdentities = pgTable('erased_identities', {
  emailHash: text('email_hash').primaryKey(),
  reference: text('reference').notNull(),
  erasedAt: timestamp('erased_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Every consent given or withdrawn (the directory today): the proof asked by art. 7(1) RGPD. */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => learners.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['directory'] }).notNull(),
    given: boolean('given').notNull(),
    // The words the person saw, so the proof says what was agreed to.
    wording: text('wording').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consents_learner_idx').on(t.learnerId)],
);
