import type { FastifyPluginAsync } from 'fastify';
import { buildProgressReport } from '../progress-report.service';
import { paths } from '../../web/urls';
import type { PageOptions } from '../../web/web.plugin';
import { progressPage } from './progress.page';

/**
 * The cohort matrix (same report as GET /api/reports/progress); its CSV is the API's, which reads
 * the session cookie.
 */
export const progressPages: FastifyPluginAsync<PageOptions> = async (app, { services, views }) => {
  app.get<{ Querystring: { organisation?: string } }>(paths.organiser.progress, async (request, reply) => {
    const organisation = (request.query.organisation ?? '').trim().slice(0, 200) || undefined;
    const report = await buildProgressReport(services, { organisation, lang: request.lang });
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, progressPage(ctx, report));
  });
};
