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
import { createAwards, type Awards } from './badges/awards.service';
import { createCredentials, type Credentials } from './issuer/credentials.service';

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
  const credentials = createCredentials({ config, programme });
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
  const awards = createAwards({ programme, onAwarded: credentials.onAwarded, credentialIdsOf: credentials.credentialIdsOf });
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
  const app = await buildApp(config, { database, mailer, programme, reevaluate, awards, credentials }, { loggerInstance: logger, ...options.fastify });
  const stopWorker = options.worker === false ? () => {} : startOutboxWorker(database.db, mailer, app.log);

  return {
    app,
    database,
    mailer,
    async stop() {
      stopWorker();
      await app.close();
      mailer.close();
      if (!options.database) await database.close();
    },
  };
}
