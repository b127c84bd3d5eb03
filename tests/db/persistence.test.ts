import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildServices } from '../../src/platform';
import { findOrganiserByEmail } from '../../src/auth/organisers.store';
import { listEvents } from '../../src/events/events.store';
import { openDatabase } from '../../src/db/client';
import { testConfig } from '../helpers/app';

describe('embedded database in the data folder', () => {
  it('keeps its data across a stop and a start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parcours-data-'));
    const config = testConfig({ database: { dataDir } });
    const first = await buildServices(config);
    expect(first.database.kind).toBe('pglite');
    expect((await listEvents(first.database.db)).length).toBe(5);
    await first.database.close();

    const second = await buildServices(config);
    try {
      expect(await findOrganiserByEmail(second.database.db, 'admin@parcours.test')).toMatchObject({ role: 'admin' });
      expect((await listEvents(second.database.db)).length).toBe(5);
    } finally {
      await second.database.close();
    }
  });

  it('refuses to open a folder another live process holds', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parcours-data-'));
    // The parent of this test process is alive: its pid stands for a running server.
    writeFileSync(join(dataDir, 'parcours.pid'), String(process.ppid));
    await expect(openDatabase({ dataDir })).rejects.toThrow(/déjà ouverte par le processus/);
  });
});
