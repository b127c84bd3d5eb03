import type { BadgeDefinition } from './badge.schemas';
import type { Problem } from './programme.errors';
import type { ProgrammeFile } from './programme.schemas';
import type { Quiz } from './quiz.schemas';
import { childrenOf, findBadgeCycles, leafOf, walkRule } from './rule-walk';

/** Schema-valid files, with the name they are reported under. */
export interface Loaded<T> {
  file: string;
  key: string; // from the file name
  data: T;
}

/** What the checks can resolve references against; `events` is null when programme.json is broken. */
export interface Known {
  events: ReadonlyMap<string, ProgrammeFile['events'][number]> | null;
  quizzes: ReadonlyMap<string, Quiz | null>; // null: the file exists but is invalid
  badges: ReadonlySet<string>;
}

const isScored = (quiz: Quiz): boolean => quiz.questions.some((q) => 'points' in q && q.points !== undefined);

/** "+02:00": the UTC offset of a time zone at an instant (Intl knows the DST rules). */
function offsetIn(timeZone: string, at: Date): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return name === 'GMT' || !name ? '+00:00' : name.slice(3);
}

function duplicates<T>(items: readonly T[], id: (t: T) => string, report: (index: number, key: string) => void): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const key = id(item);
    if (seen.has(key)) report(i, key);
    seen.add(key);
  });
}

export function checkProgrammeFile(file: string, programme: ProgrammeFile, known: Known): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, reason: string) => problems.push({ file, path, reason });
  duplicates(
    programme.events,
    (e) => e.key,
    (i, key) => add(`/events/${i}/key`, `duplicate event key "${key}"`),
  );
  programme.events.forEach((event, i) => {
    const at = `/events/${i}`;
    if (Date.parse(event.endsAt) <= Date.parse(event.startsAt)) add(`${at}/endsAt`, 'must be after startsAt');
    try {
      for (const field of ['startsAt', 'endsAt'] as const) {
        const expected = offsetIn(event.timezone, new Date(event[field]));
        const actual = event[field].slice(-6);
        if (actual !== expected) {
          add(`${at}/${field}`, `offset ${actual} does not match ${event.timezone} (${expected}) on that date`);
        }
      }
    } catch {
      add(`${at}/timezone`, `unknown time zone "${event.timezone}"`);
    }
    if (event.quiz === undefined) return;
    if (!known.quizzes.has(event.quiz)) add(`${at}/quiz`, `unknown quiz "${event.quiz}"`);
    const quiz = known.quizzes.get(event.quiz);
    if (quiz && quiz.event !== event.key) add(`${at}/quiz`, `quiz "${event.quiz}" is for event "${quiz.event}"`);
  });
  return problems;
}

export function checkQuiz({ file, key, data: quiz }: Loaded<Quiz>, known: Known): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, reason: string) => problems.push({ file, path, reason });
  if (quiz.key !== key) add('/key', `must match the file name ("${key}")`);
  const event = known.events?.get(quiz.event);
  if (known.events && !event) add('/event', `unknown event "${quiz.event}"`);
  if (event && event.quiz !== quiz.key) {
    add('/event', `event "${quiz.event}" does not name this quiz (its quiz: ${event.quiz ?? 'none'})`);
  }
  duplicates(
    quiz.questions,
    (q) => q.id,
    (i, id) => add(`/questions/${i}/id`, `duplicate question id "${id}"`),
  );
  quiz.questions.forEach((q, i) => {
    const at = `/questions/${i}`;
    if (q.type !== 'single' && q.type !== 'multiple') return;
    duplicates(
      q.choices,
      (c) => c.id,
      (j, id) => add(`${at}/choices/${j}/id`, `duplicate choice id "${id}"`),
    );
    // Scoring needs both: points without an answer key, or the reverse, is a half-written question.
    if (q.points !== undefined && q.correct === undefined) add(`${at}/correct`, 'is required when points is set');
    if (q.correct === undefined) return;
    if (q.points === undefined) add(`${at}/points`, 'is required when correct is set');
    const ids = new Set(q.choices.map((c) => c.id));
    q.correct.forEach((id, k) => {
      if (!ids.has(id)) add(`${at}/correct/${k}`, `"${id}" is not a choice of this question`);
    });
    duplicates(
      q.correct,
      (id) => id,
      (k, id) => add(`${at}/correct/${k}`, `duplicate correct choice "${id}"`),
    );
    if (q.type === 'single' && q.correct.length !== 1) {
      add(`${at}/correct`, 'a single-choice question has exactly one correct choice');
    }
  });
  if (quiz.passPercent !== undefined && !isScored(quiz)) add('/passPercent', 'the quiz has no scored question');
  return problems;
}

export function checkBadge({ file, key, data: badge }: Loaded<BadgeDefinition>, known: Known): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, reason: string) => problems.push({ file, path, reason });
  if (badge.key !== key) add('/key', `must match the file name ("${key}")`);
  walkRule(badge.rule, (node, path) => {
    const at = `/rule${path}`;
    const leaf = leafOf(node);
    if ('atLeast' in node && node.atLeast.n > node.atLeast.of.length) {
      add(`${at}/atLeast/n`, `n = ${node.atLeast.n} but only ${childrenOf(node).length} condition(s)`);
    }
    if (!leaf) return;
    if (leaf.kind === 'attended' && known.events && !known.events.has(leaf.ref)) {
      const where = typeof (node as { attended: unknown }).attended === 'string' ? '/attended' : '/attended/event';
      add(at + where, `unknown event "${leaf.ref}"`);
    }
    if (leaf.kind === 'holds' && !known.badges.has(leaf.ref)) add(`${at}/holds`, `unknown badge "${leaf.ref}"`);
    if (leaf.kind !== 'answered') return;
    const where = typeof (node as { answered: unknown }).answered === 'string' ? '/answered' : '/answered/quiz';
    if (!known.quizzes.has(leaf.ref)) add(at + where, `unknown quiz "${leaf.ref}"`);
    const quiz = known.quizzes.get(leaf.ref);
    if (leaf.minPercent !== undefined && quiz && !isScored(quiz)) {
      add(`${at}/answered/minPercent`, `quiz "${leaf.ref}" has no scored question`);
    }
  });
  return problems;
}

/** Each cycle once, reported in the file of the badge it starts from. */
export function checkCycles(badges: readonly Loaded<BadgeDefinition>[]): Problem[] {
  const fileOf = new Map(badges.map((b) => [b.data.key, b.file]));
  return findBadgeCycles(badges.map((b) => b.data)).map((cycle) => ({
    file: fileOf.get(cycle[0] ?? '') ?? '',
    path: '/rule',
    reason: `cycle between badges: ${cycle.join(' → ')}`,
  }));
}
