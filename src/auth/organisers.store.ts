import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { organisers } from './auth.tables';

export async function findOrganiserByEmail(db: Db, email: string) {
  const [row] = await db.select().from(organisers).where(eq(organisers.email, email));
  return row;
}

export async function insertOrganiser(db: Db, values: typeof organisers.$inferInsert) {
  const rows = await db.insert(organisers).values(values).onConflictDoNothing({ target: organisers.email }).returning();
  return rows[0];
}
