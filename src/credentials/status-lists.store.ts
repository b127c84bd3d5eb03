import { and, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client';
import { credentials, statusLists } from './credentials.tables';

export type StatusListRow = typeof statusLists.$inferSelect;

/** The list new credentials of `issuerId` go into: the newest one. */
export async function latestListOf(db: Db, issuerId: string): Promise<StatusListRow | undefined> {
  const [row] = await db
    .select()
    .from(statusLists)
    .where(and(eq(statusLists.issuerId, issuerId), eq(statusLists.purpose, 'revocation')))
    .orderBy(desc(statusLists.id))
    .limit(1);
  return row;
}

export async function insertList(
  db: Db,
  values: { issuerId: string; length: number; encodedList: string },
): Promise<StatusListRow> {
  // The signed credential needs the row's id (its URL): written by saveList in the same transaction.
  const [row] = await db
    .insert(statusLists)
    .values({ ...values, credential: '' })
    .returning();
  return row!;
}

export async function saveList(
  db: Db,
  id: number,
  values: { encodedList: string; credential: string; updatedAt: Date },
) {
  await db.update(statusLists).set(values).where(eq(statusLists.id, id));
}

/** Revocations of one list are serialised: read, set the bit, re-sign, write. */
export async function lockList(db: Db, id: number): Promise<StatusListRow | undefined> {
  const [row] = await db.select().from(statusLists).where(eq(statusLists.id, id)).for('update');
  return row;
}

export async function findListCredential(db: Db, id: number): Promise<string | undefined> {
  const [row] = await db.select({ credential: statusLists.credential }).from(statusLists).where(eq(statusLists.id, id));
  return row?.credential || undefined;
}

/**
 * The issuer's current list and which of `candidates` its credentials already hold, in one
 * round trip (issuance runs this once per credential).
 */
export async function latestListWithUsed(db: Db, issuerId: string, candidates: number[]) {
  const [row] = await queryRows<{ id: number; length: number; encodedList: string; used: number[] | null }>(
    db,
    sql`
    select l.id, l.length, l.encoded_list as "encodedList",
      (select array_agg(c.status_index) from ${credentials} c
        where c.status_list_id = l.id and c.status_index in (${sql.join(
          candidates.map((i) => sql`${i}`),
          sql`, `,
        )})) as used
    from ${statusLists} l where l.issuer_id = ${issuerId} and l.purpose = 'revocation' order by l.id desc limit 1`,
  );
  return row
    ? {
        list: { id: row.id, length: row.length, encodedList: row.encodedList },
        used: new Set((row.used ?? []).map(Number)),
      }
    : undefined;
}
