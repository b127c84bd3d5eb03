import { Type } from 'typebox';
import { IsoDateTime, Uuid } from '../shared/schemas';

const Localized = Type.Object({ fr: Type.String(), en: Type.String() });

export const BadgeStatusSchema = Type.Union(
  [Type.Literal('earned'), Type.Literal('eligible'), Type.Literal('in_progress'), Type.Literal('not_started')],
  { description: 'earned: awarded; eligible: rule met, not awarded (yet or any more); in_progress; not_started' },
);

export const BadgeProgressSchema = Type.Object({
  key: Type.String({ example: 'data-juridique' }),
  name: Type.String({ example: 'data juridique' }),
  status: BadgeStatusSchema,
  percent: Type.Integer({ minimum: 0, maximum: 100 }),
  conditions: Type.Array(
    Type.Object({
      kind: Type.Union([Type.Literal('attended'), Type.Literal('answered'), Type.Literal('holds')]),
      ref: Type.String({ example: 'webinaire-2' }),
      met: Type.Boolean(),
      code: Type.String({ example: 'RULE_NOT_ATTENDED' }),
      detail: Type.String({ description: 'Why, in the request language', example: 'Webinaire #2 non suivi' }),
      minPercent: Type.Optional(Type.Number()),
      replay: Type.Optional(Type.Literal(false, { description: 'Present when a replay does not count' })),
    }),
  ),
  awardId: Type.Optional(Uuid),
  awardedAt: Type.Optional(IsoDateTime),
  method: Type.Optional(Type.Union([Type.Literal('rule'), Type.Literal('manual')])),
  credentialId: Type.Optional(Type.String()),
});

export const LearnerProgressSchema = Type.Object({ learnerId: Uuid, badges: Type.Array(BadgeProgressSchema) });

export const ManualAwardBodySchema = Type.Object({
  badge: Type.String({ minLength: 1, maxLength: 64, example: 'data-juridique' }),
  reason: Type.String({
    minLength: 3,
    maxLength: 1000,
    example: 'Atelier suivi lors de la session de rattrapage du 2 juin',
  }),
});

const EvidenceSchema = Type.Object({
  events: Type.Array(
    Type.Object({
      key: Type.String(),
      title: Localized,
      date: Type.String(),
      minutes: Type.Union([Type.Number(), Type.Null()]),
      status: Type.Union([Type.Literal('present'), Type.Literal('replay')]),
      source: Type.String(),
    }),
  ),
  attempts: Type.Array(
    Type.Object({
      id: Uuid,
      quiz: Type.String(),
      title: Localized,
      score: Type.Number(),
      maxScore: Type.Number(),
      percent: Type.Union([Type.Number(), Type.Null()]),
      submittedAt: Type.String(),
    }),
  ),
  badges: Type.Array(Type.String()),
});

export const AwardSchema = Type.Object({
  id: Uuid,
  learnerId: Uuid,
  badgeKey: Type.String(),
  method: Type.Union([Type.Literal('rule'), Type.Literal('manual')]),
  reason: Type.Union([Type.String(), Type.Null()]),
  awardedBy: Type.Union([Type.String(), Type.Null()]),
  awardedAt: IsoDateTime,
  evidence: EvidenceSchema,
});

export const ManualAwardResultSchema = Type.Object({
  award: AwardSchema,
  followers: Type.Array(AwardSchema, { description: 'Badges awarded in turn (a meta-badge now complete)' }),
});
