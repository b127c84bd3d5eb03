import type { Db } from '../db/client';
import type { Programme } from '../programme/load-programme';
import type { Lang } from '../shared/errors';
import { listEvents } from '../events/events.service';
import { loadFacts } from '../badges/progress.service';
import { badgeName, programmeContext } from '../badges/programme-context';
import { badgeStatus, type BadgeStatus } from '../badges/progress';
import { evaluateAll } from '../badges/rules';
import { listCohort, listOrganisations } from '../learners/learners.service';

export type Presence = 'present' | 'replay' | 'absent' | null;

export interface CohortRow {
  id: string;
  email: string;
  name: string | null;
  organisation: string | null;
  events: Record<string, Presence>;
  quizzes: Record<string, { percent: number | null; complete: boolean } | null>;
  badges: Record<string, { status: BadgeStatus; percent: number }>;
}

export interface ProgressReport {
  organisation: string | null;
  organisations: string[];
  events: Array<{ key: string; label: string }>;
  quizzes: Array<{ key: string; event: string; title: string; label: string }>;
  badges: Array<{ key: string; name: string; earned: number }>;
  learners: CohortRow[];
}

/** The whole cohort (or one organisation) as a matrix: learner × event × questionnaire × badge. */
export async function buildProgressReport(
  { db, programme }: { db: Db; programme: Programme },
  input: { organisation?: string; lang: Lang },
): Promise<ProgressReport> {
  const { lang, ...filter } = input;
  const ctx = programmeContext(programme);
  const [cohort, organisations, eventRows] = await Promise.all([
    listCohort(db, filter.organisation),
    listOrganisations(db),
    listEvents(db),
  ]);
  const records = await loadFacts(
    db,
    cohort.map((l) => l.id),
  );
  // Events from the database (organisers may add sessions); short labels from the programme files.
  const labelOf = new Map(programme.events.map((e) => [e.key, (e.label ?? e.title)[lang]]));
  const events = eventRows.map((e) => ({
    key: e.key,
    label: labelOf.get(e.key) ?? (lang === 'en' ? (e.titleEn ?? e.title) : e.title),
  }));
  const eventLabel = new Map(events.map((e) => [e.key, e.label]));
  const quizzes = programme.quizzes.map((q) => ({
    key: q.key,
    event: q.event,
    title: q.title[lang],
    label: eventLabel.get(q.event) ?? q.key,
  }));
  const earned = new Map(programme.badges.map((b) => [b.key, 0]));
  const learners = cohort.map((l): CohortRow => {
    const { facts } = records.get(l.id)!;
    const badges: CohortRow['badges'] = {};
    for (const e of evaluateAll(programme.badges, facts, ctx.rules)) {
      badges[e.key] = { status: badgeStatus(e, e.held), percent: e.held ? 100 : e.percent };
      if (e.held) earned.set(e.key, earned.get(e.key)! + 1);
    }
    return {
      ...l,
      events: Object.fromEntries(events.map((e) => [e.key, facts.attendance.get(e.key)?.status ?? null])),
      quizzes: Object.fromEntries(
        quizzes.map((q) => {
          const best = facts.bestAttempts.get(q.key);
          return [q.key, best ? { percent: best.percent, complete: best.complete } : null];
        }),
      ),
      badges,
    };
  });
  return {
    organisation: filter.organisation ?? null,
    organisations,
    events,
    quizzes,
    badges: programme.badges.map((b) => ({ key: b.key, name: badgeName(b, lang), earned: earned.get(b.key)! })),
    learners,
  };
}
