import type { Db } from '../db/client';
import type { Programme } from '../programme/load-programme';
import type { Lang } from '../shared/text';
import { bestAttempts } from './attempts.store';
import { quizWindows } from './quiz-window';

/**
 * What other areas read of the questionnaires: the best attempts (badge rules), a learner's
 * attempts (the organiser's learner file), a merge's move, and a learner's list of questionnaires.
 */
export { type AttemptRow, attemptsOfLearner, bestAttempts, moveAttempts } from './attempts.store';

export interface QuizSummary {
  key: string;
  title: string;
  open: boolean;
  opensAt: Date | null;
  timezone: string;
  best: {
    id: string;
    score: number;
    maxScore: number;
    percent: number | null;
    complete: boolean;
    submittedAt: Date;
  } | null;
}

/** The questionnaires with whether they are open and the learner's best attempt (as GET /api/quizzes). */
export async function learnerQuizzes(
  { db, programme }: { db: Db; programme: Programme },
  input: { learnerId: string; lang: Lang },
): Promise<QuizSummary[]> {
  const quizzes = programme.quizzes;
  const [windows, best] = await Promise.all([
    quizWindows(db, quizzes, new Date()),
    bestAttempts(db, [input.learnerId]),
  ]);
  const bestByQuiz = new Map(best.map((a) => [a.quizKey, a]));
  // In programme order: by the workshop's opening, undated ones last.
  const opening = (key: string) =>
    windows.get(key)?.opensAt ? Date.parse(windows.get(key)!.opensAt!) : Number.MAX_SAFE_INTEGER;
  return [...quizzes]
    .sort((a, b) => opening(a.key) - opening(b.key))
    .map((q) => {
      const w = windows.get(q.key)!;
      const b = bestByQuiz.get(q.key);
      return {
        key: q.key,
        title: q.title[input.lang],
        open: w.open,
        opensAt: w.opensAt ? new Date(w.opensAt) : null,
        timezone: w.timezone,
        best: b
          ? {
              id: b.id,
              score: b.score,
              maxScore: b.maxScore,
              percent: b.percent,
              complete: b.complete,
              submittedAt: b.submittedAt,
            }
          : null,
      };
    });
}
