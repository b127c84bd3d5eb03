import { Type } from 'typebox';
import { Uuid } from '../shared/schemas';
import { BadgeStatusSchema } from '../badges/badges.schemas';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const ProgressReportSchema = Type.Object({
  organisation: Nullable(Type.String()),
  organisations: Type.Array(Type.String(), { description: 'Every organisation, for the filter' }),
  events: Type.Array(Type.Object({ key: Type.String(), label: Type.String({ example: 'Webinaire #1' }) })),
  quizzes: Type.Array(
    Type.Object({ key: Type.String(), event: Type.String(), title: Type.String(), label: Type.String() }),
  ),
  badges: Type.Array(
    Type.Object({
      key: Type.String(),
      name: Type.String(),
      earned: Type.Integer({ description: 'Learners of the report holding it' }),
    }),
  ),
  learners: Type.Array(
    Type.Object({
      id: Uuid,
      email: Type.String(),
      name: Nullable(Type.String()),
      organisation: Nullable(Type.String()),
      events: Type.Record(
        Type.String(),
        Type.Union([Type.Literal('present'), Type.Literal('replay'), Type.Literal('absent'), Type.Null()]),
      ),
      quizzes: Type.Record(
        Type.String(),
        Type.Union([
          Type.Object({ percent: Type.Union([Type.Number(), Type.Null()]), complete: Type.Boolean() }),
          Type.Null(),
        ]),
      ),
      badges: Type.Record(Type.String(), Type.Object({ status: BadgeStatusSchema, percent: Type.Integer() })),
    }),
  ),
});
