import { sql } from 'drizzle-orm';
import {
  pgTable,
  uuid,
  text,
  timestamp,
  jsonb,
  integer,
  serial,
  unique,
  index,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { learners } from '../learners/learners.tables';
import { awards } from '../badges/awards.tables';
import type { StoredKey } from '../ob3/keys';

/**
 * The issuer's signing keys: one active Ed25519 (Data Integrity) and one active P-256 (VC-JWT).
 * Retired keys stay published (DID document, JWKS) so earlier credentials still verify.
 */
export const issuerKeys = pgTable(
  'issuer_keys',
  {
    id: text('id').primaryKey(), // multibase (Ed25519) or RFC 7638 thumbprint (P-256)
    type: text('type', { enum: ['Ed25519', 'P-256'] }).notNull(),
    status: text('status', { enum: ['active', 'retired'] })
      .notNull()
      .default('active'),
    // Private part sealed with PARCOURS_KEY_SECRET (AES-256-GCM) when it is set.
    key: jsonb('key').$type<StoredKey>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  // One active key per type: two instances starting together insert-if-absent, then re-read.
  (t) => [uniqueIndex('issuer_keys_one_active_uq').on(t.type).where(sql`status = 'active'`)],
);

/** W3C Bitstring Status Lists; `credential` is the signed list exactly as served. */
export const statusLists = pgTable(
  'status_lists',
  {
    id: serial('id').primaryKey(),
    // A list is signed by its issuer (a did:key issuer changes with its key: new list).
    issuerId: text('issuer_id').notNull(),
    purpose: text('purpose', { enum: ['revocation'] })
      .notNull()
      .default('revocation'),
    length: integer('length').notNull(),
    encodedList: text('encoded_list').notNull(),
    credential: text('credential').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('status_lists_issuer_idx').on(t.issuerId, t.purpose)],
);

/** One OpenBadgeCredential per award, stored as the exact signed bytes that are served. */
export const credentials = pgTable(
  'credentials',
  {
    id: uuid('id').primaryKey(),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => learners.id, { onDelete: 'cascade' }),
    // One current (unrevoked) credential per award: a re-issue revokes the one it replaces.
    awardId: uuid('award_id')
      .notNull()
      .references(() => awards.id, { onDelete: 'cascade' }),
    badgeKey: text('badge_key').notNull(),
    issuerId: text('issuer_id').notNull(),
    lang: text('lang', { enum: ['fr', 'en'] }).notNull(),
    json: text('json').notNull(), // with its DataIntegrityProof; text keeps the signed bytes as they are
    jwt: text('jwt').notNull(),
    statusListId: integer('status_list_id')
      .notNull()
      .references(() => statusLists.id),
    statusIndex: integer('status_index').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revocationReason: text('revocation_reason'),
    revokedBy: text('revoked_by'),
  },
  (t) => [
    // Two credentials never share a bit: random indexes are retried on conflict.
    unique('credentials_status_entry_uq').on(t.statusListId, t.statusIndex),
    // A learner's own credentials (GET /api/me/credentials).
    index('credentials_learner_idx').on(t.learnerId),
    uniqueIndex('credentials_award_current_uq').on(t.awardId).where(sql`revoked_at is null`),
    index('credentials_award_idx').on(t.awardId),
  ],
);
