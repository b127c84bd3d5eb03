import fp from 'fastify-plugin';
import type { Database, Db } from '../db/client';
import type { Config } from '../config';
import type { Mailer } from '../notifications/mailer';
import type { Programme } from '../programme/load-programme';
import type { Services } from '../services';

declare module 'fastify' {
  interface FastifyInstance {
    /** @deprecated Shim during #10: take `services` from the plugin's options. */
    db: Db;
    /** @deprecated */
    database: Database;
    /** @deprecated */
    config: Config;
    /** @deprecated */
    mailer: Mailer;
    /** @deprecated */
    programme: Programme;
    /** @deprecated Re-evaluates the badges of learners whose data changed, inside the caller's transaction. */
    reevaluate(tx: Db, learnerIds: string[]): Promise<void>;
  }
}

/** Shim while the areas move to `services` (#10): the old decorators, from the one Services object. */
export default fp<{ services: Services }>(
  async (app, { services }) => {
    app.decorate('config', services.config);
    app.decorate('database', services.database);
    app.decorate('db', services.db);
    app.decorate('mailer', services.mailer);
    app.decorate('programme', services.programme);
    app.decorate('reevaluate', services.awards.reevaluate);
  },
  { name: 'db' },
);
