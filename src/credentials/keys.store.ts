import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { StoredKey } from '../ob3/keys';
import { issuerKeys } from './credentials.tables';

export type IssuerKeyRow = typeof issuerKeys.$inferSelect;

/** Every key, oldest first: the active ones sign, all of them stay published. */
export async function listKeys(db: Db): Promise<IssuerKeyRow[]> {
  return db.select().from(issuerKeys).orderBy(asc(issuerKeys.createdAt), asc(issuerKeys.id));
}

/**
 * Inserts an active key unless one of its type is already active (the partial unique index
 * decides, so two instances starting together keep exactly one each). True when inserted.
 */
/** Every key, locked until the transaction ends: one sealing at a time, whichever instance runs it. */
export async function listKeysForUpdate(db: Db): Promise<IssuerKeyRow[]> {
  return db.select().from(issuerKeys).orderBy(asc(issuerKeys.createdAt), asc(issuerKeys.id)).for('update');
}

export async function insertActiveKeyIfAbsent(db: Db, stored: StoredKey): Promise<boolean> {
  const rows = await db
    .insert(issuerKeys)
    .values({ id: stored.id, type: stored.type, status: 'active', key: stored, createdAt: new Date(stored.created) })
    .onConflictDoNothing()
    .returning({ id: issuerKeys.id });
  return rows.length > 0;
}

export async function retireActiveKeys(db: Db, at: Date): Promise<string[]> {
  const rows = await db
    .update(issuerKeys)
    .set({ status: 'retired', retiredAt: at })
    .where(eq(issuerKeys.status, 'active'))
    .returning({ id: issuerKeys.id });
  return rows.map((r) => r.id);
}

export async function replaceStoredKey(db: Db, id: string, stored: StoredKey) {
  await db
    .update(issuerKeys)
    .set({ key: stored })
    .where(and(eq(issuerKeys.id, id)));
}

/**
 * After sealing: the table rewritten (`VACUUM FULL`) so the rows' earlier versions, private parts
 * in clear, leave its pages, then a checkpoint when the role may run one. Copies made before
 * (backups, archived WAL) are beyond reach: rotating the keys is the remedy for those.
 */
export async function purgeOldKeyVersions(db: Db): Promise<{ checkpoint: boolean }> {
  await db.execute(sql`vacuum full issuer_keys`);
  try {
    await db.execute(sql`checkpoint`);
    return { checkpoint: true };
  } catch {
    return { checkpoint: false }; // PostgreSQL: superuser or pg_checkpoint only
  }
}
