import type { WithServices } from '../services';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses, Uuid } from '../shared/schemas';
import type { Award } from './awards.store';
import { awardManually, readProgress } from './awards.service';
import { LearnerProgressSchema, ManualAwardBodySchema, ManualAwardResultSchema } from './badges.schemas';

const toAwardDto = (a: Award) => ({
  id: a.id,
  learnerId: a.learnerId,
  badgeKey: a.badgeKey,
  method: a.method,
  reason: a.reason,
  awardedBy: a.awardedBy,
  awardedAt: a.awardedAt.toISOString(),
  evidence: a.evidence,
});

/** Progress for learners and organisers, and awards by hand. Mounted under /api. */
export const badgesRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  app.get('/me/progress', {
    schema: {
      tags: ['badges'],
      summary: 'Ma progression, badge par badge / my progress, badge by badge',
      security: [{ bearer: [] }],
      response: { 200: LearnerProgressSchema, ...errorResponses(401, 403, 404) },
    },
    preHandler: app.requireRole('learner'),
    handler: async (request) =>
      readProgress(services, request.actor!, { learnerId: request.actor!.id, lang: request.lang }),
  });

  app.get('/learners/:id/progress', {
    schema: {
      tags: ['badges'],
      summary: 'Progression d’un apprenant / a learner’s progress (organisers, or the learner)',
      security: [{ bearer: [] }],
      params: Type.Object({ id: Uuid }),
      response: { 200: LearnerProgressSchema, ...errorResponses(401, 403, 404) },
    },
    preHandler: app.requireRole('organiser', 'learner'),
    handler: async (request) =>
      readProgress(services, request.actor!, { learnerId: request.params.id, lang: request.lang }),
  });

  app.post('/learners/:id/awards', {
    schema: {
      tags: ['badges'],
      summary: 'Attribue un badge à la main, avec un motif / awards a badge by hand, with a reason',
      security: [{ bearer: [] }],
      params: Type.Object({ id: Uuid }),
      body: ManualAwardBodySchema,
      response: { 201: ManualAwardResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request, reply) => {
      const { award, followers } = await awardManually(services, request.actor!, {
        learnerId: request.params.id,
        badgeKey: request.body.badge,
        reason: request.body.reason.trim(),
      });
      return reply.status(201).send({ award: toAwardDto(award), followers: followers.map(toAwardDto) });
    },
  });
};
