import type { Db } from '../db/client';
import type { PrivacyConfig } from '../privacy/privacy.config';
import { RULES, runRetention } from '../privacy/retention.service';
import type { ParsedArgs } from './args';

const USAGE = 'usage: npm run cli -- retention run [--dry-run]';

const LABELS: Record<(typeof RULES)[number], string> = {
  unmatchedRows: 'lignes d’import non rattachées / unmatched import rows',
  attendanceDetail: 'détails de présence effacés / attendance details cleared',
  sentEmails: 'courriels envoyés / sent e-mails',
  signInLinks: 'liens de connexion / sign-in links',
  rateLimits: 'compteurs / rate-limit counters',
  privacyRequests: 'demandes de confirmation / confirmation requests',
  inactiveLearners: 'apprenants inactifs sans badge / inactive learners without a badge',
};

/** `retention run [--dry-run]`: what the periodic job does, now; with --dry-run, what it would remove. */
export async function retentionCommand(
  services: { db: Db; config: { privacy?: PrivacyConfig } },
  { positional, flags }: ParsedArgs,
) {
  if (positional[0] !== 'run') throw new Error(USAGE);
  const dryRun = flags['dry-run'] === true;
  const report = await runRetention(services, { dryRun });
  console.log(dryRun ? 'Serait supprimé / would be removed (--dry-run):' : 'Supprimé / removed:');
  for (const rule of RULES) console.log(`  ${String(report[rule]).padStart(7)}  ${LABELS[rule]}`);
}
