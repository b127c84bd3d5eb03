import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFoundPage } from './error.page';
import type { Views } from './views';

/** Browsers get a page; API clients (and every /api/ path) keep the JSON envelope of the errors plugin. */
export function wantsHtml(request: FastifyRequest): boolean {
  return !request.url.startsWith('/api/') && /\btext\/html\b/.test(request.headers.accept ?? '');
}

export function sendNotFound(views: Views, request: FastifyRequest, reply: FastifyReply) {
  if (!wantsHtml(request)) return reply.callNotFound();
  const ctx = views.context(request, reply);
  return views.send(reply, ctx, notFoundPage(ctx, request.url.split('?')[0] ?? '/'));
}
