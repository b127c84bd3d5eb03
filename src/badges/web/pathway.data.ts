import type { FastifyInstance } from 'fastify';
import type { Lang } from '../../shared/errors';
import type { BadgeProgress } from '../progress';
import type { LearnerProgress } from '../progress.service';
import { bestAttempts } from '../../quizzes/attempts.store';
import { quizWindows } from '../../quizzes/quiz-window';

export type { BadgeProgress, LearnerProgress };

/** "Mon parcours": each badge's state and conditions, from the awards engine (as GET /api/me/progress). */
export function loadLearnerProgress(app: FastifyInstance, learnerId: string, lang: Lang): Promise<LearnerProgress> {
  return app.awards.progress(app.db, learnerId, lang);
}

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
export async function loadLearnerQuizzes(app: FastifyInstance, learnerId: string, lang: Lang): Promise<QuizSummary[]> {
  const quizzes = app.programme.quizzes;
  const [windows, best] = await Promise.all([
    quizWindows(app.db, quizzes, new Date()),
    bestAttempts(app.db, [learnerId]),
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
        title: q.title[lang],
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
