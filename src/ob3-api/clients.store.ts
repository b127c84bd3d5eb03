import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { oauthClients, oauthGrants } from './ob3-api.tables';

export type ClientRow = typeof oauthClients.$inferSelect;
export type NewClient = typeof oauthClients.$inferInsert;

export async function insertClient(db: Db, values: NewClient): Promise<ClientRow> {
  const [row] = await db.insert(oauthClients).values(values).returning();
  return row!;
}

export async function findClient(db: Db, id: string): Promise<ClientRow | undefined> {
  const [row] = await db.select().from(oauthClients).where(eq(oauthClients.id, id));
  return row;
}

/** The organisers' list: newest first, bounded (registration is rate-limited, the page shows the latest). */
export async function listClients(db: Db, limit: number): Promise<ClientRow[]> {
  return db.select().from(oauthClients).orderBy(desc(oauthClients.createdAt)).limit(limit);
}

export async function setClientDisabled(db: Db, id: string, at: Date | null): Promise<ClientRow | undefined> {
  const [row] = await db.update(oauthClients).set({ disabledAt: at }).where(eq(oauthClients.id, id)).returning();
  return row;
}

/** A learner's grants with the platform they were given to, newest first. */
export async function listGrantsOfLearner(db: Db, learnerId: string) {
  return db
    .select({
      id: oauthGrants.id,
      scope: oauthGrants.scope,
      createdAt: oauthGrants.createdAt,
      revokedAt: oauthGrants.revokedAt,
      clientName: oauthClients.name,
      clientUri: oauthClients.clientUri,
    })
    .from(oauthGrants)
    .innerJoin(oauthClients, eq(oauthClients.id, oauthGrants.clientId))
    .where(eq(oauthGrants.learnerId, learnerId))
    .orderBy(desc(oauthGrants.createdAt))
    .limit(100);
}
