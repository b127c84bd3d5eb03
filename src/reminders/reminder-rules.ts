import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { Programme } from '../programme/load-programme';
import { ajvProblems, ProgrammeError, type Problem } from '../programme/programme.errors';
import { PLACEHOLDERS, RemindersFileSchema, type ReminderRule, type RemindersFile } from './reminders.schemas';

export const REMINDERS_FILE = 'reminders.json';

/** The reminder rules of the deployment, as read and checked at start. */
export interface ReminderRules {
  rules: ReminderRule[];
}

let validate: ReturnType<Ajv['compile']> | undefined;
function compile() {
  if (validate) return validate;
  const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addKeyword('example');
  validate = ajv.compile(RemindersFileSchema);
  return validate;
}

/** Cross-checks the schema cannot express: unique keys, delays in order, known placeholders. */
export function checkReminderRules(file: string, data: RemindersFile, programme: Programme): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, reason: string) => problems.push({ file, path, reason });
  const seen = new Set<string>();
  data.rules.forEach((rule, i) => {
    const at = `/rules/${i}`;
    if (seen.has(rule.key)) add(`${at}/key`, `duplicate rule key "${rule.key}"`);
    seen.add(rule.key);
    if (rule.maxSends > rule.delaysDays.length)
      add(`${at}/maxSends`, `${rule.maxSends} sends need as many delays (${rule.delaysDays.length} given)`);
    rule.delaysDays.forEach((d, j) => {
      if (j > 0 && d <= rule.delaysDays[j - 1]!) add(`${at}/delaysDays/${j}`, 'delays must increase');
    });
    if (rule.replay !== undefined && rule.trigger !== 'oneConditionMissing')
      add(`${at}/replay`, 'only for the oneConditionMissing trigger');
    const allowed = new Set(PLACEHOLDERS[rule.trigger]);
    for (const field of ['subject', 'body'] as const)
      for (const lang of ['fr', 'en'] as const)
        for (const [, name] of rule[field][lang].matchAll(/\{(\w+)\}/g))
          if (!allowed.has(name!))
            add(`${at}/${field}/${lang}`, `unknown placeholder {${name}} (known: ${[...allowed].join(', ')})`);
  });
  if (data.rules.some((r) => r.trigger === 'questionnaireNotAnswered') && !programme.events.some((e) => e.quiz))
    add('/rules', 'a questionnaire reminder needs an event with a questionnaire');
  return problems;
}

/**
 * Reads `badges/reminders.json` next to the programme. No file: no reminder (a programme without
 * reminders stays valid). A broken file stops the start, every problem listed, like the programme.
 */
export async function loadReminderRules(badgesDir: string, programme: Programme): Promise<ReminderRules> {
  const file = `${basename(badgesDir)}/${REMINDERS_FILE}`;
  let data: unknown;
  try {
    data = JSON.parse(await readFile(join(badgesDir, REMINDERS_FILE), 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { rules: [] };
    throw new ProgrammeError([{ file, path: '', reason: `invalid JSON: ${(err as Error).message}` }]);
  }
  const v = compile();
  if (!v(data)) throw new ProgrammeError(ajvProblems(file, v.errors ?? []));
  const problems = checkReminderRules(file, data as RemindersFile, programme);
  if (problems.length > 0) throw new ProgrammeError(problems);
  return { rules: (data as RemindersFile).rules };
}
