import { index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { StoredKey } from '../ob3/keys';

/**
 * Keys of the endorsers the platform signs for (hosted mode), never the issuer's: one Ed25519
 * (Data Integrity) and one P-256 (VC-JWT) per endorser, private parts sealed with PARCOURS_KEY_SECRET.
 * An offline endorser's public keys are in its file (badges/endorsers/<key>.json), its private ones never here.
 */
export const endorserKeys = pgTable(
  'endorser_keys',
  {
    endorser: text('endorser').notNull(),
    id: text('id').notNull(),
    type: text('type', { enum: ['Ed25519', 'P-256'] }).notNull(),
    key: jsonb('key').$type<StoredKey>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.endorser, t.id] }), unique('endorser_keys_one_type_uq').on(t.endorser, t.type)],
);

/**
 * Each endorser's own Bitstring status list. `encodedList` is the state wanted; `credential` the
 * list as last signed by the endorser and served ('' before the first signature). They differ while
 * an offline endorser has not yet signed a withdrawal.
 */
export const endorserStatusLists = pgTable(
  'endorser_status_lists',
  {
    id: serial('id').primaryKey(),
    endorser: text('endorser').notNull(),
    issuerId: text('issuer_id').notNull(),
    length: integer('length').notNull(),
    encodedList: text('encoded_list').notNull(),
    credential: text('credential').notNull().default(''),
    signedList: text('signed_list').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('endorser_status_lists_issuer_idx').on(t.endorser, t.issuerId)],
);

/** One EndorsementCredential per endorser and Achievement, as signed ('requested': awaiting an offline signature). */
export const endorsements = pgTable(
  'endorsements',
  {
    id: uuid('id').primaryKey(),
    endorser: text('endorser').notNull(),
    badgeKey: text('badge_key').notNull(),
    issuerId: text('issuer_id').notNull(),
    mode: text('mode', { enum: ['hosted', 'offline'] }).notNull(),
    state: text('state', { enum: ['requested', 'active'] }).notNull(),
    json: text('json').notNull(),
    jwt: text('jwt'),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }).notNull(),
    statusListId: integer('status_list_id')
      .notNull()
      .references(() => endorserStatusLists.id),
    statusIndex: integer('status_index').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawalReason: text('withdrawal_reason'),
    withdrawnBy: text('withdrawn_by'),
  },
  (t) => [
    unique('endorsements_status_entry_uq').on(t.statusListId, t.statusIndex),
    index('endorsements_badge_idx').on(t.badgeKey),
  ],
);
