import { eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { revokedTokens } from './auth.tables';

/** Signing out: the token's id is refused from now on, by every instance (and forgotten once expired). */
export async function revokeToken(db: Db, jti: string, expiresAt: Date, now = new Date()) {
  await db.transaction(async (tx) => {
    await tx.insert(revokedTokens).values({ jti, expiresAt }).onConflictDoNothing();
    await tx.delete(revokedTokens).where(lt(revokedTokens.expiresAt, now));
  });
}

export async function isTokenRevoked(db: Db, jti: string): Promise<boolean> {
  const [row] = await db
    .select({ jti: revokedTokens.jti })
    .from(revokedTokens)
    .where(eq(revokedTokens.jti, jti))
    .limit(1);
  return row !== undefined;
}

/** One batch of revoked ids whose token has expired anyway (refused by its signature from then on). */
export async function purgeRevokedTokens(db: Db, now: Date, batch: number): Promise<number> {
  const old = db
    .select({ jti: revokedTokens.jti })
    .from(revokedTokens)
    .where(lt(revokedTokens.expiresAt, now))
    .limit(batch);
  return (await db.delete(revokedTokens).where(inArray(revokedTokens.jti, old)).returning({ jti: revokedTokens.jti }))
    .length;
}
