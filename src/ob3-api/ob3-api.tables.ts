import { pgTable, uuid, text, timestamp, jsonb, index } from 'drizzle-orm/pg-core';
import { learners } from '../learners/learners.tables';

/** Platforms registered by RFC 7591 dynamic registration; only the SHA-256 of the secret is kept. */
export const oauthClients = pgTable('oauth_clients', {
  id: text('id').primaryKey(), // the client_id
  secretHash: text('secret_hash').notNull(),
  name: text('name').notNull(),
  clientUri: text('client_uri').notNull(),
  logoUri: text('logo_uri'),
  tosUri: text('tos_uri'),
  policyUri: text('policy_uri'),
  softwareId: text('software_id'),
  softwareVersion: text('software_version'),
  redirectUris: jsonb('redirect_uris').$type<string[]>().notNull(),
  scope: text('scope').notNull(),
  registeredFrom: text('registered_from'),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A learner's consent to one platform: the tokens hang off it, so « Retirer l'accès » ends them all. */
export const oauthGrants = pgTable(
  'oauth_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: text('client_id')
      .notNull()
      .references(() => oauthClients.id, { onDelete: 'cascade' }),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => learners.id, { onDelete: 'cascade' }),
    scope: text('scope').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  // « Mes badges » lists a learner's grants.
  (t) => [index('oauth_grants_learner_idx').on(t.learnerId)],
);

/** Authorization codes (hashed), single use, bound to the redirect URI and the PKCE challenge. */
export const oauthCodes = pgTable('oauth_codes', {
  codeHash: text('code_hash').primaryKey(),
  grantId: uuid('grant_id')
    .notNull()
    .references(() => oauthGrants.id, { onDelete: 'cascade' }),
  clientId: text('client_id').notNull(),
  redirectUri: text('redirect_uri').notNull(),
  scope: text('scope').notNull(),
  codeChallenge: text('code_challenge').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** Access and refresh tokens (hashed). A refresh token is used once: `usedAt` marks its rotation. */
export const oauthTokens = pgTable(
  'oauth_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    kind: text('kind', { enum: ['access', 'refresh'] }).notNull(),
    grantId: uuid('grant_id')
      .notNull()
      .references(() => oauthGrants.id, { onDelete: 'cascade' }),
    scope: text('scope').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Revoking a grant revokes its tokens.
  (t) => [index('oauth_tokens_grant_idx').on(t.grantId)],
);
