import type { FastifyPluginAsync } from 'fastify';
import type { Assets } from './assets';
import { sendNotFound } from './not-found';
import { YEAR } from './security-headers';
import type { Views } from './views';

/**
 * `/assets/app.3f9a1c2e.css`: content-hashed names, so a changed file gets a new URL and the old one is
 * cached forever.
 */
export const assetRoutes: FastifyPluginAsync<{ assets: Assets; views: Views }> = async (app, { assets, views }) => {
  app.get<{ Params: { name: string } }>('/assets/:name', async (request, reply) => {
    const asset = assets.byHashedName(request.params.name);
    if (!asset) return sendNotFound(views, request, reply);
    reply.header('cache-control', `public, max-age=${YEAR}, immutable`).header('etag', asset.etag).type(asset.type);
    if (request.headers['if-none-match'] === asset.etag) return reply.status(304).send();
    return reply.send(asset.body);
  });
};
