import { mkdtemp, readdir, readFile, rm, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProgramme } from '../../src/programme/load-programme';
import { ProgrammeError } from '../../src/programme/programme.errors';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const SHIPPED = { badgesDir: join(ROOT, 'badges'), quizzesDir: join(ROOT, 'quizzes') };

/** A programme file as loose JSON: the tests edit any field of it. */
// biome-ignore lint/suspicious/noExplicitAny: fixtures are edited as loose JSON
type Json = Record<string, any>;
export type Files = { badges: Json; quizzes: Json };

async function readFolder(dir: string): Promise<Json> {
  const out: Json = {};
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json'))) {
    out[name] = JSON.parse(await readFile(join(dir, name), 'utf8'));
  }
  return out;
}

export async function shippedFiles(): Promise<Files> {
  return { badges: await readFolder(SHIPPED.badgesDir), quizzes: await readFolder(SHIPPED.quizzesDir) };
}

/** Writes the shipped programme, edited by `edit`, to a temp dir and loads it. */
export async function loadEdited(edit: (files: Files) => void, raw: Record<string, string> = {}) {
  const files = await shippedFiles();
  edit(files);
  const root = await mkdtemp(join(tmpdir(), 'parcours-programme-'));
  const dirs = { badgesDir: join(root, 'badges'), quizzesDir: join(root, 'quizzes') };
  try {
    for (const [folder, dir] of [
      ['badges', dirs.badgesDir],
      ['quizzes', dirs.quizzesDir],
    ] as const) {
      await mkdir(dir);
      for (const [name, json] of Object.entries(files[folder])) {
        await writeFile(join(dir, name), JSON.stringify(json, null, 2));
      }
    }
    for (const [path, text] of Object.entries(raw)) await writeFile(join(root, path), text);
    return await loadProgramme(dirs);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** The ProgrammeError an edited programme is refused with. */
export async function refusal(edit: (files: Files) => void, raw?: Record<string, string>): Promise<ProgrammeError> {
  try {
    await loadEdited(edit, raw);
  } catch (err) {
    if (err instanceof ProgrammeError) return err;
    throw err;
  }
  throw new Error('expected the programme to be refused');
}
