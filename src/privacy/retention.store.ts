import { sql, type SQL } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client';
import type { RetentionDays } from './privacy.config';

/*
 * What the retention job removes, by table name in SQL like personal-data.store.ts: each rule is a
 * condition on one table, counted for a dry run or applied in batches. Every batch locks its rows
 * with FOR UPDATE SKIP LOCKED: two instances running at once never take the same row, so each row
 * is deleted (or cleared) exactly once and each instance reports only what it removed itself.
 */

export type RetentionRule =
  | 'unmatchedRows'
  | 'attendanceDetail'
  | 'sentEmails'
  | 'signInLinks'
  | 'rateLimits'
  | 'privacyRequests'
  | 'inactiveLearners';

export const RULES: readonly RetentionRule[] = [
  'unmatchedRows',
  'attendanceDetail',
  'sentEmails',
  'signInLinks',
  'rateLimits',
  'privacyRequests',
  'inactiveLearners',
];

interface Rule {
  table: string;
  key: string;
  /** Rows past their duration (the cutoff is `now − days`). */
  due(cutoff: Date): SQL;
  /** Delete (default) or clear the detail columns. */
  clear?: SQL;
  days(d: RetentionDays): number;
}

const rules: Record<RetentionRule, Rule> = {
  unmatchedRows: {
    table: 'unmatched_rows',
    key: 'id',
    due: (c) => sql`import_id in (select id from imports where imported_at < ${c})`,
    days: (d) => d.unmatchedRows,
  },
  attendanceDetail: {
    table: 'attendance',
    key: 'id',
    // The status stays (the badges rest on it); minutes, times, reason and note go.
    due: (c) => sql`event_key in (select key from events where coalesce(ends_at, starts_at) < ${c})
      and (minutes is not null or first_seen_at is not null or last_seen_at is not null
           or reason is not null or note is not null)`,
    clear: sql`minutes = null, first_seen_at = null, last_seen_at = null, reason = null, note = null`,
    days: (d) => d.attendanceDetail,
  },
  sentEmails: {
    table: 'outbox',
    key: 'id',
    due: (c) => sql`status in ('sent', 'failed') and coalesce(sent_at, created_at) < ${c}`,
    days: (d) => d.sentEmails,
  },
  signInLinks: { table: 'magic_links', key: 'id', due: (c) => sql`expires_at < ${c}`, days: (d) => d.signInLinks },
  rateLimits: { table: 'rate_limits', key: 'key', due: (c) => sql`window_start < ${c}`, days: (d) => d.signInLinks },
  privacyRequests: {
    table: 'privacy_requests',
    key: 'token_hash',
    due: (c) => sql`expires_at < ${c}`,
    days: (d) => d.signInLinks,
  },
  inactiveLearners: {
    table: 'learners',
    key: 'id',
    // No award (a badge holder's record carries their credentials) and nothing done since the cutoff.
    due: (c) => sql`erased_at is null and created_at < ${c} and updated_at < ${c}
      and not exists (select 1 from awards a where a.learner_id = learners.id)
      and not exists (select 1 from attendance t where t.learner_id = learners.id and t.updated_at >= ${c})
      and not exists (select 1 from quiz_attempts q where q.learner_id = learners.id and q.submitted_at >= ${c})`,
    days: (d) => d.inactiveLearners,
  },
};

export const cutoffOf = (rule: RetentionRule, days: RetentionDays, now: Date) =>
  new Date(now.getTime() - rules[rule].days(days) * 86_400_000);

export async function countDue(db: Db, rule: RetentionRule, cutoff: Date): Promise<number> {
  const r = rules[rule];
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${sql.identifier(r.table)} where ${r.due(cutoff)}`,
  );
  return row?.n ?? 0;
}

/** One batch: the rows are locked (skipping those another instance holds), then deleted or cleared. */
export async function applyBatch(db: Db, rule: RetentionRule, cutoff: Date, batch: number): Promise<number> {
  const r = rules[rule];
  const table = sql.identifier(r.table);
  const key = sql.identifier(r.key);
  const picked = sql`select ${key} from ${table} where ${r.due(cutoff)} limit ${batch} for update skip locked`;
  const change = r.clear
    ? sql`update ${table} set ${r.clear} where ${key} in (${picked}) returning 1`
    : sql`delete from ${table} where ${key} in (${picked}) returning 1`;
  const [row] = await queryRows<{ n: number }>(db, sql`with done as (${change}) select count(*)::int as n from done`);
  return row?.n ?? 0;
}
