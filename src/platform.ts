import type { FastifyServerOptions } from 'fastify';
import { pino } from 'pino';
import type { Config } from './config';
import { buildApp, type App } from './app';
import { openDatabase, type Database, type Db } from './db/client';
import { runMigrations } from './db/migrate';
import { loadProgramme, type Programme } from './programme/load-programme';
import { seedProgrammeEvents } from './events/events.seed';
import { ensureAdmin } from './auth/organisers.service';
import { createMailer, type Mailer } from './notifications/mailer';
import { startOutboxWorker } from './notifications/deliver';
import { purgeSentOutbox } from './notifications/outbox.store';
import { purgeMagicLinks } from './auth/auth.service';
import { purgeRateLimits } from './auth/rate-limit.store';
import { purgeRevokedTokens } from './auth/sessions.store';
import { queryRows } from './db/client';
import { sql } from 'drizzle-orm';
import { createAwards, type Awards } from './badges/awards.service';
import { buildCredentialsService, type Credentials } from './credentials/credentials.service';

export interface Platform {
  app: App;
  database: Database;
  mailer: Mailer;
  stop(): Promise<void>;
}

/**
 * Everything a start needs, in order: database, migrations, programme files (refused when
 * invalid), seed data, the app, the outbox worker. Used by server.ts and by the tests.
 */
/** What the server and the CLI both need before doing anything: checked programme, migrated and seeded database. */
export async function prepare(config: Config, given?: Database): Promise<PlatformCore> {
  const programme = await loadProgramme({ badgesDir: config.paths.badgesDir, quizzesDir: config.paths.quizzesDir });
  const database = given ?? (await openDatabase({ url: config.database.url, dataDir: config.database.dataDir }));
  const credentials = buildCredentialsService({ config, programme });
  try {
    await runMigrations(database);
    await seedProgrammeEvents(database.db, programme);
    await ensureAdmin(database.db, config.auth.adminEmail, config.auth.adminPassword);
    // Signing keys (generated on the first start) and a status list: a wrong key secret stops here.
    await credentials.bootstrap(database.db);
  } catch (error) {
    if (!given) await database.close();
    throw error;
  }
  // One awards engine for the server, the CLI and the tests. `onAwarded` issues each award's
  // credential in the award's transaction; `credentialIdsOf` lets progress show it.
  const awards = createAwards({
    programme,
    onAwarded: credentials.onAwarded,
    credentialIdsOf: credentials.credentialIdsOf,
  });
  return { config, database, programme, awards, credentials, reevaluate: awards.reevaluate };
}

export interface PlatformCore {
  config: Config;
  database: Database;
  programme: Programme;
  awards: Awards;
  credentials: Credentials;
  reevaluate(tx: Db, learnerIds: string[]): Promise<void>;
}

export async function startPlatform(
  config: Config,
  options: { database?: Database; worker?: boolean; fastify?: FastifyServerOptions } = {},
): Promise<Platform> {
  const { database, programme, reevaluate, awards, credentials } = await prepare(config, options.database);

  const logger = pino({ level: config.logLevel });
  const mailer = createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, log: logger });
  const app = await buildApp(
    config,
    { database, mailer, programme, reevaluate, awards, credentials },
    { loggerInstance: logger, ...options.fastify },
  );
  const stopWorker = options.worker === false ? () => {} : startOutboxWorker(database.db, mailer, app.log);
  const stopPurge = options.worker === false ? () => {} : startPurgeWorker(database.db, app.log);

  return {
    app,
    database,
    mailer,
    async stop() {
      stopWorker();
      stopPurge();
      await app.close();
      mailer.close();
      if (!options.database) await database.close();
    },
  };
}

export interface PurgeReport {
  magicLinks: number;
  rateLimits: number;
  revokedTokens: number;
  outbox: number;
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
  const report: PurgeReport = { magicLinks: 0, rateLimits: 0, revokedTokens: 0, outbox: 0, skipped: false };
  const steps: Array<[keyof Omit<PurgeReport, 'skipped'>, (tx: Db) => Promise<number>]> = [
    ['magicLinks', (tx) => purgeMagicLinks(tx, now, PURGE_BATCH)],
    ['rateLimits', (tx) => purgeRateLimits(tx, now, PURGE_BATCH)],
    ['revokedTokens', (tx) => purgeRevokedTokens(tx, now, PURGE_BATCH)],
    ['outbox', (tx) => purgeSentOutbox(tx, now, PURGE_BATCH)],
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

/** Purges a minute after the start, then every hour; started with the outbox worker (not in tests: they call purgeExpired). */
export function startPurgeWorker(
  db: Db,
  log: { error(obj: object, msg: string): void; info(obj: object, msg: string): void },
  intervalMs = 3_600_000,
) {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const report = await purgeExpired(db);
      if (report.magicLinks + report.rateLimits + report.revokedTokens + report.outbox > 0)
        log.info({ purge: report }, 'expired rows purged');
    } catch (error) {
      log.error({ err: error }, 'purge failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
