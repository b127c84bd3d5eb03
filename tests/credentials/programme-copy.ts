import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A programme file as JSON, edited freely by a test. */
// biome-ignore lint/suspicious/noExplicitAny: tests reach into programme files by path, no schema to type them by
export type ProgrammeJson = Record<string, any>;

/** A copy of the default programme folder, edited by `edit(file, json)`: the tests' own programme. */
export function programmeCopy(edit: (file: string, json: ProgrammeJson) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-badges-'));
  cpSync(resolve('badges'), dir, { recursive: true });
  for (const file of [
    'programme.json',
    'data-juridique.json',
    'data-management.json',
    'data-admin.json',
    'parcours-data.json',
  ]) {
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    edit(file, json);
    writeFileSync(join(dir, file), JSON.stringify(json, null, 2));
  }
  return dir;
}

/** French at its hardest: œ in the badge, its criteria and a session title. */
export const withOeuvre = (file: string, json: ProgrammeJson) => {
  if (file === 'data-juridique.json') {
    json.achievement.name = 'data juridique — cœur de métier';
    json.achievement.description =
      'Œuvre collective : les données du territoire, leurs risques et l’éthique, au cœur du métier des agents.';
    json.achievement.criteria.narrative += '\n\nManœuvres : « sœur » et « nœud » comptent aussi.';
  }
  if (file === 'programme.json') {
    json.events[0].title.fr = 'Webinaire #1 — Les enjeux : rôle de la donnée, œuvres, manœuvres et vœux…';
  }
};
