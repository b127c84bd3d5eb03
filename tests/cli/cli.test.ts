import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { zoomWebinarReport } from '../imports/zoom-report';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'parcours-cli-'));
// The CLI runs as a user would run it, on its own embedded database in a temporary folder.
const env = { ...process.env, PARCOURS_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
const cli = (...args: string[]) => run('npx', ['tsx', 'src/cli.ts', ...args], { env, timeout: 60_000 });

describe('npm run cli', () => {
  it('adds an organiser, previews then imports a report, and says when a file was already imported', async () => {
    const added = await cli('organiser', 'add', 'orga@collectivite.example', '--password', 'un-mot-de-passe-long');
    expect(added.stdout).toContain('orga@collectivite.example (organiser)');
    await expect(
      cli('organiser', 'add', 'orga@collectivite.example', '--password', 'un-mot-de-passe-long'),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('ORGANISER_EXISTS') });

    const file = join(dataDir, 'zoom.csv');
    writeFileSync(
      file,
      zoomWebinarReport([
        { name: 'Hélène Lefèvre', email: 'helene@valbrune.example', join: '10:00:00', leave: '11:30:00', minutes: 90 },
        { name: 'Paul Court', email: 'paul@valbrune.example', join: '10:00:00', leave: '10:15:00', minutes: 15 },
      ]),
    );
    const preview = await cli('import', '--event', 'webinaire-1', file, '--dry-run');
    expect(preview.stdout).toContain('Format : zoom-webinar');
    expect(preview.stdout).toContain('Personnes / people : 2, présentes / attended : 1');
    expect(preview.stdout).toContain('rien n’a été enregistré');

    const commit = await cli('import', '--event', 'webinaire-1', file);
    expect(commit.stdout).toMatch(/2 apprenants créés, 2 présences créées/);
    const again = await cli('import', '--event', 'webinaire-1', file);
    expect(again.stdout).toMatch(/0 apprenants créés, 0 présences créées, 0 mises à jour, 2 inchangées/);
  }, 120_000);

  it('refuses an unknown event with the same message as the API', async () => {
    const file = join(dataDir, 'empty.csv');
    writeFileSync(file, 'x');
    await expect(cli('import', '--event', 'nulle-part', file)).rejects.toMatchObject({
      stderr: expect.stringContaining('Événement inconnu : « nulle-part »'),
    });
  }, 60_000);

  it('purges on demand what the hourly worker purges, and says what it removed', async () => {
    // What is purged and kept is tested in tests/auth/housekeeping.test.ts; here the command itself runs.
    const purged = await cli('purge');
    expect(purged.stdout).toMatch(/Purgé \/ purged: \d+ liens de connexion \/ sign-in links, \d+ compteurs/);
  }, 60_000);
});
