import type { FastifyPluginAsync } from 'fastify';
import { formBody } from '../../web/forms';
import { paths } from '../../web/urls';
import type { PageOptions } from '../../web/web.plugin';
import { unsubscribe, validUnsubscribeLink } from '../unsubscribe.service';
import { unsubscribePage } from './unsubscribe.page';

const asLink = (q: Record<string, string | undefined>) => ({
  learnerId: (q.l ?? '').slice(0, 64),
  kind: (q.k ?? '').slice(0, 64),
  token: (q.t ?? '').slice(0, 100),
});

/** The page a reminder's unsubscribe link opens (public: the signed link is the permission). */
export const unsubscribePages: FastifyPluginAsync<PageOptions> = async (app, { services, views }) => {
  const { jwtSecret } = services.config.auth;
  const kindLabel = (kind: string, lang: 'fr' | 'en') =>
    services.reminders.rules.find((r) => r.key === kind)?.subject[lang].replace(/\s*[:«“].*$/, '') ?? kind;

  app.get<{ Querystring: Record<string, string | undefined> }>(paths.unsubscribe, async (request, reply) => {
    const ctx = views.context(request, reply);
    const link = asLink(request.query);
    if (!validUnsubscribeLink(jwtSecret, link))
      return views.send(reply, ctx, unsubscribePage(ctx, { state: 'invalid' }));
    const view = { l: link.learnerId, k: link.kind, t: link.token };
    return views.send(
      reply,
      ctx,
      unsubscribePage(ctx, { state: 'ask', link: view, kindLabel: kindLabel(link.kind, ctx.lang) }),
    );
  });

  app.post(paths.unsubscribe, async (request, reply) => {
    const ctx = views.context(request, reply);
    const body = formBody(request.body);
    const link = asLink(body);
    if (!validUnsubscribeLink(jwtSecret, link))
      return views.send(reply, ctx, unsubscribePage(ctx, { state: 'invalid' }));
    const all = body.tout === '1';
    await unsubscribe(services, link, { all });
    return views.send(reply, ctx, unsubscribePage(ctx, { state: 'done', all }));
  });
};
