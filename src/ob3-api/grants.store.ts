import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { oauthClients, oauthCodes, oauthGrants, oauthTokens } from './ob3-api.tables';

export type CodeRow = typeof oauthCodes.$inferSelect;
export type TokenRow = typeof oauthTokens.$inferSelect;
export type GrantRow = typeof oauthGrants.$inferSelect;

/** The learner's live grant to this platform, updated to the scopes just agreed, or a new one. */
export async function upsertGrant(db: Db, clientId: string, learnerId: string, scope: string): Promise<GrantRow> {
  const live = and(
    eq(oauthGrants.clientId, clientId),
    eq(oauthGrants.learnerId, learnerId),
    isNull(oauthGrants.revokedAt),
  );
  const [existing] = await db.select().from(oauthGrants).where(live).limit(1).for('update');
  if (existing) {
    const [row] = await db.update(oauthGrants).set({ scope }).where(eq(oauthGrants.id, existing.id)).returning();
    return row!;
  }
  const [row] = await db.insert(oauthGrants).values({ clientId, learnerId, scope }).returning();
  return row!;
}

export async function findGrant(db: Db, id: string): Promise<GrantRow | undefined> {
  const [row] = await db.select().from(oauthGrants).where(eq(oauthGrants.id, id));
  return row;
}

export async function insertCode(db: Db, values: typeof oauthCodes.$inferInsert) {
  await db.insert(oauthCodes).values(values);
}

/** Locked for the exchange: two concurrent exchanges of one code cannot both win. */
export async function lockCode(db: Db, codeHash: string): Promise<CodeRow | undefined> {
  const [row] = await db.select().from(oauthCodes).where(eq(oauthCodes.codeHash, codeHash)).for('update');
  return row;
}

export async function markCodeUsed(db: Db, codeHash: string, at: Date) {
  await db.update(oauthCodes).set({ usedAt: at }).where(eq(oauthCodes.codeHash, codeHash));
}

export async function insertTokens(db: Db, values: (typeof oauthTokens.$inferInsert)[]) {
  await db.insert(oauthTokens).values(values);
}

/** A token with its grant and client, locked (a refresh token is rotated once). */
export async function lockToken(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ token: oauthTokens, grant: oauthGrants })
    .from(oauthTokens)
    .innerJoin(oauthGrants, eq(oauthGrants.id, oauthTokens.grantId))
    .where(eq(oauthTokens.tokenHash, tokenHash))
    .for('update');
  return row;
}

export async function markTokenUsed(db: Db, tokenHash: string, at: Date) {
  await db.update(oauthTokens).set({ usedAt: at }).where(eq(oauthTokens.tokenHash, tokenHash));
}

export async function revokeToken(db: Db, tokenHash: string, at: Date) {
  await db
    .update(oauthTokens)
    .set({ revokedAt: at })
    .where(and(eq(oauthTokens.tokenHash, tokenHash), isNull(oauthTokens.revokedAt)));
}

/** Every token of a grant, and the grant itself when `withGrant`: « Retirer l'accès », a replayed code. */
export async function revokeGrantTokens(db: Db, grantId: string, at: Date, withGrant: boolean) {
  await db
    .update(oauthTokens)
    .set({ revokedAt: at })
    .where(and(eq(oauthTokens.grantId, grantId), isNull(oauthTokens.revokedAt)));
  if (withGrant)
    await db
      .update(oauthGrants)
      .set({ revokedAt: at })
      .where(and(eq(oauthGrants.id, grantId), isNull(oauthGrants.revokedAt)));
}

/** What a bearer token opens: its token, grant and client rows, read in one statement. */
export async function findAccess(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ token: oauthTokens, grant: oauthGrants, clientDisabledAt: oauthClients.disabledAt })
    .from(oauthTokens)
    .innerJoin(oauthGrants, eq(oauthGrants.id, oauthTokens.grantId))
    .innerJoin(oauthClients, eq(oauthClients.id, oauthGrants.clientId))
    .where(and(eq(oauthTokens.tokenHash, tokenHash), eq(oauthTokens.kind, 'access')));
  return row;
}

/** One batch of codes and tokens expired for a day (refused since then anyway); returns how many went. */
export async function purgeExpiredOauth(db: Db, now: Date, batch: number): Promise<number> {
  const before = new Date(now.getTime() - 24 * 3600_000);
  const codes = db
    .select({ h: oauthCodes.codeHash })
    .from(oauthCodes)
    .where(lt(oauthCodes.expiresAt, before))
    .limit(batch);
  const goneCodes = await db
    .delete(oauthCodes)
    .where(inArray(oauthCodes.codeHash, codes))
    .returning({ h: oauthCodes.codeHash });
  const tokens = db
    .select({ h: oauthTokens.tokenHash })
    .from(oauthTokens)
    .where(lt(oauthTokens.expiresAt, before))
    .limit(batch);
  const goneTokens = await db
    .delete(oauthTokens)
    .where(inArray(oauthTokens.tokenHash, tokens))
    .returning({ h: oauthTokens.tokenHash });
  return goneCodes.length + goneTokens.length;
}
