import type { FastifyPluginAsync } from 'fastify';
import type { WithServices } from '../../services';
import { sendNotFound } from '../../web/not-found';
import { paths } from '../../web/urls';
import type { Views } from '../../web/views';
import { programmeBadges, programmeEvents } from './programme.data';
import { homePage } from './home.page';
import { verifierPages } from '../../credentials/web/verifier.routes';

export const publicPages: FastifyPluginAsync<WithServices & { views: Views }> = async (app, { services, views }) => {
  app.get(paths.home, async (request, reply) => {
    const ctx = views.context(request, reply);
    const { issuer } = services.programme;
    return views.send(
      reply,
      ctx,
      homePage(ctx, {
        issuerName: ctx.lang === 'en' ? (issuer.i18n?.en.name ?? issuer.name) : issuer.name,
        badges: programmeBadges(services.programme, ctx.lang),
        events: await programmeEvents(services.db, services.programme, ctx.lang),
      }),
    );
  });

  await app.register(verifierPages, { services, views });

  // Lowest-priority route: any GET no other route answers. Non-browsers fall through to the
  // errors plugin's JSON 404, unchanged.
  app.get('/*', async (request, reply) => sendNotFound(views, request, reply));
};
