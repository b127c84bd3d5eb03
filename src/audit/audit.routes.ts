import type { WithServices } from '../services';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../shared/schemas';
import { listAudit } from './audit.service';

const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorEmail: Type.Union([Type.String(), Type.Null()]),
  action: Type.String({ example: 'attendance.import' }),
  targetType: Type.String(),
  targetId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
  at: Type.String({ format: 'date-time' }),
});

export const auditRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  app.get('', {
    schema: {
      tags: ['audit'],
      summary: 'Journal d’audit / audit log (admins), newest first',
      security: [{ bearer: [] }],
      querystring: Type.Object({
        limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
        before: Type.Optional(Type.Integer({ description: 'Entries older than this id (paging)' })),
      }),
      response: { 200: Type.Object({ entries: Type.Array(AuditEntrySchema) }), ...errorResponses(401, 403) },
    },
    preHandler: app.requireRole('admin'),
    handler: async (request) => {
      const rows = await listAudit(services.db, request.query);
      return { entries: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
    },
  });
};
