import type { WithServices } from '../services';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../shared/schemas';
import { buildProgressReport } from './progress-report.service';
import { progressCsv } from './progress-csv';
import { ProgressReportSchema } from './reports.schemas';

const querystring = Type.Object({
  organisation: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Only this organisation' })),
});

/** Cohort reports for organisers. Mounted under /api/reports. */
export const reportsRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  app.get('/progress', {
    schema: {
      tags: ['reports'],
      summary: 'Progression de la cohorte / cohort progress matrix',
      security: [{ bearer: [] }],
      querystring,
      response: { 200: ProgressReportSchema, ...errorResponses(401, 403) },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request) => buildProgressReport(services, { ...request.query, lang: request.lang }),
  });

  app.get('/progress.csv', {
    schema: {
      tags: ['reports'],
      summary: 'La même matrice en CSV pour Excel / the same matrix as CSV for Excel (UTF-8 BOM, `;`)',
      security: [{ bearer: [] }],
      querystring,
      produces: ['text/csv'],
      response: { 200: Type.String({ description: 'text/csv; charset=utf-8' }), ...errorResponses(401, 403) },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request, reply) => {
      const report = await buildProgressReport(services, { ...request.query, lang: request.lang });
      const organisation = request.query.organisation?.replace(/[^\p{L}\p{N}]+/gu, '-');
      const name = `progression${organisation ? `-${organisation}` : ''}.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="progression.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(progressCsv(report, request.lang));
    },
  });
};
