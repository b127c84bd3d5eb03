import type { FastifyPluginAsync } from 'fastify';
import type { WithServices } from '../../services';
import { paths } from '../../web/urls';
import type { Views } from '../../web/views';
import { loadPublicCredential } from './credential-page.data';
import { credentialPage } from './credential.page';

/**
 * `GET /credentials/:id` for browsers. The credentials area serves the JSON on the same URL and
 * lets a route constrained with `{ accept: 'html' }` answer clients that prefer HTML
 * (credentials.plugin.ts): registered here, the page gets this scope's headers and error page.
 */
export const credentialPages: FastifyPluginAsync<WithServices & { views: Views }> = async (
  app,
  { services, views },
) => {
  app.get<{ Params: { id: string } }>(paths.credential, { constraints: { accept: 'html' } }, async (request, reply) => {
    const credential = await loadPublicCredential(services, { id: request.params.id, lang: request.lang });
    // The same URL answers JSON to other clients: caches must keep the two apart.
    reply.header('vary', 'accept, accept-language, cookie');
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, credentialPage(ctx, credential));
  });
};
