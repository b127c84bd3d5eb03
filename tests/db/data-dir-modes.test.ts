import { chmodSync, lstatSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildServices } from '../../src/platform';
import { loadConfig } from '../../src/config';
import { testConfig } from '../helpers/app';

/** Every path under `dir` whose mode is not 0700 (folders) / 0600 (files), with its mode. */
function wideModes(dir: string): string[] {
  const found: string[] = [];
  const visit = (path: string) => {
    const stat = lstatSync(path);
    const mode = stat.mode & 0o777;
    if (mode !== (stat.isDirectory() ? 0o700 : 0o600))
      found.push(`${path.slice(dir.length) || '/'} ${mode.toString(8)}`);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
  };
  visit(dir);
  return found;
}

function count(dir: string): number {
  return lstatSync(dir).isDirectory() ? 1 + readdirSync(dir).reduce((n, e) => n + count(join(dir, e)), 0) : 1;
}

describe('the embedded database folder is private', () => {
  it('is created 0700 with every file 0600, and stays so across a restart', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'parcours-modes-')), 'data');
    // As `npm start` does: the configuration first (it keeps the development JWT secret there).
    const base = loadConfig({ PARCOURS_DATA_DIR: dataDir, JWT_SECRET: undefined });
    const config = testConfig({
      database: { dataDir },
      auth: { ...testConfig().auth, jwtSecret: base.auth.jwtSecret },
    });
    const first = await buildServices(config);
    await first.database.db.execute(sql`checkpoint`);
    expect(count(dataDir)).toBeGreaterThan(500);
    expect(wideModes(dataDir)).toEqual([]);
    await first.database.close();
    expect(wideModes(dataDir)).toEqual([]);

    const second = await buildServices(config);
    try {
      // PostgreSQL rewrites its relation cache files at each start (0644 by PGlite): tightened too.
      expect(wideModes(dataDir)).toEqual([]);
    } finally {
      await second.database.close();
    }
  }, 120_000);

  it('tightens a folder an older version left world-writable', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parcours-modes-'));
    const config = testConfig({ database: { dataDir } });
    await (await buildServices(config)).database.close();
    const widen = (path: string) => {
      const dir = lstatSync(path).isDirectory();
      chmodSync(path, dir ? 0o777 : 0o666);
      if (dir) for (const entry of readdirSync(path)) widen(join(path, entry));
    };
    widen(dataDir);
    expect(wideModes(dataDir).length).toBeGreaterThan(500);
    const again = await buildServices(config);
    try {
      expect(wideModes(dataDir)).toEqual([]);
    } finally {
      await again.database.close();
    }
  }, 120_000);
});
