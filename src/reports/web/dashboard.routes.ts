import type { FastifyPluginAsync } from 'fastify';
import { countLearners, countOutbox } from './dashboard.data';
import { programmeEvents } from '../../events/web/programme.data';
import { paths } from '../../web/urls';
import type { PageOptions } from '../../web/web.plugin';
import { dashboardPage } from './dashboard.page';

/** The organiser's home: counts, the next sessions and shortcuts. */
export const dashboardPages: FastifyPluginAsync<PageOptions> = async (app, { services, views }) => {
  const { db, programme } = services;
  app.get(paths.organiser.dashboard, async (request, reply) => {
    const ctx = views.context(request, reply);
    const events = await programmeEvents(db, programme, ctx.lang);
    const now = Date.now();
    return views.send(
      reply,
      ctx,
      dashboardPage(ctx, {
        learners: await countLearners(db),
        events: events.length,
        outbox: await countOutbox(db),
        upcoming: events.filter((e) => e.startsAt && e.startsAt.getTime() > now).slice(0, 3),
      }),
    );
  });
};
