import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { credentials, statusLists } from './issuer.tables';

export type StatusListRow = typeof statusLists.$inferSelect;

/** The list new credentials of `issuerId` go into: the newest one. */
export async function latestListOf(db: Db, issuerId: string): Promise<StatusListRow | undefined> {
  const [row] = await db.select().from(statusLists)
    .where(and(eq(statusLists.issuerId, issuerId), eq(statusLists.purpose, 'revocation')))
    .orderBy(desc(statusLists.id)).limit(1);
  return row;
}

export async function insertList(db: Db, values: { issuerId: string; length: number; encodedList: string }): Promise<StatusListRow> {
  // The signed credential needs the row's id (its URL): written by saveList in the same transaction.
  const [row] = await db.insert(statusLists).values({ ...values, credential: '' }).returning();
  return row!;
}

export async function saveList(db: Db, id: number, values: { encodedList: string; credential: string; updatedAt: Date }) {
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

/** Which of `candidates` already belong to a credential of the list. */
export async function usedIndexes(db: Db, listId: number, candidates: number[]): Promise<Set<number>> {
  const rows = await db.select({ index: credentials.statusIndex }).from(credentials)
    .where(and(eq(credentials.statusListId, listId), inArray(credentials.statusIndex, candidates)));
  return new Set(rows.map((r) => r.index));
}
