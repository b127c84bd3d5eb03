import type { FastifyPluginAsync } from 'fastify';
import { loadPublicCredential } from './credential-page.data';
import type { Views } from '../../web/views';
import { credentialPage } from './credential.page';

/**
 * `GET /credentials/:id` for browsers. The credentials area serves the JSON on the same URL and
 * lets a route constrained with `{ accept: 'html' }` answer clients that prefer HTML
 * (credentials.plugin.ts): registered here, the page gets this scope's headers and error page.
 */
export const credentialPages: FastifyPluginAsync<{ views: Views }> = async (app, { views }) => {
  app.get<{ Params: { id: string } }>(
    '/credentials/:id',
    { constraints: { accept: 'html' } },
    async (request, reply) => {
      const credential = await loadPublicCredential(app, request.params.id, request.lang);
      // The same URL answers JSON to other clients: caches must keep the two apart.
      reply.header('vary', 'accept, accept-language, cookie');
      const ctx = views.context(request, reply);
      return views.send(reply, ctx, credentialPage(ctx, credential));
    },
  );
};
