import type { Localized } from '../programme/common.schemas';
import type { Programme } from '../programme/load-programme';
import type { BadgeEvaluation } from './rules';

/** A session that counted: what a credential's `evidence` is built from. */
export interface EventEvidence {
  key: string;
  title: Localized;
  date: string;
  minutes: number | null;
  /** replay: followed the recording, which counts as attended and says so. */
  status: 'present' | 'replay';
  source: string;
}

/** The attempt that counted: what a credential's `result` is built from. */
export interface AttemptEvidence {
  id: string;
  quiz: string;
  title: Localized;
  score: number;
  maxScore: number;
  percent: number | null;
  submittedAt: string;
}

export interface AwardEvidence {
  events: EventEvidence[];
  attempts: AttemptEvidence[];
  /** Badges this one required (meta-badge); their sessions and attempts are listed above too. */
  badges: string[];
}

export interface EvidenceTitles {
  events: ReadonlyMap<string, Localized>;
  quizzes: ReadonlyMap<string, Localized>;
}

export function evidenceTitles(programme: Pick<Programme, 'events' | 'quizzes'>): EvidenceTitles {
  return {
    events: new Map(programme.events.map((e) => [e.key, e.title])),
    quizzes: new Map(programme.quizzes.map((q) => [q.key, q.title])),
  };
}

/**
 * The evidence of one badge from one evaluation pass: the met conditions of its rule and, through
 * `holds`, those of the badges it requires, each session and attempt once.
 */
export function evidenceFor(
  key: string,
  evaluations: ReadonlyMap<string, BadgeEvaluation>,
  titles: EvidenceTitles,
): AwardEvidence {
  const out: AwardEvidence = { events: [], attempts: [], badges: [] };
  const seen = new Set<string>();
  const visit = (badgeKey: string) => {
    for (const c of evaluations.get(badgeKey)?.conditions ?? []) {
      const e = c.evidence;
      if (c.kind === 'holds' && c.met && !out.badges.includes(c.ref)) {
        out.badges.push(c.ref);
        visit(c.ref);
      }
      if (!e || seen.has(`${e.kind}:${c.ref}`)) continue;
      seen.add(`${e.kind}:${c.ref}`);
      if (e.kind === 'attendance') {
        const status = e.status === 'replay' ? 'replay' : 'present';
        out.events.push({
          key: e.event,
          title: titles.events.get(e.event) ?? { fr: e.event, en: e.event },
          date: e.date,
          minutes: e.minutes,
          status,
          source: e.source,
        });
      } else {
        out.attempts.push({
          id: e.attemptId,
          quiz: e.quiz,
          title: titles.quizzes.get(e.quiz) ?? { fr: e.quiz, en: e.quiz },
          score: e.score,
          maxScore: e.maxScore,
          percent: e.percent,
          submittedAt: e.submittedAt,
        });
      }
    }
  };
  visit(key);
  return out;
}
