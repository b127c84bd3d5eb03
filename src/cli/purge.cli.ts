import type { Db } from '../db/client';
import { purgeExpired } from '../auth/purge.service';

/** `purge`: what the hourly worker does, now (e.g. from cron when no server runs the worker). */
export async function purgeCommand(services: { db: Db }) {
  const report = await purgeExpired(services.db);
  if (report.skipped) {
    console.log('Une autre instance purge en ce moment / another instance is purging now: nothing done.');
    return;
  }
  console.log(
    `Purgé / purged: ${report.magicLinks} liens de connexion / sign-in links, ` +
      `${report.rateLimits} compteurs / counters, ` +
      `${report.revokedTokens} jetons révoqués / revoked tokens, ${report.outbox} e-mails envoyés / sent e-mails`,
  );
}
