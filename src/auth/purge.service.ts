import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client';
import { purgeSentOutbox } from '../notifications/outbox.service';
import { purgeMagicLinks } from './auth.service';
import { purgeRateLimits } from './rate-limit.store';
import { purgeRevokedTokens } from './sessions.store';
import { purgeExpiredOauth } from '../ob3-api/grants.service';
import { startPeriodic, type WorkerLog } from '../shared/periodic';

export interface PurgeReport {
  magicLinks: number;
  rateLimits: number;
  revokedTokens: number;
  outbox: number;
  /** OB 3.0 API authorization codes and tokens expired for a day. */
  oauth: number;
  /** Another instance was purging: this one left it alone. */
  skipped: boolean;
}

const PURGE_BATCH = 1_000;
/** Any constant: the advisory lock every instance asks for before a purge batch. */
const PURGE_LOCK = 0x70_61_72_63; // 'parc'

/**
 * Deletes what nobody needs any more, in batches of 1,000 rows (short transactions, no long
 * locks): magic links expired for a day, rate-limit counters whose window ended, revoked token ids
 * past their token's expiry, outbox messages sent more than 30 days ago (with their attempts).
 * Safe on several instances: every DELETE only removes expired rows, so running twice is harmless,
 * and each batch first takes a transaction-level advisory lock — when another instance holds it,
 * this one stops and lets it work.
 */
export async function purgeExpired(db: Db, now = new Date()): Promise<PurgeReport> {
  const report: PurgeReport = { magicLinks: 0, rateLimits: 0, revokedTokens: 0, outbox: 0, oauth: 0, skipped: false };
  const steps: Array<[keyof Omit<PurgeReport, 'skipped'>, (tx: Db) => Promise<number>]> = [
    ['magicLinks', (tx) => purgeMagicLinks(tx, now, PURGE_BATCH)],
    ['rateLimits', (tx) => purgeRateLimits(tx, now, PURGE_BATCH)],
    ['revokedTokens', (tx) => purgeRevokedTokens(tx, now, PURGE_BATCH)],
    ['outbox', (tx) => purgeSentOutbox(tx, now, PURGE_BATCH)],
    ['oauth', (tx) => purgeExpiredOauth(tx, now, PURGE_BATCH)],
  ];
  for (const [name, step] of steps) {
    for (;;) {
      const deleted = await db.transaction(async (tx) => {
        const [lock] = await queryRows<{ locked: boolean }>(
          tx,
          sql`select pg_try_advisory_xact_lock(${PURGE_LOCK}) as locked`,
        );
        return lock?.locked ? step(tx) : null;
      });
      if (deleted === null) return { ...report, skipped: true };
      report[name] += deleted;
      if (deleted < PURGE_BATCH) break;
    }
  }
  return report;
}

/**
 * Purges a minute after the start, then every hour; started with the outbox worker (not in tests:
 * they call purgeExpired).
 */
export function startPurgeWorker(db: Db, log: WorkerLog, intervalMs = 3_600_000) {
  return startPeriodic({
    firstMs: 60_000,
    intervalMs,
    log,
    failure: 'purge failed',
    task: async () => {
      const report = await purgeExpired(db);
      if (report.magicLinks + report.rateLimits + report.revokedTokens + report.outbox + report.oauth > 0)
        log.info({ purge: report }, 'expired rows purged');
    },
  });
}
