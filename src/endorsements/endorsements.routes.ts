import type { WithServices } from '../services';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses, Uuid } from '../shared/schemas';
import { EndorseBodySchema, EndorsementSummarySchema, WithdrawBodySchema } from './endorsements.schemas';

const Document = Type.Object({}, { additionalProperties: true });

/** Organisers' endorsement API, under /api: sign (hosted) or import (offline), list, withdraw. */
export const endorsementsRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  const { db, endorsements } = services;

  app.post('/endorsements', {
    schema: {
      tags: ['endorsements'],
      summary:
        'Labellise un badge (mode hébergé) ou importe une labélisation signée hors ligne / endorses a badge ' +
        '(hosted mode) or imports an endorsement signed offline',
      security: [{ bearer: [] }],
      body: EndorseBodySchema,
      response: { 201: Document, ...errorResponses(400, 401, 403, 404, 409) },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request, reply) => {
      const body = request.body;
      const result =
        'format' in body
          ? await endorsements.importSigned(db, request.actor!, body as Parameters<typeof endorsements.importSigned>[2])
          : await endorsements.endorse(db, request.actor!, body);
      return reply.status(201).send(result);
    },
  });

  app.get('/endorsements', {
    schema: {
      tags: ['endorsements'],
      summary: 'Les labélisations, leur état et leur validité / endorsements, their state and validity',
      security: [{ bearer: [] }],
      response: {
        200: Type.Object({ endorsements: Type.Array(EndorsementSummarySchema) }),
        ...errorResponses(401, 403),
      },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request) => ({ endorsements: await endorsements.list(db, request.lang) }),
  });

  app.post('/endorsements/:id/revoke', {
    schema: {
      tags: ['endorsements'],
      summary: 'Retire une labélisation, avec un motif / withdraws an endorsement, with a reason',
      security: [{ bearer: [] }],
      params: Type.Object({ id: Uuid }),
      body: WithdrawBodySchema,
      response: {
        200: Type.Object({ id: Uuid, withdrawnAt: Type.String(), pendingSignature: Type.Boolean() }),
        ...errorResponses(400, 401, 403, 404, 409),
      },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request) =>
      endorsements.withdraw(db, request.actor!, {
        id: request.params.id.toLowerCase(),
        reason: request.body.reason.trim(),
      }),
  });
};
