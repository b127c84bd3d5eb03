import type { WithServices } from '../services';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../shared/errors';
import { errorResponses, Uuid } from '../shared/schemas';
import { ImportPeopleQuerySchema, ImportPersonSchema } from './attendance.schemas';
import { findImport, pageImportPeople } from './attendance.service';

/** The people of a committed import, one page at a time (the commit answers with counts only). */
export const importPeopleRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  app.get('/imports/:id/people', {
    schema: {
      tags: ['attendance'],
      summary: 'Personnes enregistrées par un import, par page / people an import recorded, paged',
      description:
        'The learners whose attendance this import wrote, by e-mail. People whose attendance was already ' +
        'as good are counted as `unchanged` in the import, not listed here.',
      security: [{ bearer: [] }],
      params: Type.Object({ id: Uuid }),
      querystring: ImportPeopleQuerySchema,
      response: {
        200: Type.Object({
          total: Type.Integer(),
          offset: Type.Integer(),
          limit: Type.Integer(),
          people: Type.Array(ImportPersonSchema),
        }),
        ...errorResponses(400, 401, 403, 404),
      },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request) => {
      const { id } = request.params;
      if (!(await findImport(services.db, id))) throw new AppError('NOT_FOUND', 404, { resource: `imports/${id}` });
      const { offset, limit } = request.query;
      const page = await pageImportPeople(services.db, id, { offset, limit });
      return { total: page.total, offset, limit, people: page.rows };
    },
  });
};
