import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { Uuid } from '../../shared/schemas';
import { countOutbox, listOutbox, type OutboxStatus, retryOutboxMessage } from '../outbox.service';
import { setFlash } from '../../web/flash';
import { formBody } from '../../web/forms';
import { paths, urls } from '../../web/urls';
import type { PageOptions } from '../../web/web.plugin';
import { outboxPage } from './outbox.page';

const PAGE_SIZE = 50;
const STATUSES: readonly OutboxStatus[] = ['pending', 'sending', 'sent', 'failed'];
const asStatus = (value: unknown) => (STATUSES.includes(value as OutboxStatus) ? (value as OutboxStatus) : null);

/** The outbox: what was sent, what waits, what failed, and a retry (same change as POST /api/outbox/:id/retry). */
export const outboxPages: FastifyPluginAsync<PageOptions> = async (app, { services, views }) => {
  const { db } = services;
  app.get<{ Querystring: { statut?: string; page?: string } }>(paths.organiser.outbox, async (request, reply) => {
    const status = asStatus(request.query.statut);
    const page = Math.max(1, Math.min(1000, Number.parseInt(request.query.page ?? '1', 10) || 1));
    const rows = await listOutbox(db, status ?? undefined, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
    const ctx = views.context(request, reply);
    return views.send(
      reply,
      ctx,
      outboxPage(ctx, {
        status,
        page,
        counts: await countOutbox(db),
        messages: rows.slice(0, PAGE_SIZE),
        hasMore: rows.length > PAGE_SIZE,
      }),
    );
  });

  app.post<{ Params: { id: string } }>(
    paths.organiser.resend,
    {
      schema: { params: Type.Object({ id: Uuid }) },
    },
    async (request, reply) => {
      const { id } = request.params;
      await retryOutboxMessage(db, request.actor!, id);
      setFlash(reply, 'mailRetried');
      const status = asStatus(formBody(request.body).statut);
      return views.redirect(reply, urls.organiser.outbox(status ?? undefined));
    },
  );
};
