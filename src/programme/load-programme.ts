import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { BadgeFileSchema, type BadgeDefinition } from './badge.schemas';
import { checkBadge, checkCycles, checkProgrammeFile, checkQuiz, type Known, type Loaded } from './check-programme';
import { ajvProblems, ProgrammeError, type Problem } from './programme.errors';
import { ProgrammeFileSchema, type Issuer, type ProgrammeEvent, type ProgrammeFile } from './programme.schemas';
import { QuizFileSchema, type Quiz } from './quiz.schemas';
import { orderBadges } from './rule-walk';

/** The programme as the rest of the app sees it; `badges` come after every badge they hold. */
export interface Programme {
  issuer: Issuer;
  events: ProgrammeEvent[];
  badges: BadgeDefinition[];
  quizzes: Quiz[];
}

export interface ProgrammeDirs {
  badgesDir: string;
  quizzesDir: string;
}

const PROGRAMME_FILE = 'programme.json';
/** Read by the reminders area (src/reminders/reminder-rules.ts), not a badge. */
const REMINDERS_FILE = 'reminders.json';

let validators: { programme: ValidateFunction; badge: ValidateFunction; quiz: ValidateFunction } | undefined;

// Compiled on first use, not on import, so that importing the types costs nothing.
function compile() {
  if (validators) return validators;
  const ajv = new Ajv({ allErrors: true, discriminator: true, verbose: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addKeyword('example');
  validators = {
    programme: ajv.compile(ProgrammeFileSchema),
    badge: ajv.compile(BadgeFileSchema),
    quiz: ajv.compile(QuizFileSchema),
  };
  return validators;
}

/** Parses and validates one file; null (with problems recorded) when it is unusable. */
async function readValid<T>(
  path: string,
  file: string,
  validate: ValidateFunction,
  problems: Problem[],
): Promise<T | null> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    problems.push({ file, path: '', reason: missing ? 'file not found' : `invalid JSON: ${(err as Error).message}` });
    return null;
  }
  if (validate(data)) return data as T;
  problems.push(...ajvProblems(file, validate.errors ?? []));
  return null;
}

async function jsonFiles(dir: string, problems: Problem[]): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((n) => n.endsWith('.json') && n !== PROGRAMME_FILE && n !== REMINDERS_FILE).sort();
  } catch {
    problems.push({ file: basename(dir), path: '', reason: 'folder not found' });
    return [];
  }
}

async function loadFolder<T>(dir: string, validate: ValidateFunction, problems: Problem[]) {
  const entries: Array<{ file: string; key: string; data: T | null }> = [];
  for (const name of await jsonFiles(dir, problems)) {
    const file = `${basename(dir)}/${name}`;
    entries.push({
      file,
      key: name.slice(0, -'.json'.length),
      data: await readValid<T>(join(dir, name), file, validate, problems),
    });
  }
  return entries;
}

const valid = <T>(entries: Array<{ file: string; key: string; data: T | null }>): Loaded<T>[] =>
  entries.filter((e): e is Loaded<T> => e.data !== null);

/**
 * Reads `badges/programme.json`, `badges/*.json` and `quizzes/*.json`, validates each against
 * our schemas, then cross-checks them; throws one ProgrammeError listing every problem found.
 */
export async function loadProgramme({ badgesDir, quizzesDir }: ProgrammeDirs): Promise<Programme> {
  const v = compile();
  const problems: Problem[] = [];
  const programmeFile = `${basename(badgesDir)}/${PROGRAMME_FILE}`;
  const programme = await readValid<ProgrammeFile>(
    join(badgesDir, PROGRAMME_FILE),
    programmeFile,
    v.programme,
    problems,
  );
  const badgeEntries = await loadFolder<BadgeDefinition>(badgesDir, v.badge, problems);
  const quizEntries = await loadFolder<Quiz>(quizzesDir, v.quiz, problems);

  const known: Known = {
    events: programme ? new Map(programme.events.map((e) => [e.key, e])) : null,
    quizzes: new Map(quizEntries.map((q) => [q.key, q.data])),
    badges: new Set(badgeEntries.map((b) => b.key)),
  };
  const badges = valid(badgeEntries);
  const quizzes = valid(quizEntries);
  if (programme) problems.push(...checkProgrammeFile(programmeFile, programme, known));
  for (const quiz of quizzes) problems.push(...checkQuiz(quiz, known));
  for (const badge of badges) problems.push(...checkBadge(badge, known));
  problems.push(...checkCycles(badges));

  if (problems.length > 0 || !programme) throw new ProgrammeError(problems);
  return {
    issuer: programme.issuer,
    events: programme.events,
    badges: orderBadges(badges.map((b) => b.data)),
    quizzes: quizzes.map((q) => q.data),
  };
}
