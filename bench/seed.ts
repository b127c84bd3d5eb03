// Credentials issued on a benchmark database before its server starts (same key secret, same URL).
import type { Database } from '../src/db/client';
import { buildServices, type Platform } from '../src/platform';
import { signAndStoreCredentials } from '../src/credentials/issue.service';
import { seedAwards } from './credentials-helpers';
import { serverConfig } from './server-process';

export async function seedCredentials(database: Database, n: number) {
  const services = await buildServices(serverConfig(), { database });
  try {
    const awards = await seedAwards({ services, database } as unknown as Platform, n);
    const issued = await database.db.transaction((tx) =>
      signAndStoreCredentials(tx, awards, services.credentials.deps),
    );
    return issued.map((c) => c.id);
  } finally {
    services.mailer.close();
    await services.credentials.close();
  }
}
