import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { awards } from '../badges/awards.tables';
import { credentials } from './credentials.tables';

export type CredentialRow = typeof credentials.$inferSelect;
export type CredentialValues = typeof credentials.$inferInsert;

/** Returns the ids inserted: a row whose status entry another transaction took meanwhile is skipped. */
export async function insertCredentials(db: Db, values: CredentialValues[]): Promise<Set<string>> {
  if (values.length === 0) return new Set();
  const rows = await db
    .insert(credentials)
    .values(values)
    .onConflictDoNothing({ target: [credentials.statusListId, credentials.statusIndex] })
    .returning({ id: credentials.id });
  return new Set(rows.map((r) => r.id));
}

export async function findCredential(db: Db, id: string): Promise<CredentialRow | undefined> {
  const [row] = await db.select().from(credentials).where(eq(credentials.id, id));
  return row;
}

/** Only what a public GET serves. */
export async function findCredentialFiles(db: Db, id: string) {
  const [row] = await db
    .select({ json: credentials.json, jwt: credentials.jwt, badgeKey: credentials.badgeKey, lang: credentials.lang })
    .from(credentials)
    .where(eq(credentials.id, id));
  return row;
}

export async function lockCredential(db: Db, id: string): Promise<CredentialRow | undefined> {
  const [row] = await db.select().from(credentials).where(eq(credentials.id, id)).for('update');
  return row;
}

// An award's own credential, not a wallet's copy; the current one first, then the latest replaced.
const original = isNull(credentials.copyOf);
const currentFirst = [sql`${credentials.revokedAt} is not null`, desc(credentials.issuedAt)];

export async function findCredentialOfAward(db: Db, awardId: string): Promise<CredentialRow | undefined> {
  const [row] = await db
    .select()
    .from(credentials)
    .where(and(eq(credentials.awardId, awardId), original))
    .orderBy(...currentFirst)
    .limit(1);
  return row;
}

export async function credentialIdsOfAwards(db: Db, awardIds: string[]): Promise<Map<string, string>> {
  if (awardIds.length === 0) return new Map();
  const rows = await db
    .select({ awardId: credentials.awardId, id: credentials.id })
    .from(credentials)
    .where(and(inArray(credentials.awardId, awardIds), original))
    .orderBy(...currentFirst);
  const ids = new Map<string, string>();
  for (const r of rows) if (!ids.has(r.awardId)) ids.set(r.awardId, r.id);
  return ids;
}

/** Through the award, which a learner merge moves: the credential follows its award. */
export async function listCredentialsOfLearner(db: Db, learnerId: string) {
  return db
    .select({
      id: credentials.id,
      badgeKey: credentials.badgeKey,
      issuedAt: credentials.issuedAt,
      lang: credentials.lang,
      revokedAt: credentials.revokedAt,
      revocationReason: credentials.revocationReason,
    })
    .from(credentials)
    .innerJoin(awards, eq(awards.id, credentials.awardId))
    .where(and(eq(awards.learnerId, learnerId), original, isNull(credentials.replacedBy)))
    .orderBy(desc(credentials.issuedAt));
}

/**
 * One page of a learner's signed credentials, newest first, revoked ones included (their status
 * entry says so), with the total: the OB 3.0 API's GET /credentials (`since`: issued after it).
 */
export async function pageOfLearnerCredentials(
  db: Db,
  learnerId: string,
  page: { limit: number; offset: number; since?: Date },
) {
  const where = and(
    eq(awards.learnerId, learnerId),
    original,
    page.since ? gt(credentials.issuedAt, page.since) : undefined,
  );
  const from = () =>
    db.select({ total: count() }).from(credentials).innerJoin(awards, eq(awards.id, credentials.awardId));
  const [{ total } = { total: 0 }] = await from().where(where);
  const rows = await db
    .select({ json: credentials.json, jwt: credentials.jwt })
    .from(credentials)
    .innerJoin(awards, eq(awards.id, credentials.awardId))
    .where(where)
    .orderBy(desc(credentials.issuedAt), desc(credentials.id))
    .limit(page.limit)
    .offset(page.offset);
  return { total, rows };
}

/** The credential and its award, revoked together (`keepAward`: a re-issue replaces the credential only). */
export async function markRevoked(
  db: Db,
  row: CredentialRow,
  values: { at: Date; reason: string; by: string | null; keepAward?: boolean },
) {
  await db
    .update(credentials)
    .set({ revokedAt: values.at, revocationReason: values.reason, revokedBy: values.by })
    .where(eq(credentials.id, row.id));
  if (row.copyOf || values.keepAward) return; // a wallet's copy, or a replaced credential: the award stands
  await db
    .update(awards)
    .set({ revokedAt: values.at, revocationReason: values.reason })
    .where(and(eq(awards.id, row.awardId), isNull(awards.revokedAt)));
}

/** The learner holding the credential now: its award's (a merge moves awards, not credentials). */
export async function holderOf(db: Db, row: Pick<CredentialRow, 'awardId' | 'learnerId'>): Promise<string> {
  const [award] = await db.select({ learnerId: awards.learnerId }).from(awards).where(eq(awards.id, row.awardId));
  return award?.learnerId ?? row.learnerId;
}

/** The current credentials of a learner's awards still held (what a re-issue replaces), locked. */
export async function lockCurrentCredentialsOfLearner(db: Db, learnerId: string): Promise<CredentialRow[]> {
  const rows = await db
    .select({ credential: credentials })
    .from(credentials)
    .innerJoin(awards, eq(awards.id, credentials.awardId))
    .where(and(eq(awards.learnerId, learnerId), isNull(awards.revokedAt), original, isNull(credentials.revokedAt)))
    .orderBy(asc(credentials.issuedAt))
    .for('update');
  return rows.map((r) => r.credential);
}

/** The wallets' copies of a credential still valid, locked: they fall with it. */
export async function lockLiveCopiesOf(db: Db, credentialId: string): Promise<CredentialRow[]> {
  return db
    .select()
    .from(credentials)
    .where(and(eq(credentials.copyOf, credentialId), isNull(credentials.revokedAt)))
    .for('update');
}

/** A learner's wallet copies, newest first (« Mes badges »). */
export async function listCopiesOfLearner(db: Db, learnerId: string) {
  return db
    .select({
      id: credentials.id,
      copyOf: credentials.copyOf,
      holderDid: credentials.holderDid,
      issuedAt: credentials.issuedAt,
      revokedAt: credentials.revokedAt,
    })
    .from(credentials)
    .innerJoin(awards, eq(awards.id, credentials.awardId))
    .where(and(eq(awards.learnerId, learnerId), isNotNull(credentials.copyOf)))
    .orderBy(desc(credentials.issuedAt));
}

export async function setReplacedBy(db: Db, id: string, replacedBy: string) {
  await db.update(credentials).set({ replacedBy }).where(eq(credentials.id, id));
}

/** A learner's credentials still valid, wallet copies included (what an erasure may revoke). */
export async function currentCredentialsOfLearner(db: Db, learnerId: string): Promise<CredentialRow[]> {
  return db
    .select({ c: credentials })
    .from(credentials)
    .innerJoin(awards, eq(awards.id, credentials.awardId))
    .where(and(eq(awards.learnerId, learnerId), isNull(credentials.revokedAt), isNull(awards.revokedAt)))
    .then((rows) => rows.map((r) => r.c));
}

/** Every credential of a learner, replaced, revoked and wallet copies included, with the signed files (export). */
export async function allCredentialsOfLearner(db: Db, learnerId: string): Promise<CredentialRow[]> {
  return db
    .select({ c: credentials })
    .from(credentials)
    .innerJoin(awards, eq(awards.id, credentials.awardId))
    .where(eq(awards.learnerId, learnerId))
    .orderBy(asc(credentials.issuedAt))
    .then((rows) => rows.map((r) => r.c));
}
