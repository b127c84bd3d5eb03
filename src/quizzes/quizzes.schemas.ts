import { Type, type Static } from 'typebox';
import { IsoDateTime, Uuid } from '../shared/schemas';

export const QuizKey = Type.String({
  pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
  maxLength: 64,
  description: 'Questionnaire key',
  example: 'quiz-juridique',
});

const WindowProperties = {
  open: Type.Boolean({ description: 'Answers are accepted' }),
  opensAt: Type.Union([IsoDateTime, Type.Null()], {
    description: 'Workshop start, or an earlier opening by an organiser',
  }),
};

const PublicQuestionSchema = Type.Object({
  id: Type.String({ example: 'q1' }),
  type: Type.Union([Type.Literal('single'), Type.Literal('multiple'), Type.Literal('text'), Type.Literal('scale')]),
  text: Type.String(),
  required: Type.Boolean(),
  help: Type.Optional(Type.String()),
  points: Type.Optional(Type.Number()),
  choices: Type.Optional(Type.Array(Type.Object({ id: Type.String(), text: Type.String() }))),
  maxLength: Type.Optional(Type.Integer()),
  labels: Type.Optional(Type.Object({ min: Type.String(), max: Type.String() })),
});

/** The questions without `correct` or `explanation`, in the request language. */
export const PublicQuizSchema = Type.Object({
  key: QuizKey,
  event: Type.String({ example: 'atelier-juridique' }),
  title: Type.String(),
  intro: Type.Optional(Type.String()),
  passPercent: Type.Optional(Type.Number()),
  ...WindowProperties,
  questions: Type.Array(PublicQuestionSchema, { description: 'Empty for a learner while the questionnaire is closed' }),
});

const BestSchema = Type.Union([
  Type.Object({
    attemptId: Uuid,
    percent: Type.Union([Type.Number(), Type.Null()]),
    complete: Type.Boolean(),
    submittedAt: IsoDateTime,
  }),
  Type.Null(),
]);

export const QuizSummarySchema = Type.Object({
  key: QuizKey,
  event: Type.String(),
  title: Type.String(),
  ...WindowProperties,
  best: Type.Optional(BestSchema),
});

export const AttemptBodySchema = Type.Object({
  answers: Type.Record(Type.String(), Type.Unknown(), {
    maxProperties: 200,
    // Checked against the questionnaire by the service, which names each wrong question.
    description: 'questionId → [choiceId…] (single and multiple choice), "text", or 1–5 (scale)',
    example: { q1: ['a', 'c'], q2: ['b'], q10: 4, q11: 'Un retour d’expérience' },
  }),
});
export type AttemptBody = Static<typeof AttemptBodySchema>;

export const AttemptResultSchema = Type.Object({
  attemptId: Uuid,
  score: Type.Number({ example: 7 }),
  maxScore: Type.Number({ example: 9 }),
  percent: Type.Union([Type.Number(), Type.Null()], {
    description: '0–100, one decimal; null when nothing is scored',
    example: 77.8,
  }),
  complete: Type.Boolean({ description: 'Every required question answered: what “answered” means for badges' }),
  passed: Type.Union([Type.Boolean(), Type.Null()]),
  submittedAt: IsoDateTime,
  corrections: Type.Array(
    Type.Object({
      questionId: Type.String(),
      correct: Type.Boolean(),
      expected: Type.Array(Type.String()),
      points: Type.Number(),
      awarded: Type.Number(),
      explanation: Type.Optional(Type.String()),
    }),
  ),
});

export const AttemptListSchema = Type.Object({
  total: Type.Integer(),
  attempts: Type.Array(
    Type.Object({
      id: Uuid,
      learnerId: Uuid,
      email: Type.String(),
      name: Type.Union([Type.String(), Type.Null()]),
      organisation: Type.Union([Type.String(), Type.Null()]),
      score: Type.Number(),
      maxScore: Type.Number(),
      percent: Type.Union([Type.Number(), Type.Null()]),
      complete: Type.Boolean(),
      submittedAt: IsoDateTime,
      answers: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
});

export const QuizOpeningSchema = Type.Object({ key: QuizKey, ...WindowProperties });
