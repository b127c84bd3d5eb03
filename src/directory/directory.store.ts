import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { directoryEntries } from './directory.tables';

export type DirectoryEntry = typeof directoryEntries.$inferSelect;
export type DirectoryValues = Omit<typeof directoryEntries.$inferInsert, 'learnerId' | 'updatedAt'>;

export async function findEntry(db: Db, learnerId: string): Promise<DirectoryEntry | undefined> {
  const [row] = await db.select().from(directoryEntries).where(eq(directoryEntries.learnerId, learnerId));
  return row;
}

export async function saveEntry(db: Db, learnerId: string, values: DirectoryValues) {
  await db
    .insert(directoryEntries)
    .values({ learnerId, ...values })
    .onConflictDoUpdate({ target: directoryEntries.learnerId, set: { ...values, updatedAt: new Date() } });
}

/** Withdrawal: off the directory at once; what they had typed goes too (nothing kept "just in case"). */
export async function withdrawEntry(db: Db, learnerId: string) {
  await db
    .update(directoryEntries)
    .set({ listed: false, contactEmail: null, showSignInEmail: false, updatedAt: new Date() })
    .where(eq(directoryEntries.learnerId, learnerId));
}

export async function deleteEntry(db: Db, learnerId: string) {
  await db.delete(directoryEntries).where(eq(directoryEntries.learnerId, learnerId));
}

// A regional cohort is hundreds of people; the cap bounds a page whatever happens.
const MAX_LISTED = 5_000;

export async function listedEntries(db: Db): Promise<DirectoryEntry[]> {
  return db.select().from(directoryEntries).where(eq(directoryEntries.listed, true)).limit(MAX_LISTED);
}
