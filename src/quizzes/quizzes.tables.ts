import { pgTable, uuid, text, timestamp, real, boolean, jsonb, index } from 'drizzle-orm/pg-core';
import { learners } from '../learners/learners.tables';

/** Every submitted attempt is kept (several are allowed); the best one counts for badges. */
export const quizAttempts = pgTable(
  'quiz_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => learners.id, { onDelete: 'cascade' }),
    // A key of quizzes/*.json: the files, not the database, define questionnaires.
    quizKey: text('quiz_key').notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    score: real('score').notNull(),
    maxScore: real('max_score').notNull(),
    percent: real('percent'),
    complete: boolean('complete').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Facts for the rules: the best attempt per learner and quiz.
    index('quiz_attempts_learner_quiz_idx').on(t.learnerId, t.quizKey),
    // Organisers list the attempts of one quiz, newest first.
    index('quiz_attempts_quiz_submitted_idx').on(t.quizKey, t.submittedAt),
  ],
);

/** A questionnaire opens at its workshop's start, or earlier when an organiser opens it. */
export const quizOpenings = pgTable('quiz_openings', {
  quizKey: text('quiz_key').primaryKey(),
  openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
  openedBy: text('opened_by'),
});
