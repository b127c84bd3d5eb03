import type { Db } from '../db/client';
import type { Programme } from '../programme/load-programme';
import type { Quiz } from '../programme/quiz.schemas';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../shared/actor';
import type { Reevaluate } from '../badges/awards.service';
import { AppError, type Lang } from '../shared/errors';
import { findLearnerById } from '../learners/learners.service';
import { checkAnswers, scoreAttempt, type Answers } from './scoring';
import { insertAttempt, openQuizAt } from './attempts.store';
import { quizWindow, type QuizWindow } from './quiz-window';

/** What answering reads: the questionnaires, and the awards engine to re-evaluate in the same transaction. */
export interface AttemptDeps {
  db: Db;
  programme: Programme;
  awards: { reevaluate: Reevaluate };
}

export function findQuiz(programme: Programme, key: string): Quiz {
  const quiz = programme.quizzes.find((q) => q.key === key);
  if (!quiz) throw new AppError('QUIZ_NOT_FOUND', 404, { key });
  return quiz;
}

/** What QUIZ_CLOSED says: the questionnaire's name in both languages and when it opens. */
export function closedParams(quiz: Quiz, window: QuizWindow) {
  const { key, title } = quiz;
  return { key, quiz: title.fr, quizEn: title.en, opensAt: window.opensAt ?? undefined, timezone: window.timezone };
}

export async function assertOpen(db: Db, quiz: Quiz, now: Date) {
  const window = await quizWindow(db, quiz, now);
  if (!window.open) {
    const details = [{ field: 'quiz', reason: 'not_open_yet', opensAt: window.opensAt }];
    throw new AppError('QUIZ_CLOSED', 409, closedParams(quiz, window), details);
  }
}

/**
 * A learner answers: validates every answer (each error names its question), scores on the server,
 * stores the attempt and re-evaluates the learner's badges in the same transaction.
 */
export async function submitAttempt(
  services: AttemptDeps,
  actor: Actor,
  input: { quizKey: string; answers: Record<string, unknown>; lang: Lang; now?: Date },
) {
  const { db, programme, awards } = services;
  const learnerId = actor.id;
  const quiz = findQuiz(programme, input.quizKey);
  const now = input.now ?? new Date();
  await assertOpen(db, quiz, now);
  const errors = checkAnswers(quiz, input.answers);
  if (errors.length > 0) {
    const summary = errors.map((e) => e.message[input.lang]).join(' ; ');
    throw new AppError(
      'QUIZ_ANSWERS_INVALID',
      422,
      { count: errors.length, summary },
      errors.map((e) => ({
        field: `answers.${e.questionId}`,
        location: 'body',
        code: e.code,
        questionId: e.questionId,
        ...(e.choiceId === undefined ? {} : { choiceId: e.choiceId }),
        reason: e.message[input.lang],
      })),
    );
  }
  const result = scoreAttempt(quiz, input.answers as Answers);
  return db.transaction(async (tx) => {
    if (!(await findLearnerById(tx, learnerId))) throw new AppError('LEARNER_NOT_FOUND', 404, { id: learnerId });
    const attempt = await insertAttempt(tx, {
      learnerId,
      quizKey: quiz.key,
      answers: input.answers,
      score: result.score,
      maxScore: result.maxScore,
      percent: result.percent,
      complete: result.complete,
      submittedAt: now,
    });
    await awards.reevaluate(tx, [learnerId]);
    return { attempt, result };
  });
}

/** An organiser opens a questionnaire before its workshop starts (e.g. a session moved earlier). */
export async function openQuiz(
  { db, programme }: { db: Db; programme: Programme },
  actor: Actor,
  input: { quizKey: string; now?: Date },
) {
  const quiz = findQuiz(programme, input.quizKey);
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const opening = await openQuizAt(tx, quiz.key, now, actor.email);
    await recordAudit(tx, actor, {
      action: 'quiz.open',
      targetType: 'quiz',
      targetId: quiz.key,
      details: { openedAt: opening.openedAt.toISOString() },
    });
    return { ...(await quizWindow(tx, quiz, now)), key: quiz.key };
  });
}
