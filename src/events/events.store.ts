import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { events } from './events.tables';

export type EventRow = typeof events.$inferSelect;
export type EventValues = typeof events.$inferInsert;

export async function listEvents(db: Db): Promise<EventRow[]> {
  return db.select().from(events).orderBy(asc(events.startsAt), asc(events.key));
}

export async function findEvent(db: Db, key: string): Promise<EventRow | undefined> {
  const [row] = await db.select().from(events).where(eq(events.key, key));
  return row;
}

/** Programme files seed events once; an organiser's later edits win over the files. */
export async function seedEvents(db: Db, seeds: EventValues[]) {
  if (seeds.length === 0) return;
  await db.insert(events).values(seeds).onConflictDoNothing({ target: events.key });
}

export async function upsertEvent(db: Db, values: EventValues): Promise<EventRow> {
  const { key: _key, ...rest } = values;
  const [row] = await db
    .insert(events)
    .values(values)
    .onConflictDoUpdate({ target: events.key, set: { ...rest, updatedAt: sql`now()` } })
    .returning();
  return row!;
}
