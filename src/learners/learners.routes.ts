import type { WithServices } from '../services';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../shared/errors';
import { errorResponses, Uuid } from '../shared/schemas';
import { AttendanceSchema } from '../attendance/attendance.schemas';
import { toAttendanceDto } from '../attendance/attendance.routes';
import { listAttendanceOfLearner } from '../attendance/attendance.service';
import { findLearnerById, type Learner, searchLearners } from './learners.service';
import { mergeLearners } from './merge.service';

const LearnerSchema = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  organisation: Type.Union([Type.String(), Type.Null()]),
  lang: Type.String(),
  createdAt: Type.String(),
});
const toLearnerDto = (l: Learner) => ({
  id: l.id,
  email: l.email,
  name: l.name,
  organisation: l.organisation,
  lang: l.lang,
  createdAt: l.createdAt.toISOString(),
});

export const learnersRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  app.get('', {
    schema: {
      tags: ['learners'],
      summary: 'Apprenants (recherche, pages) / learners (search, paged)',
      security: [{ bearer: [] }],
      querystring: Type.Object({
        q: Type.Optional(Type.String({ maxLength: 200, description: 'Part of the name, e-mail or organisation' })),
        organisation: Type.Optional(Type.String({ maxLength: 200 })),
        limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
        offset: Type.Integer({ minimum: 0, default: 0 }),
      }),
      response: {
        200: Type.Object({ total: Type.Integer(), learners: Type.Array(LearnerSchema) }),
        ...errorResponses(401, 403),
      },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request) => {
      const { rows, total } = await searchLearners(services.db, request.query);
      return { total, learners: rows.map(toLearnerDto) };
    },
  });

  app.get('/:id', {
    schema: {
      tags: ['learners'],
      summary: 'Un apprenant et ses présences / a learner with attendance per event',
      security: [{ bearer: [] }],
      params: Type.Object({ id: Uuid }),
      response: {
        200: Type.Object({ learner: LearnerSchema, attendance: Type.Array(AttendanceSchema) }),
        ...errorResponses(401, 403, 404),
      },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request) => {
      const learner = await findLearnerById(services.db, request.params.id);
      if (!learner) throw new AppError('LEARNER_NOT_FOUND', 404, { id: request.params.id });
      return {
        learner: toLearnerDto(learner),
        attendance: (await listAttendanceOfLearner(services.db, learner.id)).map(toAttendanceDto),
      };
    },
  });

  app.post('/:id/merge', {
    schema: {
      tags: ['learners'],
      summary: 'Fusionne ce doublon dans un autre apprenant / merges this duplicate into another learner',
      security: [{ bearer: [] }],
      params: Type.Object({ id: Uuid }),
      body: Type.Object({ into: Uuid }),
      response: { 200: Type.Object({ id: Uuid }), ...errorResponses(400, 401, 403, 404) },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request) =>
      mergeLearners(services, request.actor!, { fromId: request.params.id, intoId: request.body.into }),
  });
};
