import type { Db } from '../db/client';
import { recordAudit } from '../audit/audit.service';
import { type PrivacyConfig, privacyOf } from './privacy.config';
import { applyBatch, countDue, cutoffOf, RULES, type RetentionRule } from './retention.store';
import { startPeriodic, type WorkerLog } from '../shared/periodic';

export { RULES } from './retention.store';

export type RetentionReport = Record<RetentionRule, number>;

const BATCH = 1_000;

/**
 * Removes what has outlived its retention duration (privacy.config.ts), rule by rule, in short
 * transactions of 1,000 rows. `dryRun` only counts. Safe on several instances at once: see
 * retention.store.ts. The run is recorded in the audit log with its counts (no personal data).
 */
export async function runRetention(
  deps: { db: Db; config: { privacy?: PrivacyConfig } },
  options: { dryRun?: boolean; now?: Date } = {},
): Promise<RetentionReport> {
  const days = privacyOf(deps.config).retentionDays;
  const now = options.now ?? new Date();
  const report = Object.fromEntries(RULES.map((r) => [r, 0])) as RetentionReport;
  for (const rule of RULES) {
    const cutoff = cutoffOf(rule, days, now);
    if (options.dryRun) {
      report[rule] = await countDue(deps.db, rule, cutoff);
      continue;
    }
    for (;;) {
      const done = await deps.db.transaction((tx) => applyBatch(tx, rule, cutoff, BATCH));
      report[rule] += done;
      if (done < BATCH) break;
    }
  }
  if (!options.dryRun && RULES.some((r) => report[r] > 0)) {
    await recordAudit(deps.db, null, { action: 'retention.run', targetType: 'platform', details: { ...report } });
  }
  return report;
}

/** Every six hours (first run five minutes after the start); started with the other workers, not in tests. */
export function startRetentionWorker(
  deps: { db: Db; config: { privacy?: PrivacyConfig } },
  log: WorkerLog,
  intervalMs = 6 * 3_600_000,
) {
  return startPeriodic({
    firstMs: 300_000,
    intervalMs,
    log,
    failure: 'retention failed',
    task: async () => {
      const report = await runRetention(deps);
      if (RULES.some((r) => report[r] > 0)) log.info({ retention: report }, 'retention: expired personal data removed');
    },
  });
}
