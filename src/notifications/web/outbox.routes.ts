import type { FastifyPluginAsync } from 'fastify';
import { listOutbox } from '../outbox.store';
import { retryOutboxMessage } from '../outbox.service';
import { countOutbox, type OutboxStatus } from '../../reports/web/dashboard.data';
import { setFlash } from '../../web/flash';
import { formBody } from '../../web/forms';
import type { Views } from '../../web/views';
import { outboxPage } from './outbox.page';

const PAGE_SIZE = 50;
const STATUSES: readonly OutboxStatus[] = ['pending', 'sending', 'sent', 'failed'];
const asStatus = (value: unknown) => (STATUSES.includes(value as OutboxStatus) ? (value as OutboxStatus) : null);

/** The outbox: what was sent, what waits, what failed, and a retry (same change as POST /api/outbox/:id/retry). */
export const outboxPages: FastifyPluginAsync<{ views: Views }> = async (app, { views }) => {
  app.get<{ Querystring: { statut?: string; page?: string } }>('/courriels', async (request, reply) => {
    const status = asStatus(request.query.statut);
    const page = Math.max(1, Math.min(1000, Number.parseInt(request.query.page ?? '1', 10) || 1));
    const rows = await listOutbox(app.db, status ?? undefined, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
    const ctx = views.context(request, reply);
    return views.send(
      reply,
      ctx,
      outboxPage(ctx, {
        status,
        page,
        counts: await countOutbox(app.db),
        messages: rows.slice(0, PAGE_SIZE),
        hasMore: rows.length > PAGE_SIZE,
      }),
    );
  });

  app.post<{ Params: { id: string } }>(
    '/courriels/:id/relancer',
    {
      schema: { params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] } },
    },
    async (request, reply) => {
      const { id } = request.params;
      await retryOutboxMessage(app.db, { id: request.viewer!.sub, email: request.viewer!.email }, id);
      setFlash(reply, 'mailRetried');
      const status = asStatus(formBody(request.body).statut);
      return views.redirect(reply, `/organisateur/courriels${status ? `?statut=${status}` : ''}`);
    },
  );
};
