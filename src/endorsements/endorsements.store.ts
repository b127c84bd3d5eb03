import { and, asc, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { StoredKey } from '../ob3/keys';
import { endorsements, endorserKeys, endorserStatusLists } from './endorsements.tables';

export type EndorsementRow = typeof endorsements.$inferSelect;
export type EndorserListRow = typeof endorserStatusLists.$inferSelect;

export async function keysOfEndorser(db: Db, endorser: string) {
  return db.select().from(endorserKeys).where(eq(endorserKeys.endorser, endorser)).orderBy(asc(endorserKeys.type));
}

/** Insert-if-absent (one key per type and endorser): two instances starting together keep one. */
export async function insertEndorserKey(db: Db, endorser: string, stored: StoredKey) {
  await db
    .insert(endorserKeys)
    .values({ endorser, id: stored.id, type: stored.type, key: stored, createdAt: new Date(stored.created) })
    .onConflictDoNothing();
}

export async function listOfEndorser(db: Db, endorser: string, issuerId: string, lock = false) {
  const query = db
    .select()
    .from(endorserStatusLists)
    .where(and(eq(endorserStatusLists.endorser, endorser), eq(endorserStatusLists.issuerId, issuerId)))
    .orderBy(desc(endorserStatusLists.id))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function findList(db: Db, id: number, lock = false) {
  const query = db.select().from(endorserStatusLists).where(eq(endorserStatusLists.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function insertList(
  db: Db,
  values: { endorser: string; issuerId: string; length: number; encodedList: string },
) {
  const [row] = await db.insert(endorserStatusLists).values(values).returning();
  return row!;
}

export async function updateList(
  db: Db,
  id: number,
  values: Partial<Pick<EndorserListRow, 'encodedList' | 'credential' | 'signedList'>>,
) {
  await db
    .update(endorserStatusLists)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(endorserStatusLists.id, id));
}

export async function usedIndexes(db: Db, listId: number): Promise<number[]> {
  const rows = await db
    .select({ index: endorsements.statusIndex })
    .from(endorsements)
    .where(eq(endorsements.statusListId, listId));
  return rows.map((r) => r.index);
}

export async function insertEndorsement(db: Db, values: typeof endorsements.$inferInsert) {
  await db.insert(endorsements).values(values);
}

export async function findEndorsement(db: Db, id: string, lock = false) {
  const query = db.select().from(endorsements).where(eq(endorsements.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function updateEndorsement(db: Db, id: string, values: Partial<typeof endorsements.$inferInsert>) {
  await db.update(endorsements).set(values).where(eq(endorsements.id, id));
}

export async function listEndorsements(db: Db, limit = 500): Promise<EndorsementRow[]> {
  return db.select().from(endorsements).orderBy(desc(endorsements.createdAt)).limit(limit);
}

/** What new credentials embed: signed, not withdrawn, valid now. */
export async function activeEndorsements(db: Db, now: Date, badgeKey?: string) {
  return db
    .select({ badgeKey: endorsements.badgeKey, json: endorsements.json })
    .from(endorsements)
    .where(
      and(
        eq(endorsements.state, 'active'),
        isNull(endorsements.withdrawnAt),
        gt(endorsements.validUntil, now),
        ...(badgeKey ? [eq(endorsements.badgeKey, badgeKey)] : []),
      ),
    )
    .orderBy(asc(endorsements.createdAt));
}
