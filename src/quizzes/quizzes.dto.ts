import type { Lang } from '../shared/errors';
import type { AttemptScore } from './scoring';
import type { AttemptRow, listQuizAttempts } from './attempts.store';

export function toAttemptResult(attempt: AttemptRow, result: AttemptScore, lang: Lang) {
  return {
    attemptId: attempt.id,
    score: result.score,
    maxScore: result.maxScore,
    percent: result.percent,
    complete: result.complete,
    passed: result.passed,
    submittedAt: attempt.submittedAt.toISOString(),
    corrections: result.corrections.map(({ explanation, ...c }) => ({
      ...c,
      ...(explanation ? { explanation: explanation[lang] } : {}),
    })),
  };
}

type ListedAttempt = Awaited<ReturnType<typeof listQuizAttempts>>['rows'][number];

export const toListedAttempt = ({ attempt: a, email, name, organisation }: ListedAttempt) => ({
  id: a.id,
  learnerId: a.learnerId,
  email,
  name,
  organisation,
  score: a.score,
  maxScore: a.maxScore,
  percent: a.percent,
  complete: a.complete,
  submittedAt: a.submittedAt.toISOString(),
  answers: a.answers,
});
