import type { FastifyReply, FastifyRequest } from 'fastify';
import { isOrganiser } from './session';
import type { Views } from './views';
import { forbiddenPage } from './error.page';
import { urls } from './urls';

/** Only local organiser pages may be a post-sign-in destination (no open redirect). */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/organisateur(?:[/?]|$)/.test(next) ? next : urls.organiser.dashboard();
}

/**
 * preHandler for organiser pages: no session → the organiser sign-in (coming back here after);
 * a learner's session, or an organiser on an admin page → a 403 page. Learner cookies never
 * reach organiser data.
 */
export function requireOrganiser(views: Views, role: 'organiser' | 'admin' = 'organiser') {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const viewer = request.viewer;
    if (!viewer) {
      return views.redirect(reply, urls.organiser.signIn(request.method === 'GET' ? request.url : undefined));
    }
    if (role === 'admin' ? viewer.role !== 'admin' : !isOrganiser(viewer)) {
      const ctx = views.context(request, reply);
      return views.send(reply, ctx, forbiddenPage(ctx, isOrganiser(viewer) ? 'admin' : 'organiser'));
    }
  };
}
