import { and, count, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
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

export async function findCredentialOfAward(db: Db, awardId: string): Promise<CredentialRow | undefined> {
  const [row] = await db.select().from(credentials).where(eq(credentials.awardId, awardId));
  return row;
}

export async function credentialIdsOfAwards(db: Db, awardIds: string[]): Promise<Map<string, string>> {
  if (awardIds.length === 0) return new Map();
  const rows = await db
    .select({ awardId: credentials.awardId, id: credentials.id })
    .from(credentials)
    .where(inArray(credentials.awardId, awardIds));
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

/**
 * One page of a learner's signed credentials, newest first, revoked ones included (their status
 * entry says so), with the total: the OB 3.0 API's GET /credentials (`since`: issued after it).
 */
export async function pageOfLearnerCredentials(
  db: Db,
  learnerId: string,
  page: { limit: number; offset: number; since?: Date },
) {
  const where = and(eq(awards.learnerId, learnerId), page.since ? gt(credentials.issuedAt, page.since) : undefined);
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
