import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Views } from '../../web/views';
import { programmeBadges, programmeEvents } from './programme.data';
import { homePage } from './home.page';
import { notFoundPage } from '../../web/error.page';
import { verifierPages } from '../../credentials/web/verifier.routes';

/** Browsers get a page; API clients (and every /api/ path) keep the JSON envelope of the errors plugin. */
export function wantsHtml(request: FastifyRequest): boolean {
  return !request.url.startsWith('/api/') && /\btext\/html\b/.test(request.headers.accept ?? '');
}

export function sendNotFound(views: Views, request: FastifyRequest, reply: FastifyReply) {
  if (!wantsHtml(request)) return reply.callNotFound();
  const ctx = views.context(request, reply);
  return views.send(reply, ctx, notFoundPage(ctx, request.url.split('?')[0] ?? '/'));
}

export const publicPages: FastifyPluginAsync<{ views: Views }> = async (app, { views }) => {
  app.get('/', async (request, reply) => {
    const ctx = views.context(request, reply);
    const { issuer } = app.programme;
    return views.send(
      reply,
      ctx,
      homePage(ctx, {
        issuerName: ctx.lang === 'en' ? (issuer.i18n?.en.name ?? issuer.name) : issuer.name,
        badges: programmeBadges(app.programme, ctx.lang),
        events: await programmeEvents(app.db, app.programme, ctx.lang),
      }),
    );
  });

  await app.register(verifierPages, { views });

  // Lowest-priority route: any GET no other route answers. Non-browsers fall through to the
  // errors plugin's JSON 404, unchanged.
  app.get('/*', async (request, reply) => sendNotFound(views, request, reply));
};
