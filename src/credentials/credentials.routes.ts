import type { WithServices } from '../services';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses, Uuid } from '../shared/schemas';
import { CredentialListSchema, RevokeBodySchema, RevokeResultSchema } from './credentials.schemas';
import { learnerCredentials } from './learner-credentials.service';
import { revokeCredential } from './revoke.service';

/** Authenticated credential API, mounted under /api: revocation, and who holds what. */
export const credentialsRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  app.post('/credentials/:id/revoke', {
    schema: {
      tags: ['credentials'],
      summary: 'Révoque un badge, avec un motif / revokes a credential, with a reason',
      security: [{ bearer: [] }],
      params: Type.Object({ id: Uuid }),
      body: RevokeBodySchema,
      response: { 200: RevokeResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request) => ({
      revoked: await revokeCredential(services, request.actor!, {
        id: request.params.id.toLowerCase(),
        reason: request.body.reason.trim(),
      }),
    }),
  });

  app.get('/me/credentials', {
    schema: {
      tags: ['credentials'],
      summary: 'Mes badges numériques et leur statut / my credentials and their status',
      security: [{ bearer: [] }],
      response: { 200: CredentialListSchema, ...errorResponses(401, 403, 404) },
    },
    preHandler: app.requireRole('learner'),
    handler: async (request) => ({
      credentials: await learnerCredentials(
        services.db,
        services.programme,
        services.config.publicUrl,
        request.actor!.id,
        request.lang,
      ),
    }),
  });

  app.get('/learners/:id/credentials', {
    schema: {
      tags: ['credentials'],
      summary: 'Les badges numériques d’un apprenant / a learner’s credentials (organisers)',
      security: [{ bearer: [] }],
      params: Type.Object({ id: Uuid }),
      response: { 200: CredentialListSchema, ...errorResponses(401, 403, 404) },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request) => ({
      credentials: await learnerCredentials(
        services.db,
        services.programme,
        services.config.publicUrl,
        request.params.id,
        request.lang,
      ),
    }),
  });
};
