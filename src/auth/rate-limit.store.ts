import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { pgliteClientOf, queryRows, type Db } from '../db/client';
import { rateLimits } from './auth.tables';

/**
 * The longest window any limit uses. A row older than this has no effect any more (its next hit
 * would start a new window), so the periodic purge deletes it: keep every window at or below it.
 */
export const RATE_LIMIT_MAX_WINDOW_MS = 24 * 3600_000;

/**
 * Counts one hit on `key` in a fixed window and returns the count in the current window.
 * One atomic upsert, so concurrent requests on several instances count correctly.
 */
export async function hit(
  db: Db,
  key: string,
  windowMs: number,
  now = new Date(),
  options: { durable?: boolean } = {},
): Promise<{ count: number; resetInSeconds: number }> {
  // A counter lost in a crash costs nothing: a public endpoint's counter (verification) may skip
  // waiting for the disk on commit, which would otherwise bound its requests per second.
  if (options.durable === false) return hitNotDurable(db, key, windowMs, now);
  const windowStartFloor = new Date(now.getTime() - windowMs);
  const nowStamp = sql`${now.toISOString()}::timestamptz`;
  const expired = sql`${rateLimits.windowStart} <= ${windowStartFloor.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${expired} then ${nowStamp} else ${rateLimits.windowStart} end`,
      },
    })
    .returning();
  const resetAt = row!.windowStart.getTime() + windowMs;
  return { count: row!.count, resetInSeconds: Math.max(1, Math.ceil((resetAt - now.getTime()) / 1000)) };
}

/**
 * `hit` in one statement whose own transaction commits without waiting for the disk: set_config(…,
 * true) lasts until that transaction ends, and the insert reads it first (a CTE nobody reads never
 * runs). One round trip instead of four (begin, set local, upsert, commit).
 */
async function hitNotDurable(db: Db, key: string, windowMs: number, now: Date) {
  const at = now.toISOString();
  const floor = new Date(now.getTime() - windowMs).toISOString();
  type Row = { window_start: string | Date; count: number };
  // PGlite never waits for a disk (it runs with fsync off): the same upsert alone, sent straight.
  const pglite = pgliteClientOf(db);
  const rows = pglite
    ? (await pglite.query<Row>(PGLITE_UPSERT, [key, at, floor])).rows
    : await queryRows<Row>(
        db,
        sql`with config as (select set_config('synchronous_commit', 'off', true) as off)
      insert into rate_limits (key, window_start, count)
      select ${key}, ${at}::timestamptz, 1 from config
      on conflict (key) do update set
        count = case when rate_limits.window_start <= ${floor}::timestamptz then 1 else rate_limits.count + 1 end,
        window_start = case when rate_limits.window_start <= ${floor}::timestamptz
          then ${at}::timestamptz else rate_limits.window_start end
      returning window_start, count`,
      );
  const row = rows[0]!;
  const resetAt = new Date(row.window_start).getTime() + windowMs;
  return { count: Number(row.count), resetInSeconds: Math.max(1, Math.ceil((resetAt - now.getTime()) / 1000)) };
}

const PGLITE_UPSERT = `insert into rate_limits (key, window_start, count) values ($1, $2::timestamptz, 1)
  on conflict (key) do update set
    count = case when rate_limits.window_start <= $3::timestamptz then 1 else rate_limits.count + 1 end,
    window_start = case when rate_limits.window_start <= $3::timestamptz
      then $2::timestamptz else rate_limits.window_start end
  returning window_start, count`;

/** Takes back one hit (an attempt that turned out to succeed does not count as a failure). */
export async function forgive(db: Db, key: string) {
  await db
    .update(rateLimits)
    .set({ count: sql`${rateLimits.count} - 1` })
    .where(and(eq(rateLimits.key, key), gt(rateLimits.count, 0)));
}

/** Forgets a counter altogether (a success clears the failures of its account and client). */
export async function clear(db: Db, key: string) {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/** One batch of counters whose window ended long ago; returns how many were deleted. */
export async function purgeRateLimits(db: Db, now: Date, batch: number): Promise<number> {
  const old = db
    .select({ key: rateLimits.key })
    .from(rateLimits)
    .where(lt(rateLimits.windowStart, new Date(now.getTime() - RATE_LIMIT_MAX_WINDOW_MS)))
    .limit(batch);
  return (await db.delete(rateLimits).where(inArray(rateLimits.key, old)).returning({ key: rateLimits.key })).length;
}
