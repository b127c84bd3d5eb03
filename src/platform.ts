import type { FastifyServerOptions } from 'fastify';
import { pino, type Logger } from 'pino';
import type { Config } from './config';
import type { Services } from './services';
import { buildApp, type App } from './app';
import { processLogger } from './plugins/access-log';
import { openDatabase, type Database } from './db/client';
import { runMigrations } from './db/migrate';
import { loadProgramme } from './programme/load-programme';
import { seedProgrammeEvents } from './events/events.seed';
import { ensureAdmin } from './auth/organisers.service';
import { startPurgeWorker } from './auth/purge.service';
import { startRetentionWorker } from './privacy/retention.service';
import { privacyFooter } from './privacy/privacy.mail';
import { createMailer } from './notifications/mailer';
import { startOutboxWorker } from './notifications/deliver';
import { createAwards } from './badges/awards.service';
import { buildCredentialsService } from './credentials/credentials.service';
import { buildEndorsementsService } from './endorsements/endorsements.facade';
import { shownNames } from './wallet/name.service';
import { loadReminderRules } from './reminders/reminder-rules';
import { reminderGuard } from './reminders/reminders.service';
import { startReminderWorker } from './reminders/reminders.worker';

export interface Platform {
  app: App;
  services: Services;
  database: Database;
  mailer: Services['mailer'];
  stop(): Promise<void>;
}

/**
 * What the server and the CLI both need before doing anything, built once: checked programme
 * (refused when invalid), migrated and seeded database, signing keys, the awards engine and the
 * mailer. The caller closes the database (unless it gave it) and the mailer.
 */
export async function buildServices(
  config: Config,
  options: { database?: Database; logger?: Logger } = {},
): Promise<Services> {
  const programme = await loadProgramme({ badgesDir: config.paths.badgesDir, quizzesDir: config.paths.quizzesDir });
  const reminders = await loadReminderRules(config.paths.badgesDir, programme);
  const given = options.database;
  const database = given ?? (await openDatabase({ url: config.database.url, dataDir: config.database.dataDir }));
  const endorsements = await buildEndorsementsService({ config, programme });
  const credentials = buildCredentialsService({
    config,
    programme,
    localDocuments: endorsements.document,
    endorsements: endorsements.embedded,
  });
  credentials.deps.shownNames = shownNames; // the names learners chose to show on their badges (wallet area)
  try {
    await runMigrations(database);
    await seedProgrammeEvents(database.db, programme);
    await ensureAdmin(database.db, config.auth.adminEmail, config.auth.adminPassword);
    // Signing keys (generated on the first start) and a status list: a wrong key secret stops here.
    await credentials.bootstrap(database.db);
    await endorsements.bootstrap(database.db);
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
  const log = options.logger ?? pino({ level: config.logLevel });
  const mailer = createMailer({
    smtpUrl: config.mail.smtpUrl,
    from: config.mail.from,
    log,
    // Every e-mail says where the privacy notice is (art. 13 RGPD).
    footer: privacyFooter(config.publicUrl),
  });
  return { config, database, db: database.db, programme, mailer, awards, credentials, endorsements, reminders };
}

/** Services, the app, the outbox and purge workers. Used by server.ts and by the tests. */
export async function startPlatform(
  config: Config,
  options: { database?: Database; worker?: boolean; fastify?: FastifyServerOptions } = {},
): Promise<Platform> {
  const { logger, stop: stopLog } = processLogger(config.logLevel);
  const services = await buildServices(config, { database: options.database, logger });
  const { database, mailer } = services;
  const app = await buildApp(services, { loggerInstance: logger, ...options.fastify });
  const guard = reminderGuard(services);
  const stopWorker =
    options.worker === false ? () => {} : startOutboxWorker(database.db, mailer, app.log, undefined, guard);
  const stopPurge = options.worker === false ? () => {} : startPurgeWorker(database.db, app.log);
  const stopRetention = options.worker === false ? () => {} : startRetentionWorker(services, app.log);
  const stopReminders = options.worker === false ? () => {} : startReminderWorker(services, app.log);

  return {
    app,
    services,
    database,
    mailer,
    async stop() {
      stopWorker();
      stopPurge();
      stopRetention();
      stopReminders();
      await app.close();
      mailer.close();
      await services.credentials.close();
      if (!options.database) await database.close();
      stopLog();
    },
  };
}
