import type { WithServices } from '../services';
import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../shared/errors';
import { errorResponses } from '../shared/schemas';

export const healthRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  app.get('/health', {
    schema: {
      tags: ['health'],
      summary: 'État du service / service health (checks the database)',
      response: {
        200: Type.Object({ status: Type.Literal('ok'), database: Type.String({ example: 'pglite' }) }),
        ...errorResponses(503),
      },
    },
    handler: async (request) => {
      try {
        await services.db.execute(sql`select 1`);
      } catch (error) {
        request.log.error({ err: error }, 'health: database unreachable');
        throw new AppError('SERVICE_UNAVAILABLE', 503);
      }
      return { status: 'ok' as const, database: services.database.kind };
    },
  });
};
