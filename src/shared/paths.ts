import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's folder (the one with package.json), found from this module wherever it runs:
 * `src/shared/` under tsx and the tests, `dist/` once `npm start` has bundled the server.
 * Files shipped with the code (schemas, contexts, fonts, page assets, migrations) are found
 * from here, so the same lines work in both.
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`package.json not found above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the project, e.g. `projectPath('src', 'web', 'assets')`. */
export const projectPath = (...parts: string[]) => resolve(PROJECT_ROOT, ...parts);
