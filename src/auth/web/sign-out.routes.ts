import type { FastifyPluginAsync } from 'fastify';
import { setFlash } from '../../web/flash';
import { signOut } from '../../web/session';
import { paths, urls } from '../../web/urls';
import type { PageOptions } from '../../web/web.plugin';
import { signOutPage } from './learner-sign-in.page';

/** Sign-out, for learners and organisers alike: a confirmation page, then the POST that revokes the session. */
export const signOutPages: FastifyPluginAsync<PageOptions> = async (app, { views }) => {
  app.get(paths.signOut, async (request, reply) => {
    if (!request.viewer) return views.redirect(reply, urls.home());
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, signOutPage(ctx));
  });

  app.post(paths.signOut, async (request, reply) => {
    await signOut(reply, request.viewer);
    setFlash(reply, 'signedOut');
    return views.redirect(reply, urls.home());
  });
};
