import type { FastifyPluginAsync } from 'fastify';
import { countLearners, countOutbox } from './dashboard.data';
import { programmeEvents } from '../../events/web/programme.data';
import type { Views } from '../../web/views';
import { dashboardPage } from './dashboard.page';

export const dashboardPages: FastifyPluginAsync<{ views: Views }> = async (app, { views }) => {
  app.get('/', async (request, reply) => {
    const ctx = views.context(request, reply);
    const events = await programmeEvents(app.db, app.programme, ctx.lang);
    const now = Date.now();
    return views.send(
      reply,
      ctx,
      dashboardPage(ctx, {
        learners: await countLearners(app.db),
        events: events.length,
        outbox: await countOutbox(app.db),
        upcoming: events.filter((e) => e.startsAt && e.startsAt.getTime() > now).slice(0, 3),
      }),
    );
  });
};
