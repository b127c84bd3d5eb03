import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rateLimits } from './auth.tables';

/**
 * Counts one hit on `key` in a fixed window and returns the count in the current window.
 * One atomic upsert, so concurrent requests on several instances count correctly.
 */
export async function hit(db: Db, key: string, windowMs: number, now = new Date()): Promise<{ count: number; resetInSeconds: number }> {
  const windowStartFloor = new Date(now.getTime() - windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} <= ${windowStartFloor.toISOString()}::timestamptz then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${rateLimits.windowStart} <= ${windowStartFloor.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${rateLimits.windowStart} end`,
      },
    })
    .returning();
  const resetAt = row!.windowStart.getTime() + windowMs;
  return { count: row!.count, resetInSeconds: Math.max(1, Math.ceil((resetAt - now.getTime()) / 1000)) };
}
