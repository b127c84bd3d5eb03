import { pgTable, uuid, text, timestamp, jsonb, unique, index } from 'drizzle-orm/pg-core';
import { learners } from '../learners/learners.tables';
import type { AwardEvidence } from './evidence';

/**
 * One row per badge a learner earned. The unique (learner, badge) pair makes "never the same
 * badge twice" a database fact: racing evaluations insert with ON CONFLICT DO NOTHING.
 */
export const awards = pgTable(
  'awards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => learners.id, { onDelete: 'cascade' }),
    badgeKey: text('badge_key').notNull(),
    // rule: the badge's rule was met; manual: an organiser awarded it with a reason.
    method: text('method', { enum: ['rule', 'manual'] }).notNull(),
    evidence: jsonb('evidence').$type<AwardEvidence>().notNull(),
    reason: text('reason'),
    awardedBy: text('awarded_by'),
    awardedAt: timestamp('awarded_at', { withTimezone: true }).notNull().defaultNow(),
    // Revocation is explicit and owned by the credentials area; a later import never takes a badge back.
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revocationReason: text('revocation_reason'),
  },
  (t) => [
    unique('awards_learner_badge_uq').on(t.learnerId, t.badgeKey),
    // Cohort reports count the holders of each badge.
    index('awards_badge_idx').on(t.badgeKey),
  ],
);
