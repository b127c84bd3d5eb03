import { Type, type Static } from 'typebox';
import { KeySchema, LocalizedSchema } from './common.schemas';

const IdSchema = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]*$', maxLength: 40, example: 'q1' });

export const ChoiceSchema = Type.Object({ id: IdSchema, text: LocalizedSchema }, { additionalProperties: false });
export type Choice = Static<typeof ChoiceSchema>;

const base = {
  id: IdSchema,
  text: LocalizedSchema,
  required: Type.Boolean(),
  help: Type.Optional(LocalizedSchema),
  /** Shown to the learner as the correction once the attempt is submitted. */
  explanation: Type.Optional(LocalizedSchema),
};

/** `single` or `multiple` choice; scored when it has `points` and `correct` (both or neither). */
export const ChoiceQuestionSchema = Type.Object(
  {
    ...base,
    type: Type.Enum(['single', 'multiple']),
    choices: Type.Array(ChoiceSchema, { minItems: 2 }),
    points: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    correct: Type.Optional(Type.Array(IdSchema, { minItems: 1 })),
  },
  { additionalProperties: false },
);
export type ChoiceQuestion = Static<typeof ChoiceQuestionSchema>;

export const TextQuestionSchema = Type.Object(
  { ...base, type: Type.Literal('text'), maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 20000 })) },
  { additionalProperties: false },
);
export type TextQuestion = Static<typeof TextQuestionSchema>;

/** A 1–5 scale (self-assessment, satisfaction); never scored. */
export const ScaleQuestionSchema = Type.Object(
  {
    ...base,
    type: Type.Literal('scale'),
    labels: Type.Optional(Type.Object({ min: LocalizedSchema, max: LocalizedSchema }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type ScaleQuestion = Static<typeof ScaleQuestionSchema>;

export type Question = ChoiceQuestion | TextQuestion | ScaleQuestion;

// ajv `discriminator` picks the branch from `type`, so errors come from that branch only.
const QuestionSchema = Type.Unsafe<Question>({
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: [ChoiceQuestionSchema, TextQuestionSchema, ScaleQuestionSchema],
});

export const QuizFileSchema = Type.Object(
  {
    key: KeySchema,
    event: KeySchema,
    title: LocalizedSchema,
    intro: Type.Optional(LocalizedSchema),
    /** Informational pass mark; a badge requires a score only through `answered.minPercent`. */
    passPercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    questions: Type.Array(QuestionSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type Quiz = Static<typeof QuizFileSchema>;
