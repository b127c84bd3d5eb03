import { readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it.
 * A pid file refuses that with a clear message (e.g. the CLI while `npm start` runs).
 */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, 'parcours.pid');
  try {
    const pid = Number(readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `La base embarquée ${dir} est déjà ouverte par le processus ${pid} (arrêtez-le, ou utilisez DATABASE_URL). / `
        + `The embedded database ${dir} is already open in process ${pid} (stop it, or use DATABASE_URL).`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  writeFileSync(file, String(process.pid));
  return () => {
    try { unlinkSync(file); } catch { /* already gone */ }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
