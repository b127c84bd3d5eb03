import type { FastifyPluginAsync } from 'fastify';
import { buildProgressReport } from '../progress-report.service';
import type { Views } from '../../web/views';
import { progressPage } from './progress.page';

/** The cohort matrix (same report as GET /api/reports/progress); its CSV is the API's, which reads the session cookie. */
export const progressPages: FastifyPluginAsync<{ views: Views }> = async (app, { views }) => {
  app.get<{ Querystring: { organisation?: string } }>('/progression', async (request, reply) => {
    const organisation = (request.query.organisation ?? '').trim().slice(0, 200) || undefined;
    const report = await buildProgressReport(app.db, app.programme, { organisation }, request.lang);
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, progressPage(ctx, report));
  });
};
