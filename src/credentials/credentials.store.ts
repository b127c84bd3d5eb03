import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
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

/** The award's current credential: the unrevoked one, else the latest (a re-issue keeps the replaced ones). */
export async function findCredentialOfAward(db: Db, awardId: string): Promise<CredentialRow | undefined> {
  const [row] = await db
    .select()
    .from(credentials)
    .where(eq(credentials.awardId, awardId))
    .orderBy(sql`${credentials.revokedAt} is null desc`, desc(credentials.issuedAt))
    .limit(1);
  return row;
}

export async function credentialIdsOfAwards(db: Db, awardIds: string[]): Promise<Map<string, string>> {
  if (awardIds.length === 0) return new Map();
  const rows = await db
    .select({ awardId: credentials.awardId, id: credentials.id })
    .from(credentials)
    .where(inArray(credentials.awardId, awardIds))
    // The current credential is read last, so it is the one the map keeps.
    .orderBy(sql`${credentials.revokedAt} is null`, asc(credentials.issuedAt));
  return new Map(rows.map((r) => [r.awardId, r.id]));
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
    .where(eq(awards.learnerId, learnerId))
    .orderBy(desc(credentials.issuedAt));
}

/** The credential and its award, revoked together. */
export async function markRevoked(db: Db, row: CredentialRow, values: { at: Date; reason: string; by: string | null }) {
  await db
    .update(credentials)
    .set({ revokedAt: values.at, revocationReason: values.reason, revokedBy: values.by })
    .where(eq(credentials.id, row.id));
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

/** A re-issue: the old credential is revoked as replaced, its award stays (the new credential carries it). */
export async function markReplaced(db: Db, id: string, values: { at: Date; reason: string; by: string | null }) {
  await db
    .update(credentials)
    .set({ revokedAt: values.at, revocationReason: values.reason, revokedBy: values.by })
    .where(eq(credentials.id, id));
}

/** A learner's current credentials (unrevoked), with the award each carries. */
export async function currentCredentialsOfLearner(db: Db, learnerId: string): Promise<CredentialRow[]> {
  return db
    .select({ c: credentials })
    .from(credentials)
    .innerJoin(awards, eq(awards.id, credentials.awardId))
    .where(and(eq(awards.learnerId, learnerId), isNull(credentials.revokedAt), isNull(awards.revokedAt)))
    .then((rows) => rows.map((r) => r.c));
}

/** Every credential of a learner, replaced and revoked ones included, with the signed files (export). */
export async function allCredentialsOfLearner(db: Db, learnerId: string): Promise<CredentialRow[]> {
  return db
    .select({ c: credentials })
    .from(credentials)
    .innerJoin(awards, eq(awards.id, credentials.awardId))
    .where(eq(awards.learnerId, learnerId))
    .orderBy(asc(credentials.issuedAt))
    .then((rows) => rows.map((r) => r.c));
}
