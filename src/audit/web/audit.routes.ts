import type { FastifyPluginAsync } from 'fastify';
import { listAudit } from '../audit.service';
import { paths } from '../../web/urls';
import type { PageOptions } from '../../web/web.plugin';
import { auditPage } from './audit.page';
import { requireOrganiser } from '../../web/guard';

const PAGE_SIZE = 50;

/** The audit log, admins only, like GET /api/audit. */
export const auditPages: FastifyPluginAsync<PageOptions> = async (app, { services, views }) => {
  app.get<{ Querystring: { avant?: string } }>(
    paths.organiser.audit,
    { preHandler: requireOrganiser(views, 'admin') },
    async (request, reply) => {
      const before = Number.parseInt(request.query.avant ?? '', 10);
      const rows = await listAudit(services.db, { limit: PAGE_SIZE + 1, before: before > 0 ? before : undefined });
      const entries = rows.slice(0, PAGE_SIZE);
      const ctx = views.context(request, reply);
      return views.send(
        reply,
        ctx,
        auditPage(ctx, {
          entries,
          olderThan: rows.length > PAGE_SIZE ? (entries.at(-1)?.id ?? null) : null,
          paged: before > 0,
        }),
      );
    },
  );
};
