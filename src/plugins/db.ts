import fp from 'fastify-plugin';
import type { Database, Db } from '../db/client';
import type { Config } from '../config';
import type { Mailer } from '../notifications/mailer';
import type { Programme } from '../programme/load-programme';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    database: Database;
    config: Config;
    mailer: Mailer;
    programme: Programme;
    /** Re-evaluates the badges of learners whose data changed, inside the caller's transaction. */
    reevaluate(tx: Db, learnerIds: string[]): Promise<void>;
  }
}

export interface AppDeps {
  database: Database;
  mailer: Mailer;
  programme: Programme;
  reevaluate(tx: Db, learnerIds: string[]): Promise<void>;
}

/** The few things every area reads, decorated once; services still receive them as arguments. */
export default fp<{ config: Config; deps: AppDeps }>(
  async (app, { config, deps }) => {
    app.decorate('config', config);
    app.decorate('database', deps.database);
    app.decorate('db', deps.database.db);
    app.decorate('mailer', deps.mailer);
    app.decorate('programme', deps.programme);
    app.decorate('reevaluate', deps.reevaluate);
  },
  { name: 'db' },
);
