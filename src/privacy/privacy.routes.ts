import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { WithServices } from '../services';
import { Email, errorResponses, Uuid } from '../shared/schemas';
import { confirmErasure, eraseLearner, requestErasure } from './erasure.service';
import { exportFileName, exportForLearner, exportZip } from './export.service';
import { confirmEmailChange, rectifyIdentity, requestEmailChange } from './rectify.service';

const Token = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) });
const Erased = Type.Object({ reference: Type.String(), revokedCredentials: Type.Integer() });
const Zip = Type.String({ description: 'application/zip' });

const sendZip = (reply: FastifyReply, zip: Uint8Array, learnerId: string) =>
  reply
    .header('content-type', 'application/zip')
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${exportFileName(learnerId)}"`)
    .send(Buffer.from(zip));

/** The learner's rights over their data (art. 15–17, 20), and the organisers' side of them. Under /api. */
export const privacyRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  const tags = ['privacy'];
  app.get('/me/export', {
    schema: {
      tags,
      summary: 'Mes données (ZIP) / my data (ZIP): JSON, credentials, README',
      security: [{ bearer: [] }],
      produces: ['application/zip'],
      response: { 200: Zip, ...errorResponses(401, 403, 404) },
    },
    preHandler: app.requireRole('learner'),
    handler: async (request, reply) =>
      sendZip(reply, await exportZip(services.db, request.actor!.id), request.actor!.id),
  });

  app.patch('/me', {
    schema: {
      tags,
      summary: 'Rectifier mon nom ou mon organisation / correct my name or organisation',
      security: [{ bearer: [] }],
      body: Type.Object(
        {
          name: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
          organisation: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
        },
        { additionalProperties: false },
      ),
      response: {
        200: Type.Object({
          name: Type.Union([Type.String(), Type.Null()]),
          organisation: Type.Union([Type.String(), Type.Null()]),
        }),
        ...errorResponses(400, 401, 403, 404),
      },
    },
    preHandler: app.requireRole('learner'),
    handler: async (request) => rectifyIdentity(services, request.actor!, request.body),
  });

  app.post('/me/email', {
    schema: {
      tags,
      summary: 'Changer d’adresse : lien envoyé à la nouvelle / change address: link sent to the new one',
      security: [{ bearer: [] }],
      body: Type.Object({ email: Email }),
      response: { 202: Type.Object({ sent: Type.Boolean() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
    preHandler: app.requireRole('learner'),
    handler: async (request, reply) => {
      await requestEmailChange(services, request.actor!, request.body);
      return reply.status(202).send({ sent: true });
    },
  });

  app.post('/me/email/confirm', {
    schema: {
      tags,
      summary: 'Confirmer la nouvelle adresse ; badges réémis / confirm the new address; badges re-issued',
      body: Token,
      response: {
        200: Type.Object({
          email: Type.String(),
          reissued: Type.Array(
            Type.Object({ id: Uuid, badgeKey: Type.String(), replaces: Type.Union([Uuid, Type.Null()]) }),
          ),
        }),
        ...errorResponses(400, 409),
      },
    },
    handler: async (request) => confirmEmailChange(services, request.body.token),
  });

  app.post('/me/erasure', {
    schema: {
      tags,
      summary: 'Supprimer mon compte : lien de confirmation envoyé / delete my account: confirmation link sent',
      security: [{ bearer: [] }],
      body: Type.Object({ revokeCredentials: Type.Boolean({ default: false }) }),
      response: { 202: Type.Object({ sent: Type.Boolean() }), ...errorResponses(400, 401, 403, 404) },
    },
    preHandler: app.requireRole('learner'),
    handler: async (request, reply) => {
      await requestErasure(services, request.actor!, request.body);
      return reply.status(202).send({ sent: true });
    },
  });

  app.post('/me/erasure/confirm', {
    schema: {
      tags,
      summary: 'Confirmer la suppression du compte / confirm the deletion of the account',
      body: Token,
      response: { 200: Erased, ...errorResponses(400) },
    },
    handler: async (request) => confirmErasure(services, request.body.token),
  });

  app.get('/learners/:id/export', {
    schema: {
      tags,
      summary: 'Export des données d’un apprenant (audité) / a learner’s data export (audited)',
      security: [{ bearer: [] }],
      params: Type.Object({ id: Uuid }),
      produces: ['application/zip'],
      response: { 200: Zip, ...errorResponses(401, 403, 404) },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request, reply) =>
      sendZip(reply, await exportForLearner(services, request.actor!, request.params.id), request.params.id),
  });

  app.post('/learners/:id/erasure', {
    schema: {
      tags,
      summary: 'Effacer un apprenant (art. 17) / erase a learner',
      security: [{ bearer: [] }],
      params: Type.Object({ id: Uuid }),
      body: Type.Object({ revokeCredentials: Type.Boolean({ default: false }) }),
      response: { 200: Erased, ...errorResponses(400, 401, 403, 404) },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request) =>
      eraseLearner(services, request.actor!, {
        learnerId: request.params.id,
        revokeCredentials: request.body.revokeCredentials,
      }),
  });
};
