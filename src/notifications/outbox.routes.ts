import type { WithServices } from '../services';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses, Uuid } from '../shared/schemas';
import { listAttempts, listOutbox } from './outbox.store';
import { retryOutboxMessage } from './outbox.service';

const Status = Type.Union([
  Type.Literal('pending'),
  Type.Literal('sending'),
  Type.Literal('sent'),
  Type.Literal('failed'),
]);
const MessageSchema = Type.Object({
  id: Uuid,
  to: Type.String(),
  subject: Type.String(),
  template: Type.String(),
  status: Status,
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  nextAttemptAt: Type.String({ format: 'date-time' }),
});

export const outboxRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  const { db } = services;
  app.get('', {
    schema: {
      tags: ['outbox'],
      summary: 'E-mails envoyés, en attente, en échec / sent, pending and failed e-mails',
      security: [{ bearer: [] }],
      querystring: Type.Object({
        status: Type.Optional(Status),
        limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
        offset: Type.Integer({ minimum: 0, default: 0 }),
      }),
      response: { 200: Type.Object({ messages: Type.Array(MessageSchema) }), ...errorResponses(401, 403) },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request) => {
      const rows = await listOutbox(db, request.query.status, request.query.limit, request.query.offset);
      return {
        messages: rows.map((m) => ({
          id: m.id,
          to: m.to,
          subject: m.subject,
          template: m.template,
          status: m.status,
          attempts: m.attempts,
          lastError: m.lastError,
          createdAt: m.createdAt.toISOString(),
          sentAt: m.sentAt?.toISOString() ?? null,
          nextAttemptAt: m.nextAttemptAt.toISOString(),
        })),
      };
    },
  });

  app.get('/:id/attempts', {
    schema: {
      tags: ['outbox'],
      summary: 'Tentatives d’envoi / delivery attempts',
      security: [{ bearer: [] }],
      params: Type.Object({ id: Uuid }),
      response: {
        200: Type.Object({
          attempts: Type.Array(
            Type.Object({
              at: Type.String(),
              ok: Type.Boolean(),
              transport: Type.String(),
              error: Type.Union([Type.String(), Type.Null()]),
            }),
          ),
        }),
        ...errorResponses(401, 403),
      },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request) => ({
      attempts: (await listAttempts(db, request.params.id)).map((a) => ({
        at: a.at.toISOString(),
        ok: a.ok,
        transport: a.transport,
        error: a.error,
      })),
    }),
  });

  app.post('/:id/retry', {
    schema: {
      tags: ['outbox'],
      summary: 'Relance un e-mail / retries an e-mail now',
      security: [{ bearer: [] }],
      params: Type.Object({ id: Uuid }),
      response: { 202: Type.Object({ status: Type.Literal('pending') }), ...errorResponses(401, 403, 404) },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request, reply) => {
      await retryOutboxMessage(db, request.actor!, request.params.id);
      return reply.status(202).send({ status: 'pending' as const });
    },
  });
};
