import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync, unlinkSync } from 'node:fs';
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
        `La base embarquée ${dir} est déjà ouverte par le processus ${pid} (arrêtez-le, ou utilisez DATABASE_URL). / ` +
          `The embedded database ${dir} is already open in process ${pid} (stop it, or use DATABASE_URL).`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  writeFileSync(file, String(process.pid), { mode: 0o600 });
  return () => {
    try {
      unlinkSync(file);
    } catch {
      /* already gone */
    }
  };
}

/**
 * The data folder is private, like PostgreSQL's own (which refuses a group- or world-readable
 * one): created — or tightened, for a folder made by an older version — 0700 before the database
 * opens, so nothing inside is ever reachable by another user, whatever modes the files get.
 */
export function privateDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/**
 * Every folder 0700 and file 0600 under `dir`, for a tree the process wrote itself: PGlite sets
 * 0666 on the database it unpacks at its first start, and 0644 on the relation cache files it
 * writes at each start (an explicit chmod: no umask prevents it), so this runs once it is ready.
 * Symbolic links are left alone (never followed).
 */
export function tightenModes(dir: string): void {
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    const wanted = stat.isDirectory() ? 0o700 : 0o600;
    if ((stat.mode & 0o777) !== wanted) chmodSync(path, wanted);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
  };
  visit(dir);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
