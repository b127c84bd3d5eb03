import { pgTable, uuid, text, timestamp, boolean, index } from 'drizzle-orm/pg-core';
import { learners } from '../learners/learners.tables';
import { credentials } from '../credentials/credentials.tables';

/**
 * One "add to my wallet" link: single-use, short-lived, bound to one learner and to one of their
 * credentials (or, `credential_id` null, to all of them). The same row carries the three ways in:
 * the LCW/LearnCard request (`challenge`), the VC-API exchange, and the OID4VCI pre-authorized code
 * and its access token (both kept as SHA-256 only: they are bearer secrets).
 */
export const walletExchanges = pgTable(
  'wallet_exchanges',
  {
    id: uuid('id').primaryKey(),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => learners.id, { onDelete: 'cascade' }),
    credentialId: uuid('credential_id').references(() => credentials.id, { onDelete: 'cascade' }),
    challenge: uuid('challenge').notNull(),
    preAuthorizedCodeHash: text('pre_authorized_code_hash').notNull().unique(),
    accessTokenHash: text('access_token_hash').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    holderDid: text('holder_did'),
  },
  (t) => [index('wallet_exchanges_learner_idx').on(t.learnerId)],
);

/** OID4VCI c_nonce values spent (the nonces themselves are signed, not stored): each serves once. */
export const walletNonces = pgTable('wallet_nonces', {
  value: uuid('value').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** « Afficher mon nom sur mes badges »: off unless the learner said so, with the date they did. */
export const walletNameConsents = pgTable('wallet_name_consents', {
  learnerId: uuid('learner_id')
    .primaryKey()
    .references(() => learners.id, { onDelete: 'cascade' }),
  shown: boolean('shown').notNull(),
  decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
});
