import type { Config } from './config';
import type { Database, Db } from './db/client';
import type { Programme } from './programme/load-programme';
import type { Mailer } from './notifications/mailer';
import type { Awards } from './badges/awards.service';
import type { Credentials } from './credentials/credentials.service';
import type { Endorsements } from './endorsements/endorsements.facade';
import type { ReminderRules } from './reminders/reminder-rules';

/**
 * Everything a route, a page, the CLI or a test hands to a use-case, built once by platform.ts.
 * Route and page plugins receive it as their `services` option; use-cases are called as
 * `(services, actor, input)` and declare, as a structural type, only the parts they read — so no
 * area imports this file but its web layer, and no import cycle runs through the root.
 */
export interface Services {
  config: Config;
  database: Database;
  db: Db;
  programme: Programme;
  mailer: Mailer;
  awards: Awards;
  credentials: Credentials;
  endorsements: Endorsements;
  /** badges/reminders.json, checked at start (src/reminders/). */
  reminders: ReminderRules;
}

/** The options every route or page plugin is registered with. */
export interface WithServices {
  services: Services;
}
